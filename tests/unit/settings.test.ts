import { describe, expect, it } from 'vitest';
import { backupKeys, browserStorage } from '../../src/game/SavedData';
import { FakeStorage } from '../support/FakeStorage';
import { DEFAULT_SETTINGS, Settings, SETTINGS_KEY, SETTINGS_VERSION, STUCK_NOTICE, UNREADABLE_NOTICE, speedLabel } from '../../src/game/Settings';

const record = (values: unknown, version: unknown = SETTINGS_VERSION) => JSON.stringify({ version, values });
const OTHER = { 'someone-else': 'keep me', 'phoenix-flow/progress': '{"version":1,"values":{}}' };

describe('Settings', () => {
  it('starts from the defaults when nothing is saved, with no notice', () => {
    const s = new Settings(new FakeStorage());
    expect(s.values).toEqual(DEFAULT_SETTINGS);
    expect(s.notice).toBeNull();
    expect(s.persistent).toBe(true);
  });

  it('saves every update under the versioned key and reads it back', () => {
    const storage = new FakeStorage(OTHER);
    const s = new Settings(storage);
    expect(s.update({ speed: 16, reducedMotion: true })).toBe(true);
    expect(JSON.parse(storage.map.get(SETTINGS_KEY)!)).toEqual({ version: 1, values: { ...DEFAULT_SETTINGS, speed: 16, reducedMotion: true } });
    const again = new Settings(storage);
    expect(again.values).toEqual({ ...DEFAULT_SETTINGS, speed: 16, reducedMotion: true });
    expect(again.notice).toBeNull();
    expect(storage.map.get('someone-else')).toBe('keep me');
  });

  it('keeps values frozen and ignores invalid values in a patch', () => {
    const s = new Settings(new FakeStorage());
    s.update({ speed: 3 as never, highContrast: true, bogus: 1 } as never);
    expect(s.values).toEqual({ ...DEFAULT_SETTINGS, highContrast: true });
    expect(Object.isFrozen(s.values)).toBe(true);
    expect(() => ((s.values as { speed: unknown }).speed = 2)).toThrow();
  });

  it('tells listeners about changes until they unsubscribe', () => {
    const s = new Settings(new FakeStorage());
    const seen: unknown[] = [];
    const off = s.onChange((v) => seen.push(v.speed));
    s.update({ speed: 2 });
    off();
    s.update({ speed: 4 });
    expect(seen).toEqual([2]);
  });

  const unreadable: [string, string][] = [
    ['corrupt JSON', '{"version":1,"values":{'],
    ['not an object', '"hello"'],
    ['an array', '[1,2,3]'],
    ['a wrong version', record(DEFAULT_SETTINGS, 2)],
    ['no version', JSON.stringify({ values: DEFAULT_SETTINGS })],
    ['a wrong type', record({ ...DEFAULT_SETTINGS, speed: 'fast' })],
    ['a wrong boolean', record({ ...DEFAULT_SETTINGS, reducedMotion: 'yes' })],
    ['a missing field', record({ speed: 1, reducedMotion: false, highContrast: false })],
    ['an unknown field', record({ ...DEFAULT_SETTINGS, colour: 'red' })],
    ['null values', record(null)],
  ];

  for (const [what, raw] of unreadable) {
    it(`sets aside saved data with ${what}, says so once, and touches no other key`, () => {
      const storage = new FakeStorage({ ...OTHER, [SETTINGS_KEY]: raw });
      const s = new Settings(storage);
      expect(s.values).toEqual(DEFAULT_SETTINGS);
      expect(s.notice).toBe(UNREADABLE_NOTICE);
      expect(s.takeNotice()).toBe(UNREADABLE_NOTICE);
      expect(s.takeNotice()).toBeNull();
      expect(storage.snapshot()).toEqual({ ...OTHER, [`${SETTINGS_KEY}.backup-1`]: raw });
      // Saving afterwards writes the settings key, and the backup stays.
      expect(s.update({ showHints: false })).toBe(true);
      expect(storage.map.get(`${SETTINGS_KEY}.backup-1`)).toBe(raw);
      expect(new Settings(storage).values.showHints).toBe(false);
    });
  }

  it('never overwrites an earlier backup: it takes the next free slot', () => {
    const storage = new FakeStorage({ [`${SETTINGS_KEY}.backup-1`]: 'older', [SETTINGS_KEY]: 'newer junk' });
    new Settings(storage);
    expect(storage.snapshot()).toEqual({ [`${SETTINGS_KEY}.backup-1`]: 'older', [`${SETTINGS_KEY}.backup-2`]: 'newer junk' });
  });

  it('leaves unreadable data in place and does not save over it when no backup can be written', () => {
    const storage = new FakeStorage({ [SETTINGS_KEY]: 'junk' });
    storage.fail.set = (key) => key.includes('.backup-');
    const s = new Settings(storage);
    expect(s.values).toEqual(DEFAULT_SETTINGS);
    expect(s.notice).toBe(STUCK_NOTICE);
    expect(s.persistent).toBe(false);
    expect(s.update({ speed: 2 })).toBe(false);
    expect(s.values.speed).toBe(2);
    expect(storage.snapshot()).toEqual({ [SETTINGS_KEY]: 'junk' });
  });

  it('leaves unreadable data in place when every backup slot is taken', () => {
    const full = Object.fromEntries(backupKeys(SETTINGS_KEY).map((k) => [k, 'old']));
    const storage = new FakeStorage({ ...full, [SETTINGS_KEY]: 'junk' });
    const s = new Settings(storage);
    expect(s.notice).toBe(STUCK_NOTICE);
    s.update({ speed: 4 });
    expect(storage.map.get(SETTINGS_KEY)).toBe('junk');
  });

  it('keeps the original when removing it fails after the backup was written', () => {
    const storage = new FakeStorage({ [SETTINGS_KEY]: 'junk' });
    storage.fail.remove = true;
    const s = new Settings(storage);
    expect(s.notice).toBe(STUCK_NOTICE);
    expect(storage.map.get(SETTINGS_KEY)).toBe('junk');
  });

  it('works with defaults, without crashing or a notice, when storage throws on every call', () => {
    const storage = new FakeStorage();
    storage.fail = { get: true, set: true, remove: true };
    const s = new Settings(storage);
    expect(s.values).toEqual(DEFAULT_SETTINGS);
    expect(s.notice).toBeNull();
    expect(s.persistent).toBe(false);
    expect(s.update({ highContrast: true })).toBe(false);
    expect(s.values.highContrast).toBe(true);
  });

  it('works without any storage at all', () => {
    const s = Settings.load(null);
    expect(s.values).toEqual(DEFAULT_SETTINGS);
    expect(s.update({ speed: 'max' })).toBe(false);
    expect(s.values.speed).toBe('max');
  });

  it('reports a full storage on save without losing the change in memory', () => {
    const storage = new FakeStorage();
    const s = new Settings(storage);
    storage.fail.set = true;
    expect(s.update({ speed: 4 })).toBe(false);
    expect(s.values.speed).toBe(4);
  });

  it('reaches localStorage safely: a page that forbids it gets null, not an exception', () => {
    const g = globalThis as { localStorage?: unknown };
    const before = Object.getOwnPropertyDescriptor(g, 'localStorage');
    Object.defineProperty(g, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    try {
      expect(browserStorage()).toBeNull();
      expect(Settings.load().values).toEqual(DEFAULT_SETTINGS);
    } finally {
      if (before) Object.defineProperty(g, 'localStorage', before);
      else delete g.localStorage;
    }
  });

  it('labels speeds for the screen', () => {
    expect([1, 2, 4, 16, 'max'].map((v) => speedLabel(v as never))).toEqual(['1×', '2×', '4×', '16×', 'Max']);
  });
});
