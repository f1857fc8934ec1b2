import { describe, expect, it } from 'vitest';
import { busyIdlePoints, flowSeries, inWindow, leadTimePercentiles, leadTimePoints, roundStats, type RoundStats } from '../../src/game/debrief/RoundStats';
import { parseScenario } from '../../src/scenario/parseScenario';
import { builtinScenario } from '../../src/scenarios/index';
import { compileModel, computeMetrics, Simulation, type RunMetrics } from '../../src/sim/index';

/**
 * One desk, one worker, every effort 2 days, work arriving on a schedule, and one incident at day
 * 5 that interrupts the work in hand. Small enough to work out by hand:
 *   job 0: arrives 0, works 0-2, done 2 (lead 2)
 *   job 1: arrives 1, works 2-4, done 4 (lead 3)
 *   job 2: arrives 2, works 4-5, interrupted, 6-7, done 7 (lead 5, due 5: late)
 *   fire:  arrives 5, works 5-6, done 6 (lead 1)
 *   job 3: arrives 10, works 10-12, done 12 (lead 2)
 */
function tinyRun() {
  const r = parseScenario({
    format: 'phoenix-flow/scenario', version: 1, id: 'tiny', title: 'Tiny', timeUnit: 'day', horizon: 20, warmup: 0, samplePeriod: 1,
    workTypes: [
      { id: 'job', kind: 'business', value: 10, dueIn: 3, latePenalty: 4, arrivals: [{ type: 'scheduled', times: [0, 1, 2, 10] }], route: [{ center: 'desk', effort: 2 }] },
      { id: 'fire', kind: 'unplanned', arrivals: [{ type: 'scheduled', times: [5] }], route: [{ center: 'desk', effort: 1 }] },
    ],
    workCenters: [{ id: 'desk', name: 'Desk', workers: 1 }],
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return new Simulation(compileModel(r.scenario), { seed: 1 });
}

describe('roundStats on a run worked out by hand', () => {
  const sim = tinyRun();
  const m0 = computeMetrics(sim);
  sim.advanceTo(5);
  const m5 = computeMetrics(sim);
  const r1 = roundStats(sim, { index: 1, title: 'Round 1', start: 0, end: 5 }, m0, m5, 2);
  sim.advanceTo(20);
  const m20 = computeMetrics(sim);
  const r2 = roundStats(sim, { index: 2, title: 'Round 2', start: 5, end: 20 }, m5, m20, 2);

  it('counts the items done in each window and their lead times', () => {
    expect(r1).toMatchObject({ index: 1, title: 'Round 1', start: 0, end: 5, done: 2, arrived: 3, throughput: 0.4 });
    expect(r1).toMatchObject({ leadTimeMean: 2.5, leadTimeP50: 2, leadTimeP85: 3, leadTimeP95: 3, flowEfficiency: 0.8 });
    expect(r2).toMatchObject({ done: 3, arrived: 2, throughput: 0.2, leadTimeP50: 2, leadTimeP85: 5 });
    expect(r2.leadTimeMean).toBeCloseTo(8 / 3, 12);
    // Work 1 + 3 + 2 over lead 1 + 5 + 2.
    expect(r2.flowEfficiency).toBeCloseTo(5 / 8, 12);
  });

  it('takes time averages for the window from the cumulative metrics', () => {
    // WIP 1 on [0,1), 2 on [1,4), 1 on [4,5): area 8 over 5 days.
    expect(r1.avgWip).toBeCloseTo(1.6, 12);
    expect(r1.utilisation).toEqual([{ id: 'desk', name: 'Desk', value: 1, queueTime: 0.5, serviceTime: 2, visits: 2 }]);
    expect(r1.people).toEqual([{ id: 'desk-1', name: 'Desk 1', value: 1, named: false }]);
    // WIP 2 on [5,6), 1 on [6,7), 1 on [10,12): area 5 over 15 days; busy 4 of 15.
    expect(r2.avgWip).toBeCloseTo(5 / 15, 12);
    expect(r2.utilisation[0]!.value).toBeCloseTo(4 / 15, 12);
    expect(r2.utilisation[0]!.queueTime).toBeCloseTo(2 / 3, 12);
    expect(r2.utilisation[0]!.serviceTime).toBeCloseTo(2, 12);
  });

  it('scores value less late penalties and outage time', () => {
    expect(r1).toMatchObject({ value: 20, latePenalty: 0, lateItems: 0, outageTime: 0, score: 20 });
    // Jobs 2 and 3 are worth 10 each, job 2 was late (penalty 4), the fire was open one day.
    expect(r2).toMatchObject({ value: 16, latePenalty: 4, lateItems: 1, outageTime: 1, score: 14 });
    expect(r2).toMatchObject({ timeToRestore: 1, leadTimeForChanges: null, deployments: 0, changeFailureRate: null, reworks: 0 });
  });

  it('counts an incident still open at the end of the window up to the window end', () => {
    const live = tinyRun();
    live.advanceTo(5.5);
    const r = roundStats(live, { index: 1, title: 'R', start: 0, end: 5.5 }, computeMetrics(tinyRun()), computeMetrics(live), 10);
    expect(r.outageTime).toBeCloseTo(0.5, 12);
    expect(r.score).toBeCloseTo(r.value - 5, 12);
  });

  it('gives nulls, not NaN, for a window where nothing finished', () => {
    const r = roundStats(sim, { index: 3, title: 'Quiet', start: 13, end: 20 }, m20, m20, 1);
    expect(r).toMatchObject({ done: 0, throughput: 0, leadTimeMean: null, leadTimeP50: null, leadTimeP85: null, leadTimeP95: null, flowEfficiency: null, avgWip: 0 });
    expect(r.utilisation[0]).toMatchObject({ value: 0, queueTime: null, serviceTime: null, visits: 0 });
    expect(busyIdlePoints(r)).toEqual([{ id: 'desk', name: 'Desk', utilisation: 0, ratio: null }]);
    const empty = roundStats(sim, { index: 4, title: 'Empty', start: 7, end: 7 }, m20, m20, 1);
    expect(empty.throughput).toBe(0);
    expect(empty.avgWip).toBe(0);
  });

  it('lists lead-time points and percentiles for the charts', () => {
    expect(leadTimePoints(sim, 0, 20)).toEqual([
      { id: 0, done: 2, leadTime: 2, kind: 'business', type: 'job' },
      { id: 1, done: 4, leadTime: 3, kind: 'business', type: 'job' },
      { id: 3, done: 6, leadTime: 1, kind: 'unplanned', type: 'fire' },
      { id: 2, done: 7, leadTime: 5, kind: 'business', type: 'job' },
      { id: 4, done: 12, leadTime: 2, kind: 'business', type: 'job' },
    ]);
    expect(leadTimePoints(sim, 4, 7).map((p) => p.id)).toEqual([1, 3]);
    expect(leadTimePercentiles(leadTimePoints(sim, 0, 20))).toEqual({ p50: 2, p85: 5 });
    expect(leadTimePercentiles([])).toEqual({ p50: null, p85: null });
  });

  it('builds cumulative flow from the samples, counting done from the window start', () => {
    const f = flowSeries(sim, 0, 5);
    expect(f.t).toEqual([0, 1, 2, 3, 4, 5]);
    expect(f.done).toEqual([0, 0, 1, 1, 2, 2]);
    expect(f.wip).toEqual([1, 2, 2, 2, 1, 2]);
    expect(f.centers[0]!.wip).toEqual(f.wip);
    // At 5 the fire interrupts job 2: one suspended, one in service, none queued.
    expect(f.centers[0]!.queue).toEqual([0, 1, 1, 1, 0, 0]);
    expect(f.waiting).toEqual([0, 0, 0, 0, 0, 0]);
    expect(f.arrived).toEqual([1, 2, 3, 3, 3, 4]);
    const later = flowSeries(sim, 5, 20);
    expect(later.t[0]).toBe(5);
    expect(later.done[0]).toBe(0);
    expect(later.done.at(-1)).toBe(3);
  });

  it('puts a time on a window boundary in the round that starts there', () => {
    expect(inWindow(5, 0, 5)).toBe(false);
    expect(inWindow(5, 5, 10)).toBe(true);
    expect(inWindow(0, 0, 5)).toBe(true);
    expect(inWindow(0, -1, 5)).toBe(true);
  });
});

describe("Little's law per round on the textbook queue (M/M/1, 80% busy)", () => {
  // A stable queue over long rounds: boundary effects are small, so L = lambda x W per round.
  const model = compileModel(builtinScenario('mm1'));
  const sim = new Simulation(model, { seed: 3 });
  const h = model.horizon;
  const bounds = [model.warmup, model.warmup + (h - model.warmup) / 3, model.warmup + (2 * (h - model.warmup)) / 3, h];
  sim.advanceTo(bounds[0]!);
  let mark = computeMetrics(sim);
  const rounds: RoundStats[] = [];
  for (let k = 1; k < bounds.length; k++) {
    sim.advanceTo(bounds[k]!);
    const next = computeMetrics(sim);
    rounds.push(roundStats(sim, { index: k, title: `Round ${k}`, start: bounds[k - 1]!, end: bounds[k]! }, mark, next, 0));
    mark = next;
  }

  it('has average WIP close to throughput x mean time in the system in every round', () => {
    for (const r of rounds) {
      let inSystem = 0;
      for (const it of sim.items) if (it.done > r.start && it.done <= r.end) inSystem += it.done - it.released;
      const littles = r.throughput * (inSystem / r.done);
      expect(r.done).toBeGreaterThan(3000);
      expect(Math.abs(littles - r.avgWip) / r.avgWip).toBeLessThan(0.05);
      // One desk: utilisation is near the offered load of 0.8.
      expect(r.utilisation[0]!.value).toBeGreaterThan(0.74);
      expect(r.utilisation[0]!.value).toBeLessThan(0.86);
    }
  });
});

describe('roundStats over a real Brent run in rounds', () => {
  const model = compileModel(builtinScenario('brent'));
  const sim = new Simulation(model, { seed: 1 });
  const bounds = [0, 15, 30, 45, 60];
  const rounds: RoundStats[] = [];
  const marks: RunMetrics[] = [computeMetrics(sim)];
  for (let k = 1; k < bounds.length; k++) {
    sim.advanceTo(bounds[k]!);
    marks.push(computeMetrics(sim));
    rounds.push(roundStats(sim, { index: k, title: `Round ${k}`, start: bounds[k - 1]!, end: bounds[k]! }, marks[k - 1]!, marks[k]!, 2));
  }
  const end = marks.at(-1)!;

  it('adds up to the whole run', () => {
    expect(rounds.reduce((a, r) => a + r.done, 0)).toBe(sim.doneCount);
    expect(rounds.reduce((a, r) => a + r.arrived, 0)).toBe(sim.items.length);
    expect(rounds.reduce((a, r) => a + r.deployments, 0)).toBe(sim.deployments.length / 3);
    expect(rounds.reduce((a, r) => a + r.reworks, 0)).toBe(sim.items.reduce((a, it) => a + it.reworks, 0));
    expect(leadTimePoints(sim, 0, 60)).toHaveLength(sim.doneCount);
  });

  it('averages WIP and utilisation over the rounds to the engine\'s figure after the warm-up', () => {
    // Rounds 2-4 lie after the warm-up; round 1 covers (warm-up, 15].
    const observed = rounds.map((r) => r.end - Math.max(r.start, model.warmup));
    const total = observed.reduce((a, b) => a + b, 0);
    const wip = rounds.reduce((a, r, i) => a + r.avgWip * observed[i]!, 0) / total;
    expect(wip).toBeCloseTo(end.avgWip, 9);
    model.centers.forEach((_, c) => {
      const u = rounds.reduce((a, r, i) => a + r.utilisation[c]!.value * observed[i]!, 0) / total;
      expect(u).toBeCloseTo(end.centers[c]!.utilisation, 9);
    });
    model.people.forEach((_, p) => {
      const u = rounds.reduce((a, r, i) => a + r.people[p]!.value * observed[i]!, 0) / total;
      expect(u).toBeCloseTo(end.people[p]!.utilisation, 9);
    });
  });

  it('has a time-average WIP equal to the time items spent at work centers in the round', () => {
    // Little's law over a finite window, exactly: the area under WIP is the sum of each item's
    // time at work centers (from entering its first center until done) inside the window.
    for (const r of rounds.slice(1)) {
      let area = 0;
      for (const it of sim.items) {
        if (it.firstVisit < 0) continue;
        const entered = sim.visits.enter(it.firstVisit);
        const left = it.done >= 0 ? it.done : sim.now;
        area += Math.max(0, Math.min(left, r.end) - Math.max(entered, r.start));
      }
      expect(r.avgWip * (r.end - r.start)).toBeCloseTo(area, 6);
    }
  });

  it('keeps every figure in range and the round flow series consistent', () => {
    for (const r of rounds) {
      for (const c of r.utilisation) expect(c.value).toBeGreaterThanOrEqual(0), expect(c.value).toBeLessThanOrEqual(1);
      for (const p of r.people) expect(p.value).toBeGreaterThanOrEqual(0), expect(p.value).toBeLessThanOrEqual(1);
      if (r.flowEfficiency !== null) expect(r.flowEfficiency).toBeGreaterThan(0), expect(r.flowEfficiency).toBeLessThanOrEqual(1);
      expect(r.leadTimeP50!).toBeLessThanOrEqual(r.leadTimeP85!);
      expect(r.leadTimeP85!).toBeLessThanOrEqual(r.leadTimeP95!);
      const f = flowSeries(sim, r.start, r.end);
      expect(f.t.length).toBeGreaterThan(10);
      expect(f.done.at(-1)).toBe(r.done);
      f.t.forEach((_, i) => {
        const sum = f.done[i]! + f.waiting[i]! + f.centers.reduce((a, c) => a + c.wip[i]!, 0);
        expect(sum).toBe(f.arrived[i]);
        expect(f.done[i]!).toBeGreaterThanOrEqual(i > 0 ? f.done[i - 1]! : 0);
      });
    }
  });
});
