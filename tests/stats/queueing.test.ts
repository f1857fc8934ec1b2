/**
 * The engine against queueing theory. If a simple desk does not match M/M/1 and M/M/c within
 * sampling error, nothing the game teaches about queues can be trusted. Seeds are fixed, so
 * these are exact repeats; the tolerances are a few standard errors of the estimates (measured
 * across seeds), not hopes.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics, type RunMetrics } from '../../src/sim/Metrics';
import { builtinScenario } from '../../src/scenarios/index';
import { clone, runOf } from '../support/sim';

const SEEDS = [1, 2, 3, 4, 5, 6];

/** One desk with c people, Poisson arrivals at rate lambda, exponential work of mean 1. */
function mmcScenario(lambda: number, c: number, horizon: number) {
  const s = clone(builtinScenario('mm1'));
  s.horizon = horizon;
  s.warmup = 1000;
  s.workTypes[0]!.arrivals = [{ type: 'poisson', rate: lambda }];
  s.workCenters[0]!.workers = c;
  return s;
}

const cache = new Map<string, RunMetrics[]>();
/** Metrics of one run per seed (cached: several tests read the same runs). */
function runs(lambda: number, c: number, horizon: number): RunMetrics[] {
  const key = `${lambda}/${c}/${horizon}`;
  let out = cache.get(key);
  if (out === undefined) {
    out = SEEDS.map((seed) => computeMetrics(runOf(mmcScenario(lambda, c, horizon), { seed })));
    cache.set(key, out);
  }
  return out;
}

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const relErr = (got: number, want: number) => Math.abs(got - want) / want;

/** Erlang C: probability an arrival waits at an M/M/c queue with offered load a = lambda / mu. */
function erlangC(c: number, a: number): number {
  let term = 1, sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  return top / (sum + top);
}

// Longer runs where the queue relaxes slowly (close to 100% busy).
const HORIZON: Record<number, number> = { 0.5: 20_000, 0.8: 50_000, 0.9: 100_000, 0.95: 100_000 };

describe("Little's law: average WIP = throughput x mean time in process", () => {
  it('holds on the M/M/1 desk', () => {
    const m = computeMetrics(runOf(builtinScenario('mm1'), { seed: 11 }));
    expect(m.measured).toBeGreaterThan(10_000);
    expect(relErr(m.avgWip, m.throughput * m.timeInProcess.mean)).toBeLessThan(0.02);
  });

  it('holds on the Brent value stream over a long run', () => {
    const s = clone(builtinScenario('brent'));
    // As shipped, Brent serves Development first and the line slowly drowns (the lesson's point);
    // Little's law is about a stable system, so here he serves Operations first.
    s.people![0]!.centers = ['ops', 'dev'];
    s.horizon = 20_000;
    s.warmup = 200;
    const m = computeMetrics(runOf(s, { seed: 11 }));
    expect(m.measured).toBeGreaterThan(40_000);
    expect(relErr(m.avgWip, m.throughput * m.timeInProcess.mean)).toBeLessThan(0.02);
  });
});

describe('M/M/1 (service rate 1)', () => {
  it.each([0.5, 0.8])('mean time in system is 1/(mu - lambda) at lambda = %s', (lambda) => {
    const ms = runs(lambda, 1, HORIZON[lambda]!);
    expect(relErr(avg(ms.map((m) => m.timeInProcess.mean)), 1 / (1 - lambda))).toBeLessThan(0.05);
    // Lead time equals time in process here: nothing holds work before release.
    expect(avg(ms.map((m) => m.leadTime.mean))).toBeCloseTo(avg(ms.map((m) => m.timeInProcess.mean)), 9);
  });

  it.each([0.5, 0.8])('utilisation is lambda/mu and throughput is lambda at lambda = %s', (lambda) => {
    const ms = runs(lambda, 1, HORIZON[lambda]!);
    expect(relErr(avg(ms.map((m) => m.centers[0]!.utilisation)), lambda)).toBeLessThan(0.02);
    expect(relErr(avg(ms.map((m) => m.throughput)), lambda)).toBeLessThan(0.02);
    expect(relErr(avg(ms.map((m) => m.centers[0]!.meanServiceTime)), 1)).toBeLessThan(0.02);
  });
});

describe('M/M/2 (Erlang C)', () => {
  const lambda = 1.6, c = 2;
  const ms = () => runs(lambda, c, 50_000);

  it('mean wait in queue is C(c, a) / (c mu - lambda)', () => {
    const wq = erlangC(c, lambda) / (c - lambda);
    expect(wq).toBeCloseTo(1.7778, 4);
    expect(relErr(avg(ms().map((m) => m.centers[0]!.meanQueueTime)), wq)).toBeLessThan(0.05);
    expect(relErr(avg(ms().map((m) => m.timeInProcess.mean)), wq + 1)).toBeLessThan(0.05);
  });

  it('each of the two people is busy lambda / (c mu) of the time', () => {
    expect(relErr(avg(ms().map((m) => m.centers[0]!.utilisation)), lambda / c)).toBeLessThan(0.02);
  });

  it('waits far less than one person at the same utilisation', () => {
    const single = avg(runs(0.8, 1, HORIZON[0.8]!).map((m) => m.centers[0]!.meanQueueTime));
    expect(avg(ms().map((m) => m.centers[0]!.meanQueueTime))).toBeLessThan(0.6 * single);
  });
});

describe("The Phoenix Project's curve: wait time = % busy / % idle", () => {
  const ratio = (rho: number) => avg(runs(rho, 1, HORIZON[rho]!).map((m) => m.centers[0]!.meanQueueTime / m.centers[0]!.meanServiceTime));

  it.each([0.5, 0.8, 0.9])('queue time / work time is about rho/(1-rho) at %s busy', (rho) => {
    expect(relErr(ratio(rho), rho / (1 - rho))).toBeLessThan(0.08);
  });

  it('waits at least four times longer at 95% busy than at 80%', () => {
    const wq = (rho: number) => avg(runs(rho, 1, HORIZON[rho]!).map((m) => m.centers[0]!.meanQueueTime));
    // Theory says 19 / 4 = 4.75.
    expect(wq(0.95)).toBeGreaterThanOrEqual(4 * wq(0.8));
  });

  it('the curve climbs steeply: each step towards 100% busy costs more than the last', () => {
    const r = [0.5, 0.8, 0.9, 0.95].map(ratio);
    for (let i = 1; i < r.length; i++) expect(r[i]!).toBeGreaterThan(r[i - 1]!);
    expect(r[3]! - r[2]!).toBeGreaterThan(r[1]! - r[0]!);
  });
});
