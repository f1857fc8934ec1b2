/**
 * The game boots in headless Chromium through Boot and Preloader to the title screen: no console
 * errors, no page errors, no failed requests; the renderer is the one RendererChoice picks (Canvas
 * 2D here, where WebGL would be SwiftShader), the text is set in the shipped font, and the canvas
 * really draws.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { COLOR } from '../../src/game/Theme';
import { hook, openGame, screenshot, TEST_RENDERER, useHarness, waitForScene, watchPage, type PageProblems } from './harness';
import { colourHistogram, decodePng } from './png';

const harness = useHarness();
let page: Page;
let watch: PageProblems;

beforeAll(async () => {
  const { browser, baseUrl } = harness();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  watch = watchPage(page);
  await openGame(page, baseUrl);
});

afterAll(async () => {
  await page?.close();
});

test('boots to the title screen with no session yet', async () => {
  await waitForScene(page, 'Title');
  expect(await hook(page, 'scene')).toBe('Title');
  expect(await hook(page, 'ready')).toBe(true);
  expect(await hook(page, 'session')).toBeNull();
  expect(await hook(page, 'hud')).toBeNull();
  expect(await hook(page, 'playback')).toBeNull();
  expect(await hook(page, 'hash')).toBe('');
});

test('draws with Canvas 2D, because WebGL here would run in software (SwiftShader)', async () => {
  const context = await page.evaluate(() => {
    const canvases = document.querySelectorAll('canvas');
    if (canvases.length !== 1) return `${canvases.length} canvases`;
    const canvas = canvases[0]!;
    // A canvas answers getContext only for the kind of context it already has.
    if (canvas.getContext('2d') !== null) return 'canvas';
    if (canvas.getContext('webgl2') || canvas.getContext('webgl')) return 'webgl';
    return 'none';
  });
  const choice = await hook(page, 'renderer');
  expect(context).toBe(choice.kind);
  if (TEST_RENDERER === '') expect(choice).toMatchObject({ kind: 'canvas', why: expect.stringMatching(/software.*SwiftShader/) });
  else expect(choice.kind).toBe(TEST_RENDERER);
});

test('the text font is the shipped Atkinson Hyperlegible, loaded (regular and bold)', async () => {
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    const faces = [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Atkinson Hyperlegible');
    return {
      check: document.fonts.check('16px "Atkinson Hyperlegible"'),
      checkBold: document.fonts.check('bold 16px "Atkinson Hyperlegible"'),
      loaded: faces.filter((f) => f.status === 'loaded').map((f) => String(f.weight)).sort(),
    };
  });
  // check() is also true for a family nobody declared, so the loaded faces are what proves it.
  expect(fonts.check).toBe(true);
  expect(fonts.checkBold).toBe(true);
  expect(fonts.loaded).toEqual(expect.arrayContaining(['400', '700']));
});

test('the canvas really draws the title screen (a rich colour histogram, not one flat colour)', async () => {
  const png = await screenshot(page, 'boot-title');
  const img = decodePng(png);
  expect([img.width, img.height]).toEqual([1280, 720]);
  const hist = colourHistogram(img);
  const total = img.width * img.height;
  const top = [...hist.entries()].sort((a, b) => b[1] - a[1]);
  // Text is antialiased and the mark is an SVG: hundreds of colours, none of them everywhere.
  expect(hist.size).toBeGreaterThan(200);
  expect(top[0]![1] / total).toBeLessThan(0.9);
  // The background is the theme's, and the primary button's accent orange is on screen.
  expect(top[0]![0]).toBe(COLOR.background);
  expect(hist.get(COLOR.accent) ?? 0).toBeGreaterThan(1000);
});

test('no console errors, page errors, failed requests or HTTP errors while booting', async () => {
  expect(watch.problems).toEqual([]);
});
