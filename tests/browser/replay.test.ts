/**
 * Replays as a player and a trainer use them: a round played, then watched again from the
 * debrief (same hash), seeking by keys and by the timeline, stepping events back and forth, a
 * card's journey by keyboard and by click; the run saved, shared as a link and downloaded; the
 * link opened in a fresh page gives the same hash; a run file opened by the picker and by drop;
 * damaged links, files and saved data each get a message and the game goes on.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinCatalog } from '../../src/game/ScenarioCatalog';
import { recipeFromText, recipeToText, type RunRecipe } from '../../src/game/replay/RunRecipe';
import { linkPayload, runLink } from '../../src/game/replay/RunLink';
import { RUNS_KEY, RUNS_UNREADABLE_NOTICE } from '../../src/game/replay/SavedRuns';
import { SETTINGS_KEY } from '../../src/game/Settings';
import { hook, nextFrames, openGame, playRoundToDebrief, press, RESULTS_DIR, screenshot, useHarness, waitForScene, watchPage, withTestRenderer, type PageProblems } from './harness';

const harness = useHarness();
const catalog = builtinCatalog();
const LESSON = 'brent';

async function replayInfo(page: Page) {
  const info = await hook(page, 'replay');
  expect(info).not.toBeNull();
  return info!;
}

describe('a round watched again', () => {
  let page: Page;
  let watch: PageProblems;
  let recipe: RunRecipe;
  let link = '';

  beforeAll(async () => {
    const { browser, baseUrl } = harness();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    watch = watchPage(page);
    await openGame(page, `${baseUrl}?trainer=1`);
    await waitForScene(page, 'Title');
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
    await press(page, 'Home');
    await press(page, 'ArrowDown', catalog.findIndex((e) => e.id === LESSON));
    await press(page, 'Enter');
    await waitForScene(page, 'Briefing');
    await press(page, 'Enter');
    await playRoundToDebrief(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  test('P in the debrief opens the replay at its start; at its end it has the same hash', async () => {
    const session = (await hook(page, 'session'))!;
    await press(page, 'p');
    await waitForScene(page, 'Replay');
    await screenshot(page, 'replay-start');
    let info = await replayInfo(page);
    expect(info.same).toBe(true);
    expect(info.recordedHash).toBe(session.hash);
    expect(info.time).toBe(0);
    expect(info.end).toBe(session.time);
    await press(page, 'End');
    info = await replayInfo(page);
    expect(info.time).toBe(session.time);
    expect(info.hash).toBe(session.hash);
    await screenshot(page, 'replay-end');
    expect(watch.problems).toEqual([]);
  });

  test('seeks by keys and by the timeline, to the state a fresh run reaches', async () => {
    const end = (await replayInfo(page)).end;
    await press(page, 'Home');
    expect((await replayInfo(page)).time).toBe(0);
    await press(page, 'ArrowRight', 3);
    let info = await replayInfo(page);
    expect(info.time).toBe(3);
    expect(info.hash).toBe(await hook(page, 'runHeadless', LESSON, 1, 3, []));
    // The timeline runs from x = 24 to 1256 in design pixels, which the 1280x720 page shows 1:1.
    await page.mouse.click(24 + (1232 * 0.5), 552 + 7);
    await nextFrames(page, 2);
    info = await replayInfo(page);
    expect(Math.abs(info.time - end / 2)).toBeLessThan(end * 0.01);
    expect(info.hash).toBe(await hook(page, 'runHeadless', LESSON, 1, info.time, []));
    await screenshot(page, 'replay-seek-middle');
  });

  test('steps one event forward and back', async () => {
    await press(page, 'Home');
    await press(page, '.', 6);
    const six = await replayInfo(page);
    expect(six.event).toBe(6);
    await press(page, '.');
    expect((await replayInfo(page)).event).toBe(7);
    await press(page, ',', 2);
    const five = await replayInfo(page);
    expect(five.event).toBe(5);
    await press(page, '.');
    const back = await replayInfo(page);
    expect(back.event).toBe(6);
    expect(back.hash).toBe(six.hash);
  });

  test("a card's journey, chosen by keyboard and by clicking it", async () => {
    const end = (await replayInfo(page)).end;
    await page.mouse.click(24 + 1232 * (12 / end), 552 + 7);
    await nextFrames(page, 2);
    await press(page, ']');
    let info = await replayInfo(page);
    expect(info.selected).not.toBeNull();
    expect(info.journey?.title).toMatch(/^Card \d+: /);
    expect(info.journey!.legs.length).toBeGreaterThan(0);
    await screenshot(page, 'replay-journey');
    const chosen = info.selected!;
    const b = info.selectedBounds!;
    await press(page, 'Escape');
    expect((await replayInfo(page)).selected).toBeNull();
    await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await nextFrames(page, 2);
    info = await replayInfo(page);
    expect(info.selected).toBe(chosen);
    expect(await hook(page, 'scene')).toBe('Replay');
  });

  test('saves, shares a link and downloads the run file and its exports', async () => {
    await press(page, 's');
    expect((await replayInfo(page)).message).toMatch(/^Saved/);
    await press(page, 'l');
    await page.waitForFunction(() => window.__phoenix!.replay()?.link !== null, undefined, { timeout: 5000 });
    link = (await replayInfo(page)).link!;
    expect(link).toContain('#run=1.');
    expect(await page.evaluate(() => window.location.hash)).toBe(`#${link.split('#')[1]}`);

    const [file] = await Promise.all([page.waitForEvent('download'), press(page, 'd')]);
    expect(file.suggestedFilename()).toBe(`phoenix-flow_${LESSON}_seed-1_run.json`);
    const parsed = recipeFromText(readFileSync((await file.path())!, 'utf8'));
    expect(parsed.ok).toBe(true);
    recipe = parsed.ok ? parsed.recipe : recipe;
    expect(recipe.hash).toBe((await replayInfo(page)).recordedHash);

    const [csv] = await Promise.all([page.waitForEvent('download'), press(page, 'c')]);
    const rows = readFileSync((await csv.path())!, 'utf8').trim().split('\n');
    expect(rows.length).toBeGreaterThan(2);
    const [json] = await Promise.all([page.waitForEvent('download'), press(page, 'j')]);
    const metrics = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { hash: string; source: string };
    expect(metrics.source).toBe('replay');
    expect(metrics.hash).toBe((await replayInfo(page)).hash);
    expect(watch.problems).toEqual([]);
  });

  test('the link opens the same run in a fresh page', async () => {
    const fresh = await harness().browser.newPage({ viewport: { width: 1280, height: 720 } });
    const w = watchPage(fresh);
    await fresh.goto(withTestRenderer(link), { waitUntil: 'load' });
    await waitForScene(fresh, 'Replay');
    expect((await hook(fresh, 'replay'))!.same).toBe(true);
    await press(fresh, 'End');
    expect((await hook(fresh, 'replay'))!.hash).toBe(recipe.hash);
    expect(w.problems).toEqual([]);
    await fresh.close();
  });

  test('in the projector layout the floor is drawn enlarged and a card is still picked by clicking it', async () => {
    const context = await harness().browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript((key) => {
      localStorage.setItem(key, JSON.stringify({ version: 1, values: { speed: 1, reducedMotion: true, highContrast: false, showHints: true, projector: true } }));
    }, SETTINGS_KEY);
    const big = await context.newPage();
    const w = watchPage(big);
    await big.goto(withTestRenderer(link), { waitUntil: 'load' });
    await waitForScene(big, 'Replay');
    expect(await hook(big, 'cameras')).toEqual(['floor', '']);
    const end = (await hook(big, 'replay'))!.end;
    await big.mouse.click(24 + 1232 * (12 / end), 552 + 7);
    await nextFrames(big, 2);
    await press(big, ']');
    const chosen = (await hook(big, 'replay'))!.selected;
    const b = (await hook(big, 'replay'))!.selectedBounds!;
    expect(chosen).not.toBeNull();
    // Cards are 1.25 times their plain size on screen.
    expect(b.w).toBeGreaterThan(30);
    await screenshot(big, 'replay-projector-journey');
    await press(big, 'Escape');
    await big.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
    await nextFrames(big, 2);
    expect((await hook(big, 'replay'))!.selected).toBe(chosen);
    expect(w.problems).toEqual([]);
    await context.close();
  });

  test('the saved replay is listed and plays; Esc closes the journey, then goes back', async () => {
    expect((await replayInfo(page)).selected).not.toBeNull();
    await press(page, 'Escape');
    expect(await hook(page, 'scene')).toBe('Replay');
    await press(page, 'Escape');
    await waitForScene(page, 'Debrief');
    await press(page, 'Escape');
    await waitForScene(page, 'ScenarioSelect');
    await press(page, 'Escape');
    await waitForScene(page, 'Title');
    await press(page, 'r');
    await waitForScene(page, 'Replays');
    expect((await hook(page, 'replays'))!.saved).toBe(1);
    await screenshot(page, 'replays-list');
    await press(page, 'Enter');
    await waitForScene(page, 'Replay');
    expect((await replayInfo(page)).same).toBe(true);
    await press(page, 'Escape');
    await waitForScene(page, 'Replays');
  });

  test('a run file opens by the picker and by dropping it; a bad one gets a message', async () => {
    const good = path.join(RESULTS_DIR, 'replay-test-run.json');
    writeFileSync(good, recipeToText(recipe));
    // O opens the browser's picker on a file input. Headless Chromium has no dialog (it cancels at
    // once), so the test keeps the dialog from opening and hands the file to that input instead.
    await page.evaluate(() => {
      HTMLInputElement.prototype.click = function (this: HTMLInputElement) {
        this.dataset.opened = 'yes';
      };
    });
    await press(page, 'o');
    await page.waitForSelector('input[type=file][data-opened=yes]', { state: 'attached', timeout: 5000 });
    await page.locator('input[type=file]').setInputFiles(good);
    await waitForScene(page, 'Replay');
    await press(page, 'End');
    expect((await replayInfo(page)).hash).toBe(recipe.hash);
    await press(page, 'Escape');
    await waitForScene(page, 'Replays');

    const drop = (name: string, text: string) =>
      page.evaluate(
        ([n, t]) => {
          const data = new DataTransfer();
          data.items.add(new File([t!], n!, { type: 'application/json' }));
          window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        [name, text],
      );
    await drop('run.json', recipeToText(recipe));
    await waitForScene(page, 'Replay');
    await press(page, 'Escape');
    await waitForScene(page, 'Replays');

    await drop('notes.txt', 'these are not the runs you are looking for');
    await page.waitForFunction(() => (window.__phoenix!.replays()?.message ?? '') !== '', undefined, { timeout: 5000 });
    expect((await hook(page, 'replays'))!.message).toContain('not valid JSON');
    await drop('future.json', recipeToText(recipe).replace('"version": 1', '"version": 7'));
    await page.waitForFunction(() => window.__phoenix!.replays()!.message.includes('newer'), undefined, { timeout: 5000 });
    await screenshot(page, 'replays-bad-file');
    expect(await hook(page, 'scene')).toBe('Replays');
    expect(watch.problems).toEqual([]);
  });
});

describe('bad links and saved data', () => {
  test('a damaged link is reported on the title screen and the game goes on', async () => {
    const { browser, baseUrl } = harness();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const watch = watchPage(page);
    await openGame(page, `${baseUrl}#run=1.this-is-not-a-run`);
    await waitForScene(page, 'Title');
    await nextFrames(page, 3);
    expect(await hook(page, 'scene')).toBe('Title');
    await screenshot(page, 'replay-bad-link');
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  test('a link whose hash differs opens, and says plainly it is not the same run', async () => {
    const { browser, baseUrl } = harness();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const tampered: RunRecipe = { format: 'phoenix-flow/run', version: 1, scenario: 'mm1', seed: 3, commands: [], until: 40, hash: '0000000000000000', title: 'Tampered' };
    const payload = linkPayload(runLink(tampered, baseUrl))!;
    await openGame(page, `${baseUrl}#run=${payload}`);
    await waitForScene(page, 'Replay');
    expect((await hook(page, 'replay'))!.same).toBe(false);
    await press(page, 'End');
    expect((await hook(page, 'replay'))!.hash).toBe(await hook(page, 'runHeadless', 'mm1', 3, 40, []));
    await screenshot(page, 'replay-not-same');
    await page.close();
  });

  test('damaged saved replays are set aside with a notice; other saved data is kept', async () => {
    const { browser, baseUrl } = harness();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const watch = watchPage(page);
    await page.addInitScript((key) => {
      if (sessionStorage.getItem('seeded') !== null) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, '{"version":1,"values":{"runs":"lots"}}');
      localStorage.setItem('phoenix-flow/other', 'keep me');
    }, RUNS_KEY);
    await openGame(page, baseUrl);
    await waitForScene(page, 'Title');
    await press(page, 'r');
    await waitForScene(page, 'Replays');
    expect((await hook(page, 'replays'))!.message).toBe(RUNS_UNREADABLE_NOTICE);
    const saved = await page.evaluate(() => ({ ...localStorage }));
    expect(saved[`${RUNS_KEY}.backup-1`]).toContain('"lots"');
    expect(saved['phoenix-flow/other']).toBe('keep me');
    await screenshot(page, 'replays-damaged-notice');
    expect(watch.problems).toEqual([]);
    await page.close();
  });
});
