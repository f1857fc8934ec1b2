/**
 * The numbers a trainer points at, computed from a run at its current time: lead and cycle
 * times, flow efficiency, throughput, WIP, utilisation, queues, cumulative flow and the four key
 * delivery metrics. Time averages and item statistics leave out the warm-up period; items count
 * when they arrived after it.
 */
import type { Simulation } from './Simulation';
import { summarize, type Summary } from './Statistics';
import { VF_BATCHED, VF_PREEMPTED, VF_REWORK } from './VisitStore';

export interface StepRecord {
  step: number;
  center: string;
  entered: number;
  started: number;
  finished: number;
  left: number;
  person: string | null;
  rework: boolean;
  waitedForBatch: boolean;
  blockedBy: string | null;
  preempted: boolean;
}

export interface ItemRecord {
  id: number;
  type: string;
  kind: string;
  created: number;
  released: number;
  started: number;
  done: number;
  leadTime: number;
  cycleTime: number;
  workTime: number;
  waitTime: number;
  flowEfficiency: number;
  reworks: number;
  escapedDefects: number;
  late: boolean;
  steps: StepRecord[];
}

export interface CenterMetrics {
  id: string;
  name: string;
  /** Busy person-time / person-time of the people allowed to work here (after warm-up). */
  utilisation: number;
  /** Busy person-time here after warm-up (for utilisation over a window: difference two readings). */
  busyTime: number;
  /** Person-time of the people allowed here after warm-up (they change with assign and cross-training). */
  staffedTime: number;
  avgWip: number;
  avgQueue: number;
  queueNow: number;
  wipNow: number;
  completions: number;
  /** Mean time items waited in this center's queue (entered to started), after warm-up. */
  meanQueueTime: number;
  /** Mean work time per visit here (started to finished), after warm-up. */
  meanServiceTime: number;
}

export interface PersonMetrics {
  id: string;
  name: string;
  utilisation: number;
  busy: boolean;
}

export interface DeliveryMetrics {
  /** Mean time from release to done for changes that went through a deploy center. */
  leadTimeForChanges: number;
  /** Deployments per time unit. */
  deploymentFrequency: number;
  /** Mean lead time of unplanned work (incidents). */
  timeToRestore: number;
  changeFailureRate: number;
  deployments: number;
  failedDeployments: number;
}

export interface RunMetrics {
  time: number;
  warmup: number;
  /** Time the statistics cover (time - warmup). */
  observed: number;
  created: number;
  done: number;
  /** Items done that arrived after the warm-up (the lead-time sample). */
  measured: number;
  wipNow: number;
  backlogNow: number;
  /** Arrival (the request) to done: what the customer waits. */
  leadTime: Summary;
  /** Release into the system to done: the time Little's law pairs with avgWip. */
  timeInProcess: Summary;
  /** First work started to done. */
  cycleTime: Summary;
  /** Total work time / total lead time over measured items. */
  flowEfficiency: number;
  /** Items done per time unit after warm-up. */
  throughput: number;
  /** Items done in each throughput period, from time 0. */
  throughputByPeriod: number[];
  throughputPeriod: number;
  avgWip: number;
  centers: CenterMetrics[];
  people: PersonMetrics[];
  delivery: DeliveryMetrics;
  value: number;
  lateItems: number;
  escapedDefects: number;
  reworks: number;
  byType: Record<string, { done: number; leadTime: Summary }>;
}

export function itemRecord(sim: Simulation, id: number): ItemRecord {
  const m = sim.model;
  const S = sim.itemStore;
  if (!(Number.isInteger(id) && id >= 0 && id < S.count)) throw new RangeError(`no item ${id}: the run has ${S.count}`);
  const t = m.types[S.type[id]!]!;
  const steps: StepRecord[] = [];
  const v = sim.visits;
  for (let i = S.firstVisit[id]!; i >= 0; i = v.next(i)) {
    const person = v.person(i);
    const blockedBy = v.blockedBy(i);
    const flags = v.flags(i);
    steps.push({
      step: v.step(i),
      center: m.centers[v.center(i)]!.id,
      entered: v.enter(i),
      started: v.start(i),
      finished: v.end(i),
      left: v.leave(i),
      person: person >= 0 ? m.people[person]!.id : null,
      rework: (flags & VF_REWORK) !== 0,
      waitedForBatch: (flags & VF_BATCHED) !== 0,
      blockedBy: blockedBy >= 0 ? m.centers[blockedBy]!.id : null,
      preempted: (flags & VF_PREEMPTED) !== 0,
    });
  }
  const done = S.done[id]!, created = S.created[id]!, started = S.firstStart[id]!, workTime = S.workTime[id]!, due = S.due[id]!;
  const lead = done >= 0 ? done - created : NaN;
  return {
    id,
    type: t.id,
    kind: t.kind,
    created,
    released: S.released[id]!,
    started,
    done,
    leadTime: lead,
    cycleTime: done >= 0 && started >= 0 ? done - started : NaN,
    workTime,
    // Work time is a sum of efforts, so rounding can put it a hair past the lead time.
    waitTime: done >= 0 ? Math.max(0, lead - workTime) : NaN,
    flowEfficiency: done >= 0 && lead > 0 ? Math.min(1, workTime / lead) : NaN,
    reworks: S.reworks[id]!,
    escapedDefects: S.escapes[id]!,
    late: done >= 0 ? done > due : sim.now > due,
    steps,
  };
}

export function computeMetrics(sim: Simulation): RunMetrics {
  const m = sim.model;
  const now = sim.now;
  const w = m.warmup;
  const observed = Math.max(0, now - w);
  const clip = (from: number) => Math.max(0, now - Math.max(from, w));

  const leads: number[] = [], cycles: number[] = [], inProcess: number[] = [], changeLeads: number[] = [], restores: number[] = [];
  const byTypeLeads: number[][] = m.types.map(() => []);
  let work = 0, leadSum = 0, value = 0, late = 0, reworks = 0;
  const periods = Math.max(1, Math.ceil(now / m.throughputPeriod - 1e-9));
  const byPeriod = new Array<number>(periods).fill(0);
  let doneAfterWarmup = 0;
  const deployCenters = new Set(m.centers.filter((c) => c.deploy).map((c) => c.index));
  // Straight from the run's item columns (views of every item would cost more than the sums).
  const S = sim.itemStore;
  for (let id = 0; id < S.count; id++) {
    reworks += S.reworks[id]!;
    const done = S.done[id]!, created = S.created[id]!, due = S.due[id]!;
    if (done < 0) {
      if (now > due && created >= w) late++;
      continue;
    }
    const type = S.type[id]!;
    const t = m.types[type]!;
    byPeriod[Math.min(periods - 1, Math.floor(done / m.throughputPeriod))]!++;
    if (done >= w) {
      doneAfterWarmup++;
      value += t.value;
    }
    if (done > due && created >= w) {
      late++;
      value -= t.latePenalty;
    }
    if (created < w) continue;
    const lead = done - created;
    leads.push(lead);
    byTypeLeads[type]!.push(lead);
    const firstStart = S.firstStart[id]!, released = S.released[id]!;
    if (firstStart >= 0) cycles.push(done - firstStart);
    inProcess.push(done - released);
    work += S.workTime[id]!;
    leadSum += lead;
    if (t.kind === 'unplanned') restores.push(lead);
    else if (t.route.some((s) => deployCenters.has(s.center))) changeLeads.push(done - released);
  }

  let avgWip = 0;
  const centers: CenterMetrics[] = sim.centers.map((c, i) => {
    const tail = clip(c.lastT);
    const wipArea = c.wipArea + c.wip * tail;
    const queueArea = c.queueArea + c.queued * tail;
    const busyArea = c.busyArea + c.busy * tail;
    const serverArea = c.serverArea + c.servers * tail;
    avgWip += observed > 0 ? wipArea / observed : 0;
    return {
      id: c.m.id,
      name: c.m.name,
      utilisation: serverArea > 0 ? Math.min(1, busyArea / serverArea) : 0,
      busyTime: busyArea,
      staffedTime: serverArea,
      avgWip: observed > 0 ? wipArea / observed : 0,
      avgQueue: observed > 0 ? queueArea / observed : 0,
      queueNow: c.queued,
      wipNow: c.wip,
      completions: c.completions,
      meanQueueTime: NaN,
      meanServiceTime: NaN,
    };
  });
  // Queue and service time per center, from the visit records of items that arrived after warm-up.
  const qSum = new Float64Array(m.centers.length), qN = new Float64Array(m.centers.length);
  const sSum = new Float64Array(m.centers.length);
  for (let id = 0; id < S.count; id++) {
    if (S.created[id]! < w) continue;
    const v = sim.visits;
    for (let i = S.firstVisit[id]!; i >= 0; i = v.next(i)) {
      const start = v.start(i), end = v.end(i);
      if (start < 0 || end < 0) continue;
      const ci = v.center(i);
      qSum[ci]! += start - v.enter(i);
      sSum[ci]! += end - start;
      qN[ci]!++;
    }
  }
  centers.forEach((c, i) => {
    if (qN[i]! > 0) {
      c.meanQueueTime = qSum[i]! / qN[i]!;
      c.meanServiceTime = sSum[i]! / qN[i]!;
    }
  });

  const people: PersonMetrics[] = sim.people.map((p) => {
    const area = p.busyArea + (p.job !== null ? clip(p.busySince) : 0);
    return { id: p.m.id, name: p.m.name, utilisation: observed > 0 ? area / observed : 0, busy: p.job !== null };
  });

  let deployments = 0, failed = 0;
  const d = sim.deployments;
  for (let i = 0; i < d.length; i += 3) {
    if (d[i]! < w) continue;
    deployments++;
    failed += d[i + 2]!;
  }
  const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const byType: RunMetrics['byType'] = {};
  m.types.forEach((t, i) => (byType[t.id] = { done: byTypeLeads[i]!.length, leadTime: summarize(byTypeLeads[i]!) }));

  return {
    time: now,
    warmup: w,
    observed,
    created: S.count,
    done: sim.doneCount,
    measured: leads.length,
    wipNow: sim.wip,
    backlogNow: sim.backlogCount,
    leadTime: summarize(leads),
    timeInProcess: summarize(inProcess),
    cycleTime: summarize(cycles),
    flowEfficiency: leadSum > 0 ? Math.min(1, work / leadSum) : NaN,
    throughput: observed > 0 ? doneAfterWarmup / observed : 0,
    throughputByPeriod: byPeriod,
    throughputPeriod: m.throughputPeriod,
    avgWip,
    centers,
    people,
    delivery: {
      leadTimeForChanges: changeLeads.length ? sumOf(changeLeads) / changeLeads.length : NaN,
      deploymentFrequency: observed > 0 ? deployments / observed : 0,
      timeToRestore: restores.length ? sumOf(restores) / restores.length : NaN,
      changeFailureRate: deployments > 0 ? failed / deployments : NaN,
      deployments,
      failedDeployments: failed,
    },
    value,
    lateItems: late,
    escapedDefects: sim.escapedDefects,
    reworks,
    byType,
  };
}
