/**
 * Shared set-up for the browser tests: a Vite dev server on 127.0.0.1 (a free port, this repo's
 * vite.config.ts) and Debian's Chromium driven by playwright-core, both started in beforeAll and
 * closed in afterAll. `watchPage` collects everything that would mean a broken page: console
 * errors, uncaught exceptions, failed requests and HTTP errors. The helpers at the end wait for a
 * scene, for frames, press keys and save screenshots to test-results/screenshots/.
 *
 * With PHOENIX_TEST_DIST=<folder of a `vite build`>, the same tests run against that build
 * instead (Vite's preview server), to check what players get: `npx vite build --outDir /tmp/d &&
 * PHOENIX_TEST_DIST=/tmp/d npx vitest run tests/browser`.
 *
 * The game draws with Canvas 2D in this headless Chromium (WebGL would be SwiftShader: see
 * src/game/RendererChoice.ts); renderers.test.ts plays the same path with each one forced and
 * compares the pictures. With PHOENIX_TEST_RENDERER=webgl (or canvas), every page that
 * `openGame` opens asks for that renderer, to run the whole suite on it.
 */
import { afterAll, beforeAll } from 'vitest';
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { PhoenixTestHook } from '../../src/game/TestHook';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Whether the harness serves a build (PHOENIX_TEST_DIST) instead of the dev server. */
export const SERVES_BUILD = Boolean(process.env.PHOENIX_TEST_DIST);

export interface Harness {
  readonly baseUrl: string;
  readonly browser: Browser;
}

/** Registers beforeAll/afterAll for one test file and returns a getter for the running harness. */
export function useHarness(): () => Harness {
  let server: ViteDevServer | PreviewServer | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';

  beforeAll(async () => {
    const configFile = path.join(ROOT, 'vite.config.ts');
    if (SERVES_BUILD) {
      server = await preview({ root: ROOT, configFile, logLevel: 'warn', build: { outDir: path.resolve(process.env.PHOENIX_TEST_DIST!) }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
    } else {
      const dev = await createServer({
        root: ROOT,
        configFile,
        logLevel: 'warn',
        clearScreen: false,
        server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
      });
      await dev.listen();
      server = dev;
    }
    const address = server.httpServer?.address() as AddressInfo | null;
    if (!address || typeof address === 'string') throw new Error('the Vite server has no TCP address');
    baseUrl = `http://127.0.0.1:${address.port}/`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return () => {
    if (!browser || !baseUrl) throw new Error('the browser harness is not running');
    return { baseUrl, browser };
  };
}

export interface PageProblems {
  readonly problems: string[];
}

/** Starts collecting problems on a page; call before navigating. */
export function watchPage(page: Page): PageProblems {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? '?'})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { problems };
}

/** The renderer PHOENIX_TEST_RENDERER asks for, if any ('' for the game's own choice). */
export const TEST_RENDERER = process.env.PHOENIX_TEST_RENDERER ?? '';

/** `url` with `renderer=` set to PHOENIX_TEST_RENDERER, unless the url names a renderer itself. */
export function withTestRenderer(url: string): string {
  if (TEST_RENDERER === '') return url;
  const u = new URL(url);
  if (!u.searchParams.has('renderer')) u.searchParams.set('renderer', TEST_RENDERER);
  return u.toString();
}

/** Opens the game and waits until the live run has drawn its first frame. */
export async function openGame(page: Page, baseUrl: string): Promise<void> {
  await page.goto(withTestRenderer(baseUrl), { waitUntil: 'load' });
  await page.waitForFunction(() => window.__phoenix?.ready === true, undefined, { timeout: 30_000, polling: 50 });
}

type HookArgs<K extends keyof PhoenixTestHook> = PhoenixTestHook[K] extends (...a: infer A) => unknown ? A : [];
type HookResult<K extends keyof PhoenixTestHook> = PhoenixTestHook[K] extends (...a: never[]) => infer R ? R : PhoenixTestHook[K];

/** Calls one method of the test hook in the page (or reads a property such as `ready`). */
export function hook<K extends keyof PhoenixTestHook>(page: Page, method: K, ...args: HookArgs<K>): Promise<HookResult<K>> {
  return page.evaluate(
    ([m, a]) => {
      const h = window.__phoenix;
      if (!h) throw new Error('window.__phoenix is missing');
      const v = h[m as keyof PhoenixTestHook] as unknown;
      return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).apply(h, a as unknown[]) : v;
    },
    [method, args] as const,
  ) as never;
}

export const SCREENSHOT_DIR = path.join(RESULTS_DIR, 'screenshots');

/** Waits until the scene on top is `key` and has drawn (the hook's `ready`). */
export async function waitForScene(page: Page, key: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((k) => window.__phoenix?.scene() === k && window.__phoenix.ready === true, key, { timeout, polling: 25 });
}

/** From RoundPlanning: S starts the round, 5 plays it at top speed, Enter at its end opens the debrief. */
export async function playRoundToDebrief(page: Page, timeout = 60_000): Promise<void> {
  await waitForScene(page, 'RoundPlanning');
  await page.keyboard.press('s');
  await waitForScene(page, 'Play');
  await page.keyboard.press('5');
  await page.waitForFunction(() => window.__phoenix!.playback()?.over === true, undefined, { timeout, polling: 25 });
  // Enter at once: the game goes to the debrief by itself 1.5 s after the round ends.
  await page.keyboard.press('Enter');
  await waitForScene(page, 'Debrief');
}

/** Waits for `frames` animation frames in the page, so what was just changed has been drawn. */
export async function nextFrames(page: Page, frames = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    frames,
  );
}

/** Presses a key `times` times (Phaser reads keys once per frame, in order). */
export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/**
 * Dispatches several keys in one go, inside one frame, as a fast typist or a slow frame would
 * deliver them: each must arrive exactly once, in order.
 */
export async function burst(page: Page, keys: readonly string[]): Promise<void> {
  await page.evaluate((ks) => {
    for (const key of ks) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  }, keys);
}

/** A PNG of the page after two more frames (not saved). */
export async function capture(page: Page): Promise<Buffer> {
  await nextFrames(page, 2);
  return page.screenshot({ type: 'png' });
}

/** A PNG of the page after two more frames, also saved as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  const png = await capture(page);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), png);
  return png;
}
