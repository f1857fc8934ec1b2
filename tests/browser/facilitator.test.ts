/**
 * Facilitator mode end to end: a trainer sees the workshop code of a lesson and seed; a team on
 * another browser (where that lesson is still locked) joins by typing it, gets the same scenario
 * and seed, plays every round at top speed and reads its results code off the last debrief; the
 * trainer's leaderboard takes that code from a paste and rejects a damaged one with a message; a
 * damaged saved board is reported and set aside; N shows presenter notes (and holds the round);
 * the lever hotkeys change a lever mid-round with a command stamped at that moment. Screenshots
 * of every new screen, and of the projector layout, go to test-results/screenshots/.
 */
import { justAfter } from '../../src/game/RoundBoundary';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { builtinCatalog } from '../../src/game/ScenarioCatalog';
import { SETTINGS_KEY } from '../../src/game/Settings';
import { workshopCode } from '../../src/game/facilitator/WorkshopCode';
import { readResultsCode } from '../../src/game/facilitator/ResultsCode';
import { BOARD_KEY, BOARD_UNREADABLE_NOTICE } from '../../src/game/facilitator/ResultsBoard';
import { hook, nextFrames, openGame, press, screenshot, useHarness, waitForScene, watchPage, type PageProblems } from './harness';

const harness = useHarness();
const catalog = builtinCatalog();
const SCENARIO = 'brent';
const SEED = 4821;

async function choose(page: Page, id: string): Promise<void> {
  const at = catalog.findIndex((e) => e.id === id);
  expect(at).toBeGreaterThanOrEqual(0);
  await press(page, 'Home');
  await press(page, 'ArrowDown', at);
  await nextFrames(page);
}

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await nextFrames(page);
}

/** From the briefing, every round at top speed to the last debrief. */
async function playToTheEnd(page: Page, duringFirstRound?: () => Promise<void>): Promise<void> {
  await press(page, 'Enter');
  for (let round = 0; ; round++) {
    await waitForScene(page, 'RoundPlanning');
    await press(page, 's');
    await waitForScene(page, 'Play');
    if (round === 0 && duringFirstRound) await duringFirstRound();
    await press(page, '5');
    await page.waitForFunction(() => window.__phoenix!.playback()?.over === true, undefined, { timeout: 90_000, polling: 25 });
    await press(page, 'Enter');
    await waitForScene(page, 'Debrief');
    if ((await hook(page, 'session'))!.phase === 'finished') return;
    await press(page, 'Enter');
  }
}

async function newPage(browser: Browser, init?: (context: BrowserContext) => Promise<unknown>): Promise<{ page: Page; context: BrowserContext; watch: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await init?.(context);
  const page = await context.newPage();
  return { page, context, watch: watchPage(page) };
}

describe('a workshop: trainer, team and leaderboard', () => {
  let trainer: { page: Page; context: BrowserContext; watch: PageProblems };
  let team: { page: Page; context: BrowserContext; watch: PageProblems };
  const code = workshopCode(SCENARIO, SEED)!;
  let results = '';

  beforeAll(async () => {
    const { browser, baseUrl } = harness();
    trainer = await newPage(browser);
    team = await newPage(browser);
    await openGame(trainer.page, `${baseUrl}?trainer=1`);
    await openGame(team.page, baseUrl);
  });
  afterAll(async () => {
    await trainer?.context.close();
    await team?.context.close();
  });

  test('the trainer sees the workshop code of the lesson and seed; N shows presenter notes', async () => {
    const page = trainer.page;
    await waitForScene(page, 'Title');
    await screenshot(page, 'facilitator-title-trainer');
    await press(page, 'n');
    await screenshot(page, 'facilitator-title-notes');
    await press(page, 'n');
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
    await choose(page, SCENARIO);
    await press(page, 'Tab');
    await page.keyboard.type(String(SEED));
    await nextFrames(page);
    expect((await hook(page, 'facilitatorScreen')).workshopCode).toBe(code);
    await screenshot(page, 'facilitator-scenario-select-code');
    expect(trainer.watch.problems).toEqual([]);
  });

  test('a team types the code (keyboard only): a typo is reported, the right code opens that locked lesson and seed', async () => {
    const page = team.page;
    await waitForScene(page, 'Title');
    expect((await hook(page, 'campaign')).lessons.find((l) => l.id === SCENARIO)?.locked).toBe(true);
    await press(page, 'j');
    await waitForScene(page, 'JoinWorkshop');
    const typo = code.slice(0, -1) + (code.endsWith('Z') ? 'Y' : 'Z');
    await page.keyboard.type(typo.toLowerCase());
    await press(page, 'Tab');
    await page.keyboard.type('Red Team');
    await press(page, 'Enter');
    await nextFrames(page, 3);
    expect(await hook(page, 'scene')).toBe('JoinWorkshop');
    expect(await hook(page, 'session')).toBeNull();
    await screenshot(page, 'facilitator-join-typo');
    await press(page, 'Shift+Tab');
    await page.keyboard.type(code.toLowerCase().replace(/-/g, ' '));
    await press(page, 'Tab');
    await press(page, 'Enter');
    await waitForScene(page, 'Briefing');
    expect(await hook(page, 'session')).toMatchObject({ scenarioId: SCENARIO, seed: SEED, sandbox: false });
    await screenshot(page, 'facilitator-team-briefing');
  });

  test('the team plays to the end (N holds the round) and the last debrief shows its results code', async () => {
    const page = team.page;
    await playToTheEnd(page, async () => {
      await press(page, 'n');
      await nextFrames(page, 2);
      const t0 = (await hook(page, 'session'))!.time;
      await nextFrames(page, 10);
      expect((await hook(page, 'session'))!.time).toBe(t0);
      await screenshot(page, 'facilitator-play-notes');
      await press(page, 'n');
    });
    results = (await hook(page, 'resultsCode')) ?? '';
    const read = readResultsCode(results);
    expect(read.ok).toBe(true);
    const s = (await hook(page, 'session'))!;
    if (read.ok) expect(read.results).toMatchObject({ team: 'Red Team', scenarioId: SCENARIO, seed: SEED, score: Math.round(s.score), hash: s.hash.slice(0, 8) });
    await screenshot(page, 'facilitator-debrief-results-code');
    await press(page, 'n');
    await screenshot(page, 'facilitator-debrief-notes');
    await press(page, 'n');
    expect(team.watch.problems).toEqual([]);
  });

  test('the leaderboard takes the pasted code and names a damaged one', async () => {
    const page = trainer.page;
    await press(page, 'Escape');
    await waitForScene(page, 'Title');
    await press(page, 'l');
    await waitForScene(page, 'Leaderboard');
    const i = 12;
    const damaged = results.slice(0, i) + (results[i] === 'A' ? 'B' : 'A') + results.slice(i + 1);
    await paste(page, `${results}\n${damaged}\n`);
    const board = (await hook(page, 'leaderboard'))!;
    expect(board.rows).toEqual([{ rank: 1, team: 'Red Team', score: expect.any(Number), seed: SEED, scenarioId: SCENARIO }]);
    expect(board.message).toMatch(/1 team added/);
    expect(board.message).toMatch(/damaged/);
    // Another team, typed into the field by keyboard.
    await screenshot(page, 'facilitator-leaderboard');
    // Clear asks first: Tab to Clear board, Enter arms it, the board is still there.
    await press(page, 'Tab', 4);
    await press(page, 'Enter');
    expect((await hook(page, 'leaderboard'))!.rows).toHaveLength(1);
    expect((await hook(page, 'leaderboard'))!.message).toMatch(/Press Clear board again/);
    await screenshot(page, 'facilitator-leaderboard-clear');
    await press(page, 'Enter');
    expect((await hook(page, 'leaderboard'))!.rows).toHaveLength(0);
    expect(trainer.watch.problems).toEqual([]);
  });

  test('mid-round, L and ] change a lever now: a command stamped at the current time (replayable)', async () => {
    const page = trainer.page;
    await press(page, 'Escape');
    await waitForScene(page, 'Title');
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
    await press(page, 'Enter');
    await waitForScene(page, 'Briefing');
    await press(page, 'Enter');
    await waitForScene(page, 'RoundPlanning');
    await press(page, 's');
    await waitForScene(page, 'Play');
    await press(page, '4');
    await page.waitForFunction(() => (window.__phoenix!.session()?.time ?? 0) > 2, undefined, { timeout: 30_000, polling: 25 });
    await press(page, ' ');
    const before = (await hook(page, 'session'))!;
    await press(page, 'l');
    await press(page, ']');
    const after = (await hook(page, 'session'))!;
    // Stamped just after the paused time (the next double up), where the clock now stands: a replay
    // of scenario + seed + commands then applies it exactly where it was made.
    expect(after.time).toBe(justAfter(before.time));
    const sent = after.commands.slice(before.commands.length);
    expect(sent.length).toBeGreaterThan(0);
    for (const c of sent) expect(c.at).toBe(after.time);
    expect(after.hash).toBe(await hook(page, 'runHeadless', after.scenarioId, after.seed, after.time, after.commands));
    expect((await hook(page, 'facilitatorScreen')).leverToast).toMatch(/\(from \w+ \d+\.\d\)$/);
    await screenshot(page, 'facilitator-play-lever-toast');
    expect(trainer.watch.problems).toEqual([]);
  });
});

describe('a damaged saved leaderboard', () => {
  test('is reported and set aside', async () => {
    const { browser, baseUrl } = harness();
    const { page, context, watch } = await newPage(browser, (c) =>
      c.addInitScript((key) => {
        if (sessionStorage.getItem('seeded') !== null) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key, '{"version":1,"values":{"codes":["PF1-nope"]}}');
      }, BOARD_KEY),
    );
    await openGame(page, baseUrl);
    await waitForScene(page, 'Title');
    await press(page, 'l');
    await waitForScene(page, 'Leaderboard');
    expect((await hook(page, 'leaderboard'))!.message).toBe(BOARD_UNREADABLE_NOTICE);
    const saved = await page.evaluate(() => ({ ...localStorage }));
    expect(saved[`${BOARD_KEY}.backup-1`]).toContain('PF1-nope');
    expect(saved[BOARD_KEY]).toBeUndefined();
    await screenshot(page, 'facilitator-leaderboard-damaged');
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});

describe('the projector layout', () => {
  test('Title, Scenario select, Briefing, Play, Debrief and Settings in projector layout', async () => {
    const { browser, baseUrl } = harness();
    const { page, context, watch } = await newPage(browser, (c) =>
      c.addInitScript((key) => {
        localStorage.setItem(key, JSON.stringify({ version: 1, values: { speed: 1, reducedMotion: true, highContrast: false, showHints: true, projector: true } }));
      }, SETTINGS_KEY),
    );
    await openGame(page, `${baseUrl}?trainer=1`);
    await waitForScene(page, 'Title');
    await screenshot(page, 'projector-title');
    await press(page, 's');
    await waitForScene(page, 'Settings');
    await screenshot(page, 'projector-settings');
    await press(page, 'Escape');
    await waitForScene(page, 'Title');
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
    await choose(page, SCENARIO);
    await screenshot(page, 'projector-scenario-select');
    await press(page, 'Enter');
    await waitForScene(page, 'Briefing');
    await screenshot(page, 'projector-briefing');
    await press(page, 'Enter');
    await waitForScene(page, 'RoundPlanning');
    await screenshot(page, 'projector-round-planning');
    await press(page, 's');
    await waitForScene(page, 'Play');
    await press(page, '4');
    await page.waitForFunction(() => (window.__phoenix!.session()?.time ?? 0) > 5, undefined, { timeout: 30_000, polling: 25 });
    await press(page, ' ');
    await screenshot(page, 'projector-play');
    // The floor is drawn enlarged by its own camera, first, so the main camera's texts stay on top.
    expect(await page.evaluate(() => window.__phoenix!.cameras())).toEqual(['floor', '']);
    await press(page, '5');
    await page.waitForFunction(() => window.__phoenix!.playback()?.over === true, undefined, { timeout: 90_000, polling: 25 });
    await press(page, 'Enter');
    await waitForScene(page, 'Debrief');
    await press(page, '1');
    await screenshot(page, 'projector-debrief');
    for (const chart of ['2', '3', '4', '5']) {
      await press(page, chart);
      await screenshot(page, `projector-debrief-${chart}`);
    }
    expect(watch.problems).toEqual([]);
    await context.close();
  });
});
