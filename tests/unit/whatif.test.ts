/**
 * What-if runs: the policies replay the player's past and then follow their own settings; the
 * numbers of a seed are exactly what the game's own session gives on that seed (the player's
 * plan on the player's seed is what the player will get); percentiles and paired shares on
 * known data; shared histogram bins, with all-equal values and seeds where nothing was done.
 */
import { describe, expect, it } from 'vitest';
import { GameSession } from '../../src/game/GameSession';
import { playStrategy, strategyById } from '../../src/game/lessons/StrategyPlay';
import { buildPolicy, compareLine, pairedShare, policyChoices, runWhatIf, seedOutcome, sessionSituation, spreadOf, summarizeWhatIf, windowNumbers } from '../../src/game/whatif';
import { WhatIfJob, type WorkerLike } from '../../src/game/whatif/WhatIfJob';
import type { FromWorker } from '../../src/game/whatif/WhatIfMessages';
import { sharedBins } from '../../src/ui/charts/SharedBins';
import { builtinScenario } from '../../src/scenarios';

const brent = builtinScenario('brent');
const batch = builtinScenario('batch-size');

/** The player's game: round 1 as it is, round 2 with batches of 5, round 3 planned with batches of 1. */
function batchGameInRound3(seed: number): GameSession {
  const s = new GameSession('batch-size', batch, seed);
  s.startRound();
  s.endRound();
  s.nextRound();
  expect(s.setLever('batch', 5)).toBeNull();
  s.startRound();
  s.endRound();
  s.nextRound();
  expect(s.setLever('batch', 1)).toBeNull();
  return s;
}

describe('what-if policies', () => {
  it('replay the rounds already played, then keep the settings in force or follow the plan', () => {
    const s = batchGameInRound3(3);
    expect(s.leverHistory()).toEqual([{ batch: 20 }, { batch: 5 }]);
    const situation = sessionSituation(s);
    expect(buildPolicy(situation, { kind: 'keep' }).rounds).toEqual([{}, { batch: 5 }, {}]);
    expect(buildPolicy(situation, { kind: 'plan' }).rounds).toEqual([{}, { batch: 5 }, { batch: 1 }]);
    expect(policyChoices(situation).map((c) => (c.kind === 'strategy' ? c.id : c.kind))).toEqual(['keep', 'plan', 'big', 'five', 'one']);
  });

  it('a lesson strategy takes over from the coming round with its settings as they stand then', () => {
    const s = new GameSession('brent', brent, 1);
    for (let i = 0; i < 2; i++) {
      s.startRound();
      s.endRound();
      s.nextRound();
    }
    // Round 3 of Brent: the player never protected Brent; "Protect, then pace" did in round 2.
    const p = buildPolicy(sessionSituation(s), { kind: 'strategy', id: 'subordinate' });
    expect(p.rounds).toEqual([{}, {}, { brentFocus: 1, release: 2, devWip: 4 }, {}]);
  });

  it('a seed\'s numbers equal what the game\'s session gives: the plan on the player\'s seed is what the player gets', () => {
    const seed = 3;
    const s = batchGameInRound3(seed);
    const plan = buildPolicy(sessionSituation(s), { kind: 'plan' });
    const outcome = seedOutcome(batch, plan, 2, seed);
    s.startRound();
    const r3 = s.endRound();
    expect(outcome.round.leadTime).toBe(r3.leadTimeMean);
    expect(outcome.round.throughput).toBe(r3.throughput);
    expect(outcome.rest).toEqual(outcome.round);
    expect(outcome.refused).toEqual([]);
  });

  it('replay levers a trainer moved mid-round at the times they were moved: the past is the player\'s, command for command', () => {
    const seed = 4;
    const s = new GameSession('brent', brent, seed, { midRoundLevers: true });
    s.startRound();
    s.advanceTo(6.25);
    s.sim.step();
    expect(s.changeLeverNow('devWip', 2)).toBeNull();
    s.advanceTo(11);
    expect(s.changeLeverNow('devWip', 4)).toBeNull();
    const r1 = s.endRound();
    s.nextRound();
    const situation = sessionSituation(s);
    expect(situation.live.map((c) => [c.round, c.id, c.value])).toEqual([
      [0, 'devWip', 2],
      [0, 'devWip', 4],
    ]);
    const keep = buildPolicy(situation, { kind: 'keep' });
    const replayed = playStrategy(brent, keep, seed, situation.live);
    expect(replayed.commands.slice(0, s.commands.length)).toEqual(s.commands);
    expect(replayed.rounds[0]).toEqual(r1);
    expect(replayed.refused).toEqual([]);
    // Without the mid-round changes the past would not be the player's.
    expect(playStrategy(brent, keep, seed).rounds[0]).not.toEqual(r1);
    // A restarted round forgets the changes made in it.
    s.startRound();
    s.advanceTo(s.round.start + 2);
    expect(s.changeLeverNow('devWip', 1)).toBeNull();
    s.restartRound();
    expect(s.midRoundChanges()).toHaveLength(2);
  });

  it('per seed, the numbers are playStrategy\'s for that seed (round and rest of the game)', () => {
    const exploit = strategyById(brent, 'exploit');
    for (const seed of [1, 2, 17]) {
      const o = seedOutcome(brent, exploit, 1, seed);
      const played = playStrategy(brent, exploit, seed);
      expect(o.round.leadTime).toBe(played.rounds[1]!.leadTimeMean);
      expect(o.round.throughput).toBe(played.rounds[1]!.throughput);
      const rest = played.rounds.slice(1);
      const done = rest.reduce((a, r) => a + r.done, 0);
      expect(o.rest.throughput).toBeCloseTo(done / (rest[rest.length - 1]!.end - rest[0]!.start), 12);
      expect(o.rest.leadTime).toBeCloseTo(rest.reduce((a, r) => a + (r.leadTimeMean ?? 0) * r.done, 0) / done, 9);
    }
  });

  it('a run plays both policies on the same consecutive seeds and reports progress every 10 seeds', () => {
    const a = strategyById(brent, 'asItIs'), b = strategyById(brent, 'exploit');
    const progress: number[] = [];
    const out = runWhatIf({ scenario: brent, a, b, fromRound: 1, firstSeed: 5, count: 25 }, (d) => progress.push(d));
    expect(progress).toEqual([10, 20, 25]);
    expect(out.a.map((o) => o.seed)).toEqual(out.b.map((o) => o.seed));
    expect(out.a[0]!.seed).toBe(5);
    expect(out.b[24]!.round).toEqual(seedOutcome(brent, b, 1, 29).round);
  });
});

describe('what-if numbers', () => {
  it('a window with nothing done has no lead time', () => {
    const round = { ...playStrategy(brent, null, 1).rounds[0]!, done: 0, leadTimeMean: null, throughput: 0 };
    expect(windowNumbers([round]).leadTime).toBeNaN();
    expect(windowNumbers([round, round]).leadTime).toBeNaN();
    expect(windowNumbers([round, round]).throughput).toBe(0);
    expect(windowNumbers([]).throughput).toBeNaN();
  });

  it('percentiles are nearest rank over the seeds that have a number; the others are counted', () => {
    const values = [...Array.from({ length: 100 }, (_, i) => 100 - i), NaN, NaN];
    const s = spreadOf(values);
    expect(s).toMatchObject({ count: 100, excluded: 2, p50: 50, p85: 85, p95: 95 });
    expect(s.mean).toBeCloseTo(50.5, 12);
    expect(spreadOf([NaN]).p50).toBeNaN();
    expect(spreadOf([7, 7, 7])).toMatchObject({ p50: 7, p85: 7, p95: 7, excluded: 0 });
  });

  it('compares seed by seed: lower lead time and higher throughput are better; ties and missing seeds apart', () => {
    expect(pairedShare([5, 5, 5, NaN], [4, 6, 5, 1], true)).toEqual({ pairs: 3, bBetter: 1 / 3, same: 1 / 3 });
    expect(pairedShare([5, 5, 5], [4, 6, 6], false)).toEqual({ pairs: 3, bBetter: 2 / 3, same: 0 });
    expect(pairedShare([NaN], [1], true).bBetter).toBeNaN();
    const o = (seed: number, lead: number, tp: number) => ({ seed, round: { leadTime: lead, throughput: tp }, rest: { leadTime: lead, throughput: tp }, refused: [] });
    const sum = summarizeWhatIf([o(1, 4, 1), o(2, 6, 1)], [o(1, 3, 2), o(2, NaN, 0)]);
    expect(sum.seeds).toBe(2);
    expect(sum.round.leadTime).toMatchObject({ pairs: 1, bBetter: 1 });
    expect(sum.round.leadTime.b).toMatchObject({ count: 1, excluded: 1, p50: 3 });
    expect(sum.round.throughput).toMatchObject({ pairs: 2, bBetter: 0.5 });
  });
});

describe('what-if in plain words', () => {
  it('says B\'s p85 lead time against A\'s and how often B was lower', () => {
    const spread = (p85: number) => ({ count: 10, excluded: 0, mean: p85, p50: p85, p85, p95: p85 });
    const m = { a: spread(5.4), b: spread(3.1), pairs: 10, bBetter: 0.87, same: 0 };
    expect(compareLine('leadTime', m, 'Settings in force', 'Your plan', 'day')).toBe('Your plan: p85 lead time 3.1 days against 5.4 — lower in 87% of the seeds.');
    expect(compareLine('leadTime', { ...m, same: 1 }, 'Settings in force', 'Your plan', 'day')).toBe('Your plan and Settings in force give the same lead time on every seed.');
  });
});

describe('shared histogram bins', () => {
  it('puts both distributions on one set of round bins, every finite value counted once', () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const b = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20.5];
    const bins = sharedBins(a, b);
    expect(bins.a.length).toBe(bins.b.length);
    expect(bins.a.reduce((x, y) => x + y, 0)).toBe(10);
    expect(bins.b.reduce((x, y) => x + y, 0)).toBe(10);
    expect(bins.start).toBeLessThanOrEqual(1);
    expect(bins.start + bins.width * bins.a.length).toBeGreaterThan(20.5);
    // A's values all sit left of B's.
    const lastA = bins.a.findLastIndex((c) => c > 0), firstB = bins.b.findIndex((c) => c > 0);
    expect(lastA).toBeLessThanOrEqual(firstB);
  });

  it('all equal values make one bin that holds them all', () => {
    const bins = sharedBins([2.5, 2.5, 2.5], [2.5]);
    expect(bins.a).toEqual([3]);
    expect(bins.b).toEqual([1]);
    expect(bins.start).toBeLessThanOrEqual(2.5);
    expect(bins.start + bins.width).toBeGreaterThan(2.5);
    const zeros = sharedBins([0, 0], [0]);
    expect(zeros.a).toEqual([2]);
    expect(zeros.width).toBeGreaterThan(0);
  });

  it('leaves out NaN (a round with nothing done) and counts it; nothing at all gives no bins', () => {
    const bins = sharedBins([NaN, 1, 2], [NaN, NaN, 3]);
    expect(bins.excludedA).toBe(1);
    expect(bins.excludedB).toBe(2);
    expect(bins.a.reduce((x, y) => x + y, 0)).toBe(2);
    expect(bins.b.reduce((x, y) => x + y, 0)).toBe(1);
    expect(sharedBins([NaN], [])).toMatchObject({ a: [], b: [], excludedA: 1, excludedB: 0 });
  });
});

/** A worker stand-in: records what it is sent and whether it was stopped. */
class FakeWorker implements WorkerLike {
  sent: unknown[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: unknown): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(m: FromWorker): void {
    this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  }
}

describe('the what-if job', () => {
  const request = { scenario: brent, a: strategyById(brent, 'asItIs'), b: strategyById(brent, 'exploit'), fromRound: 1, firstSeed: 1, count: 500 };

  it('runs, reports progress, and a cancel terminates the worker and ignores anything it still says', () => {
    const w = new FakeWorker();
    const job = new WhatIfJob(() => {}, () => w);
    expect(job.status().state).toBe('idle');
    job.start(request);
    expect(w.sent).toHaveLength(1);
    w.say({ type: 'progress', done: 120, total: 500 });
    expect(job.status()).toMatchObject({ state: 'running', done: 120, total: 500, summary: null });
    const speak = w.onmessage!;
    job.cancel();
    expect(w.terminated).toBe(true);
    speak({ data: { type: 'progress', done: 130, total: 500 } } as MessageEvent<FromWorker>);
    expect(job.status()).toMatchObject({ state: 'cancelled', done: 120 });
  });

  it('summarizes the outcomes when done; a worker error becomes a plain message', () => {
    const w = new FakeWorker();
    const job = new WhatIfJob(() => {}, () => w);
    job.start({ ...request, count: 3 });
    const outcomes = runWhatIf({ ...request, count: 3 });
    w.say({ type: 'done', outcomes });
    expect(job.status().state).toBe('done');
    expect(job.status().summary).toEqual(summarizeWhatIf(outcomes.a, outcomes.b));
    expect(w.terminated).toBe(true);
    const w2 = new FakeWorker();
    const failing = new WhatIfJob(() => {}, () => w2);
    failing.start(request);
    w2.say({ type: 'failed', message: 'no such lever' });
    expect(failing.status()).toMatchObject({ state: 'failed', error: 'The run stopped with an error: no such lever' });
    const broken = new WhatIfJob(() => {}, () => {
      throw new Error('workers are off');
    });
    broken.start(request);
    expect(broken.status()).toMatchObject({ state: 'failed', error: 'The background worker could not start: workers are off' });
  });
});
