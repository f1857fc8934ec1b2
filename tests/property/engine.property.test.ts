/**
 * Properties that must hold for every valid scenario, not just the ones we thought of:
 * fast-check generates small random models (centers, people, skills, routes, batches, WIP
 * limits, defects, deployments, incidents, release policies) and random decisions, runs them,
 * and checks the engine's books balance at every step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario';
import { checkCommand } from '../../src/sim/CommandCheck';
import { computeMetrics } from '../../src/sim/Metrics';
import { compileModel } from '../../src/sim/Model';
import { Simulation } from '../../src/sim/Simulation';
import { takeSnapshot } from '../../src/sim/Snapshot';
import { ItemState } from '../../src/sim/WorkItem';
import { generatedCase, type GeneratedCase } from '../support/arbitraries';
import { countStates, mustParse } from '../support/sim';

const RUNS = 80;
/**
 * Shrinking a failing generated model is slow (each try re-runs a simulation), so it is capped:
 * a failure still reports a much smaller model, and the suite stays within its time budget.
 */
const cases = fc.limitShrink(generatedCase, 250);

function start(c: GeneratedCase, recordEvents = false): Simulation {
  return new Simulation(compileModel(mustParse(c.scenario)), { seed: c.seed, commands: c.commands, recordEvents });
}

/** The engine's own counters against a fresh count of every item's state. */
function checkBooks(sim: Simulation): void {
  const n = countStates(sim);
  const total = n.backlog + n.queued + n.inService + n.suspended + n.batching + n.blocked + n.done;
  expect(total).toBe(sim.items.length);
  expect(n.done).toBe(sim.doneCount);

  let queued = 0, inService = 0, batching = 0, suspended = 0, atCenters = 0, lanes = 0, pendingEntrance = 0;
  for (const c of sim.centers) {
    queued += c.queued;
    inService += c.inService;
    batching += c.batching.length;
    atCenters += c.wip;
    for (const lane of c.lanes) lanes += lane.length;
    for (const job of c.suspended) suspended += job.items.length;
    for (let i = 0; i < c.entrance.length; i++) if (sim.items[c.entrance.at(i)]!.center < 0) pendingEntrance++;
  }
  expect(n.queued).toBe(queued);
  expect(n.queued).toBe(lanes);
  expect(n.inService).toBe(inService);
  expect(n.batching).toBe(batching);
  expect(n.suspended).toBe(suspended);
  // Everything at a center is queued, in service, suspended, batching or blocked there.
  expect(n.queued + n.inService + n.suspended + n.batching + n.blocked).toBe(atCenters);
  // Not yet at any center: still in the backlog, or released and waiting to get in.
  expect(n.backlog).toBe(sim.backlogCount + pendingEntrance);
  expect(sim.wip).toBe(atCenters + pendingEntrance);
  // Items in service are exactly those in people's current jobs.
  let inJobs = 0;
  for (const p of sim.people) if (p.job !== null && p.job.center >= 0) inJobs += p.job.items.length;
  expect(inJobs).toBe(n.inService);
}

describe('engine properties over generated scenarios', () => {
  it('the generator only makes valid scenarios and valid commands', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const r = parseScenario(c.scenario);
        expect(r.ok ? [] : r.errors).toEqual([]);
        const model = compileModel(mustParse(c.scenario));
        for (const cmd of c.commands) expect(checkCommand(model, cmd)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('(a) conserves items: every item is in exactly one place and the counters agree', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (c, fractions) => {
        const sim = start(c);
        const times = fractions.map((f) => f * sim.horizon).sort((a, b) => a - b);
        for (const t of [...times, sim.horizon]) {
          sim.advanceTo(t);
          checkBooks(sim);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(a) conserves items after every single event too', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const sim = start(c);
        let guard = 0;
        while (sim.step() && guard++ < 3000) checkBooks(sim);
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) never lets a center hold more counted work than its WIP limit', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const sim = start(c);
        // A lowered limit evicts nothing, so only centers whose limit no command touched are checked.
        const touched = new Set(c.commands.filter((x) => x.type === 'setWipLimit').map((x) => (x as { center: string }).center));
        const checked = sim.centers.filter((ctr) => !touched.has(ctr.m.id) && Number.isFinite(ctr.m.wipLimit));
        const check = () => {
          for (const ctr of checked) {
            const counted = sim.items.filter((it) => it.center === ctr.m.index && !it.exempt && it.state !== ItemState.Done).length;
            expect(counted).toBeLessThanOrEqual(ctr.m.wipLimit);
            expect(ctr.counted).toBe(counted);
          }
        };
        check();
        while (sim.step()) check();
      }),
      { numRuns: RUNS },
    );
  });

  it('(c) the clock never goes back, whether stepping or advancing', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.oneof(fc.constant(-1), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 40 }), (c, moves) => {
        const sim = start(c);
        let last = sim.now;
        for (const m of moves) {
          if (m < 0) sim.step();
          else sim.advanceTo(Math.max(sim.now, m * sim.horizon));
          expect(sim.now).toBeGreaterThanOrEqual(last);
          last = sim.now;
        }
        while (sim.step()) {
          expect(sim.now).toBeGreaterThanOrEqual(last);
          last = sim.now;
        }
        expect(sim.now).toBeLessThanOrEqual(sim.horizon);
        if (sim.status === 'running') expect(() => sim.advanceTo(sim.now - 1)).toThrow(RangeError);
      }),
      { numRuns: RUNS },
    );
  });

  it('(d) the same scenario, seed and commands give the same run', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const a = start(c);
        const b = start(c, true);
        a.runToEnd();
        b.runToEnd();
        expect(b.hash()).toBe(a.hash());
        expect(b.eventsProcessed).toBe(a.eventsProcessed);
        expect(JSON.stringify(computeMetrics(b))).toBe(JSON.stringify(computeMetrics(a)));
      }),
      { numRuns: RUNS },
    );
  });

  it('(e) advancing in one call equals advancing in many small steps', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 25 }), (c, cuts) => {
        const whole = start(c);
        whole.runToEnd();
        const sliced = start(c);
        for (const t of cuts.map((f) => f * sliced.horizon).sort((a, b) => a - b)) sliced.advanceTo(t);
        sliced.runToEnd();
        expect(sliced.hash()).toBe(whole.hash());
        expect(sliced.status).toBe(whole.status);
        expect(JSON.stringify(computeMetrics(sliced))).toBe(JSON.stringify(computeMetrics(whole)));
        expect(sliced.samples).toEqual(whole.samples);
        expect(takeSnapshot(sliced)).toEqual(takeSnapshot(whole));
      }),
      { numRuns: RUNS },
    );
  });

  it('(g) a reported stall is real: after it nothing more ever happens, and work is left', () => {
    fc.assert(
      fc.property(cases, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), (c, cuts) => {
        const sim = start(c);
        for (const t of [...cuts.map((f) => f * sim.horizon).sort((a, b) => a - b), sim.horizon]) {
          sim.advanceTo(t);
          if (sim.stall !== null) break;
        }
        if (sim.stall === null) return;
        expect(sim.stall.message).toMatch(/^the run can never finish: /);
        expect(sim.doneCount).toBeLessThan(sim.items.length);
        const events = sim.eventsProcessed;
        const done = sim.doneCount;
        sim.runToEnd();
        expect(sim.eventsProcessed).toBe(events);
        expect(sim.doneCount).toBe(done);
      }),
      { numRuns: RUNS },
    );
  });

  it('(f) metrics stay in range: utilisation in [0, 1], times non-negative, done after created', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const sim = start(c);
        sim.runToEnd();
        const m = computeMetrics(sim);
        for (const ctr of m.centers) {
          expect(ctr.utilisation).toBeGreaterThanOrEqual(0);
          expect(ctr.utilisation).toBeLessThanOrEqual(1 + 1e-9);
          expect(ctr.avgWip).toBeGreaterThanOrEqual(0);
          expect(ctr.avgQueue).toBeGreaterThanOrEqual(0);
          expect(ctr.avgQueue).toBeLessThanOrEqual(ctr.avgWip + 1e-9);
          if (!Number.isNaN(ctr.meanQueueTime)) expect(ctr.meanQueueTime).toBeGreaterThanOrEqual(0);
          if (!Number.isNaN(ctr.meanServiceTime)) expect(ctr.meanServiceTime).toBeGreaterThanOrEqual(0);
        }
        for (const p of m.people) {
          expect(p.utilisation).toBeGreaterThanOrEqual(0);
          expect(p.utilisation).toBeLessThanOrEqual(1 + 1e-9);
        }
        for (const it of sim.items) {
          if (it.done < 0) continue;
          expect(it.done).toBeGreaterThanOrEqual(it.created);
          expect(it.released).toBeGreaterThanOrEqual(it.created);
          expect(it.done).toBeGreaterThanOrEqual(it.released);
          if (it.firstStart >= 0) expect(it.done).toBeGreaterThanOrEqual(it.firstStart);
          // Work time never exceeds the time the item spent in the system.
          expect(it.workTime).toBeLessThanOrEqual(it.done - it.created + 1e-9);
        }
        for (const s of [m.leadTime, m.timeInProcess, m.cycleTime]) if (s.count > 0) expect(s.min).toBeGreaterThanOrEqual(0);
        if (!Number.isNaN(m.flowEfficiency)) {
          expect(m.flowEfficiency).toBeGreaterThanOrEqual(0);
          expect(m.flowEfficiency).toBeLessThanOrEqual(1 + 1e-9);
        }
        expect(m.throughput).toBeGreaterThanOrEqual(0);
        expect(m.throughputByPeriod.reduce((a, b) => a + b, 0)).toBe(sim.doneCount);
        expect(m.done).toBeLessThanOrEqual(m.created);
      }),
      { numRuns: RUNS },
    );
  });
});
