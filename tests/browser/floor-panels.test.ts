/**
 * The floor's panels (src/ui/floor/FlatPanels.ts) are painted with scissored clears on WebGL and
 * with a Graphics on Canvas 2D: this looks at the pixels, with each renderer forced, to check that
 * each panel shows its colour where it should, the station header its own, and that the rounded
 * corners leave the background outside the curve. The floor benchmark page is used because its
 * layout is fixed and it runs without a session.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { COLOR, SIDE_PANEL_COLOR } from '../../src/game/Theme';
import type { RendererKind } from '../../src/game/RendererChoice';
import { capture, useHarness, watchPage, type PageProblems } from './harness';
import { decodePng, type DecodedImage } from './png';

const harness = useHarness();
const hex = (c: number) => `#${c.toString(16).padStart(6, '0')}`;

describe.each<RendererKind>(['webgl', 'canvas'])('the floor panels drawn with %s', (kind) => {
  let page: Page;
  let watch: PageProblems;
  let img: DecodedImage;
  let panels: ReturnType<NonNullable<Window['__phoenixBench']>['panels']>;

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
    await page.goto(`${baseUrl}?bench=floor&cards=20&renderer=${kind}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__phoenixBench?.ready === true, undefined, { timeout: 30_000, polling: 50 });
    expect(await page.evaluate(() => window.__phoenixBench!.renderer().kind)).toBe(kind);
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
      // Between stations: untouched by the panels on either side. Cards gliding on to the next
      // station cross this gap at any moment (a threshold on bare pixels was flaky), so the rule
      // is that no pixel of the column wears a panel's paint, and most of it shows the background.
      const paint = new Set([hex(COLOR.panel), hex(COLOR.panelRaised)]);
      let bare = 0;
      let painted = 0;
      for (let y = b.y; y < b.y + b.h; y++) {
        const c = at(b.x - 3, y);
        if (c === hex(COLOR.background)) bare++;
        if (paint.has(c)) painted++;
      }
      expect(painted, 'panel paint in the gap').toBe(0);
      expect(bare / b.h, 'gap').toBeGreaterThan(0.5);
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
});
