import { describe, expect, it, vi } from 'vitest';
import { FONT_FACES, loadFonts, type FontLoader } from '../../src/game/Fonts';
import { FONT_FAMILY } from '../../src/game/Theme';

describe('loadFonts', () => {
  it('asks for the regular and the bold face of the family the theme uses', async () => {
    const asked: string[] = [];
    const fonts: FontLoader = { load: (f) => (asked.push(f), Promise.resolve([{}])) };
    expect(await loadFonts(1000, fonts)).toBe('loaded');
    expect(asked).toEqual([...FONT_FACES]);
    expect(FONT_FAMILY.startsWith('"Atkinson Hyperlegible"')).toBe(true);
    for (const f of FONT_FACES) expect(f).toContain('"Atkinson Hyperlegible"');
  });

  it('goes on after the timeout when the font never arrives', async () => {
    vi.useFakeTimers();
    try {
      const result = loadFonts(3000, { load: () => new Promise(() => {}) });
      await vi.advanceTimersByTimeAsync(3000);
      expect(await result).toBe('timeout');
    } finally {
      vi.useRealTimers();
    }
  });

  it('never rejects: a failing or throwing loader, an empty match, no font API', async () => {
    expect(await loadFonts(1000, { load: () => Promise.reject(new Error('network')) })).toBe('failed');
    expect(
      await loadFonts(1000, {
        load: () => {
          throw new SyntaxError('bad font');
        },
      }),
    ).toBe('failed');
    expect(await loadFonts(1000, { load: () => Promise.resolve([]) })).toBe('failed');
    expect(await loadFonts(1000, null)).toBe('unsupported');
  });
});
