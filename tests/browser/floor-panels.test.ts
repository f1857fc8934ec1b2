/**
 * The floor's panels are painted with scissored clears (src/ui/floor/FlatPanels.ts), not triangles:
 * this looks at the pixels to check that each panel shows its colour where it should, the
 * station header its own, and that the rounded corners leave the background outside the curve.
 * The floor benchmark page is used because its layout is fixed and it runs without a session.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { COLOR, SIDE_PANEL_COLOR } from '../../src/game/Theme';
import { capture, useHarness, watchPage, type PageProblems } from './harness';
import { decodePng, type DecodedImage } from './png';

const harness = useHarness();
let page: Page;
let watch: PageProblems;
let img: DecodedImage;
let panels: ReturnType<NonNullable<Window['__phoenixBench']>['panels']>;

const hex = (c: number) => `#${c.toString(16).padStart(6, '0')}`;
/** The colour at a design pixel (the page is 1280x720, one canvas pixel per design pixel). */
function at(x: number, y: number): string {
  const i = (Math.floor(y) * img.width + Math.floor(x)) * 4;
  const p = img.pixels;
  return hex((p[i]! << 16) | (p[i + 1]! << 8) | p[i + 2]!);
}

beforeAll(async () => {
  const { browser, baseUrl } = harness();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  watch = watchPage(page);
  // Few cards, so the panels' margins are bare.
  await page.goto(`${baseUrl}?bench=floor&cards=20`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__phoenixBench?.ready === true, undefined, { timeout: 30_000, polling: 50 });
  panels = await page.evaluate(() => window.__phoenixBench!.panels());
  img = decodePng(await capture(page));
});

afterAll(async () => {
  await page?.close();
});

test('every station shows its header colour over its body colour, inside rounded corners', () => {
  expect(panels.stations.length).toBeGreaterThan(2);
  for (const b of panels.stations) {
    // Just inside the left edge (clear of the 1 px outline, the title and the cards' grid).
    expect(at(b.x + 3, b.y + panels.headerHeight / 2), 'header').toBe(hex(COLOR.panelRaised));
    expect(at(b.x + 3, b.y + panels.headerHeight + 20), 'body').toBe(hex(COLOR.panel));
    expect(at(b.x + 3, b.y + b.h - 12), 'body, low').toBe(hex(COLOR.panel));
    // The very corner pixel lies outside the 8 px curve: the floor's background shows there.
    expect(at(b.x, b.y), 'top left corner').toBe(hex(COLOR.background));
    expect(at(b.x + b.w - 1, b.y + b.h - 1), 'bottom right corner').toBe(hex(COLOR.background));
    // Between stations: background, untouched by the panels on either side.
    expect(at(b.x - 3, b.y + b.h / 2), 'gap').toBe(hex(COLOR.background));
  }
});

test('the backlog and customer columns show their quieter panel colour', () => {
  for (const r of [panels.backlog, panels.customer]) {
    expect(at(r.x + 3, r.y + r.h - 12)).toBe(hex(SIDE_PANEL_COLOR));
    expect(at(r.x, r.y)).toBe(hex(COLOR.background));
  }
});

test('no console errors, page errors or failed requests', () => {
  expect(watch.problems).toEqual([]);
});
