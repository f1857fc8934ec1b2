/**
 * The campaign as a player meets it: on a fresh browser only lesson 1 is open; a corrupted
 * progress record is reported on the title screen and set aside while the settings survive; and
 * every lesson (opened here in trainer mode) loads, shows its briefing, plays one round at top
 * speed and reaches its debrief with no console errors. Briefing and debrief screenshots of every
 * lesson are saved under test-results/screenshots/ to be looked at.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinCatalog } from '../../src/game/ScenarioCatalog';
import { PROGRESS_KEY, PROGRESS_UNREADABLE_NOTICE } from '../../src/game/CampaignProgress';
import { SETTINGS_KEY } from '../../src/game/Settings';
import { hook, nextFrames, openGame, press, screenshot, useHarness, waitForScene, watchPage, type PageProblems } from './harness';

const harness = useHarness();
const catalog = builtinCatalog();
const lessons = catalog.filter((e) => e.order !== null);

/** Chooses a scenario in the list by its place in the catalogue (headers are skipped by the keys). */
async function choose(page: Page, id: string): Promise<void> {
  const at = catalog.findIndex((e) => e.id === id);
  expect(at).toBeGreaterThanOrEqual(0);
  await press(page, 'Home');
  await press(page, 'ArrowDown', at);
  await nextFrames(page);
}

describe('a fresh player', () => {
  let page: Page;
  let watch: PageProblems;
  beforeAll(async () => {
    const { browser, baseUrl } = harness();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    watch = watchPage(page);
    // Damaged progress next to good settings: the progress is reported and set aside, the settings kept.
    await page.addInitScript(
      ([pk, sk]) => {
        if (sessionStorage.getItem('seeded') !== null) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(pk!, '{"version":1,"values":{"lessons":{"batch-size":{"finished":"maybe"}}}}');
        localStorage.setItem(sk!, JSON.stringify({ version: 1, values: { speed: 4, reducedMotion: false, highContrast: false, showHints: true } }));
      },
      [PROGRESS_KEY, SETTINGS_KEY],
    );
    await openGame(page, harness().baseUrl);
    await waitForScene(page, 'Title');
  });
  afterAll(async () => {
    await page?.close();
  });

  test('a damaged progress record is reported on the title screen, set aside, and the settings survive', async () => {
    await screenshot(page, 'title-progress-notice');
    const saved = await page.evaluate(() => ({ ...localStorage }));
    expect(saved[`${PROGRESS_KEY}.backup-1`]).toContain('"maybe"');
    expect(saved[SETTINGS_KEY]).toContain('"speed":4');
    const campaign = await hook(page, 'campaign');
    expect(campaign.trainerMode).toBe(false);
    expect(campaign.lessons.every((l) => !l.finished)).toBe(true);
    expect(PROGRESS_UNREADABLE_NOTICE.length).toBeGreaterThan(0);
  });

  test('only lesson 1 is open; a locked lesson cannot be started, but can be played as a sandbox', async () => {
    const campaign = await hook(page, 'campaign');
    expect(campaign.lessons.map((l) => l.locked)).toEqual(campaign.lessons.map((l) => l.order !== 1));
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
    const second = lessons[1]!;
    await choose(page, second.id);
    await screenshot(page, 'scenario-select-locked');
    await press(page, 'Enter');
    await nextFrames(page, 3);
    expect(await hook(page, 'scene')).toBe('ScenarioSelect');
    expect(await hook(page, 'session')).toBeNull();
    // Tab to the seed, Tab to Sandbox, Space switches it on, Tab to Start, Enter starts a sandbox game.
    await press(page, 'Tab', 2);
    await press(page, ' ');
    await press(page, 'Tab');
    await press(page, 'Enter');
    await waitForScene(page, 'Briefing');
    expect(await hook(page, 'session')).toMatchObject({ scenarioId: second.id, sandbox: true });
    expect(watch.problems).toEqual([]);
  });
});

describe('every lesson, in trainer mode', () => {
  let page: Page;
  let watch: PageProblems;
  beforeAll(async () => {
    const { browser, baseUrl } = harness();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    watch = watchPage(page);
    await openGame(page, `${baseUrl}?trainer=1`);
    await waitForScene(page, 'Title');
    expect((await hook(page, 'campaign')).lessons.every((l) => !l.locked)).toBe(true);
    await press(page, 'Enter');
    await waitForScene(page, 'ScenarioSelect');
  });
  afterAll(async () => {
    await page?.close();
  });

  test('there are eight lessons in the list', () => {
    expect(lessons.map((e) => e.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  for (const lesson of lessons) {
    test(`lesson ${lesson.order} (${lesson.id}): briefing, one round at top speed, debrief`, async () => {
      await choose(page, lesson.id);
      await press(page, 'Enter');
      await waitForScene(page, 'Briefing');
      expect(await hook(page, 'session')).toMatchObject({ scenarioId: lesson.id, sandbox: false, phase: 'planning', roundIndex: 0 });
      await screenshot(page, `lesson-${lesson.order}-briefing`);
      await press(page, 'Enter');
      await waitForScene(page, 'RoundPlanning');
      await press(page, 's');
      await waitForScene(page, 'Play');
      await press(page, '5');
      await page.waitForFunction(() => window.__phoenix!.playback()?.over === true, undefined, { timeout: 60_000, polling: 25 });
      await screenshot(page, `lesson-${lesson.order}-play-end`);
      await press(page, 'Enter');
      await waitForScene(page, 'Debrief');
      const s = (await hook(page, 'session'))!;
      expect(s).toMatchObject({ scenarioId: lesson.id, phase: 'review', roundIndex: 0 });
      expect(s.results).toHaveLength(1);
      expect(s.results[0]!.done).toBeGreaterThan(0);
      await screenshot(page, `lesson-${lesson.order}-debrief`);
      await press(page, '6');
      await nextFrames(page, 3);
      await screenshot(page, `lesson-${lesson.order}-debrief-same-seed`);
      expect(watch.problems).toEqual([]);
      await press(page, 'Escape');
      await waitForScene(page, 'ScenarioSelect');
    });
  }
});
