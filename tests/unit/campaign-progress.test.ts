import { describe, expect, it } from 'vitest';
import { CampaignProgress, PROGRESS_KEY, PROGRESS_STUCK_NOTICE, PROGRESS_UNREADABLE_NOTICE, PROGRESS_VERSION } from '../../src/game/CampaignProgress';
import { backupKeys } from '../../src/game/SavedData';
import { SETTINGS_KEY } from '../../src/game/Settings';
import { LiveGameContext } from '../../src/game/LiveGameContext';
import { Settings } from '../../src/game/Settings';
import { FakeStorage } from '../support/FakeStorage';
import { playThrough } from '../support/playThrough';

const CAMPAIGN = [
  { id: 'one', order: 1 },
  { id: 'two', order: 2 },
  { id: 'three', order: 3 },
];
const record = (values: unknown, version: unknown = PROGRESS_VERSION) => JSON.stringify({ version, values });
const SETTINGS = record({ speed: 4, reducedMotion: true, highContrast: false, showHints: true }, 1);

describe('CampaignProgress', () => {
  it('opens the first lesson only, then each one after the one before is finished', () => {
    const p = new CampaignProgress(new FakeStorage());
    expect(CAMPAIGN.map((l) => p.isOpen(l.id, CAMPAIGN))).toEqual([true, false, false]);
    p.record('one', 12, false);
    expect(CAMPAIGN.map((l) => p.isOpen(l.id, CAMPAIGN))).toEqual([true, true, false]);
    p.record('two', 40, true);
    expect(CAMPAIGN.map((l) => p.isOpen(l.id, CAMPAIGN))).toEqual([true, true, true]);
  });

  it('keeps the best score, remembers a met goal, counts plays, and saves under its own versioned key', () => {
    const storage = new FakeStorage({ [SETTINGS_KEY]: SETTINGS });
    const p = new CampaignProgress(storage);
    expect(p.record('one', 300, true)).toBe(true);
    p.record('one', 250, false);
    expect(p.lesson('one')).toEqual({ finished: true, bestScore: 300, goalMet: true, plays: 2 });
    const again = new CampaignProgress(storage);
    expect(again.lesson('one')).toEqual({ finished: true, bestScore: 300, goalMet: true, plays: 2 });
    expect(JSON.parse(storage.map.get(PROGRESS_KEY)!).version).toBe(PROGRESS_VERSION);
    expect(storage.map.get(SETTINGS_KEY)).toBe(SETTINGS);
  });

  it('trainer mode opens every lesson; saved, or for this visit only', () => {
    const storage = new FakeStorage();
    const p = new CampaignProgress(storage);
    p.setTrainerMode(true, false);
    expect(CAMPAIGN.every((l) => p.isOpen(l.id, CAMPAIGN))).toBe(true);
    expect(new CampaignProgress(storage).trainerMode).toBe(false);
    p.setTrainerMode(true);
    expect(new CampaignProgress(storage).trainerMode).toBe(true);
  });

  it.each([
    ['not JSON', '{oops'],
    ['another version', record({ lessons: {} }, 99)],
    ['a foreign shape', record({ lessons: { one: { finished: 'yes' } } })],
    ['an absurd number', record({ lessons: { one: { finished: true, bestScore: null, goalMet: false, plays: -3 } } })],
  ])('%s is reported, moved aside, and nothing else saved is lost', (_name, raw) => {
    const storage = new FakeStorage({ [PROGRESS_KEY]: raw, [SETTINGS_KEY]: SETTINGS, other: 'keep me' });
    const p = new CampaignProgress(storage);
    expect(p.takeNotice()).toBe(PROGRESS_UNREADABLE_NOTICE);
    expect(p.takeNotice()).toBeNull();
    expect(storage.map.get(backupKeys(PROGRESS_KEY)[0]!)).toBe(raw);
    expect(storage.map.get(SETTINGS_KEY)).toBe(SETTINGS);
    expect(storage.map.get('other')).toBe('keep me');
    expect(p.isOpen('two', CAMPAIGN)).toBe(false);
    // The game carries on and saves afresh.
    expect(p.record('one', 5, false)).toBe(true);
    expect(new CampaignProgress(storage).lesson('one').finished).toBe(true);
    expect(new Settings(storage).values.speed).toBe(4);
  });

  it('never writes over a record it could not move aside', () => {
    const storage = new FakeStorage({ [PROGRESS_KEY]: '{oops' });
    storage.fail.set = true;
    const p = new CampaignProgress(storage);
    expect(p.takeNotice()).toBe(PROGRESS_STUCK_NOTICE);
    storage.fail.set = false;
    expect(p.record('one', 5, false)).toBe(false);
    expect(storage.map.get(PROGRESS_KEY)).toBe('{oops');
    expect(p.lesson('one').finished).toBe(true); // still counts for this visit
  });

  it('works without storage at all', () => {
    const p = new CampaignProgress(null);
    expect(p.persistent).toBe(false);
    expect(p.record('one', 1, true)).toBe(false);
    expect(p.isOpen('two', CAMPAIGN)).toBe(true);
  });
});

describe('the campaign in the game context', () => {
  it('locks every lesson after the first, refuses to start a locked one, and records a finished game once', () => {
    const storage = new FakeStorage();
    const ctx = new LiveGameContext(new Settings(storage), new CampaignProgress(storage));
    const lessons = ctx.catalog().filter((e) => e.order !== null);
    expect(lessons.length).toBeGreaterThanOrEqual(2);
    expect(lessons.map((e) => e.locked)).toEqual(lessons.map((_, i) => i > 0));
    const [first, second] = lessons;
    expect(ctx.newSession(second!.id, 1)).toMatch(/is locked/);
    expect(ctx.newSession(second!.id, 1, { sandbox: true })).toBeNull();
    // A sandbox game never counts.
    playThrough(ctx);
    ctx.recordFinishedGame();
    expect(ctx.progress.lesson(second!.id).plays).toBe(0);

    expect(ctx.newSession(first!.id, 1)).toBeNull();
    playThrough(ctx);
    ctx.recordFinishedGame();
    ctx.recordFinishedGame();
    expect(ctx.progress.lesson(first!.id)).toMatchObject({ finished: true, plays: 1, bestScore: ctx.session!.score });
    expect(ctx.catalog().find((e) => e.id === second!.id)!.locked).toBe(false);
  });
});

