/**
 * The game boots in headless Chromium (WebGL on SwiftShader), reaches the live run, keeps its
 * clock moving, shows exactly what the engine computes in Node for the same run, really draws,
 * and answers the keys. One page for the whole file, like one player session.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { compileModel, computeMetrics, Simulation } from '../../src/sim';
import { builtinScenario } from '../../src/scenarios';
import { hook, openGame, RESULTS_DIR, useHarness, watchPage, type PageProblems } from './harness';
import { colourHistogram, decodePng } from './png';

const harness = useHarness();
const model = compileModel(builtinScenario('brent'));
let page: Page;
let watch: PageProblems;

/** Snapshot and summary read in one go, so they describe the same instant. */
async function readState(p: Page) {
  return p.evaluate(() => {
    const h = window.__phoenix!;
    return { snapshot: h.snapshot()!, summary: h.metrics()!, playback: h.playback()!, hash: h.hash() };
  });
}

/** Sim time advanced in `ms` of real time, measured inside the page. */
async function advanceOver(p: Page, ms: number): Promise<number> {
  return p.evaluate(async (wait) => {
    const h = window.__phoenix!;
    const t0 = h.snapshot()!.time;
    await new Promise((r) => setTimeout(r, wait));
    return h.snapshot()!.time - t0;
  }, ms);
}

/** The same run in Node, advanced in one call to the time the browser shows. */
function nodeRunAt(time: number) {
  const sim = new Simulation(model, { seed: 1 });
  sim.advanceTo(time);
  return { sim, metrics: computeMetrics(sim) };
}

/** The run on screen equals a fresh one-shot engine run to the same time, computed in the same page. */
async function expectMatchesFreshRunInPage(p: Page): Promise<void> {
  const { shown, fresh } = await p.evaluate(() => {
    const h = window.__phoenix!;
    const snap = h.snapshot()!;
    return { shown: snap.hash, fresh: h.runHeadless('brent', 1, snap.time) };
  });
  expect(shown).toBe(fresh);
}

async function expectMatchesNode(p: Page): Promise<number> {
  const { snapshot, summary, hash } = await readState(p);
  const { sim, metrics } = nodeRunAt(snapshot.time);
  expect(sim.now).toBe(snapshot.time);
  expect(hash).toBe(sim.hash());
  expect(snapshot.hash).toBe(sim.hash());
  expect(snapshot.done).toBe(sim.doneCount);
  expect(snapshot.wip).toBe(sim.wip);
  expect(snapshot.created).toBe(sim.items.length);
  expect(snapshot.events).toBe(sim.eventsProcessed);
  expect(summary.done).toBe(metrics.done);
  expect(summary.wip).toBe(metrics.wipNow);
  const orNull = (x: number) => (Number.isFinite(x) ? x : null);
  expect(summary.leadTimeMean).toBe(orNull(metrics.leadTime.mean));
  expect(summary.leadTimeP85).toBe(orNull(metrics.leadTime.p85));
  expect(summary.leadTimeCount).toBe(metrics.leadTime.count);
  if (metrics.observed > 0) {
    expect(summary.throughput).toBe(metrics.throughput);
    const brent = metrics.people.find((x) => x.id === 'brent')!;
    // Utilisation integrates busy time as the clock moves, so slicing can move the last bits.
    expect(summary.focus!.utilisation).toBeCloseTo(brent.utilisation, 9);
  } else {
    expect(summary.throughput).toBeNull();
    expect(summary.focus!.utilisation).toBeNull();
  }
  expect(summary.focus!.name).toBe('Brent');
  expect(summary.centers.map((c) => [c.id, c.queue, c.wip])).toEqual(metrics.centers.map((c) => [c.id, c.queueNow, c.wipNow]));
  return snapshot.time;
}

describe('live run in Chromium', () => {
  beforeAll(async () => {
    const { browser, baseUrl } = harness();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    watch = watchPage(page);
    await openGame(page, baseUrl);
  });

  afterAll(async () => {
    await page?.close();
  });

  test('boots through Boot and Preloader into LiveRun, on WebGL, without errors', async () => {
    expect(await hook(page, 'scene')).toBe('LiveRun');
    expect(await hook(page, 'ready')).toBe(true);
    const renderer = await page.evaluate(() => {
      const canvas = document.querySelector('canvas');
      if (!canvas) return 'no canvas';
      // A canvas answers getContext only for the kind of context it already has.
      if (canvas.getContext('webgl2')) return 'webgl2';
      if (canvas.getContext('webgl')) return 'webgl';
      return 'not webgl';
    });
    expect(['webgl2', 'webgl']).toContain(renderer);
    const playback = await hook(page, 'playback');
    expect(playback).toMatchObject({ scenarioId: 'brent', seed: 1, speed: 1, paused: false });
    expect(watch.problems).toEqual([]);
  });

  test('the sim clock advances in real time', async () => {
    const t0 = (await readState(page)).snapshot.time;
    await page.waitForFunction((t) => window.__phoenix!.snapshot()!.time > t + 0.2, t0, { timeout: 10_000 });
    const { snapshot } = await readState(page);
    expect(snapshot.horizon).toBe(60);
    expect(snapshot.status).toBe('running');
  });

  test('shows what a fresh engine run to the same sim time gives, whatever the frame slicing', async () => {
    await page.keyboard.press('4');
    for (let i = 0; i < 3; i++) {
      await expectMatchesFreshRunInPage(page);
      await page.waitForTimeout(300);
    }
  });

  test('shows exactly what the engine computes in Node for the same seed and time', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 3; i++) {
      seen.add(await expectMatchesNode(page));
      await page.waitForTimeout(300);
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  test('Space pauses and resumes; 1 2 3 4 set the speed', async () => {
    if ((await hook(page, 'playback'))!.paused) await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    expect((await hook(page, 'playback'))!.paused).toBe(true);
    expect(await advanceOver(page, 600)).toBe(0);

    await page.keyboard.press('Space');
    expect((await hook(page, 'playback'))!.paused).toBe(false);
    expect(await advanceOver(page, 300)).toBeGreaterThan(0);

    for (const [key, speed] of [['2', 2], ['3', 4], ['4', 16], ['1', 1]] as const) {
      await page.keyboard.press(key);
      expect((await hook(page, 'playback'))!.speed).toBe(speed);
    }
    const slow = await advanceOver(page, 1000);
    await page.keyboard.press('4');
    const fast = await advanceOver(page, 1000);
    expect(slow).toBeGreaterThan(0);
    // 16x should be far faster than 1x even if a slow software renderer drops frames.
    expect(fast).toBeGreaterThan(4 * slow);
  });

  test('WebGL drew the live view (screenshot is far from one flat colour)', async () => {
    if ((await hook(page, 'playback'))!.paused) await page.keyboard.press('Space');
    await page.keyboard.press('4');
    // Let the run fill up a little, then hold it still for the picture.
    await page.waitForFunction(() => window.__phoenix!.snapshot()!.time > 30, undefined, { timeout: 20_000 });
    await page.keyboard.press('Space');
    const dir = path.join(RESULTS_DIR, 'screenshots');
    mkdirSync(dir, { recursive: true });
    const png = await page.screenshot({ type: 'png' });
    writeFileSync(path.join(dir, 'live-run.png'), png);
    const img = decodePng(png);
    expect([img.width, img.height]).toEqual([1280, 720]);
    const hist = colourHistogram(img);
    const sorted = [...hist.values()].sort((a, b) => b - a);
    const total = img.width * img.height;
    expect(hist.size).toBeGreaterThan(200);
    expect(sorted[0]! / total).toBeLessThan(0.8);
    // The accent orange of the timeline and the feature blue of the cards are on screen.
    expect(hist.get(0xff8a3d) ?? 0).toBeGreaterThan(500);
    expect(hist.get(0x4da3ff) ?? 0).toBeGreaterThan(100);
    await expectMatchesFreshRunInPage(page);
    await page.keyboard.press('Space');
  });

  test('R restarts the same run from the start', async () => {
    const before = (await readState(page)).snapshot.time;
    await page.keyboard.press('R');
    const after = (await readState(page)).snapshot.time;
    expect(after).toBeLessThan(before);
    expect(after).toBeLessThan(2);
    await page.waitForFunction(() => window.__phoenix!.snapshot()!.time > 1, undefined, { timeout: 10_000 });
    await expectMatchesFreshRunInPage(page);
  });

  test('no console errors, page errors or failed requests during the session', () => {
    expect(watch.problems).toEqual([]);
  });
});
