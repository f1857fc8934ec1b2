/**
 * An immutable picture of the floor at the current sim time, for renderers: where every
 * unfinished item is and what it is doing, each center's queue, each person's task, the clock.
 * Built fresh on request; a scene draws it and never reaches into the engine.
 */
import type { Simulation } from './Simulation';
import { ITEM_STATE_NAMES, ItemState, type ItemStateCode, type ItemStateName } from './WorkItem';
import { VF_REWORK } from './VisitStore';

export interface ItemView {
  readonly id: number;
  readonly type: string;
  readonly kind: string;
  readonly classOfService: string;
  readonly state: ItemStateName;
  /** Center id, or null in the backlog. */
  readonly center: string | null;
  readonly step: number;
  readonly created: number;
  readonly rework: boolean;
  /** Center the item is waiting to enter, when blocked. */
  readonly blockedFor: string | null;
  /** 0..1 of the current job, when in service. */
  readonly progress: number;
  readonly person: string | null;
  readonly late: boolean;
}

export interface CenterView {
  readonly id: string;
  readonly name: string;
  readonly kind: 'work' | 'deploy';
  readonly wipLimit: number | null;
  readonly wip: number;
  readonly queue: readonly number[];
  readonly inService: readonly number[];
  readonly suspended: readonly number[];
  readonly batching: readonly number[];
  readonly blocked: readonly number[];
  readonly people: readonly string[];
  readonly processBatch: number;
  readonly transferBatch: number;
  readonly releaseEvery: number | null;
}

export interface PersonView {
  readonly id: string;
  readonly name: string;
  readonly named: boolean;
  readonly busy: boolean;
  /** Center of the current (or last) work. */
  readonly center: string | null;
  readonly items: readonly number[];
  readonly training: boolean;
  readonly incident: boolean;
}

export interface Snapshot {
  readonly time: number;
  readonly horizon: number;
  readonly status: string;
  readonly stall: string | null;
  readonly items: readonly ItemView[];
  readonly backlog: readonly number[];
  readonly centers: readonly CenterView[];
  readonly people: readonly PersonView[];
  readonly created: number;
  readonly done: number;
  readonly wip: number;
  readonly frozen: boolean;
  readonly release: string;
  readonly hash: string;
  readonly events: number;
}

export function takeSnapshot(sim: Simulation): Snapshot {
  const m = sim.model;
  const now = sim.now;
  const personOfItem = new Map<number, { person: string; progress: number }>();
  const people: PersonView[] = sim.people.map((p) => {
    const job = p.job;
    let progress = 0;
    if (job !== null && job.duration > 0) {
      const doneBefore = job.duration - job.remaining;
      progress = Math.min(1, (doneBefore + (now - job.resumedAt)) / job.duration);
    }
    if (job !== null) for (const it of job.items) personOfItem.set(it, { person: p.m.id, progress });
    return {
      id: p.m.id,
      name: p.m.name,
      named: p.m.named,
      busy: job !== null,
      center: job !== null && job.center >= 0 ? m.centers[job.center]!.id : p.lastCenter >= 0 ? m.centers[p.lastCenter]!.id : null,
      items: job !== null ? job.items.slice() : [],
      training: job !== null && job.training !== null,
      incident: job !== null && job.preemptive,
    };
  });

  const items: ItemView[] = [];
  const backlog: number[] = [];
  const blockedAt: number[][] = m.centers.map(() => []);
  // Read from the run's item columns: a view per item would cost more than the picture.
  const S = sim.itemStore;
  for (let id = 0; id < S.count; id++) {
    if (S.done[id]! >= 0) continue;
    const center = S.center[id]!, visit = S.visit[id]!, blockedFor = S.blockedFor[id]!;
    const stateCode = S.state[id] as ItemStateCode;
    if (stateCode === ItemState.Blocked && center >= 0) blockedAt[center]!.push(id);
    const t = m.types[S.type[id]!]!;
    const state = ITEM_STATE_NAMES[stateCode];
    if (center < 0) backlog.push(id);
    const job = personOfItem.get(id);
    items.push({
      id,
      type: t.id,
      kind: t.kind,
      classOfService: t.cos,
      state,
      center: center >= 0 ? m.centers[center]!.id : null,
      step: S.step[id]!,
      created: S.created[id]!,
      rework: S.rework[id] === 1 || (visit >= 0 && (sim.visits.flags(visit) & VF_REWORK) !== 0),
      blockedFor: blockedFor >= 0 ? m.centers[blockedFor]!.id : null,
      progress: job?.progress ?? 0,
      person: job?.person ?? null,
      late: now > S.due[id]!,
    });
  }

  const centers: CenterView[] = sim.centers.map((c, i) => {
    const queue: number[] = [];
    for (const lane of c.lanes) for (const it of lane.toArray()) queue.push(it);
    const inService: number[] = [];
    for (const p of sim.people) if (p.job !== null && p.job.center === i) for (const it of p.job.items) inService.push(it);
    const suspended: number[] = [];
    for (const job of c.suspended) for (const it of job.items) suspended.push(it);
    return {
      id: c.m.id,
      name: c.m.name,
      kind: c.m.deploy ? 'deploy' : 'work',
      wipLimit: Number.isFinite(c.wipLimit) ? c.wipLimit : null,
      wip: c.wip,
      queue,
      inService,
      suspended,
      batching: c.batching.slice(),
      blocked: blockedAt[i]!,
      people: sim.centerPeople[i]!.map((pi) => m.people[pi]!.id),
      processBatch: c.processBatch,
      transferBatch: c.transferBatch,
      releaseEvery: c.releaseEvery > 0 ? c.releaseEvery : null,
    };
  });

  const r = sim.release;
  return {
    time: now,
    horizon: m.horizon,
    status: sim.status,
    stall: sim.stall?.message ?? null,
    items,
    backlog,
    centers,
    people,
    created: S.count,
    done: sim.doneCount,
    wip: sim.wip,
    frozen: sim.frozen,
    release: r.type === 'push' ? 'push' : r.type === 'conwip' ? `conwip ${r.limit}` : `drum ${m.centers[r.center]!.id} ${r.buffer}`,
    hash: sim.hash(),
    events: sim.eventsProcessed,
  };
}
