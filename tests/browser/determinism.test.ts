/**
 * Cross-environment determinism: the same runs give the same event-log hash in Node and in
 * headless Chromium (V8 in both, but a different build, flags and JIT history), computed in the
 * page through window.__phoenix.runHeadless.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { compileModel, Simulation } from '../../src/sim';
import { builtinScenario } from '../../src/scenarios';
import { openGame, useHarness } from './harness';

const RUNS: readonly { scenario: string; seed: number; until?: number }[] = [
  ...[1, 2, 3, 4, 5].map((seed) => ({ scenario: 'brent', seed })),
  { scenario: 'mm1', seed: 1, until: 2000 },
  { scenario: 'penny', seed: 3 },
];

function nodeHash(scenario: string, seed: number, until?: number): string {
  const model = compileModel(builtinScenario(scenario));
  const sim = new Simulation(model, { seed });
  sim.advanceTo(until ?? model.horizon);
  return sim.hash();
}

const harness = useHarness();
let page: Page;

beforeAll(async () => {
  const { browser, baseUrl } = harness();
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await openGame(page, baseUrl);
});

afterAll(async () => {
  await page?.close();
});

test('event-log hashes are equal in Node and in Chromium', async () => {
  const browserHashes = await page.evaluate(
    (runs) => runs.map((r) => window.__phoenix!.runHeadless(r.scenario, r.seed, r.until)),
    RUNS as { scenario: string; seed: number; until?: number }[],
  );
  const nodeHashes = RUNS.map((r) => nodeHash(r.scenario, r.seed, r.until));
  const label = RUNS.map((r) => `${r.scenario}#${r.seed}${r.until === undefined ? '' : `@${r.until}`}`);
  expect(Object.fromEntries(label.map((l, i) => [l, browserHashes[i]]))).toEqual(Object.fromEntries(label.map((l, i) => [l, nodeHashes[i]])));
  // Different runs really differ (the hash is not a constant).
  expect(new Set(nodeHashes).size).toBe(RUNS.length);
});
