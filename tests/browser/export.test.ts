/**
 * Export from the debrief, as a player does it: a round of Brent at top speed (trainer mode),
 * then E opens the Export menu and each choice downloads a file. The files are read back from
 * disk: the items CSV parses to one row per item of the engine's run, the metrics JSON's hash is
 * the run's hash, and every chart PNG is a PNG of the chart panel's size (at the canvas's render
 * scale) with a picture in it, the same picture the screen shows there. The menu also works by
 * mouse. Screenshots: test-results/screenshots/export-*.png.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { ITEM_COLUMNS } from '../../src/game/export/RunExport';
import { builtinCatalog } from '../../src/game/ScenarioCatalog';
import { capture, hook, SCREENSHOT_DIR, nextFrames, openGame, playRoundToDebrief, press, screenshot, useHarness, waitForScene, watchPage, type PageProblems } from './harness';
import { colourHistogram, decodePng, differingShare, meanLuminance, type DecodedImage } from './png';

const harness = useHarness();
let page: Page;
let watch: PageProblems;

/** The debrief's chart panel in design pixels (Debrief.chartPanel): right of the 520 px column. */
const PANEL = { x: 568, y: 134, width: 688, height: 494 };
/** The middle of the menu's first choice (Items), in design pixels: the panel is anchored above the Export button. */
const MENU_FIRST_BUTTON_Y = 380;
const CHART_FILES = ['cumulative-flow', 'lead-time', 'lead-time-histogram', 'busy-idle', 'wip', 'compare'];

/** The next `n` downloads the page starts while `act` runs, with their contents. */
async function downloads(n: number, act: () => Promise<void>): Promise<{ name: string; data: Buffer }[]> {
  const seen: Download[] = [];
  let done: () => void = () => {};
  const all = new Promise<void>((resolve) => (done = resolve));
  const onDownload = (d: Download) => {
    seen.push(d);
    if (seen.length === n) done();
  };
  page.on('download', onDownload);
  try {
    await act();
    await all;
  } finally {
    page.off('download', onDownload);
  }
  return Promise.all(seen.map(async (d) => ({ name: d.suggestedFilename(), data: readFileSync((await d.path())!) })));
}

/** RFC 4180, enough for the game's CSV: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

function crop(img: DecodedImage, x: number, y: number, width: number, height: number): DecodedImage {
  const pixels = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) pixels.set(img.pixels.subarray(((y + row) * img.width + x) * 4, ((y + row) * img.width + x + width) * 4), row * width * 4);
  return { width, height, pixels };
}

/** Canvas pixels per design pixel (RENDER_SCALE, as the page chose it). */
const renderScale = () => page.evaluate(() => document.querySelector('canvas')!.width / 1280);

function expectChartPng(file: Buffer, scale: number): DecodedImage {
  expect([...file.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const img = decodePng(file);
  expect({ width: img.width, height: img.height }).toEqual({ width: Math.round(PANEL.width * scale), height: Math.round(PANEL.height * scale) });
  // A chart: a panel, text, axes, lines or bars — many colours, not a blank rectangle.
  expect(colourHistogram(img).size).toBeGreaterThan(20);
  return img;
}

/** From the title screen: the lesson `id`, `rounds` rounds each at top speed, to the last one's debrief. */
async function playToDebrief(p: Page, id: string, rounds: number): Promise<void> {
  await press(p, 'Enter');
  await waitForScene(p, 'ScenarioSelect');
  await press(p, 'Home');
  await press(p, 'ArrowDown', builtinCatalog().findIndex((e) => e.id === id));
  await press(p, 'Enter');
  await waitForScene(p, 'Briefing');
  await press(p, 'Enter');
  for (let r = 0; r < rounds; r++) {
    await playRoundToDebrief(p);
    if (r < rounds - 1) await press(p, 'Enter');
  }
  expect((await hook(p, 'session'))!.scenarioId).toBe(id);
}

beforeAll(async () => {
  const { browser, baseUrl } = harness();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  watch = watchPage(page);
  await openGame(page, `${baseUrl}?trainer=1`);
  await waitForScene(page, 'Title');
  await playToDebrief(page, 'brent', 1);
});

afterAll(async () => {
  await page?.close();
});

describe('Export in the debrief', () => {
  test('E opens the menu over the debrief; Esc closes it and the debrief stays', async () => {
    const before = decodePng(await capture(page));
    await press(page, 'e');
    await nextFrames(page, 3);
    const open = decodePng(await screenshot(page, 'export-menu'));
    expect(meanLuminance(open)).toBeLessThan(meanLuminance(before) - 3);
    await press(page, 'h');
    await nextFrames(page, 3);
    await screenshot(page, 'export-menu-help');
    await press(page, 'h');
    await press(page, 'Escape');
    await nextFrames(page, 3);
    expect(await hook(page, 'scene')).toBe('Debrief');
    const closed = decodePng(await capture(page));
    expect(differingShare(closed, before)).toBeLessThan(0.01);
  });

  test('Items (CSV): one row per item of the engine run, under the command line\'s header', async () => {
    const s = (await hook(page, 'session'))!;
    const [file] = await downloads(1, async () => {
      await press(page, 'e');
      await press(page, 'i');
    });
    expect(file!.name).toBe(`phoenix-flow_brent_seed-${s.seed}_items.csv`);
    const rows = parseCsv(file!.data.toString('utf8'));
    expect(rows[0]).toEqual([...ITEM_COLUMNS]);
    // `created` is the engine's item count (the snapshot's `items` are only those on the floor).
    const snap = (await hook(page, 'snapshot'))!;
    expect(snap.created).toBeGreaterThan(snap.items.length);
    expect(rows.length - 1).toBe(snap.created);
    expect(rows.slice(1).filter((r) => r[ITEM_COLUMNS.indexOf('done')] !== '')).toHaveLength(snap.done);
    expect(await hook(page, 'lastExport')).toEqual({ name: file!.name, bytes: file!.data.length });
    await nextFrames(page, 2);
    await screenshot(page, 'export-saved-line');
  });

  test('Metrics (JSON): parses, and names the run: scenario, seed, commands, time and hash', async () => {
    const s = (await hook(page, 'session'))!;
    const [file] = await downloads(1, async () => {
      await press(page, 'e');
      await press(page, 'm');
    });
    expect(file!.name).toBe(`phoenix-flow_brent_seed-${s.seed}_metrics.json`);
    const json = JSON.parse(file!.data.toString('utf8')) as Record<string, unknown>;
    expect(json.hash).toBe(await hook(page, 'hash'));
    expect(json).toMatchObject({ scenario: 'brent', seed: s.seed, time: s.time, commands: s.commands });
    expect((json.metrics as { done: number }).done).toBeGreaterThan(0);
    expect((json.rounds as unknown[]).length).toBe(1);
  });

  test('This chart (PNG): the panel of the chart on show, as the screen shows it', async () => {
    await press(page, '3');
    await nextFrames(page, 3);
    const screen = decodePng(await capture(page));
    const scale = await renderScale();
    const [file] = await downloads(1, async () => {
      await press(page, 'e');
      await press(page, 'c');
    });
    expect(file!.name).toMatch(/^phoenix-flow_brent_seed-\d+_lead-time-histogram\.png$/);
    const img = expectChartPng(file!.data, scale);
    // The viewport is 1280x720, so a page screenshot has one pixel per design pixel.
    if (scale === 1) expect(differingShare(img, crop(screen, PANEL.x, PANEL.y, PANEL.width, PANEL.height))).toBeLessThan(0.02);
  });

  test('All charts (PNG): six files, one per tab, each a different picture; the chart on show comes back', async () => {
    await press(page, '2');
    await nextFrames(page, 3);
    const before = decodePng(await capture(page));
    const scale = await renderScale();
    const files = await downloads(CHART_FILES.length, async () => {
      await press(page, 'e');
      await press(page, 'a');
    });
    expect(files.map((f) => f.name.replace(/^phoenix-flow_brent_seed-\d+_/, ''))).toEqual(CHART_FILES.map((c) => `${c}.png`));
    const images = files.map((f) => expectChartPng(f.data, scale));
    // Kept beside the screenshots, to be looked at.
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const [i, f] of files.entries()) writeFileSync(path.join(SCREENSHOT_DIR, `export-chart-${CHART_FILES[i]}.png`), f.data);
    for (let i = 1; i < images.length; i++) expect(differingShare(images[i]!, images[i - 1]!)).toBeGreaterThan(0.01);
    await page.waitForFunction(() => window.__phoenix!.lastExport()?.name.endsWith('_compare.png') === true, undefined, { polling: 25 });
    await nextFrames(page, 3);
    const after = decodePng(await screenshot(page, 'export-all-charts-saved'));
    // Back on the lead-time chart: the panel looks as before (only the saved line below changed).
    expect(differingShare(crop(after, PANEL.x, PANEL.y, PANEL.width, PANEL.height), crop(before, PANEL.x, PANEL.y, PANEL.width, PANEL.height))).toBeLessThan(0.01);
  });

  test('by mouse: the Export button opens the menu, a click on a choice saves, a click outside closes', async () => {
    await page.mouse.move(1156, 670); // over the Export button (design = page pixels at 1280x720): it takes the focus
    const before = decodePng(await capture(page));
    await page.mouse.click(1156, 670);
    await nextFrames(page, 3);
    expect(meanLuminance(decodePng(await capture(page)))).toBeLessThan(meanLuminance(before) - 3);
    await page.mouse.click(200, 300); // outside the menu
    await page.mouse.move(1156, 670);
    await nextFrames(page, 3);
    expect(differingShare(decodePng(await capture(page)), before)).toBeLessThan(0.01);
    await page.mouse.click(1156, 670);
    await nextFrames(page, 3);
    const [file] = await downloads(1, () => page.mouse.click(1056, MENU_FIRST_BUTTON_Y));
    expect(file!.name).toMatch(/_items\.csv$/);
    expect(await hook(page, 'scene')).toBe('Debrief');
  });

  test('no console errors', () => {
    expect(watch.problems).toEqual([]);
  });
});

describe('Export after the last round of a lesson', () => {
  let last: Page;
  let lastWatch: PageProblems;
  beforeAll(async () => {
    const { browser, baseUrl } = harness();
    // A 1.5x screen (a 1080p projector's worth of pixels): the canvas draws at RENDER_SCALE 1.5.
    last = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5, acceptDownloads: true });
    lastWatch = watchPage(last);
    await openGame(last, `${baseUrl}?trainer=1`);
    await waitForScene(last, 'Title');
    await playToDebrief(last, 'batch-size', 3);
    expect((await hook(last, 'session'))!.phase).toBe('finished');
  });
  afterAll(async () => {
    await last?.close();
  });

  test('the metrics JSON holds every round and the whole game\'s commands; the saved line fits under the results code', async () => {
    const s = (await hook(last, 'session'))!;
    const saved = last.waitForEvent('download');
    await press(last, 'e');
    await press(last, 'm');
    const d = await saved;
    const json = JSON.parse(readFileSync((await d.path())!, 'utf8')) as { hash: string; commands: unknown[]; rounds: { start: number; end: number }[]; time: number };
    expect(json.hash).toBe(s.hash);
    expect(json.rounds.map((r) => [r.start, r.end])).toEqual(s.results.map((r) => [r.start, r.end]));
    expect(json.rounds).toHaveLength(3);
    expect(json.commands).toEqual(s.commands);
    expect(json.time).toBe(s.time);
    await screenshot(last, 'export-last-debrief-saved');
  });

  test('on a 1.5x canvas a chart PNG has 1.5x the pixels', async () => {
    expect(await last.evaluate(() => document.querySelector('canvas')!.width)).toBe(1920);
    const saved = last.waitForEvent('download');
    await press(last, 'e');
    await press(last, 'c');
    const d = await saved;
    expect(d.suggestedFilename()).toMatch(/^phoenix-flow_batch-size_seed-\d+_compare\.png$/);
    const img = expectChartPng(readFileSync((await d.path())!), 1.5);
    expect(img.width).toBe(1032);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(path.join(SCREENSHOT_DIR, 'export-chart-compare-1.5x.png'), readFileSync((await d.path())!));
    expect(lastWatch.problems).toEqual([]);
  });
});
