/**
 * Replays: a run's recipe as a file and as a link reproduces the run (same hash); every kind of
 * bad input gets its own plain message; seeking and stepping back land on exactly the state a
 * fresh run reaches; a card's journey says what it waited for; saved replays survive damage.
 */
import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { GameSession } from '../../src/game/GameSession';
import { recipeFromText, recipeOfSession, recipeToText, RUN_VERSION, type RunRecipe } from '../../src/game/replay/RunRecipe';
import { linkPayload, recipeFromLink, runLink } from '../../src/game/replay/RunLink';
import { openRecipe } from '../../src/game/replay/RunCheck';
import { ReplayCursor } from '../../src/game/replay/ReplayCursor';
import { itemJourney } from '../../src/game/replay/Journey';
import { MAX_SAVED_RUNS, RUNS_KEY, RUNS_UNREADABLE_NOTICE, SavedRuns } from '../../src/game/replay/SavedRuns';
import { builtinScenario } from '../../src/scenarios';
import { compileModel, Simulation } from '../../src/sim';
import { FakeStorage } from '../support/FakeStorage';

/** Two rounds of the Brent lesson with a lever changed between them. */
function playedSession(): GameSession {
  const s = new GameSession('brent', builtinScenario('brent'), 11);
  s.startRound();
  s.endRound();
  s.nextRound();
  const lever = s.openLevers()[0]!;
  expect(s.stepLever(lever.id, 1)).toBeNull();
  s.startRound();
  s.endRound();
  return s;
}

const session = playedSession();
const recipe = recipeOfSession(session);

function opened(r: RunRecipe) {
  const o = openRecipe(r);
  if (!o.ok) throw new Error(o.message);
  return o.run;
}

describe('a run recipe', () => {
  it('holds the scenario, seed, decisions, time and hash of the session', () => {
    expect(recipe).toMatchObject({ format: 'phoenix-flow/run', version: RUN_VERSION, scenario: 'brent', seed: 11, until: session.sim.now, hash: session.sim.hash() });
    expect(recipe.commands.length).toBeGreaterThan(0);
  });

  it('round-trips through a file and reproduces the run', () => {
    const back = recipeFromText(recipeToText(recipe));
    expect(back.ok).toBe(true);
    const run = opened(back.ok ? back.recipe : recipe);
    expect(run.same).toBe(true);
    expect(run.hashHere).toBe(session.sim.hash());
    expect(run.verdict).toContain('Same run');
  });

  it('round-trips through a link and reproduces the run', () => {
    const link = runLink(recipe, 'http://127.0.0.1:5173/index.html#old');
    expect(link.startsWith('http://127.0.0.1:5173/index.html#run=1.')).toBe(true);
    expect(link.length).toBeLessThan(2000);
    const payload = linkPayload(link)!;
    const back = recipeFromLink(payload);
    expect(back).toEqual({ ok: true, recipe: JSON.parse(JSON.stringify(recipe)) });
    expect(opened(recipe).same).toBe(true);
  });

  it('says plainly when the hash differs', () => {
    const run = opened({ ...recipe, hash: '0123456789abcdef' });
    expect(run.same).toBe(false);
    expect(run.verdict).toContain('Not the same run');
    expect(run.verdict).toContain('0123456789abcdef');
  });

  it('opens a trainer\'s own scenario carried inside the run', () => {
    const scenario = JSON.parse(JSON.stringify(builtinScenario('mm1'))) as Record<string, unknown>;
    const model = compileModel(builtinScenario('mm1'));
    const sim = new Simulation(model, { seed: 4 });
    sim.advanceTo(50);
    const run = opened({ ...recipe, scenario, seed: 4, commands: [], until: 50, hash: sim.hash() });
    expect(run.same).toBe(true);
  });
});

describe('bad runs get a plain message', () => {
  const text = recipeToText(recipe);
  const cases: [string, string, string][] = [
    ['not JSON', '{"format": "phoenix', 'not valid JSON'],
    ['not a run', '[1, 2, 3]', 'not a Phoenix Flow run'],
    ['another format', JSON.stringify({ format: 'something/else', version: 1 }), 'its "format" is missing or different'],
    ['a newer version', text.replace(`"version": ${RUN_VERSION}`, '"version": 9'), 'newer Phoenix Flow'],
    ['an older version', text.replace(`"version": ${RUN_VERSION}`, '"version": 0'), 'cannot read'],
    ['a negative seed', text.replace('"seed": 11', '"seed": -3'), 'seed'],
    ['a bad hash', text.replace(recipe.hash, 'xyz'), 'hash'],
    ['an extra field', text.replace('"seed": 11', '"seed": 11, "evil": "<script>"'), 'damaged'],
  ];
  for (const [what, input, message] of cases) {
    it(what, () => {
      const r = recipeFromText(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(message);
    });
  }

  it('too large', () => {
    const r = recipeFromText(' '.repeat(1_000_001));
    expect(r.ok ? '' : r.message).toContain('too large');
  });

  it('an unknown scenario, decisions that do not fit, a time past the end', () => {
    const unknown = openRecipe({ ...recipe, scenario: 'no-such-lesson' });
    expect(unknown.ok ? '' : unknown.message).toContain('does not have ("no-such-lesson")');
    const wrong = openRecipe({ ...recipe, commands: [{ type: 'setWipLimit', center: 'nowhere', limit: 2, at: 1 }] });
    expect(wrong.ok ? '' : wrong.message).toContain('commands[0]: center');
    const odd = openRecipe({ ...recipe, commands: [{ type: 'setRelease', release: null, at: 1 } as never] });
    expect(odd.ok ? '' : odd.message).toContain('commands[0]');
    const late = openRecipe({ ...recipe, until: 1e6 });
    expect(late.ok ? '' : late.message).toContain("past the scenario's end");
    const inline = openRecipe({ ...recipe, scenario: { format: 'phoenix-flow/scenario', version: 1 } });
    expect(inline.ok ? '' : inline.message).toContain('scenario inside that run is not valid');
  });

  it('links: cut short, edited, from a newer version, too long, or a zip bomb', () => {
    const payload = linkPayload(runLink(recipe, 'http://x/'))!;
    for (const bad of [payload.slice(0, payload.length - 9), `${payload.slice(0, 20)}!!${payload.slice(22)}`, 'hello', '1.']) {
      const r = recipeFromLink(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/damaged|not valid JSON|not a Phoenix Flow run/);
    }
    expect(recipeFromLink(`2.${payload.slice(2)}`)).toMatchObject({ ok: false, message: expect.stringContaining('newer Phoenix Flow') });
    expect(recipeFromLink(`1.${'A'.repeat(200_001)}`)).toMatchObject({ ok: false, message: expect.stringContaining('too long') });
    const bomb = deflateSync(strToU8(' '.repeat(5_000_000)), { level: 9 });
    const bombPayload = `1.${btoa(String.fromCharCode(...bomb)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    expect(bombPayload.length).toBeLessThan(200_000);
    expect(recipeFromLink(bombPayload)).toMatchObject({ ok: false, message: expect.stringContaining('more than a run can hold') });
  });

  it('a page address without a run has no payload', () => {
    expect(linkPayload('http://127.0.0.1/')).toBeNull();
    expect(linkPayload('http://127.0.0.1/#trainer=1')).toBeNull();
  });
});

describe('seeking and stepping', () => {
  const run = opened(recipe);
  const freshAt = (t: number) => {
    const sim = new Simulation(run.model, { seed: recipe.seed, commands: run.commands });
    sim.advanceTo(t);
    return sim;
  };

  it('seeks forward and back to exactly the state of a fresh run at that time', () => {
    const cursor = new ReplayCursor(run.model, recipe.seed, run.commands, recipe.until);
    for (const t of [30, 7.25, 29.5, 0, recipe.until, recipe.until + 100, -5]) {
      cursor.seek(t);
      const want = freshAt(Math.max(0, Math.min(recipe.until, t)));
      expect(cursor.sim.hash()).toBe(want.hash());
      expect(cursor.time).toBe(want.now);
      expect(cursor.event).toBe(want.eventsProcessed);
    }
    expect(cursor.atEnd).toBe(false);
    cursor.seek(recipe.until);
    expect(cursor.atEnd).toBe(true);
  });

  it('steps one event forward and back again', () => {
    const cursor = new ReplayCursor(run.model, recipe.seed, run.commands, recipe.until);
    cursor.seek(10);
    expect(cursor.stepForward()).toBe(true);
    const n = cursor.event;
    const hash = cursor.sim.hash();
    expect(cursor.stepForward()).toBe(true);
    expect(cursor.event).toBe(n + 1);
    expect(cursor.stepBack()).toBe(true);
    expect(cursor.event).toBe(n);
    expect(cursor.sim.hash()).toBe(hash);
    const start = new ReplayCursor(run.model, recipe.seed, run.commands, recipe.until);
    expect(start.stepBack()).toBe(false);
  });

  it('never steps past the end of the replay', () => {
    const cursor = new ReplayCursor(run.model, recipe.seed, run.commands, recipe.until);
    cursor.seek(recipe.until);
    expect(cursor.stepForward()).toBe(false);
    expect(cursor.time).toBe(recipe.until);
  });
});

describe("a card's journey", () => {
  it('names Brent when a card waited for him, and adds up to the lead time', () => {
    const sim = new Simulation(compileModel(builtinScenario('brent')), { seed: 3 });
    sim.advanceTo(36);
    const texts: string[] = [];
    for (let id = 0; id < sim.items.length; id++) {
      const j = itemJourney(sim, id)!;
      texts.push(...j.legs.map((l) => l.text));
      const r = sim.items[id]!;
      if (r.done >= 0) {
        const total = j.legs.reduce((a, l) => a + (l.to - l.from), 0);
        expect(total).toBeCloseTo(r.done - r.created, 6);
      }
    }
    expect(texts.some((t) => /^Waited \d+\.\d days for Brent at /.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('for the next release'))).toBe(true);
    expect(itemJourney(sim, -1)).toBeNull();
    expect(itemJourney(sim, sim.items.length)).toBeNull();
  });

  it("says when a card was blocked by the next center's WIP limit", () => {
    const model = compileModel(builtinScenario('brent'));
    const qa = model.centers.find((c) => c.id === 'qa') ?? model.centers[2]!;
    const sim = new Simulation(model, { seed: 5, commands: [{ type: 'setWipLimit', center: qa.id, limit: 1, at: 0 }] });
    sim.advanceTo(30);
    const blocked = [];
    for (let id = 0; id < sim.items.length; id++) blocked.push(...itemJourney(sim, id)!.legs.filter((l) => l.kind === 'blocked'));
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked[0]!.text).toMatch(new RegExp(`^Blocked \\d+\\.\\d days at .+ by ${qa.name}'s? WIP limit`));
  });

  it('marks what is still going on as "so far"', () => {
    const sim = new Simulation(compileModel(builtinScenario('brent')), { seed: 3 });
    sim.advanceTo(20);
    const open = sim.items.filter((i) => i.done < 0).map((i) => itemJourney(sim, i.id)!);
    expect(open.length).toBeGreaterThan(0);
    for (const j of open) {
      expect(j.status).toMatch(/^Not done yet at day 20\.0: requested at day \d+\.\d, \d+\.\d days? earlier\.$/);
      expect(j.legs[j.legs.length - 1]!.ongoing).toBe(true);
      expect(j.legs[j.legs.length - 1]!.text.endsWith('so far')).toBe(true);
    }
  });
});

describe('saved replays', () => {
  it('are kept newest first, and the same run saved again moves to the top', () => {
    const storage = new FakeStorage();
    const runs = new SavedRuns(storage);
    expect(runs.save(recipe, 'first', '2026-11-24T10:00:00Z')).toBe('Saved in this browser.');
    const other = { ...recipe, seed: 12 };
    runs.save(other, 'second', '2026-11-24T10:01:00Z');
    runs.save(recipe, 'first again', '2026-11-24T10:02:00Z');
    const again = new SavedRuns(storage);
    expect(again.runs.map((r) => r.name)).toEqual(['first again', 'second']);
    expect(again.runs[0]!.recipe).toEqual(JSON.parse(JSON.stringify(recipe)));
    expect(again.remove(1)).toBe(true);
    expect(new SavedRuns(storage).runs.length).toBe(1);
  });

  it(`keep at most ${MAX_SAVED_RUNS}, dropping the oldest with a word`, () => {
    const runs = new SavedRuns(new FakeStorage());
    for (let i = 0; i < MAX_SAVED_RUNS; i++) runs.save({ ...recipe, seed: i }, `run ${i}`, 't');
    expect(runs.save({ ...recipe, seed: 999 }, 'one more', 't')).toContain('"run 0"');
    expect(runs.runs.length).toBe(MAX_SAVED_RUNS);
  });

  it('set damaged data aside, say so once, and leave other keys alone', () => {
    const storage = new FakeStorage({ [RUNS_KEY]: '{"version":1,"values":{"runs":[{"name":"x","savedAt":"t","recipe":{"format":"nope"}}]}}', other: 'keep' });
    const runs = new SavedRuns(storage);
    expect(runs.runs).toEqual([]);
    expect(runs.takeNotice()).toBe(RUNS_UNREADABLE_NOTICE);
    expect(runs.takeNotice()).toBeNull();
    expect(storage.map.get(`${RUNS_KEY}.backup-1`)).toContain('"nope"');
    expect(storage.map.get('other')).toBe('keep');
  });

  it('say so when the browser keeps nothing', () => {
    const storage = new FakeStorage();
    storage.fail.set = true;
    expect(new SavedRuns(storage).save(recipe, 'x', 't')).toContain('not saved');
    expect(new SavedRuns(null).persistent).toBe(false);
  });
});
