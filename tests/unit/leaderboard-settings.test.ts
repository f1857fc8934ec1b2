/** The projector layout joined the settings after version 1 shipped: old saved settings still load. */
import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../support/FakeStorage';
import { DEFAULT_SETTINGS, Settings, SETTINGS_KEY } from '../../src/game/Settings';

const v1 = { speed: 4, reducedMotion: true, highContrast: false, showHints: false };

describe('the projector layout setting', () => {
  it('defaults to off, and settings saved before it existed load without a notice', () => {
    expect(DEFAULT_SETTINGS.projector).toBe(false);
    const storage = new FakeStorage({ [SETTINGS_KEY]: JSON.stringify({ version: 1, values: v1 }) });
    const s = new Settings(storage);
    expect(s.notice).toBeNull();
    expect(s.values).toEqual({ ...v1, projector: false });
    expect(storage.map.get(`${SETTINGS_KEY}.backup-1`)).toBeUndefined();
  });

  it('is saved and read back; a wrong value is still unreadable', () => {
    const storage = new FakeStorage();
    new Settings(storage).update({ projector: true });
    expect(new Settings(storage).values.projector).toBe(true);
    const bad = new FakeStorage({ [SETTINGS_KEY]: JSON.stringify({ version: 1, values: { ...v1, projector: 'yes' } }) });
    expect(new Settings(bad).notice).not.toBeNull();
  });
});
