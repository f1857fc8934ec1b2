/**
 * Compare by keyboard alone, in trainer mode: ScenarioSelect (Brent, seed 1) -> C -> the set-up
 * (two different strategies chosen with the arrows) -> Enter -> both floors on one clock; a lever
 * changed mid-run on side A is a command stamped at the current time on A only; max speed to the
 * end, where both sides stand at the same time and each side's hash equals a fresh headless run
 * of its own commands in the page. Screenshots: set-up, mid-run, end.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinCatalog } from '../../src/game/ScenarioCatalog';
import { builtinScenario } from '../../src/scenarios';
import { comparePolicies } from '../../src/game/compare/ComparePolicy';
import { justBefore } from '../../src/game/RoundBoundary';
import { hook, nextFrames, openGame, press, screenshot, useHarness, waitForScene, watchPage, type PageProblems } from './harness';
import { decodePng, meanLuminance } from './png';

const harness = useHarness();
let page: Page;
let watch: PageProblems;

const brent = builtinScenario('brent');
const policies = comparePolicies(brent);
const GAME_END = brent.game!.rounds!.reduce((t, r) => t + r.length, 0);

async function compare(p: Page) {
  const c = await hook(p, 'compare');
  if (c === null) throw new Error('no comparison running');
  return c;
}

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

// The steps build on each other: after a failed one the rest are skipped.
let broken = '';
beforeEach((ctx) => {
  if (broken !== '' && !ctx.task.name.startsWith('no console errors')) ctx.skip(`an earlier step failed: ${broken}`);
});
afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail' && broken === '') broken = ctx.task.name;
});

describe('Compare: two policies on one seed, by keyboard', () => {
  test('ScenarioSelect: choose Brent, C opens the set-up with the lesson first and last strategy', async () => {
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
    const items = builtinCatalog();
    const at = items.findIndex((e) => e.id === 'brent');
    await press(page, 'ArrowDown', items.length - 1);
    await press(page, 'ArrowUp', items.length - 1 - at);
    await press(page, 'c');
    await waitForScene(page, 'Compare');
    expect(await hook(page, 'compare')).toBeNull(); // the set-up: nothing runs yet
    await screenshot(page, 'compare-setup');
  });

  test('Set-up: → changes policy A, ↓ ← changes policy B, Enter starts both on one clock', async () => {
    await press(page, 'ArrowRight'); // A: from the first strategy to the second
    await press(page, 'ArrowDown');
    await press(page, 'ArrowLeft'); // B: from the last strategy to the one before
    await nextFrames(page);
    await screenshot(page, 'compare-setup-chosen');
    await press(page, 'Enter');
    await page.waitForFunction(() => window.__phoenix?.compare() !== null && window.__phoenix!.ready, undefined, { timeout: 10_000 });
    await press(page, ' '); // pause
    const c = await compare(page);
    const strategies = brent.game!.strategies!;
    expect(c.a.policy).toBe(strategies[1]!.label);
    expect(c.b.policy).toBe(strategies[strategies.length - 2]!.label);
    expect(policies.map((p) => p.label)).toContain(c.a.policy);
    expect(c).toMatchObject({ scenarioId: 'brent', seed: 1, liveLevers: true, phase: 'running' });
    expect(c.a.time).toBe(c.b.time);
  });

  test('Paused, . steps both sides to the same time; ← + changes a lever on A now, stamped at that time', async () => {
    await press(page, '.', 25);
    await nextFrames(page);
    const before = await compare(page);
    expect(before.time).toBeGreaterThan(0);
    expect(before.a.time).toBe(before.b.time);
    const t = before.time;
    await press(page, 'ArrowLeft'); // side A
    await press(page, '+'); // the first lever (Brent works on) one setting along
    await nextFrames(page);
    const after = await compare(page);
    // Still paused: the clock moved on only past the instant just stepped (see CompareRun.clearInstant).
    expect(after.time - t).toBeLessThan(1e-9);
    expect(after.a.time).toBe(after.b.time);
    const stamped = after.a.commands.filter((c) => c.at === after.time);
    expect(stamped.length).toBeGreaterThan(0);
    expect(after.b.commands.filter((c) => c.at >= t)).toEqual([]);
    expect(after.a.changes).toHaveLength(1);
    expect(after.a.levers.brentFocus).not.toBe(before.a.levers.brentFocus);
    await press(page, 'ArrowRight');
    await press(page, '3'); // 4x
    await page.waitForFunction((x) => window.__phoenix!.compare()!.time > x + 8, t, { timeout: 30_000, polling: 50 });
    await press(page, ' ');
    await nextFrames(page, 3);
    const png = decodePng(await screenshot(page, 'compare-mid-run'));
    expect(meanLuminance(png)).toBeGreaterThan(5);
    const mid = await compare(page);
    expect(mid.a.time).toBe(mid.b.time);
    expect(mid.a.wip + mid.b.wip).toBeGreaterThan(0);
  });

  test('Max speed to the end: both sides at the same time; each hash equals a headless run of its commands', async () => {
    await press(page, '5');
    await page.waitForFunction(() => window.__phoenix!.compare()?.phase === 'over', undefined, { timeout: 40_000, polling: 100 });
    await nextFrames(page, 3);
    await screenshot(page, 'compare-end');
    const c = await compare(page);
    expect(c.time).toBe(justBefore(GAME_END));
    expect(c.a.time).toBe(c.time);
    expect(c.b.time).toBe(c.time);
    expect(c.round).toBe(brent.game!.rounds!.length - 1);
    for (const side of [c.a, c.b]) {
      expect(await hook(page, 'runHeadless', 'brent', 1, c.time, side.commands)).toBe(side.hash);
    }
    expect(c.a.hash).not.toBe(c.b.hash);
    expect(c.a.done).toBeGreaterThan(0);
  });

  test('Enter goes back to the set-up; Esc back to the scenario list', async () => {
    await press(page, 'Enter');
    await page.waitForFunction(() => window.__phoenix!.scene() === 'Compare' && window.__phoenix!.compare() === null && window.__phoenix!.ready, undefined, { timeout: 10_000 });
    await press(page, 'Escape');
    await waitForScene(page, 'ScenarioSelect');
  });

  test('no console errors', () => {
    expect(watch.problems).toEqual([]);
  });
});
