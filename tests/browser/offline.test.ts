/**
 * The built game, hosted as a training room would host it: `vite build` into a temporary folder,
 * served by Vite's preview server from a sub-folder (relative URLs must hold), opened in Chromium.
 * Once its service worker controls the page, the network is cut (the browser goes offline and the
 * server is shut down) and the game reloads and plays lesson 1 by keyboard to its debrief.
 * Along the way: the built index.html carries the Content-Security-Policy and no inline script,
 * the service worker keeps every built file the game needs, and neither the built game nor the
 * dev server (the harness the other browser tests use) reports a single CSP violation.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { builtinCatalog } from '../../src/game/ScenarioCatalog';
import { CSS } from '../../src/game/Theme';
import { hook, openGame, playRoundToDebrief, press, ROOT, screenshot, SERVES_BUILD, useHarness, waitForScene, watchPage, type PageProblems } from './harness';

const CONFIG_FILE = path.join(ROOT, 'vite.config.ts');
/** Any sub-folder of a static host: the build's relative URLs must work from there. */
const SUB_FOLDER = '/training-room/phoenix-flow/';
/** As tests/browser/harness.ts. */
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

/**
 * Collects `securitypolicyviolation` events from the first script on, in every document of the
 * context. A string, so the test runner's transform cannot add helpers the page lacks.
 */
const CSP_LISTENER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '?') + ':' + e.lineNumber);
  });
`;

function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['the CSP listener is missing']);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The directives of the policy in index.html's <meta http-equiv="Content-Security-Policy">. */
function metaPolicy(html: string): Map<string, string[]> | null {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!meta) return null;
  const directives = meta[1]!.split(';').map((d) => d.trim().split(/\s+/));
  return new Map(directives.filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe('the built game', () => {
  let outDir = '';
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let watch: PageProblems;
  let gameUrl = '';

  beforeAll(async () => {
    // Its own folder, never the repo's dist/ (the benchmark and other helpers use that).
    outDir = mkdtempSync(path.join(tmpdir(), 'phoenix-offline-'));
    await build({ root: ROOT, configFile: CONFIG_FILE, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = await preview({
      root: ROOT,
      configFile: CONFIG_FILE,
      logLevel: 'warn',
      base: SUB_FOLDER,
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    const address = server.httpServer.address() as AddressInfo | null;
    if (!address || typeof address === 'string') throw new Error('the preview server has no TCP address');
    gameUrl = `http://127.0.0.1:${address.port}${SUB_FOLDER}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'allow' });
    await context.addInitScript(CSP_LISTENER);
    page = await context.newPage();
    watch = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('index.html carries the Content-Security-Policy and no inline script or style', () => {
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const policy = metaPolicy(html);
    expect(policy).not.toBeNull();
    expect(policy!.get('default-src')).toEqual(["'self'"]);
    expect(policy!.get('script-src')).toEqual(["'self'"]);
    expect(policy!.get('style-src')).toEqual(["'self'"]);
    expect(policy!.get('object-src')).toEqual(["'none'"]);
    expect(policy!.get('base-uri')).toEqual(["'self'"]);
    expect(html).not.toContain('unsafe-eval');
    expect(html).not.toContain('unsafe-inline');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThanOrEqual(2); // the game and the service worker's registration
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\//); // a file, by a relative URL
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).toContain('<link rel="manifest" href="./manifest.webmanifest">');
  });

  test('the web manifest: the game\'s name and colours, standalone, relative URLs, icons that exist', () => {
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      short_name: string;
      display: string;
      start_url: string;
      scope: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Phoenix Flow', display: 'standalone', start_url: './', scope: './' });
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.theme_color).toBe(CSS.background);
    expect(manifest.background_color).toBe(CSS.background);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain(`<meta name="theme-color" content="${CSS.background}" />`);
    const sizes = manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const bytes = readFileSync(path.join(outDir, icon.src));
      if (icon.type === 'image/png') {
        // PNG signature, then the IHDR's width and height must be what the manifest says.
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
      } else expect(bytes.toString('utf8')).toContain('<svg');
    }
  });

  test('first visit online: the title appears and the service worker takes control', async () => {
    await openGame(page, gameUrl);
    await waitForScene(page, 'Title');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload({ waitUntil: 'load' });
    await waitForScene(page, 'Title');
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(`${gameUrl}sw.js`);
  });

  test('the service worker keeps every built file the game needs (found by kind, not by name)', async () => {
    const needed = filesUnder(outDir)
      .map((f) => path.relative(outDir, f).split(path.sep).join('/'))
      .filter((f) => /\.(js|css|html|woff2?|svg|png|json|webmanifest)$/.test(f))
      .filter((f) => !/^(sw|workbox-[^/]*)\.js$/.test(f)) // the service worker itself
      .map((f) => `${gameUrl}${f}`)
      .sort();
    expect(needed.some((u) => /assets\/phaser-[^/]*\.js$/.test(u))).toBe(true);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url.replace(/\?__WB_REVISION__=.*$/, ''));
      }
      return urls;
    });
    expect([...new Set(cached)].sort()).toEqual(needed);
  });

  test('offline: with no network and no server, the game reloads to its title', async () => {
    await context.setOffline(true);
    await server!.close();
    server = undefined;
    await page.reload({ waitUntil: 'load' });
    await waitForScene(page, 'Title');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await screenshot(page, 'offline-title');
  });

  test('offline: lesson 1 by keyboard, its briefing, one round at top speed, its debrief', async () => {
    const first = builtinCatalog().find((e) => e.order === 1)!;
    await press(page, 'Enter'); // Play
    await waitForScene(page, 'ScenarioSelect');
    await press(page, 'Home'); // lesson 1 heads the list
    await press(page, 'Enter');
    await waitForScene(page, 'Briefing');
    expect(await hook(page, 'session')).toMatchObject({ scenarioId: first.id, sandbox: false, roundIndex: 0 });
    await press(page, 'Enter');
    await playRoundToDebrief(page);
    const s = (await hook(page, 'session'))!;
    expect(s).toMatchObject({ scenarioId: first.id, phase: 'review', roundIndex: 0 });
    expect(s.results[0]!.done).toBeGreaterThan(0);
    await screenshot(page, 'offline-debrief');
  });

  test('no CSP violation, console error or failed request in the built game, online or off', async () => {
    expect(await cspViolations(page)).toEqual([]);
    expect(watch.problems).toEqual([]);
  });
});

describe('the dev server (the browser tests\' harness)', () => {
  const harness = useHarness();

  // (Only the dev server has no service worker: with PHOENIX_TEST_DIST the harness serves a build.)
  test.skipIf(SERVES_BUILD)('the game starts and reaches a briefing with no CSP violation or console error', async () => {
    const { browser, baseUrl } = harness();
    const devContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      await devContext.addInitScript(CSP_LISTENER);
      const devPage = await devContext.newPage();
      const devWatch = watchPage(devPage);
      await openGame(devPage, baseUrl);
      await waitForScene(devPage, 'Title');
      await press(devPage, 'Enter');
      await waitForScene(devPage, 'ScenarioSelect');
      await press(devPage, 'Enter');
      await waitForScene(devPage, 'Briefing');
      expect(await devPage.evaluate(() => navigator.serviceWorker.controller)).toBeNull(); // never in dev
      expect(await cspViolations(devPage)).toEqual([]);
      expect(devWatch.problems).toEqual([]);
    } finally {
      await devContext.close();
    }
  });
});
