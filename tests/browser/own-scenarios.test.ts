/**
 * A trainer's own scenario file, as a trainer would use it: on Scenario select, O (or the list's
 * last row) picks a file and a file can be dropped; a broken one gets every problem listed and the
 * screen carries on; a good one joins "Your scenarios", plays a round to its debrief, replays from a
 * share link in a fresh browser that never saw the file, stays across a reload, makes a link to
 * play it that opens its briefing elsewhere, and Delete removes it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hook, openGame, playRoundToDebrief, press, RESULTS_DIR, ROOT, screenshot, useHarness, waitForScene, watchPage, withTestRenderer, type PageProblems } from './harness';

const harness = useHarness();
const FILE = path.join(ROOT, 'docs/examples/kanban-wip-limits.json');
const GOOD = readFileSync(FILE, 'utf8');
const ID = `yours.${(JSON.parse(GOOD) as { id: string }).id}`;
const TITLE = (JSON.parse(GOOD) as { title: string }).title;

async function selectInfo(page: Page) {
  const info = await hook(page, 'scenarioSelect');
  expect(info).not.toBeNull();
  return info!;
}

function drop(page: Page, name: string, text: string): Promise<void> {
  return page.evaluate(
    ([n, t]) => {
      const data = new DataTransfer();
      data.items.add(new File([t!], n!, { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
}

/** Reloads the game (the address without its fragment), goes to Scenario select and chooses the row above "Open a scenario file…". */
async function reopenAtLastOwn(page: Page, address: string): Promise<void> {
  await openGame(page, withTestRenderer(address.split('#')[0]!));
  await waitForScene(page, 'Title');
  await press(page, 'Enter');
  await waitForScene(page, 'ScenarioSelect');
  await press(page, 'End');
  await press(page, 'ArrowUp');
}

describe('a scenario of your own', () => {
  let page: Page;
  let watch: PageProblems;
  let link = '';

  beforeAll(async () => {
    const { browser, baseUrl } = harness();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    watch = watchPage(page);
    await openGame(page, baseUrl);
    await waitForScene(page, 'Title');
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
  });
  afterAll(async () => {
    await page?.close();
  });

  test('the list ends with "Open a scenario file…"; a broken file picked with O lists every problem, Esc closes it', async () => {
    await press(page, 'End');
    expect((await selectInfo(page)).chosen).toBe(':open-file');
    await screenshot(page, 'own-scenario-open-row');

    const broken = JSON.parse(GOOD) as { horizon: number; workCenters: { workers: unknown }[]; colour?: string };
    broken.horizon = -1;
    broken.workCenters[0]!.workers = 'two';
    broken.colour = 'red';
    const file = path.join(RESULTS_DIR, 'own-scenario-broken.json');
    writeFileSync(file, JSON.stringify(broken));
    // Headless Chromium has no file dialog: keep it from opening and hand the file to the input.
    await page.evaluate(() => {
      HTMLInputElement.prototype.click = function (this: HTMLInputElement) {
        this.dataset.opened = 'yes';
      };
    });
    await press(page, 'o');
    await page.waitForSelector('input[type=file][data-opened=yes]', { state: 'attached', timeout: 5000 });
    await page.locator('input[type=file]').setInputFiles(file);
    await page.waitForFunction(() => window.__phoenix!.scenarioSelect()?.problems !== null, undefined, { timeout: 5000 });
    const shown = (await selectInfo(page)).problems!;
    expect(shown.message).toBe('"own-scenario-broken.json" is not a scenario this game can play: 3 problems to fix.');
    expect(shown.problems.map((p) => p.split(':')[0])).toEqual(['horizon', 'workCenters[0].workers', 'colour']);
    await screenshot(page, 'own-scenario-problems');
    // The panel takes the keys: Enter closes it and starts nothing.
    await press(page, 'Enter');
    expect((await selectInfo(page)).problems).toBeNull();
    expect(await hook(page, 'scene')).toBe('ScenarioSelect');

    await drop(page, 'notes.txt', 'not a scenario');
    await page.waitForFunction(() => window.__phoenix!.scenarioSelect()?.problems !== null, undefined, { timeout: 5000 });
    expect((await selectInfo(page)).problems!.message).toContain('not valid JSON');
    await press(page, 'Escape');
    expect((await selectInfo(page)).problems).toBeNull();
    expect(await hook(page, 'scene')).toBe('ScenarioSelect');
  });

  test('a good file dropped on the screen joins "Your scenarios", chosen, and plays a round to its debrief', async () => {
    await drop(page, 'kanban-wip-limits.json', GOOD);
    await page.waitForFunction((id) => window.__phoenix!.scenarioSelect()?.chosen === id, ID, { timeout: 5000 });
    expect((await selectInfo(page)).message).toBe(`Opened "${TITLE}" from kanban-wip-limits.json: added, and kept in this browser.`);
    await screenshot(page, 'own-scenario-added');
    await press(page, 'Enter');
    await waitForScene(page, 'Briefing');
    await press(page, 'Enter');
    await playRoundToDebrief(page);
    const session = (await hook(page, 'session'))!;
    expect(session.scenarioId).toBe(ID);
    expect(session.results[0]!.done).toBeGreaterThan(0);
    await screenshot(page, 'own-scenario-debrief');
  });

  test('its replay link carries the scenario: a fresh browser that never saw the file opens the same run', async () => {
    const session = (await hook(page, 'session'))!;
    await press(page, 'p');
    await waitForScene(page, 'Replay');
    expect((await hook(page, 'replay'))!.same).toBe(true);
    await press(page, 'l');
    await page.waitForFunction(() => window.__phoenix!.replay()?.link !== null, undefined, { timeout: 5000 });
    link = (await hook(page, 'replay'))!.link!;
    const fresh = await harness().browser.newPage({ viewport: { width: 1280, height: 720 } });
    const w = watchPage(fresh);
    await fresh.goto(withTestRenderer(link), { waitUntil: 'load' });
    await waitForScene(fresh, 'Replay');
    expect((await hook(fresh, 'replay'))!.same).toBe(true);
    await press(fresh, 'End');
    expect((await hook(fresh, 'replay'))!.hash).toBe(session.hash);
    expect(w.problems).toEqual([]);
    await fresh.close();
  });

  test('it is still there after a reload; L makes a link to play it, which opens its briefing on that seed in a fresh browser', async () => {
    await reopenAtLastOwn(page, link);
    expect((await selectInfo(page)).chosen).toBe(ID);
    await press(page, 'Tab');
    await press(page, 'Backspace');
    await page.keyboard.type('77');
    await press(page, 'Shift+Tab');
    await press(page, 'l');
    await page.waitForFunction(() => window.__phoenix!.scenarioSelect()?.message.includes('on seed 77') === true, undefined, { timeout: 5000 });
    const info = await selectInfo(page);
    expect(info.playLink).toContain('#play=1.');
    expect(info.message).toContain(`"${TITLE}" on seed 77`);
    await screenshot(page, 'own-scenario-play-link');

    const fresh = await harness().browser.newPage({ viewport: { width: 1280, height: 720 } });
    const w = watchPage(fresh);
    await fresh.goto(withTestRenderer(info.playLink!), { waitUntil: 'load' });
    await waitForScene(fresh, 'Briefing');
    const session = (await hook(fresh, 'session'))!;
    expect([session.scenarioId, session.seed, session.sandbox]).toEqual([ID, 77, true]);
    await screenshot(fresh, 'own-scenario-play-link-briefing');
    await press(fresh, 'Escape');
    await waitForScene(fresh, 'ScenarioSelect');
    expect((await hook(fresh, 'scenarioSelect'))!.chosen).toBe(ID);
    // A damaged link to play is reported on the title screen, and the game goes on.
    await fresh.goto('about:blank');
    await fresh.goto(withTestRenderer(info.playLink!.slice(0, -12)), { waitUntil: 'load' });
    await waitForScene(fresh, 'Title');
    await screenshot(fresh, 'own-scenario-play-link-damaged');
    expect(w.problems).toEqual([]);
    await fresh.close();
  });

  test('Delete removes it, and it stays removed', async () => {
    await press(page, 'Home');
    await press(page, 'End');
    await press(page, 'ArrowUp');
    expect((await selectInfo(page)).chosen).toBe(ID);
    await press(page, 'Delete');
    await page.waitForFunction(() => window.__phoenix!.scenarioSelect()?.message.startsWith('Removed') === true, undefined, { timeout: 5000 });
    expect((await selectInfo(page)).chosen).toBe(':open-file');
    await reopenAtLastOwn(page, link);
    expect((await selectInfo(page)).chosen).not.toBe(ID);
    expect(watch.problems).toEqual([]);
  });
});
