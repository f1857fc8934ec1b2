/**
 * The game draws with WebGL on a graphics card and with Canvas 2D where WebGL would run in
 * software (src/game/RendererChoice.ts), so both must draw the same game. Here each renderer is
 * forced (`?renderer=webgl`, `?renderer=canvas`) in its own page, the same keyboard path is played
 * in both (Title, Brent's briefing, round 1 at top speed, its debrief and every chart), and the
 * screenshots are compared: the two may differ only in the edges of shapes (Canvas smooths them,
 * GL here does not). Without `?renderer=` the game picks Canvas in this headless browser, where
 * WebGL is SwiftShader: the rest of the browser suite runs on that choice.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinCatalog } from '../../src/game/ScenarioCatalog';
import type { RendererKind } from '../../src/game/RendererChoice';
import { capture, hook, nextFrames, openGame, playRoundToDebrief, press, screenshot, useHarness, waitForScene, watchPage, type PageProblems } from './harness';
import { decodePng, farApartShare, meanLuminance, type DecodedImage } from './png';

const harness = useHarness();
const KINDS: readonly RendererKind[] = ['webgl', 'canvas'];
const pages = new Map<RendererKind, { page: Page; watch: PageProblems }>();
/** Screenshots by step, for each renderer. */
const shots = new Map<string, Map<RendererKind, DecodedImage>>();

/** Pixels allowed to differ by more than a quarter of the range: shape edges, never whole areas. */
const TOLERANCE = 64;
const MAX_FAR_APART = 0.004;

async function shoot(kind: RendererKind, step: string): Promise<void> {
  const { page } = pages.get(kind)!;
  await nextFrames(page, 3);
  const img = decodePng(await screenshot(page, `renderer-${kind}-${step}`));
  if (!shots.has(step)) shots.set(step, new Map());
  shots.get(step)!.set(kind, img);
}

/** Runs the same steps in both pages, one after the other. */
async function both(step: (page: Page, kind: RendererKind) => Promise<void>): Promise<void> {
  for (const kind of KINDS) await step(pages.get(kind)!.page, kind);
}

beforeAll(async () => {
  const { browser, baseUrl } = harness();
  for (const kind of KINDS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const watch = watchPage(page);
    await openGame(page, `${baseUrl}?trainer=1&renderer=${kind}`);
    await waitForScene(page, 'Title');
    pages.set(kind, { page, watch });
  }
});

afterAll(async () => {
  for (const { page } of pages.values()) await page.close();
});

describe('both renderers draw the same game', () => {
  test('each page draws with the renderer its address asks for, on a canvas of that kind', async () => {
    await both(async (page, kind) => {
      expect(await hook(page, 'renderer')).toEqual({ kind, why: 'asked for in the address' });
      const context = await page.evaluate(() => {
        const canvas = document.querySelector('canvas');
        // A canvas answers getContext only for the kind of context it already has.
        return canvas === null ? 'none' : canvas.getContext('2d') !== null ? 'canvas' : canvas.getContext('webgl2') || canvas.getContext('webgl') ? 'webgl' : 'none';
      });
      expect(context).toBe(kind);
      await shoot(kind, 'title');
    });
  });

  test("Brent's briefing, seed 1", async () => {
    const items = builtinCatalog();
    const at = items.findIndex((e) => e.id === 'brent');
    await both(async (page, kind) => {
      await press(page, 'Enter');
      await waitForScene(page, 'ScenarioSelect');
      await press(page, 'ArrowDown', items.length - 1);
      await press(page, 'ArrowUp', items.length - 1 - at);
      await press(page, 'Tab');
      await press(page, 'Delete');
      await press(page, '1');
      await press(page, 'Enter');
      await waitForScene(page, 'Briefing');
      expect(await hook(page, 'session')).toMatchObject({ scenarioId: 'brent', seed: 1 });
      await shoot(kind, 'briefing');
    });
  });

  test('round 1 at top speed, then its debrief and every chart', async () => {
    await both(async (page, kind) => {
      await press(page, 'Enter');
      await playRoundToDebrief(page);
      for (let chart = 1; chart <= 6; chart++) {
        await press(page, String(chart));
        await shoot(kind, `debrief-${chart}`);
      }
    });
    // The same run on both: the same numbers behind the pictures.
    const [a, b] = await Promise.all(KINDS.map((k) => hook(pages.get(k)!.page, 'session')));
    expect(a!.hash).toBe(b!.hash);
  });

  test('the screenshots agree pixel for pixel, but for the edges of shapes', () => {
    expect([...shots.keys()]).toEqual(['title', 'briefing', 'debrief-1', 'debrief-2', 'debrief-3', 'debrief-4', 'debrief-5', 'debrief-6']);
    for (const [step, byKind] of shots) {
      const gl = byKind.get('webgl')!, canvas = byKind.get('canvas')!;
      expect(farApartShare(gl, canvas, TOLERANCE), step).toBeLessThan(MAX_FAR_APART);
      expect(Math.abs(meanLuminance(gl) - meanLuminance(canvas)), step).toBeLessThan(1);
    }
  });

  test('a frame drawn on each page is not blank (the comparison compares pictures)', async () => {
    for (const kind of KINDS) {
      const img = decodePng(await capture(pages.get(kind)!.page));
      expect(meanLuminance(img), kind).toBeGreaterThan(10);
    }
  });

  test('no console errors, page errors or failed requests with either renderer', () => {
    for (const kind of KINDS) expect(pages.get(kind)!.watch.problems, kind).toEqual([]);
  });
});
