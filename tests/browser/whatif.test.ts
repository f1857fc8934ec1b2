/**
 * What if…, by keyboard: Brent in trainer mode, round 1 played at top speed, round 2 planned
 * with Brent protected; W opens the what-if screen; R runs seeds 1..500 of "keep the settings
 * in force" against "your plan" in a Web Worker. The progress rises, Esc cancels part-way (the
 * worker stops: the count stays put), R runs again to the end, and the percentiles the game
 * shows equal the same computation done here in Node. Esc returns to planning with the plan kept.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinCatalog } from '../../src/game/ScenarioCatalog';
import { GameSession } from '../../src/game/GameSession';
import { buildPolicy, runWhatIf, sessionSituation, summarizeWhatIf, WHATIF_SEEDS } from '../../src/game/whatif';
import { builtinScenario } from '../../src/scenarios';
import { hook, nextFrames, openGame, playRoundToDebrief, press, screenshot, useHarness, waitForScene, watchPage, type PageProblems } from './harness';

const harness = useHarness();
const catalog = builtinCatalog();

describe('what-if with progress and cancel', () => {
  let page: Page;
  let watch: PageProblems;
  beforeAll(async () => {
    const { browser, baseUrl } = harness();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    watch = watchPage(page);
    await openGame(page, `${baseUrl}?trainer=1`);
    await waitForScene(page, 'Title');
  });
  afterAll(async () => {
    await page?.close();
  });

  test('Brent: round 1 played, round 2 planned with Brent protected; W opens What if…', async () => {
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
    await press(page, 'Home');
    await press(page, 'ArrowDown', catalog.findIndex((e) => e.id === 'brent'));
    await press(page, 'Enter');
    await waitForScene(page, 'Briefing');
    await press(page, 'Enter');
    await playRoundToDebrief(page, 30_000);
    await press(page, 'Enter');
    await waitForScene(page, 'RoundPlanning');
    await press(page, 'ArrowRight'); // "Brent works on": Operations only
    await nextFrames(page);
    expect((await hook(page, 'session'))!.levers.brentFocus).toBe(1);
    expect(await hook(page, 'whatIf')).toMatchObject({ state: 'idle', done: 0 });
    await screenshot(page, 'whatif-round-planning');
    await press(page, 'w');
    await waitForScene(page, 'WhatIf');
    await screenshot(page, 'whatif-idle');
  });

  test('R runs in the background with rising progress; Esc cancels part-way and the worker stops', async () => {
    await press(page, 'r');
    await page.waitForFunction(() => (window.__phoenix!.whatIf().done ?? 0) >= 20, undefined, { timeout: 30_000, polling: 10 });
    const running = await hook(page, 'whatIf');
    expect(running.state).toBe('running');
    expect(running.total).toBe(WHATIF_SEEDS);
    expect(running.done).toBeGreaterThan(0);
    expect(running.done).toBeLessThan(WHATIF_SEEDS);
    await screenshot(page, 'whatif-running');
    await press(page, 'Escape');
    const cancelled = await hook(page, 'whatIf');
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(WHATIF_SEEDS);
    expect(cancelled.summary).toBeNull();
    // Still on the what-if screen, and nothing more arrives from the stopped worker.
    await nextFrames(page, 20);
    expect(await hook(page, 'scene')).toBe('WhatIf');
    expect((await hook(page, 'whatIf')).done).toBe(cancelled.done);
    await screenshot(page, 'whatif-cancelled');
  });

  test('R runs all 500 seeds again to the end; the percentiles equal the same run in Node', async () => {
    await press(page, 'r');
    await page.waitForFunction(() => window.__phoenix!.whatIf().state !== 'running', undefined, { timeout: 60_000, polling: 50 });
    const done = await hook(page, 'whatIf');
    expect(done.state).toBe('done');
    expect(done.done).toBe(WHATIF_SEEDS);
    await screenshot(page, 'whatif-done');

    // The same situation in Node: round 1 as it stands, round 2 planned with Brent protected.
    const brent = builtinScenario('brent');
    const s = new GameSession('brent', brent, 1);
    s.startRound();
    s.endRound();
    s.nextRound();
    expect(s.setLever('brentFocus', 1)).toBeNull();
    const situation = sessionSituation(s);
    const out = runWhatIf({ scenario: brent, a: buildPolicy(situation, { kind: 'keep' }), b: buildPolicy(situation, { kind: 'plan' }), fromRound: 1, firstSeed: 1, count: WHATIF_SEEDS });
    const node = summarizeWhatIf(out.a, out.b);
    const shown = done.summary!;
    for (const scope of ['round', 'rest'] as const) {
      for (const m of ['leadTime', 'throughput'] as const) {
        for (const side of ['a', 'b'] as const) {
          expect(shown[scope][m][side].p50).toBe(node[scope][m][side].p50);
          expect(shown[scope][m][side].p85).toBe(node[scope][m][side].p85);
          expect(shown[scope][m][side].p95).toBe(node[scope][m][side].p95);
        }
        expect(shown[scope][m].bBetter).toBe(node[scope][m].bBetter);
      }
    }
    // Protecting Brent should show: a different distribution from keeping things as they are.
    expect(node.round.throughput.a.p50).not.toBe(node.round.throughput.b.p50);
  });

  test('↑ → measures the rest of the game; Esc returns to planning with the plan intact', async () => {
    expect((await hook(page, 'whatIf')).scope).toBe('round');
    await press(page, 'ArrowUp'); // from Run to "Measure"
    await press(page, 'ArrowRight');
    await nextFrames(page, 3);
    expect(await hook(page, 'whatIf')).toMatchObject({ state: 'done', scope: 'rest' });
    await screenshot(page, 'whatif-done-rest');
    await press(page, 'Escape');
    await waitForScene(page, 'RoundPlanning');
    const s = (await hook(page, 'session'))!;
    expect(s).toMatchObject({ phase: 'planning', roundIndex: 1 });
    expect(s.levers.brentFocus).toBe(1);
    expect(watch.problems).toEqual([]);
  });
});
