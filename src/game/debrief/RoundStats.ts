/**
 * The numbers of one round of a run, and the data behind the debrief's charts. A game plays a
 * scenario in rounds of one continuous run: round k covers sim time (start_k, end_k]. Pure: no
 * Phaser, no DOM; it reads the engine's run and two RunMetrics taken at the round's start and end.
 *
 * Which round an item belongs to: the one whose window holds its done time, start exclusive and
 * end inclusive, because `advanceTo(end)` plays every event at `end` before the debrief reads the
 * run. A window starting at 0 also takes items done at time 0. Every item belongs to exactly one
 * round, so the rounds' `done` add up to the run's.
 *
 * Time averages (average WIP, utilisation) come from the engine's running averages, which start
 * after the scenario's warm-up: a round that begins inside the warm-up averages over its part
 * after the warm-up, and a round wholly inside it reports 0. Item figures (done, lead times,
 * value) cover every item done in the window, warm-up or not.
 */
import type { RunMetrics } from '../../sim/Metrics';
import type { Simulation } from '../../sim/Simulation';
import { percentileSorted, summarize } from '../../sim/Statistics';
import { VF_REWORK } from '../../sim/VisitStore';

export interface RoundWindow {
  index: number;
  title: string;
  start: number;
  end: number;
}

/** A work center in a round: how busy it was, and how long work waited there against how long it took. */
export interface CenterRoundStats {
  id: string;
  name: string;
  /** Utilisation in the round (busy person-time over the time of the people who can work there), 0..1. */
  value: number;
  /** Mean time from entering the queue to starting, over visits finished in the round; null if none. */
  queueTime: number | null;
  /** Mean time from starting to finishing, over the same visits; null if none. */
  serviceTime: number | null;
  /** Visits finished at this center in the round. */
  visits: number;
}

export interface PersonRoundStats {
  id: string;
  name: string;
  /** Busy share of the round, 0..1. */
  value: number;
  /** A person the scenario names (Brent), not one of a center's anonymous workers. */
  named: boolean;
}

export interface RoundStats {
  index: number;
  title: string;
  start: number;
  end: number;
  /** Items done in the round. */
  done: number;
  /** Items that arrived in the round. */
  arrived: number;
  /** Items done per time unit. */
  throughput: number;
  /** Lead time (arrival to done) of the items done in the round; null when none were. */
  leadTimeMean: number | null;
  leadTimeP50: number | null;
  leadTimeP85: number | null;
  leadTimeP95: number | null;
  /** Time-average number of items at work centers. */
  avgWip: number;
  /** Work time over lead time of the items done in the round, 0..1; null when none were. */
  flowEfficiency: number | null;
  /** Per work center, in the scenario's order. */
  utilisation: CenterRoundStats[];
  /** Per person, in the scenario's order. */
  people: PersonRoundStats[];
  /** Value of the items done in the round, less the late penalties among them. */
  value: number;
  /** Late penalties of the items done late in the round (already taken off `value`). */
  latePenalty: number;
  /** Items done late (after their due time) in the round. */
  lateItems: number;
  /** Total time unplanned work (incidents) was open during the round. */
  outageTime: number;
  /** value - outagePerUnit x outageTime. */
  score: number;
  deployments: number;
  failedDeployments: number;
  /** Failed deployments over deployments; null with no deployments. */
  changeFailureRate: number | null;
  /** Mean lead time of unplanned work done in the round; null if none. */
  timeToRestore: number | null;
  /** Mean release-to-done time of planned work that went through a deploy center; null if none. */
  leadTimeForChanges: number | null;
  /** Items sent back for rework (a defect found in-house or by the customer) during the round. */
  reworks: number;
}

/** One finished item for the lead-time scatter and histogram. */
export interface LeadTimePoint {
  id: number;
  done: number;
  leadTime: number;
  /** Kind of work: business, internal, change, unplanned or custom. */
  kind: string;
  /** Work type id. */
  type: string;
}

export interface CenterFlowSeries {
  id: string;
  name: string;
  /** Items at the center (queued, in service, batching, blocked). */
  wip: number[];
  /** Items queued at the center. */
  queue: number[];
}

/**
 * Cumulative flow over a window, on the engine's sample grid. Stacked from the bottom: done,
 * then the centers from the last to the first, then waiting; the top of the stack is `arrived`.
 */
export interface FlowSeries {
  start: number;
  end: number;
  t: number[];
  /** Items done since the window's start. */
  done: number[];
  /** Items not yet at any center: the backlog, and released items waiting for room at their first center. */
  waiting: number[];
  /** Per center, in the scenario's order (usually the order of the flow). */
  centers: CenterFlowSeries[];
  /** Items at work centers (the sum of the centers' wip). */
  wip: number[];
  /** Top of the stack: items that arrived before each time and were not done by the window's start. */
  arrived: number[];
}

/** One point on the busy/idle chart. */
export interface BusyIdlePoint {
  id: string;
  name: string;
  utilisation: number;
  /** Mean queue time over mean service time; null when the center finished no work. */
  ratio: number | null;
}

const EPS = 1e-9;

/**
 * Whether a time falls in the round's window [start, end): a round plays every event before its
 * end, and the next round owns the boundary (see src/game/RoundBoundary.ts).
 */
export function inWindow(t: number, start: number, end: number): boolean {
  return t >= start && t < end;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** An engine time average's accumulated area: average x the time it covers. */
function windowAverage(startAvg: number, endAvg: number, startObs: number, endObs: number): number {
  const dt = endObs - startObs;
  if (!(dt > EPS)) return 0;
  const area = endAvg * endObs - startAvg * startObs;
  return Math.max(0, area / dt);
}

export function roundStats(sim: Simulation, window: RoundWindow, atStart: RunMetrics, atEnd: RunMetrics, outagePerUnit: number): RoundStats {
  const m = sim.model;
  const { start, end } = window;
  const length = end - start;
  const deployCenters = new Set(m.centers.filter((c) => c.deploy).map((c) => c.index));
  const typeDeploys = m.types.map((t) => t.route.some((s) => deployCenters.has(s.center)));

  const leads: number[] = [];
  const changeLeads: number[] = [];
  const restores: number[] = [];
  let done = 0, arrived = 0, work = 0, leadSum = 0, value = 0, latePenalty = 0, lateItems = 0, outageTime = 0;
  for (const it of sim.items) {
    const t = m.types[it.type]!;
    if (inWindow(it.created, start, end)) arrived++;
    if (t.kind === 'unplanned') {
      // Open from arrival until done (or until now, if it is still open), clipped to the window.
      const closed = it.done >= 0 ? it.done : sim.now;
      const overlap = Math.min(closed, end) - Math.max(it.created, start);
      if (overlap > 0) outageTime += overlap;
    }
    if (it.done < 0 || !inWindow(it.done, start, end)) continue;
    done++;
    const lead = it.done - it.created;
    leads.push(lead);
    leadSum += lead;
    work += it.workTime;
    value += t.value;
    if (it.done > it.due) {
      lateItems++;
      latePenalty += t.latePenalty;
    }
    if (t.kind === 'unplanned') restores.push(lead);
    else if (typeDeploys[it.type]) changeLeads.push(it.done - it.released);
  }
  value -= latePenalty;
  const lt = summarize(leads);

  // Queue and service times per center, over visits that finished in the window; rework send-backs
  // are the rework visits that began in it.
  const nc = m.centers.length;
  const qSum = new Float64Array(nc), sSum = new Float64Array(nc), visits = new Float64Array(nc);
  let reworks = 0;
  const v = sim.visits;
  for (const it of sim.items) {
    for (let i = it.firstVisit; i >= 0; i = v.next(i)) {
      if ((v.flags(i) & VF_REWORK) !== 0 && inWindow(v.enter(i), start, end)) reworks++;
      const s = v.start(i), e = v.end(i);
      if (s < 0 || e < 0 || !inWindow(e, start, end)) continue;
      const ci = v.center(i);
      qSum[ci]! += s - v.enter(i);
      sSum[ci]! += e - s;
      visits[ci]!++;
    }
  }

  const o0 = atStart.observed, o1 = atEnd.observed;
  const utilisation: CenterRoundStats[] = m.centers.map((c, i) => {
    const c0 = atStart.centers[i], c1 = atEnd.centers[i];
    // Busy person-time over the person-time of the people allowed there, both within the round:
    // exact when an assign or a cross-training changes who may work at the center mid-round.
    const n = visits[i]!;
    const staffed = c0 && c1 ? c1.staffedTime - c0.staffedTime : 0;
    return {
      id: c.id,
      name: c.name,
      value: c0 && c1 && staffed > 1e-12 ? Math.min(1, Math.max(0, (c1.busyTime - c0.busyTime) / staffed)) : 0,
      queueTime: n > 0 ? Math.max(0, qSum[i]! / n) : null,
      serviceTime: n > 0 ? sSum[i]! / n : null,
      visits: n,
    };
  });
  const people: PersonRoundStats[] = m.people.map((p, i) => {
    const p0 = atStart.people[i], p1 = atEnd.people[i];
    return { id: p.id, name: p.name, value: p0 && p1 ? Math.min(1, windowAverage(p0.utilisation, p1.utilisation, o0, o1)) : 0, named: p.named };
  });

  let deployments = 0, failedDeployments = 0;
  const d = sim.deployments;
  for (let i = 0; i < d.length; i += 3) {
    if (!inWindow(d[i]!, start, end)) continue;
    deployments++;
    failedDeployments += d[i + 2]!;
  }
  const meanOrNull = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

  return {
    index: window.index,
    title: window.title,
    start,
    end,
    done,
    arrived,
    throughput: length > EPS ? done / length : 0,
    leadTimeMean: finite(lt.mean),
    leadTimeP50: finite(lt.p50),
    leadTimeP85: finite(lt.p85),
    leadTimeP95: finite(lt.p95),
    avgWip: windowAverage(atStart.avgWip, atEnd.avgWip, o0, o1),
    flowEfficiency: leadSum > 0 ? Math.min(1, work / leadSum) : null,
    utilisation,
    people,
    value,
    latePenalty,
    lateItems,
    outageTime,
    score: value - outagePerUnit * outageTime,
    deployments,
    failedDeployments,
    changeFailureRate: deployments > 0 ? failedDeployments / deployments : null,
    timeToRestore: meanOrNull(restores),
    leadTimeForChanges: meanOrNull(changeLeads),
    reworks,
  };
}

/** Every item done in the window, in order of finishing. */
export function leadTimePoints(sim: Simulation, start: number, end: number): LeadTimePoint[] {
  const m = sim.model;
  const out: LeadTimePoint[] = [];
  for (const it of sim.items) {
    if (it.done < 0 || !inWindow(it.done, start, end)) continue;
    const t = m.types[it.type]!;
    out.push({ id: it.id, done: it.done, leadTime: it.done - it.created, kind: t.kind, type: t.id });
  }
  out.sort((a, b) => a.done - b.done || a.id - b.id);
  return out;
}

/** Median and 85th percentile (nearest rank, as the engine computes them) of the points' lead times. */
export function leadTimePercentiles(points: readonly { leadTime: number }[]): { p50: number | null; p85: number | null } {
  const sorted = Float64Array.from(points, (p) => p.leadTime).sort();
  return { p50: finite(percentileSorted(sorted, 50)), p85: finite(percentileSorted(sorted, 85)) };
}

/** Cumulative flow and WIP over the window from the run's samples (samples at times start..end). */
export function flowSeries(sim: Simulation, start: number, end: number): FlowSeries {
  const m = sim.model;
  const s = sim.samples;
  let doneBefore = 0;
  for (const it of sim.items) if (it.done >= 0 && it.done < start) doneBefore++;
  const out: FlowSeries = {
    start,
    end,
    t: [],
    done: [],
    waiting: [],
    centers: m.centers.map((c) => ({ id: c.id, name: c.name, wip: [], queue: [] })),
    wip: [],
    arrived: [],
  };
  for (let i = 0; i < s.t.length; i++) {
    const t = s.t[i]!;
    if (t < start - EPS || t > end + EPS) continue;
    let wip = 0;
    out.centers.forEach((c, ci) => {
      const w = s.centerWip[ci]![i]!;
      c.wip.push(w);
      c.queue.push(s.centerQueue[ci]![i]!);
      wip += w;
    });
    const doneAbs = s.done[i]!;
    const created = s.created[i]!;
    out.t.push(t);
    out.wip.push(wip);
    out.done.push(Math.max(0, doneAbs - doneBefore));
    out.waiting.push(Math.max(0, created - doneAbs - wip));
    out.arrived.push(created - doneBefore);
  }
  return out;
}

/** The busy/idle chart's points for a round: each center that finished work, at its utilisation. */
export function busyIdlePoints(stats: RoundStats): BusyIdlePoint[] {
  return stats.utilisation.map((c) => ({
    id: c.id,
    name: c.name,
    utilisation: c.value,
    ratio: c.queueTime !== null && c.serviceTime !== null && c.serviceTime > 0 ? c.queueTime / c.serviceTime : null,
  }));
}
