/**
 * Two rounds of Brent played with the keyboard alone, as a player would: Title -> Settings and
 * back -> ScenarioSelect (Brent, seed 1) -> Briefing (Esc back and in again) -> RoundPlanning ->
 * Play at top speed -> Debrief (every chart and the same-seed table) -> RoundPlanning with a
 * lever changed -> Play -> Debrief -> RoundPlanning with a number lever stepped -> Play, and out.
 * The page is only ever driven with `page.keyboard.press`; the test hook is read, never used to
 * act. A screenshot of every scene lands in test-results/screenshots/.
 *
 * The lesson's rounds: 1 opens no levers, 2 opens "Brent works on", 3 adds the release, the WIP
 * limit in Development and the project freeze (tests/unit/game-session.test.ts pins them).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinCatalog } from '../../src/game/ScenarioCatalog';
import { builtinScenario } from '../../src/scenarios';
import { burst, capture, hook, nextFrames, openGame, press, screenshot, useHarness, waitForScene, watchPage, type PageProblems } from './harness';
import { decodePng, differingShare, meanLuminance, type DecodedImage } from './png';
import { justBefore } from '../../src/game/RoundBoundary';

const harness = useHarness();
let page: Page;
let watch: PageProblems;

const brent = builtinScenario('brent');
const ROUND_1_END = brent.game!.rounds![0]!.length;
const ROUND_2_END = ROUND_1_END + brent.game!.rounds![1]!.length;
const ROUNDS = brent.game!.rounds!.length;

async function session(p: Page) {
  const s = await hook(p, 'session');
  if (s === null) throw new Error('no session in progress');
  return s;
}

/** Sim time advanced over `ms` of real time, measured inside the page. */
async function advanceOver(p: Page, ms: number): Promise<number> {
  return p.evaluate(async (wait) => {
    const t0 = window.__phoenix!.session()!.time;
    await new Promise((r) => setTimeout(r, wait));
    return window.__phoenix!.session()!.time - t0;
  }, ms);
}

/**
 * H opens the scene's help (the scrim darkens the screen and it swallows keys), Esc closes it and
 * the scene stays where it was (Esc reached the help, not the scene's "back").
 */
async function helpOpensAndCloses(p: Page, scene: string, name: string): Promise<void> {
  const before = decodePng(await capture(p));
  await press(p, 'h');
  await nextFrames(p, 3);
  const open = decodePng(await screenshot(p, name));
  expect(meanLuminance(open)).toBeLessThan(meanLuminance(before) - 3);
  await press(p, 'Escape');
  await nextFrames(p, 3);
  expect(await hook(p, 'scene')).toBe(scene);
  const closed = decodePng(await capture(p));
  expect(Math.abs(meanLuminance(closed) - meanLuminance(before))).toBeLessThan(3);
}

beforeAll(async () => {
  const { browser, baseUrl } = harness();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  watch = watchPage(page);
  await openGame(page, `${baseUrl}?trainer=1`); // trainer mode: every lesson open
  await waitForScene(page, 'Title');
});

afterAll(async () => {
  await page?.close();
});

// The steps build on each other: after a failed one the rest are skipped instead of each waiting
// out its timeouts on a screen it can never reach.
let broken = '';
beforeEach((ctx) => {
  if (broken !== '' && !ctx.task.name.startsWith('no console errors')) ctx.skip(`an earlier step failed: ${broken}`);
});
afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail' && broken === '') broken = ctx.task.name;
});

describe('keyboard only: two rounds of Brent', () => {
  test('Title: help opens with H and closes with Esc', async () => {
    await screenshot(page, 'title');
    await helpOpensAndCloses(page, 'Title', 'help-title');
    expect(await hook(page, 'session')).toBeNull();
  });

  test('Title -> Settings (Tab to the last button of the row under Play, Enter), its help, and back with Esc', async () => {
    // Play, then the row: Replays, Join a workshop, Leaderboard, Settings.
    await press(page, 'Tab', 4);
    await press(page, 'Enter');
    await waitForScene(page, 'Settings');
    await screenshot(page, 'settings');
    await helpOpensAndCloses(page, 'Settings', 'help-settings');
    await press(page, 'Escape');
    await waitForScene(page, 'Title');
  });

  test('Title -> ScenarioSelect with Enter on the focused Play button; help there; Esc goes back', async () => {
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
    await helpOpensAndCloses(page, 'ScenarioSelect', 'help-scenario-select');
    await press(page, 'Escape');
    await waitForScene(page, 'Title');
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
  });

  test('ScenarioSelect: choose Brent with ↑ ↓, type seed 1, Enter starts the briefing', async () => {
    const items = builtinCatalog();
    const at = items.findIndex((e) => e.id === 'brent');
    expect(at).toBeGreaterThanOrEqual(0);
    // Down to the last scenario, then up to Brent (one more ↓ at the end would leave the list).
    await press(page, 'ArrowDown', items.length - 1);
    await press(page, 'ArrowUp', items.length - 1 - at);
    await nextFrames(page);
    await screenshot(page, 'scenario-select');
    // Typed in one burst within a frame: every key must count once (Phaser's own keyboard queue
    // delivered some twice, which once turned this seed into 11).
    await burst(page, ['Tab', 'Delete', '7', 'Backspace', '4', '2', 'Backspace', 'Backspace']); // Tab: the seed field
    await press(page, '1');
    await press(page, 'Enter'); // submits the seed: starts the chosen scenario
    await waitForScene(page, 'Briefing');
    const s = await session(page);
    expect(s).toMatchObject({ scenarioId: 'brent', seed: 1, sandbox: false, phase: 'planning', roundIndex: 0, rounds: ROUNDS, time: 0, commands: [], results: [] });
  });

  test('Briefing: Esc goes back to ScenarioSelect, Enter comes back to the same choice', async () => {
    await screenshot(page, 'briefing');
    await press(page, 'Escape');
    await waitForScene(page, 'ScenarioSelect');
    await press(page, 'Enter'); // the list kept Brent and the seed
    await waitForScene(page, 'Briefing');
    expect(await session(page)).toMatchObject({ scenarioId: 'brent', seed: 1, phase: 'planning', roundIndex: 0 });
    await helpOpensAndCloses(page, 'Briefing', 'help-briefing');
  });

  test('Briefing: Enter plans round 1, which opens no levers', async () => {
    await press(page, 'Enter');
    await waitForScene(page, 'RoundPlanning');
    const s = await session(page);
    expect(s).toMatchObject({ phase: 'planning', roundIndex: 0, time: 0 });
    await screenshot(page, 'round-planning-1');
    await helpOpensAndCloses(page, 'RoundPlanning', 'help-round-planning');
    // Nothing to change: ← → move nothing, and the settings stay the scenario's.
    const levers = s.levers;
    await press(page, 'ArrowRight');
    await nextFrames(page);
    expect((await session(page)).levers).toEqual(levers);
  });

  test('RoundPlanning: S starts round 1; at 4x then 1x the floor fills; H pauses the round behind the help', async () => {
    await press(page, 's');
    await waitForScene(page, 'Play');
    expect(await session(page)).toMatchObject({ phase: 'playing', roundIndex: 0, commands: [] });
    await press(page, '3'); // 4x
    await page.waitForFunction(() => window.__phoenix!.playback()?.speed === 4, undefined, { timeout: 5_000 });
    await page.waitForFunction(() => window.__phoenix!.session()!.time >= 6, undefined, { timeout: 30_000, polling: 50 });
    await press(page, '1');
    await page.waitForFunction(() => window.__phoenix!.playback()?.speed === 1, undefined, { timeout: 5_000 });
    const snap = (await hook(page, 'snapshot'))!;
    expect(snap.wip).toBeGreaterThan(0);
    await screenshot(page, 'play');
    const hud = (await hook(page, 'hud'))!;
    expect(hud.round).toBe(0);
    expect(hud.time).toBeGreaterThan(5);

    // Help over Play: the clock stands still while it is open.
    await press(page, 'h');
    await nextFrames(page, 3);
    expect(await advanceOver(page, 500)).toBe(0);
    await screenshot(page, 'help-play');
    await press(page, 'h');
    await nextFrames(page, 3);
    expect(await advanceOver(page, 500)).toBeGreaterThan(0);
    expect(await hook(page, 'scene')).toBe('Play');
  });

  test('Play: 5 runs round 1 to its end at top speed; Enter opens the debrief', async () => {
    await press(page, '5');
    await page.waitForFunction(() => window.__phoenix!.playback()?.over === true, undefined, { timeout: 60_000, polling: 25 });
    // Enter at once: the game goes to the debrief by itself 1.5 s after the round ends, and an
    // Enter that arrives after that would plan the next round instead.
    await press(page, 'Enter');
    await waitForScene(page, 'Debrief');
    const s = await session(page);
    // A round plays every event before its end; the next round owns the boundary (RoundBoundary.ts).
    expect(s).toMatchObject({ phase: 'review', roundIndex: 0, time: justBefore(ROUND_1_END) });
    expect(s.results).toHaveLength(1);
    expect(s.results[0]).toMatchObject({ index: 0, start: 0, end: ROUND_1_END });
    expect(s.results[0]!.done).toBeGreaterThan(0);
    expect(s.score).toBe(s.results[0]!.score);
  });

  test('Debrief: 1-6 and ← → switch between six different charts', async () => {
    const names = ['flow', 'lead-times', 'histogram', 'busy-idle', 'wip', 'same-seed'];
    const shots: DecodedImage[] = [];
    for (let i = 0; i < names.length; i++) {
      await press(page, String(i + 1));
      await nextFrames(page, 3);
      shots.push(decodePng(await screenshot(page, `debrief-${i + 1}-${names[i]}`)));
    }
    // Every chart looks different from every other.
    for (let i = 0; i < shots.length; i++) {
      for (let j = i + 1; j < shots.length; j++) expect(differingShare(shots[i]!, shots[j]!), `${names[i]} vs ${names[j]}`).toBeGreaterThan(0.01);
    }
    // → from the last wraps to the first; ← comes back.
    await press(page, 'ArrowRight');
    await nextFrames(page, 3);
    const wrapped = decodePng(await capture(page));
    expect(differingShare(wrapped, shots[0]!)).toBeLessThan(0.002);
    await press(page, 'ArrowLeft');
    await nextFrames(page, 3);
    const back = decodePng(await capture(page));
    expect(differingShare(back, shots[names.length - 1]!)).toBeLessThan(0.002);
    await press(page, '1');
    await helpOpensAndCloses(page, 'Debrief', 'help-debrief');
    expect(await session(page)).toMatchObject({ phase: 'review', roundIndex: 0 });
  });

  test('Debrief: Enter plans round 2; → changes "Brent works on", the one lever it opens', async () => {
    await press(page, 'Enter');
    await waitForScene(page, 'RoundPlanning');
    let s = await session(page);
    expect(s).toMatchObject({ phase: 'planning', roundIndex: 1, time: justBefore(ROUND_1_END) });
    expect(s.levers).toMatchObject({ brentFocus: 0, release: 0, devWip: null });
    // The only lever has the focus: Brent works on -> Operations only.
    await press(page, 'ArrowRight');
    await nextFrames(page);
    s = await session(page);
    expect(s.levers).toMatchObject({ brentFocus: 1, release: 0, devWip: null, freeze: 0, crossTrain: 0 });
    // Planned, not yet sent: the engine has no commands until the round starts.
    expect(s.commands).toEqual([]);
    await screenshot(page, 'round-planning-2');

    // Esc to the briefing and Enter back: the plan is kept.
    await press(page, 'Escape');
    await waitForScene(page, 'Briefing');
    await screenshot(page, 'briefing-from-round-2');
    await press(page, 'Enter');
    await waitForScene(page, 'RoundPlanning');
    expect((await session(page)).levers).toMatchObject({ brentFocus: 1, devWip: null });
  });

  test('RoundPlanning: S starts round 2 and sends the changes stamped with its start time', async () => {
    await press(page, 's');
    await waitForScene(page, 'Play');
    const s = await session(page);
    expect(s).toMatchObject({ phase: 'playing', roundIndex: 1 });
    expect(s.commands).toEqual([{ type: 'assign', person: 'brent', centers: ['ops'], at: ROUND_1_END }]);
    const hud = (await hook(page, 'hud'))!;
    expect(hud.round).toBe(1);
    expect(hud.time).toBeGreaterThanOrEqual(ROUND_1_END);
  });

  test('Play: 5 runs round 2 at top speed and the debrief opens by itself', async () => {
    await press(page, '5');
    await page.waitForFunction(() => window.__phoenix!.playback()?.over === true, undefined, { timeout: 60_000, polling: 25 });
    expect((await hook(page, 'playback'))!.speed).toBe('max');
    await screenshot(page, 'play-round-over');
    await waitForScene(page, 'Debrief', 10_000);
    await nextFrames(page, 3);
    await screenshot(page, 'debrief-round-2');
    const s = await session(page);
    expect(s).toMatchObject({ phase: 'review', roundIndex: 1, time: justBefore(ROUND_2_END) });
    expect(s.results.map((r) => [r.index, r.start, r.end])).toEqual([
      [0, 0, ROUND_1_END],
      [1, ROUND_1_END, ROUND_2_END],
    ]);
    expect(s.score).toBe(s.results[0]!.score + s.results[1]!.score);
    expect(s.commands.every((c) => c.at === ROUND_1_END)).toBe(true);
    expect(await hook(page, 'hud')).toBeNull();
  });

  test('Enter plans round 3; ↓ ↓ and → ← step "WIP limit, Development"; S sends it; Esc twice in Play leaves the game', async () => {
    await press(page, 'Enter');
    await waitForScene(page, 'RoundPlanning');
    let s = await session(page);
    expect(s).toMatchObject({ phase: 'planning', roundIndex: 2, time: justBefore(ROUND_2_END) });
    expect(s.levers).toMatchObject({ brentFocus: 1, release: 0, devWip: null, freeze: 0, crossTrain: 0 });
    // Down past the release to the WIP limit: no limit -> 1 -> 2 -> 3 -> 4, and back to 3.
    await press(page, 'ArrowDown', 2);
    await press(page, 'ArrowRight', 4);
    await press(page, 'ArrowLeft');
    await nextFrames(page);
    s = await session(page);
    expect(s.levers).toMatchObject({ brentFocus: 1, release: 0, devWip: 3, freeze: 0, crossTrain: 0 });
    expect(s.commands.every((c) => c.at === ROUND_1_END)).toBe(true);
    await screenshot(page, 'round-planning-3');
    await press(page, 's');
    await waitForScene(page, 'Play');
    expect((await session(page)).commands).toEqual([
      { type: 'assign', person: 'brent', centers: ['ops'], at: ROUND_1_END },
      { type: 'setWipLimit', center: 'dev', limit: 3, at: ROUND_2_END },
    ]);
    await press(page, 'Escape');
    await nextFrames(page, 3);
    expect(await hook(page, 'scene')).toBe('Play');
    expect((await hook(page, 'playback'))!.paused).toBe(true);
    await screenshot(page, 'play-leave-armed');
    await press(page, 'Escape');
    await waitForScene(page, 'ScenarioSelect');
  });

  test('no console errors, page errors or failed requests in the whole session', () => {
    expect(watch.problems).toEqual([]);
  });
});
