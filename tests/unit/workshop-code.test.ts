import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinIds } from '../../src/scenarios';
import { CODE_ALPHABET } from '../../src/game/facilitator/CodeAlphabet';
import { SCENARIO_TAGS } from '../../src/game/facilitator/ScenarioTags';
import { MAX_CODE_SEED, readWorkshopCode, TYPO_MESSAGE, workshopCode } from '../../src/game/facilitator/WorkshopCode';

describe('workshop codes', () => {
  it('name every built-in scenario with a distinct tag no other tag starts with, free of 0/O/1/I/L', () => {
    expect(SCENARIO_TAGS.map((t) => t.id).sort()).toEqual(builtinIds().sort());
    for (const a of SCENARIO_TAGS) {
      expect(a.tag).toMatch(/^[A-Z]+$/);
      expect(a.tag).not.toMatch(/[OIL]/);
      for (const b of SCENARIO_TAGS) if (a !== b) expect(b.tag.startsWith(a.tag)).toBe(false);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(CODE_ALPHABET).toHaveLength(31);
  });

  it('look like BRENT-XXXX-X and read back to the same scenario and seed', () => {
    const code = workshopCode('brent', 4821)!;
    expect(code).toMatch(/^BRENT-[2-9A-Z]{4}-[2-9A-Z]$/);
    expect(readWorkshopCode(code)).toEqual({ ok: true, scenarioId: 'brent', seed: 4821, code });
    expect(workshopCode('brent', MAX_CODE_SEED)!.length).toBeLessThanOrEqual(16);
  });

  it('ignore case, spaces and dashes', () => {
    const code = workshopCode('wip-limits', 77)!;
    const loose = `  ${code.toLowerCase().replace(/-/g, ' ')} `;
    expect(readWorkshopCode(loose)).toMatchObject({ ok: true, scenarioId: 'wip-limits', seed: 77 });
    expect(readWorkshopCode(code.replace(/-/g, ''))).toMatchObject({ ok: true, seed: 77 });
  });

  it('round-trip every scenario and any seed (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIO_TAGS.map((t) => t.id)), fc.integer({ min: 0, max: MAX_CODE_SEED }), (id, seed) => {
        const r = readWorkshopCode(workshopCode(id, seed)!);
        expect(r).toMatchObject({ ok: true, scenarioId: id, seed });
      }),
    );
  });

  it('report every single wrong character and every swap of neighbours as a typo, never another game', () => {
    for (const [id, seed] of [['brent', 4821], ['batch-size', 1], ['finale', 123_456_789], ['mm1', 0]] as const) {
      const code = workshopCode(id, seed)!;
      const plain = code.replace(/-/g, '');
      const chars = [...plain];
      for (let i = 0; i < chars.length; i++) {
        for (const c of CODE_ALPHABET + 'OIL01') {
          if (c === chars[i]) continue;
          const typo = [...chars];
          typo[i] = c;
          const r = readWorkshopCode(typo.join(''));
          expect(r.ok, `${typo.join('')} from ${plain}`).toBe(false);
        }
        if (i + 1 < chars.length && chars[i] !== chars[i + 1]) {
          const swapped = [...chars];
          [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
          expect(readWorkshopCode(swapped.join('')).ok, `${swapped.join('')} from ${plain}`).toBe(false);
        }
      }
    }
  });

  it('answer bad input with a plain message', () => {
    const code = workshopCode('brent', 4821)!;
    const message = (s: string) => {
      const r = readWorkshopCode(s);
      if (r.ok) throw new Error(`${s} was accepted`);
      return r.message;
    };
    expect(message('')).toMatch(/Type the workshop code/);
    expect(message('hello')).toMatch(/only part of a code/);
    expect(message('XYZZY-2222-2')).toMatch(/start with the name of a lesson/);
    expect(message(code.replace(/.$/, 'O'))).toMatch(/never use 0, O, 1, I or L/);
    expect(message('BRENT-22')).toMatch(/too short/);
    expect(message('x'.repeat(500))).toMatch(/too long/);
    expect(message(code.slice(0, -1) + (code.endsWith('Z') ? 'Y' : 'Z'))).toBe(TYPO_MESSAGE);
    // A seed larger than any game uses, with a correct check character.
    const big = readWorkshopCode(bigSeedCode());
    expect(big).toMatchObject({ ok: false });
    expect(!big.ok && big.message).toMatch(/seed is larger/);
    expect(readWorkshopCode(42 as never)).toMatchObject({ ok: false });
  });

  it('give no code for unknown scenarios or impossible seeds', () => {
    expect(workshopCode('nope', 1)).toBeNull();
    expect(workshopCode('brent', -1)).toBeNull();
    expect(workshopCode('brent', 1.5)).toBeNull();
    expect(workshopCode('brent', MAX_CODE_SEED + 1)).toBeNull();
  });
});

/** BRENT with seed digits ZZZZZZZ (31^7 − 1) and the right check, found by trying each check character. */
function bigSeedCode(): string {
  for (const c of CODE_ALPHABET) {
    const code = `BRENT-ZZZZZZZ-${c}`;
    const r = readWorkshopCode(code);
    if (r.ok || r.message !== TYPO_MESSAGE) return code;
  }
  throw new Error('no check character fits');
}
