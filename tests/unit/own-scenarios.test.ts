/**
 * A trainer's own scenario files in the game (OwnScenarios, the catalogue, the context): checked by
 * the same parser as the lessons, kept in a versioned record that is set aside rather than lost,
 * never part of the campaign, never in a built-in's place, and carried whole in a replay link.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignProgress } from '../../src/game/CampaignProgress';
import { LiveGameContext } from '../../src/game/LiveGameContext';
import {
  MAX_OWN_SCENARIO_TEXT,
  MAX_OWN_SCENARIOS,
  OWN_SCENARIOS_KEY,
  OWN_SCENARIOS_VERSION,
  OWN_UNREADABLE_NOTICE,
  OwnScenarios,
} from '../../src/game/OwnScenarios';
import { ReplayDesk } from '../../src/game/replay/ReplayDesk';
import { openRecipe } from '../../src/game/replay/RunCheck';
import { recipeFromLink, runLink } from '../../src/game/replay/RunLink';
import { recipeFromText, recipeOfSession, recipeToText } from '../../src/game/replay/RunRecipe';
import { SavedRuns } from '../../src/game/replay/SavedRuns';
import { Settings } from '../../src/game/Settings';
import { parseScenario } from '../../src/scenario/parseScenario';
import { BUILTIN_SCENARIOS } from '../../src/scenarios';
import { compileModel, Simulation } from '../../src/sim';
import { FakeStorage } from '../support/FakeStorage';
import { playThrough } from '../support/playThrough';

const examplesDir = join(__dirname, '../../docs/examples');
const example = (name: string) => readFileSync(join(examplesDir, name), 'utf8');
const minimal = example('minimal.json');
const AT = '2026-11-24T10:00:00.000Z';

function context(storage: FakeStorage): LiveGameContext {
  return new LiveGameContext(new Settings(storage), new CampaignProgress(storage), new ReplayDesk(new SavedRuns(storage)), new OwnScenarios(storage));
}

describe('opening a scenario file', () => {
  it('keeps a valid file under "yours.<id>", lists it after the built-ins, and keeps it across visits', () => {
    const storage = new FakeStorage();
    const ctx = context(storage);
    const r = ctx.own.add('minimal.json', minimal, AT);
    expect(r).toMatchObject({ ok: true, id: 'yours.minimal' });
    expect(r.ok && r.message).toContain('kept in this browser');
    const entries = ctx.catalog();
    expect(entries.at(-1)).toMatchObject({ id: 'yours.minimal', title: 'One desk', order: null, locked: false, own: { fileName: 'minimal.json', problem: null } });
    expect(entries.filter((e) => e.own === undefined).map((e) => e.id)).toEqual(context(new FakeStorage()).catalog().map((e) => e.id));

    const later = context(storage);
    expect(later.own.list.map((o) => o.id)).toEqual(['yours.minimal']);
    expect(later.own.list[0]!.value).toEqual(JSON.parse(minimal));
    expect(later.scenario('yours.minimal')?.title).toBe('One desk');
    expect(later.newSession('yours.minimal', 3)).toBeNull();
    expect(later.session!.scenario.title).toBe('One desk');
  });

  it('never takes a built-in lesson\'s place, and never counts towards the campaign', () => {
    const storage = new FakeStorage();
    const ctx = context(storage);
    // A trainer copies lesson 1 and keeps its id and its place in the campaign.
    const lesson1 = Object.entries(BUILTIN_SCENARIOS).find(([, s]) => (s as { game?: { order?: number } }).game?.order === 1)!;
    const copy = { ...(lesson1[1] as Record<string, unknown>), title: 'My batch lesson' };
    const r = ctx.own.add('copy.json', JSON.stringify(copy), AT);
    expect(r).toMatchObject({ ok: true, id: `yours.${lesson1[0]}` });
    expect(ctx.scenario(lesson1[0])?.title).not.toBe('My batch lesson');
    const entry = ctx.catalog().find((e) => e.id === `yours.${lesson1[0]}`)!;
    expect(entry).toMatchObject({ order: null, title: 'My batch lesson' });
    expect(ctx.newSession(entry.id, 1)).toBeNull();
    playThrough(ctx);
    ctx.recordFinishedGame();
    expect(ctx.progress.lesson(lesson1[0]).plays).toBe(0);
    expect(ctx.progress.lesson(entry.id).plays).toBe(0);
  });

  it('refuses what is not a scenario, with every problem the checker found', () => {
    const own = new OwnScenarios(new FakeStorage());
    const notJson = own.add('notes.txt', 'hello', AT);
    expect(notJson).toMatchObject({ ok: false });
    expect(!notJson.ok && notJson.message).toContain('not valid JSON');
    expect(own.add('list.json', '[1, 2]', AT)).toMatchObject({ ok: false, message: expect.stringContaining('one JSON object') });
    expect(own.add('run.json', '{"format": "phoenix-flow/run", "version": 1}', AT)).toMatchObject({ ok: false, message: expect.stringContaining('Replays') });
    expect(own.add('big.json', ' '.repeat(MAX_OWN_SCENARIO_TEXT + 1), AT)).toMatchObject({ ok: false, message: expect.stringContaining('too large') });

    const broken = JSON.parse(minimal) as { workCenters: { workers: number }[]; horizon: number };
    broken.workCenters[0]!.workers = -2;
    broken.horizon = -1;
    const r = own.add('broken.json', JSON.stringify(broken), AT);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe('"broken.json" is not a scenario this game can play: 2 problems to fix.');
    expect(r.errors).toHaveLength(2);
    expect(r.errors.some((e) => e.startsWith('horizon:'))).toBe(true);
    expect(r.errors.some((e) => e.startsWith('workCenters[0].workers:'))).toBe(true);
    expect(own.list).toEqual([]);
  });

  it('a file with the id of one kept replaces it; a thirteenth is refused until one is removed', () => {
    const storage = new FakeStorage();
    const own = new OwnScenarios(storage);
    own.add('minimal.json', minimal, AT);
    const edited = own.add('minimal-v2.json', minimal.replace('"One desk"', '"One desk, edited"'), AT);
    expect(edited.ok && edited.message).toContain('replaced');
    expect(own.list.map((o) => [o.id, o.fileName, o.scenario?.title])).toEqual([['yours.minimal', 'minimal-v2.json', 'One desk, edited']]);

    for (let i = 1; i < MAX_OWN_SCENARIOS; i++) expect(own.add(`m${i}.json`, minimal.replace('"id": "minimal"', `"id": "m${i}"`), AT).ok).toBe(true);
    expect(own.list).toHaveLength(MAX_OWN_SCENARIOS);
    expect(own.add('one-more.json', minimal.replace('"id": "minimal"', '"id": "extra"'), AT)).toMatchObject({ ok: false, message: expect.stringContaining('remove one') });
    // Replacing one still works at the limit.
    expect(own.add('m1.json', minimal.replace('"id": "minimal"', '"id": "m1"'), AT).ok).toBe(true);
    expect(own.remove('yours.m3')).toContain('Removed');
    expect(own.add('one-more.json', minimal.replace('"id": "minimal"', '"id": "extra"'), AT).ok).toBe(true);
    expect(new OwnScenarios(storage).list.map((o) => o.id)).toEqual(own.list.map((o) => o.id));
  });
});

describe('what is saved, and what happens when saving fails', () => {
  it('a browser that will not save: the scenario is open for this visit only, and says so', () => {
    const storage = new FakeStorage();
    storage.fail.set = true;
    const own = new OwnScenarios(storage);
    const r = own.add('minimal.json', minimal, AT);
    expect(r.ok && r.message).toContain('for this visit only');
    expect(own.list.map((o) => [o.id, o.saved])).toEqual([['yours.minimal', false]]);
    // Saving works again later: a new file is kept, the one from before stays for this visit only.
    storage.fail.set = false;
    expect(own.add('dice.json', example('dice-game.json'), AT).ok).toBe(true);
    expect(new OwnScenarios(storage).list.map((o) => o.fileName)).toEqual(['dice.json']);
    expect(own.remove('yours.minimal')).toContain('Removed');
  });

  it('a removal the browser refuses leaves the scenario where it was', () => {
    const storage = new FakeStorage();
    const own = new OwnScenarios(storage);
    own.add('minimal.json', minimal, AT);
    storage.fail.set = true;
    expect(own.remove('yours.minimal')).toContain('could not be removed');
    expect(own.list).toHaveLength(1);
    expect(new OwnScenarios(storage).list).toHaveLength(1);
  });

  it('an unreadable record is set aside (not deleted), reported once, and other saved data is untouched', () => {
    const storage = new FakeStorage({ [OWN_SCENARIOS_KEY]: '{"version": 1, "values": {"scenarios": "oops"}}', 'phoenix-flow/runs': 'keep me' });
    const own = new OwnScenarios(storage);
    expect(own.list).toEqual([]);
    expect(own.takeNotice()).toBe(OWN_UNREADABLE_NOTICE);
    expect(own.takeNotice()).toBeNull();
    expect(storage.map.get(`${OWN_SCENARIOS_KEY}.backup-1`)).toContain('oops');
    expect(storage.map.get('phoenix-flow/runs')).toBe('keep me');
    expect(own.add('minimal.json', minimal, AT).ok).toBe(true);
  });

  it('a kept scenario this version no longer accepts stays kept, is listed as cannot be played, and will not start', () => {
    const bad = { ...(JSON.parse(minimal) as Record<string, unknown>), id: 'old', horizon: 'long' };
    const record = { version: OWN_SCENARIOS_VERSION, values: { scenarios: [{ fileName: 'old.json', addedAt: AT, value: bad }, { fileName: 'minimal.json', addedAt: AT, value: JSON.parse(minimal) }] } };
    const storage = new FakeStorage({ [OWN_SCENARIOS_KEY]: JSON.stringify(record) });
    const ctx = context(storage);
    const old = ctx.catalog().find((e) => e.id === 'yours.old')!;
    expect(old).toMatchObject({ locked: true, own: { fileName: 'old.json' } });
    expect(old.own!.problem).toMatch(/^horizon: /);
    expect(old.tagline).toContain('Cannot be played');
    expect(ctx.newSession('yours.old', 1, { sandbox: true })).toMatch(/cannot be played in this version: horizon/);
    expect(ctx.newSession('yours.minimal', 1)).toBeNull();
    expect(JSON.parse(storage.map.get(OWN_SCENARIOS_KEY)!)).toEqual(record);
  });
});

describe('replays of one\'s own scenario', () => {
  it('the recipe carries the whole scenario, and opens to the same hash from a file and from a link', () => {
    const ctx = context(new FakeStorage());
    ctx.own.add('dice.json', example('dice-game.json'), AT);
    const id = ctx.own.list[0]!.id;
    expect(ctx.newSession(id, 5, { sandbox: true })).toBeNull();
    const s = ctx.session!;
    s.startRound();
    s.endRound();
    const recipe = recipeOfSession(s);
    expect(typeof recipe.scenario).toBe('object');
    const fromFile = recipeFromText(recipeToText(recipe));
    expect(fromFile.ok).toBe(true);
    const opened = openRecipe(fromFile.ok ? fromFile.recipe : recipe);
    expect(opened.ok && opened.run.same).toBe(true);
    const link = runLink(recipe, 'http://127.0.0.1/');
    const fromLink = recipeFromLink(link.slice(link.indexOf('#run=') + 5));
    expect(fromLink.ok && openRecipe(fromLink.recipe).ok && openRecipe(fromLink.recipe)).toMatchObject({ run: { same: true } });
  });

  it('a checked scenario passes the checker again and runs the same (so an embedded one replays exactly)', () => {
    for (const file of readdirSync(examplesDir).filter((f) => f.endsWith('.json'))) {
      const first = parseScenario(example(file));
      expect(first.ok, file).toBe(true);
      if (!first.ok) continue;
      const again = parseScenario(structuredClone(first.scenario));
      expect(again.ok, file).toBe(true);
      if (!again.ok) continue;
      const until = Math.min(first.scenario.horizon, 60);
      const run = (sc: typeof first.scenario) => {
        const sim = new Simulation(compileModel(sc), { seed: 9 });
        sim.advanceTo(until);
        return sim.hash();
      };
      expect(run(again.scenario), file).toBe(run(first.scenario));
    }
  });
});
