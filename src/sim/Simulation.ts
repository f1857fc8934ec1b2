/**
 * One run of a value stream: a discrete-event simulation of work items flowing through work
 * centers, done by people, under the release, WIP and batch policies of the scenario and the
 * player's decisions. Pure and deterministic: the same model, seed and commands always produce
 * the same event log, whatever machine runs it and however the caller slices the advancing.
 *
 * The core loop is SimPy-like: pop the next event, run its handler, then `settle()` lets every
 * consequence (pulls into freed slots, releases from the backlog, flushes of partial batches)
 * play out at the same instant before the next event.
 */
import type { Command } from './Command';
import { checkCommand } from './CommandCheck';
import { EventCalendar } from './EventCalendar';
import { EventKind, EventLog } from './EventLog';
import { Job, type Training } from './Job';
import { LIMITS } from './Limits';
import { FOUND_BY_CUSTOMER, type Model, type ReleaseModel, skillBit } from './Model';
import { PersonState } from './PersonState';
import { RandomStreams, type Rng } from './RandomStreams';
import { SampleSeries } from './SampleSeries';
import { WorkCenterState } from './WorkCenterState';
import { IdDeque } from './IdDeque';
import { ItemStore } from './ItemStore';
import { Bucket, type Lane, queuedBefore } from './Lane';
import { RouteTable } from './RouteTable';
import { ItemState, type WorkItem, WorkItemView } from './WorkItem';
import { NumberPool } from './NumberPool';
import { plog } from './PortableMath';
import { I_BLOCKED_BY, I_PERSON, INT_STRIDE, T_END, T_ENTER, T_LEAVE, T_START, TIME_STRIDE, VF_BATCHED, VF_BLOCKED, VF_PREEMPTED, VF_REWORK, VisitStore } from './VisitStore';

// Calendar event kinds and their priorities at equal times (commands first).
const EV_COMMAND = 0, EV_JOB_DONE = 1, EV_ARRIVAL = 2, EV_RELEASE_TICK = 3;
const PRIO_COMMAND = 0, PRIO_JOB_DONE = 1, PRIO_ARRIVAL = 2, PRIO_RELEASE_TICK = 3;

/**
 * Roughly how many items the model's arrivals will bring, and route steps (each is a visit and an
 * effort), so that the stores for them are sized once instead of grown by copying. Poisson
 * sources count their mean, interval sources the horizon over their mean gap (at most their
 * count); a wrong guess only costs a copy.
 */
function expectedArrivals(model: Model, maxItems: number): { items: number; steps: number } {
  let items = 0, steps = 0;
  for (const t of model.types) {
    let n = 0;
    for (const a of t.arrivals) {
      switch (a.type) {
        case 'poisson': n += a.rate * Math.max(0, Math.min(a.end, model.horizon) - a.start); break;
        case 'interval': n += Math.min(a.count, a.meanEvery > 0 ? Math.max(0, model.horizon - a.start) / a.meanEvery + 1 : a.count); break;
        case 'backlog': n += a.count; break;
        case 'scheduled': n += a.times.length; break;
      }
    }
    n = Math.min(n, maxItems - items);
    items += n;
    steps += n * t.route.length;
  }
  // A guess, never a promise: at most about 80 MB of visits up front.
  return { items: Math.min(items, 1 << 18), steps: Math.min(steps, 1 << 20) };
}

/** Stands in for a stream that nothing may draw from. */
const noDraws: Rng = () => {
  throw new Error('internal error: a draw from a stream that was not opened');
};

export type RunStatus = 'running' | 'finished' | 'stopped';

export interface RunOptions {
  seed: string | number;
  commands?: readonly Command[];
  /** Keep every event (for replay scrubbing and journeys); the hash is kept either way. */
  recordEvents?: boolean;
  /** Lower bounds for tests; defaults come from LIMITS. */
  maxEvents?: number;
  maxItems?: number;
}

export interface StallReport {
  time: number;
  message: string;
}

interface ArrivalSourceState {
  type: number;
  index: number;
  rng: Rng;
  emitted: number;
  active: boolean;
}

export class Simulation {
  readonly seed: string;
  now = 0;
  status: RunStatus = 'running';
  /** Why a run stopped early (a limit was reached). */
  stopReason = '';
  /** Set when nothing can ever happen again yet work is stuck (a model that can never finish). */
  stall: StallReport | null = null;
  eventsProcessed = 0;

  /** Every item of the run as columns by id: the engine's own record, which it passes around as ids. */
  readonly itemStore: ItemStore;
  /** Views of the items, made on demand by `items`. */
  private readonly itemViews: WorkItem[] = [];
  readonly centers: WorkCenterState[];
  readonly people: PersonState[];
  /** Runtime copy of who serves each center; cross-training adds to it. */
  readonly centerPeople: number[][];
  readonly log: EventLog;
  /** Every visit of every item (read them with itemRecord in Metrics). */
  readonly visits: VisitStore;
  /** Every item's per-step efforts, drawn when it arrives. */
  readonly efforts: NumberPool;
  readonly samples: SampleSeries;
  /** Flat records: time, number of changes, failed (1/0). */
  readonly deployments: number[] = [];
  /** Backlog lanes of item ids, one per work type (all items of a type share first center and class). */
  readonly backlog: IdDeque[];
  backlogCount = 0;
  release: ReleaseModel;
  frozen: boolean;
  /** Released, unfinished items that came through the release gate (CONWIP counts these). */
  systemWip = 0;
  /** Released items still before the drum center (the rope's length). */
  ropeWip = 0;
  doneCount = 0;
  escapedDefects = 0;
  /** Every command applied or scheduled, in time order: with the seed, the run's recipe. */
  readonly commands: Command[] = [];

  private readonly cal = new EventCalendar(64);
  private readonly streams: RandomStreams;
  private readonly effortRng: Rng[][];
  private readonly defectRng: Rng[][];
  private readonly failRng: Rng[];
  private readonly setupRng: Rng[];
  private readonly sources: ArrivalSourceState[] = [];
  private activeSources = 0;
  private readonly jobSlots: Job[] = [];
  /** Ids of the pooled jobs not in use (small integers: the stack holds no pointers). */
  private readonly freeJobs: number[] = [];
  private jobsRunning = 0;
  private batchingTotal = 0;
  private releaseDirty = false;
  private readonly pullStack: number[] = [];
  private readonly pullFlag: Uint8Array;
  /** Centers to dispatch once the instant has settled, one bit each (at most 24 centers). */
  private dispatchMask = 0;
  private readonly foundAt: Int32Array[];
  private readonly typeDeploys: boolean[];
  private readonly tickGeneration: Int32Array;
  /** Routes as flat tables, and the queue bucket of each type's each step (at that step's center), by the same index. */
  private readonly routes: RouteTable;
  private readonly stepBucket: Bucket[] = [];
  private queueSeq = 0;
  // Numeric fields start as numbers: a class field declared bare starts as undefined, and V8 then
  // keeps it as a generic slot, boxing every fractional number that flows through it.
  private readonly maxEvents: number = 0;
  private readonly maxItems: number = 0;
  private readonly warmup: number = 0;

  constructor(readonly model: Model, options: RunOptions) {
    this.seed = String(options.seed);
    this.maxEvents = options.maxEvents ?? LIMITS.maxEvents;
    this.maxItems = options.maxItems ?? LIMITS.maxItems;
    this.warmup = model.warmup;
    this.log = new EventLog(options.recordEvents ?? false);
    this.streams = new RandomStreams(this.seed);
    const nc = model.centers.length;
    const expected = expectedArrivals(model, this.maxItems);
    this.visits = new VisitStore(Math.max(256, expected.steps * 1.2));
    this.efforts = new NumberPool(Math.max(256, expected.steps * 1.2));
    this.itemStore = new ItemStore(Math.max(64, expected.items * 1.2));
    this.centers = model.centers.map((c) => new WorkCenterState(c, this.itemStore));
    this.people = model.people.map((p) => new PersonState(p, nc));
    this.centerPeople = model.centers.map((c) => c.people.slice());
    this.samples = new SampleSeries(model.samplePeriod, nc);
    this.backlog = model.types.map(() => new IdDeque());
    this.release = model.release;
    this.frozen = model.freezeProjects;
    this.pullFlag = new Uint8Array(nc);
    if (nc > 31) throw new RangeError(`a model has at most ${LIMITS.maxCenters} work centers`);
    this.tickGeneration = new Int32Array(nc);
    // Streams are seeded from their names alone, so opening only those that will ever be drawn
    // from (seeding one costs more than a short run's use of it) changes nothing.
    this.effortRng = model.types.map((t) => t.route.map((st, s) => (st.effortDraws ? this.streams.get(`effort:${t.id}:${s}`) : noDraws)));
    this.defectRng = model.types.map((t) => t.route.map((st, s) => (st.defectChance > 0 ? this.streams.get(`defect:${t.id}:${s}`) : noDraws)));
    this.typeDeploys = model.types.map((t) => t.route.some((s) => model.centers[s.center]!.deploy));
    this.failRng = model.types.map((t, i) => (this.typeDeploys[i] ? this.streams.get(`change:${t.id}`) : noDraws));
    this.setupRng = model.centers.map((c) => (c.setupPerBatch !== null || c.setupOnSwitch !== null ? this.streams.get(`setup:${c.id}`) : noDraws));
    this.foundAt = model.types.map((t) => Int32Array.from(t.route.map((s) => s.foundAt)));
    this.routes = new RouteTable(model);
    for (const t of model.types) {
      t.route.forEach((s, step) => {
        // Incidents jump the queue at every center; a priority center also orders by class of service.
        const lane = t.preempt ? 0 : model.centers[s.center]!.priorityQueue ? t.cosRank : 2;
        const b = new Bucket(t.index, step, lane, s.skillMask, t.preempt);
        this.centers[s.center]!.lanes[lane]!.buckets.push(b);
        this.stepBucket[t.index * this.routes.stride + step] = b;
      });
    }

    for (const t of model.types) {
      t.arrivals.forEach((a, index) => {
        const src: ArrivalSourceState = { type: t.index, index, rng: this.streams.get(`arrivals:${t.id}:${index}`), emitted: 0, active: true };
        this.sources.push(src);
        this.activeSources++;
        this.scheduleArrival(this.sources.length - 1, 0, true);
      });
    }
    model.centers.forEach((c, i) => {
      if (c.deploy && c.releaseEvery > 0) this.scheduleTick(i, c.releaseOffset > 0 ? c.releaseOffset : c.releaseEvery);
    });
    const cmds = (options.commands ?? []).slice();
    if (cmds.length > LIMITS.maxCommands) throw new RangeError(`a run takes at most ${LIMITS.maxCommands} commands`);
    cmds.forEach((c, i) => {
      const err = checkCommand(model, c);
      if (err) throw new RangeError(`commands[${i}] (${String(c?.type)}): ${err}`);
    });
    // Stable sort by time keeps same-time commands in the order given.
    cmds.sort((a, b) => a.at - b.at);
    for (const c of cmds) this.scheduleCommand(c);
  }

  // ------------------------------------------------------------------ public API

  get horizon(): number {
    return this.model.horizon;
  }

  /**
   * Every item so far, in order of arrival (index = id), as read-only views of their live state.
   * The views are made when first asked for and kept, so reading this costs only the items that
   * arrived since the last read; the engine never reads it.
   */
  get items(): readonly WorkItem[] {
    const views = this.itemViews, store = this.itemStore;
    while (views.length < store.count) views.push(new WorkItemView(store, views.length));
    return views;
  }

  /** Number of items created so far (what `items.length` is, without making views). */
  get itemCount(): number {
    return this.itemStore.count;
  }

  /** Schedules a decision at its time (which must not be in the past). Throws a RangeError with a plain message if it is invalid. */
  issue(command: Command): void {
    if (this.commands.length >= LIMITS.maxCommands) throw new RangeError(`a run takes at most ${LIMITS.maxCommands} commands`);
    const err = checkCommand(this.model, command);
    if (err) throw new RangeError(`${command.type}: ${err}`);
    if (command.at < this.now) throw new RangeError(`${command.type}: at ${command.at} is before the current time ${this.now}`);
    this.scheduleCommand(command);
    this.commands.sort((a, b) => a.at - b.at);
  }

  /** Processes the next event if it falls within the horizon. Returns false when there is none. */
  step(): boolean {
    if (this.status !== 'running') return false;
    const t = this.cal.peekTime();
    if (t > this.model.horizon) return false;
    if (this.eventsProcessed >= this.maxEvents) {
      this.stop(`the run reached the limit of ${this.maxEvents} events`);
      return false;
    }
    if (this.samples.next < t) this.recordSamples(t, false);
    this.fire();
    return true;
  }

  /** Pops the next event, runs its handler and lets the instant settle. */
  private fire(): void {
    const cal = this.cal;
    cal.pop();
    this.now = cal.time;
    this.log.setTime(this.now);
    this.eventsProcessed++;
    switch (cal.kind) {
      case EV_JOB_DONE: this.onJobDone(cal.a, cal.b); break;
      case EV_ARRIVAL: this.onArrival(cal.a); break;
      case EV_RELEASE_TICK: this.onReleaseTick(cal.a, cal.b); break;
      case EV_COMMAND: this.applyCommand(cal.a); break;
    }
    this.settle();
  }

  /** Runs every event up to and including time t (clamped to the horizon), then sets the clock to t. */
  advanceTo(t: number): void {
    if (!(t >= this.now)) throw new RangeError(`cannot go back in time from ${this.now} to ${t}: re-run from the start instead`);
    const until = Math.min(t, this.model.horizon);
    // step() in a loop, with the time of the next event read once per event.
    const cal = this.cal;
    while (this.status === 'running') {
      const next = cal.peekTime();
      if (!(next <= until)) break;
      if (this.eventsProcessed >= this.maxEvents) {
        this.stop(`the run reached the limit of ${this.maxEvents} events`);
        break;
      }
      if (this.samples.next < next) this.recordSamples(next, false);
      this.fire();
    }
    if (this.status !== 'running') return;
    this.recordSamples(until, true);
    this.now = until;
    if (this.jobsRunning === 0 && this.activeSources === 0 && !this.commandsPending()) this.checkStall();
    if (until >= this.model.horizon) this.status = 'finished';
  }

  /** Time of the next event, or Infinity when none is scheduled (for stepping up to a boundary). */
  get nextEventTime(): number {
    return this.cal.peekTime();
  }

  runToEnd(): void {
    this.advanceTo(this.model.horizon);
  }

  hash(): string {
    return this.log.hash();
  }

  /** Number of items released and not yet done. */
  get wip(): number {
    let w = 0;
    for (const c of this.centers) w += c.wip;
    return w + this.pendingEntrance();
  }

  // ------------------------------------------------------------------ scheduling helpers

  private scheduleCommand(c: Command): void {
    const index = this.commands.length;
    this.commands.push(c);
    this.cal.schedule(c.at, PRIO_COMMAND, EV_COMMAND, index, 0);
  }

  private scheduleTick(center: number, at: number): void {
    if (at <= this.model.horizon) this.cal.schedule(at, PRIO_RELEASE_TICK, EV_RELEASE_TICK, center, this.tickGeneration[center]!);
  }

  private scheduleArrival(si: number, after: number, first: boolean): void {
    const src = this.sources[si]!;
    const a = this.model.types[src.type]!.arrivals[src.index]!;
    let at = Infinity;
    switch (a.type) {
      case 'poisson': {
        const from = first ? a.start : after;
        at = from - plog(1 - src.rng()) / a.rate;
        if (at >= a.end) at = Infinity;
        break;
      }
      case 'interval':
        if (src.emitted < a.count) at = first ? a.start : after + a.every(src.rng);
        break;
      case 'backlog':
        if (first) at = a.at;
        break;
      case 'scheduled':
        if (src.emitted < a.times.length) at = a.times[src.emitted]!;
        break;
    }
    if (at <= this.model.horizon) this.cal.schedule(at, PRIO_ARRIVAL, EV_ARRIVAL, si, 0);
    else if (src.active) {
      src.active = false;
      this.activeSources--;
    }
  }

  private stop(reason: string): void {
    this.status = 'stopped';
    this.stopReason = reason;
  }

  // ------------------------------------------------------------------ arrivals and release

  private onArrival(si: number): void {
    const src = this.sources[si]!;
    const a = this.model.types[src.type]!.arrivals[src.index]!;
    const n = a.type === 'backlog' ? a.count : 1;
    for (let i = 0; i < n && this.status === 'running'; i++) {
      this.createItem(src.type, 0);
      src.emitted++;
    }
    this.scheduleArrival(si, this.now, false);
  }

  /** Creates an item of a type in the backlog (or released straight away); returns its id, or -1 at the item limit. */
  private createItem(type: number, extraEffort: number): number {
    const S = this.itemStore;
    if (S.count >= this.maxItems) {
      this.stop(`the run reached the limit of ${this.maxItems} work items`);
      return -1;
    }
    const t = this.model.types[type]!;
    const route = t.route;
    const base = this.efforts.alloc(route.length);
    const efforts = this.efforts.data;
    const er = this.effortRng[type]!;
    let defects = 0;
    for (let s = 0; s < route.length; s++) {
      efforts[base + s] = route[s]!.effort(er[s]!);
      const ch = route[s]!.defectChance;
      if (ch > 0 && this.defectRng[type]![s]!() < ch) defects |= 1 << s;
    }
    const fail = this.typeDeploys[type] ? this.failRng[type]!() : 1;
    const id = S.add();
    S.type[id] = type;
    S.created[id] = this.now;
    S.due[id] = this.now + t.dueIn;
    S.exempt[id] = t.ignoresWip ? 1 : 0;
    S.effortBase[id] = base;
    S.failDraw[id] = fail;
    S.extraEffort[id] = extraEffort;
    S.defectMask[id] = defects;
    this.log.add(EventKind.Arrive, id, -1, type);
    if (t.bypassRelease) {
      this.releaseItem(id, false);
    } else {
      this.backlog[type]!.push(id);
      this.backlogCount++;
      this.releaseDirty = true;
    }
    return id;
  }

  private routeHasCenter(type: number, center: number): boolean {
    for (const s of this.model.types[type]!.route) if (s.center === center) return true;
    return false;
  }

  /** Whether the release policy lets backlog work of a type into the system now. */
  private gateOpen(type: number): boolean {
    const r = this.release;
    if (r.type === 'conwip') return this.systemWip < r.limit;
    if (r.type === 'drum' && this.routeHasCenter(type, r.center)) return this.ropeWip < r.buffer;
    return true;
  }

  private tryRelease(): void {
    this.releaseDirty = false;
    const types = this.model.types;
    const exempt = this.itemStore.exempt;
    while (this.backlogCount > 0 && this.status === 'running') {
      let best = -1, bestType = -1;
      for (let ti = 0; ti < types.length; ti++) {
        const lane = this.backlog[ti]!;
        const head = lane.peek();
        if (head < 0) continue;
        const t = types[ti]!;
        if (this.frozen && t.freezable) continue;
        if (!this.gateOpen(ti)) continue;
        const c = this.centers[t.route[0]!.center]!;
        if (exempt[head] === 0 && (c.counted >= c.wipLimit || c.entrance.length > 0)) continue;
        if (best < 0 || this.releasesBefore(head, best)) {
          best = head;
          bestType = ti;
        }
      }
      if (best < 0) return;
      this.backlog[bestType]!.shift();
      this.backlogCount--;
      this.releaseItem(best, true);
    }
  }

  /** Whether backlog item a goes in before item b: class of service, then due date for fixed-date work, then arrival. */
  private releasesBefore(a: number, b: number): boolean {
    const S = this.itemStore;
    const ra = this.model.types[S.type[a]!]!.cosRank, rb = this.model.types[S.type[b]!]!.cosRank;
    if (ra !== rb) return ra < rb;
    const da = S.due[a]!, db = S.due[b]!;
    if (ra === 1 && da !== db) return da < db;
    return a < b;
  }

  private releaseItem(item: number, gated: boolean): void {
    const S = this.itemStore;
    S.released[item] = this.now;
    this.log.add(EventKind.Release, item, -1, -1);
    if (gated) {
      S.gated[item] = 1;
      this.systemWip++;
    }
    // Only work that came through the gate hangs on the rope; incidents skip the gate.
    if (gated) this.markRope(item);
    this.goToStep(item, 0);
  }

  private markRope(item: number): void {
    const r = this.release, S = this.itemStore;
    if (r.type === 'drum' && S.roped[item] === 0 && this.routeHasCenter(S.type[item]!, r.center)) {
      S.roped[item] = 1;
      this.ropeWip++;
    }
  }

  // ------------------------------------------------------------------ moving between centers

  private hasSlot(c: WorkCenterState, item: number): boolean {
    return this.itemStore.exempt[item] === 1 || c.counted < c.wipLimit;
  }

  /** Sends an item to a step of its route: in if there is room, else it waits (blocked) where it is. */
  private goToStep(item: number, step: number): void {
    const S = this.itemStore;
    const target = this.routes.center[S.type[item]! * this.routes.stride + step]!;
    const at = S.center[item]!;
    if (at === target) {
      this.closeVisit(item);
      this.openVisit(item, target, step);
      this.enqueue(item, this.centers[target]!);
      return;
    }
    const c = this.centers[target]!;
    if (this.hasSlot(c, item) && (S.exempt[item] === 1 || c.entrance.length === 0)) {
      if (at >= 0) this.leaveCenter(item);
      this.enterCenter(item, target, step);
    } else {
      S.blockedFor[item] = target;
      S.nextStep[item] = step;
      if (at >= 0) {
        S.state[item] = ItemState.Blocked;
        const visit = S.visit[item]!;
        this.visits.addFlag(visit, VF_BLOCKED);
        this.visits.ints[visit * INT_STRIDE + I_BLOCKED_BY] = target;
      }
      c.entrance.push(item);
      this.log.add(EventKind.Block, item, target, -1);
    }
  }

  private openVisit(item: number, center: number, step: number): void {
    const S = this.itemStore, routes = this.routes;
    S.step[item] = step;
    const rework = S.rework[item] === 1;
    let effort = this.efforts.data[S.effortBase[item]! + step]! * (rework ? routes.reworkFactor[S.type[item]! * routes.stride + step]! : 1);
    if (step === 0 && S.passedMask[item] === 0) effort += S.extraEffort[item]!;
    S.visitEffort[item] = effort;
    const v = this.visits.add(S.visit[item]!, step, center, rework ? VF_REWORK : 0);
    this.visits.times[v * TIME_STRIDE + T_ENTER] = this.now;
    S.visit[item] = v;
    if (S.firstVisit[item]! < 0) S.firstVisit[item] = v;
  }

  private closeVisit(item: number): void {
    const visit = this.itemStore.visit[item]!;
    if (visit >= 0) this.visits.times[visit * TIME_STRIDE + T_LEAVE] = this.now;
  }

  private enterCenter(item: number, center: number, step: number): void {
    const S = this.itemStore;
    const c = this.centers[center]!;
    this.touch(c);
    c.wip++;
    if (S.exempt[item] === 0) c.counted++;
    c.entries++;
    S.center[item] = center;
    S.blockedFor[item] = -1;
    this.openVisit(item, center, step);
    this.log.add(EventKind.Enter, item, center, -1);
    this.enqueue(item, c);
  }

  private leaveCenter(item: number): void {
    const S = this.itemStore;
    const ci = S.center[item]!;
    const c = this.centers[ci]!;
    this.touch(c);
    c.wip--;
    if (S.exempt[item] === 0) c.counted--;
    this.closeVisit(item);
    this.log.add(EventKind.Leave, item, ci, -1);
    S.center[item] = -1;
    if (this.pullFlag[ci] === 0) {
      this.pullFlag[ci] = 1;
      this.pullStack.push(ci);
    }
    this.releaseDirty = true;
  }

  private enqueue(item: number, c: WorkCenterState): void {
    const S = this.itemStore;
    S.state[item] = ItemState.Queued;
    S.queuedAt[item] = this.now;
    this.touch(c);
    c.queued++;
    const b = this.stepBucket[S.type[item]! * this.routes.stride + S.step[item]!]!;
    S.queueSeq[item] = this.queueSeq++;
    c.lanes[b.lane]!.push(b, item);
    // Dispatch waits until the instant has settled, so work arriving together (a backlog, a
    // flushed batch) is seen together and a process batch can take all of it.
    this.markDispatch(c.m.index);
  }

  /** Adds the time since the center's last change to its areas (clipped to after the warm-up); call before changing a count. */
  private touch(c: WorkCenterState): void {
    const now = this.now, last = c.lastT;
    if (last === now) return; // touched already at this instant
    const w = this.warmup;
    const from = last > w ? last : w;
    if (now > from) {
      const dt = now - from;
      c.wipArea += c.wip * dt;
      c.queueArea += c.queued * dt;
      c.busyArea += c.busy * dt;
      c.serverArea += c.servers * dt;
    }
    c.lastT = now;
  }

  private markDispatch(ci: number): void {
    this.dispatchMask |= 1 << ci;
  }

  /** Lets waiting items into a center that has room again. */
  private pullInto(ci: number): void {
    const c = this.centers[ci]!;
    const S = this.itemStore;
    while (c.entrance.length > 0) {
      const head = c.entrance.peek();
      if (!this.hasSlot(c, head)) break;
      c.entrance.shift();
      if (S.center[head]! >= 0) this.leaveCenter(head);
      this.enterCenter(head, ci, S.nextStep[head]!);
    }
  }

  /** Plays out everything that follows from an event at the same instant. */
  private settle(): void {
    for (let guard = 0; guard < 1_000_000; guard++) {
      if (this.pullStack.length > 0) {
        const ci = this.pullStack.pop()!;
        this.pullFlag[ci] = 0;
        this.pullInto(ci);
        continue;
      }
      if (this.releaseDirty && this.backlogCount > 0) {
        this.tryRelease();
        if (this.pullStack.length > 0) continue;
      }
      this.releaseDirty = false;
      if (this.batchingTotal > 0 && this.flushStuckBatches()) continue;
      if (this.dispatchMask !== 0) {
        // Lowest center index first, so the order never depends on how the instant unfolded. A
        // center marked again after its turn waits for the next round; one marked before its
        // turn is still in this one.
        const pending = this.dispatchMask;
        for (let ci = 0; ci < 32 && pending >>> ci !== 0; ci++) {
          const bit = 1 << ci;
          if ((pending & bit) === 0) continue;
          this.dispatchMask &= ~bit;
          this.dispatchCenter(ci);
        }
        continue;
      }
      return;
    }
  }

  /**
   * A partial transfer batch moves on when nothing could ever complete it: its center has no
   * work left to finish and is full (others wait for room), or the whole line is idle.
   */
  private flushStuckBatches(): boolean {
    let lineIdle = this.jobsRunning === 0;
    if (lineIdle) for (const c of this.centers) if (c.queued > 0 || c.suspended.length > 0) lineIdle = false;
    let flushed = false;
    for (const c of this.centers) {
      if (c.batching.length === 0 || c.queued > 0 || c.inService > 0 || c.suspended.length > 0) continue;
      if (c.entrance.length > 0 || lineIdle) {
        this.flushBatch(c);
        flushed = true;
      }
    }
    return flushed;
  }

  private flushBatch(c: WorkCenterState): void {
    const S = this.itemStore;
    const batch = c.batching.splice(0, c.batching.length);
    this.batchingTotal -= batch.length;
    for (const item of batch) {
      const visit = S.visit[item]!;
      if (this.visits.end(visit) < this.now) this.visits.addFlag(visit, VF_BATCHED);
      this.goToStep(item, S.nextStep[item]!);
    }
  }

  private pendingEntrance(): number {
    const center = this.itemStore.center;
    let n = 0;
    for (const c of this.centers) {
      for (let i = 0; i < c.entrance.length; i++) if (center[c.entrance.at(i)]! < 0) n++;
    }
    return n;
  }

  // ------------------------------------------------------------------ people and jobs

  private canDo(p: PersonState, item: number): boolean {
    const type = this.itemStore.type[item]!;
    const need = this.model.types[type]!.route[this.itemStore.step[item]!]!.skillMask;
    return (need & p.skillMask) === need && (p.typeMask & (1 << type)) !== 0;
  }

  /** canDo for every item of a bucket. */
  private canDoBucket(p: PersonState, b: Bucket): boolean {
    return (b.need & p.skillMask) === b.need && (p.typeMask & b.typeBit) !== 0;
  }

  /** The bucket whose head is the first item in the lane that p may do, or null. */
  private firstFor(lane: Lane, p: PersonState): Bucket | null {
    if (lane.length === 0) return null;
    const buckets = lane.buckets;
    let best: Bucket | null = null;
    let bestHead = -1;
    for (let k = 0; k < buckets.length; k++) {
      const b = buckets[k]!;
      const head = b.items.peek();
      if (head < 0 || !this.canDoBucket(p, b)) continue;
      if (bestHead < 0 || queuedBefore(this.itemStore, head, bestHead, lane.sorted)) {
        best = b;
        bestHead = head;
      }
    }
    return best;
  }

  private deployGateShut(c: WorkCenterState): boolean {
    return c.m.deploy && c.releaseEvery > 0 && !c.releaseDue;
  }

  /** New work at a center: idle people who may work there take it; incidents may interrupt someone. */
  private dispatchCenter(ci: number): void {
    const c = this.centers[ci]!;
    if (!this.hasStartableWork(c)) return;
    if (c.idle > 0) {
      const ppl = this.centerPeople[ci]!;
      for (let k = 0; k < ppl.length; k++) {
        const p = this.people[ppl[k]!]!;
        if (p.job !== null || (p.centerMask & (1 << ci)) === 0) continue;
        this.startNextAt(ci, p);
        if (!this.hasStartableWork(c) || c.idle === 0) break;
      }
    }
    if (!this.deployGateShut(c) && c.lanes[0]!.length > 0) this.preemptFor(ci);
  }

  /**
   * Work someone could start at the center now: queued work, unless a release train is not due;
   * or a suspended job, which always may resume (a deployment an incident interrupted finishes
   * without waiting for the next train).
   */
  private hasStartableWork(c: WorkCenterState): boolean {
    return c.suspended.length > 0 || (c.queued > 0 && !this.deployGateShut(c));
  }

  /** Starts the best work at a center for an idle person; returns false if there is none they may do. */
  private startNextAt(ci: number, p: PersonState): boolean {
    const c = this.centers[ci]!;
    const gated = this.deployGateShut(c);
    const first = gated ? null : this.firstFor(c.lanes[0]!, p);
    if (first !== null) {
      this.startJob(ci, p, first);
      return true;
    }
    for (let j = 0; j < c.suspended.length; j++) {
      const job = c.suspended[j]!;
      if (job.items.length === 0 || this.canDo(p, job.items[0]!)) {
        this.resumeSuspended(c, j, p);
        return true;
      }
    }
    for (let l = 1; l < c.lanes.length && !gated; l++) {
      const b = this.firstFor(c.lanes[l]!, p);
      if (b !== null) {
        this.startJob(ci, p, b);
        return true;
      }
    }
    return false;
  }

  /** A person who just became free chooses their next work across all the centers they serve. */
  private dispatchPerson(p: PersonState): void {
    if (p.job !== null) return;
    let bestRank = Infinity, bestKey = Infinity, bestCenter = -1;
    // What startNextAt would pick at the best center, kept so the search is not done twice.
    let bestBucket: Bucket | null = null, bestSuspended = -1;
    for (let k = 0; k < p.centers.length; k++) {
      const ci = p.centers[k]!;
      if ((p.centerMask & (1 << ci)) === 0) continue;
      const c = this.centers[ci]!;
      if (!this.hasStartableWork(c)) continue;
      const gated = this.deployGateShut(c);
      let rank = Infinity, queuedAt = Infinity;
      let bucket: Bucket | null = null, suspended = -1;
      // Lane 0 (preempting work), then a suspended job (rank 0.5), then the other lanes: the
      // order startNextAt takes them in. Behind a shut release gate only a suspended deployment
      // may be taken up.
      if (!gated) {
        bucket = this.firstFor(c.lanes[0]!, p);
        if (bucket !== null) {
          rank = 0;
          queuedAt = this.itemStore.queuedAt[bucket.items.peek()]!;
        }
      }
      if (rank === Infinity) {
        for (let j = 0; j < c.suspended.length; j++) {
          const job = c.suspended[j]!;
          if (job.items.length === 0 || this.canDo(p, job.items[0]!)) {
            rank = 0.5;
            queuedAt = job.resumedAt;
            suspended = j;
            break;
          }
        }
      }
      for (let l = 1; l < c.lanes.length && rank === Infinity && !gated; l++) {
        bucket = this.firstFor(c.lanes[l]!, p);
        if (bucket !== null) {
          rank = l;
          queuedAt = this.itemStore.queuedAt[bucket.items.peek()]!;
        }
      }
      if (rank === Infinity) continue;
      const key = p.dispatch === 'fifo' ? queuedAt : p.dispatch === 'longestQueue' ? -c.queued : k;
      if (rank < bestRank || (rank === bestRank && key < bestKey)) {
        bestRank = rank;
        bestKey = key;
        bestCenter = ci;
        bestBucket = bucket;
        bestSuspended = suspended;
      }
    }
    // Documenting for cross-training comes after incidents, before planned work.
    if (p.pendingTraining.length > 0 && bestRank > 0.5) {
      this.runJob(p.pendingTraining.shift()!, p);
      return;
    }
    if (bestCenter < 0) return;
    if (bestBucket !== null) this.startJob(bestCenter, p, bestBucket);
    else this.resumeSuspended(this.centers[bestCenter]!, bestSuspended, p);
  }

  /** p takes up the j-th suspended job at center c. */
  private resumeSuspended(c: WorkCenterState, j: number, p: PersonState): void {
    const list = c.suspended;
    const job = list[j]!;
    // Removed in place (splice would make an array of the removed job).
    for (let k = j; k < list.length - 1; k++) list[k] = list[k + 1]!;
    list.pop();
    this.resumeJob(job, p);
  }

  /** Starts a job for p at center ci with the first item of bucket b (and its batch, or the whole train). */
  private startJob(ci: number, p: PersonState, b: Bucket): void {
    const c = this.centers[ci]!;
    const lane = c.lanes[b.lane]!;
    const head = lane.shift(b);
    const job = this.newJob(ci, b.preempt, null);
    const items = job.items;
    items.push(head);
    if (c.m.deploy && c.releaseEvery > 0) {
      // A release train takes every change that is waiting, lane by lane in queue order.
      for (let l = 0; l < c.lanes.length; l++) {
        const q = c.lanes[l]!;
        for (let nb = this.firstFor(q, p); nb !== null; nb = this.firstFor(q, p)) items.push(q.shift(nb));
      }
      c.releaseDue = false;
    } else if (c.processBatch > 1) {
      // The rest of a process batch: the next items of the same type and step, in queue order.
      while (items.length < c.processBatch && b.items.length > 0) items.push(lane.shift(b));
    }
    this.touch(c);
    c.queued -= items.length;
    c.inService += items.length;
    let setup = 0;
    const m = c.m;
    if (m.setupPerBatch !== null) setup += m.setupPerBatch(this.setupRng[ci]!) * c.setupFactor;
    const S = this.itemStore;
    const headType = S.type[head]!;
    const last = p.lastType[ci]!;
    if (m.setupOnSwitch !== null && last !== -1 && last !== headType) setup += m.setupOnSwitch(this.setupRng[ci]!) * c.setupFactor;
    p.lastType[ci] = headType;
    let duration = setup;
    for (const it of items) {
      duration += S.visitEffort[it]!;
      S.state[it] = ItemState.InService;
      if (S.firstStart[it]! < 0) S.firstStart[it] = this.now;
      // A queued item's visit has not started yet (a visit opens as the item queues, and
      // interrupted work resumes through resumeJob), so its start is written without a look.
      const visit = S.visit[it]!;
      this.visits.times[visit * TIME_STRIDE + T_START] = this.now;
      this.visits.ints[visit * INT_STRIDE + I_PERSON] = p.m.index;
      this.log.add(EventKind.Start, it, ci, p.m.index);
    }
    job.duration = duration;
    job.remaining = duration;
    job.setup = setup;
    this.runJob(job, p);
  }

  private runJob(job: Job, p: PersonState): void {
    p.job = job;
    job.person = p.m.index;
    job.resumedAt = this.now;
    for (const ci of p.centers) this.centers[ci]!.idle--;
    p.busySince = this.now;
    if (job.center >= 0) {
      const c = this.centers[job.center]!;
      this.touch(c);
      c.busy++;
      p.lastCenter = job.center;
    }
    this.jobsRunning++;
    this.cal.schedule(this.now + job.remaining, PRIO_JOB_DONE, EV_JOB_DONE, job.id, job.token);
  }

  /** Ends a person's current stretch of work (done or interrupted) and frees them. */
  private endStretch(p: PersonState, job: Job): void {
    const w = this.warmup;
    const from = p.busySince > w ? p.busySince : w;
    if (this.now > from) p.busyArea += this.now - from;
    if (job.center >= 0) {
      const c = this.centers[job.center]!;
      this.touch(c);
      c.busy--;
    }
    this.jobsRunning--;
    p.job = null;
    for (const ci of p.centers) this.centers[ci]!.idle++;
  }

  private resumeJob(job: Job, p: PersonState): void {
    if (job.center >= 0) {
      const c = this.centers[job.center]!;
      c.inService += job.items.length;
      const S = this.itemStore;
      for (const it of job.items) {
        S.state[it] = ItemState.InService;
        this.visits.ints[S.visit[it]! * INT_STRIDE + I_PERSON] = p.m.index;
        this.log.add(EventKind.Start, it, job.center, p.m.index);
      }
    }
    this.runJob(job, p);
  }

  /** An incident waits at a center where nobody is free: interrupt someone doing ordinary work. */
  private preemptFor(ci: number): void {
    const c = this.centers[ci]!;
    const lane0 = c.lanes[0]!;
    const buckets = lane0.buckets;
    const ppl = this.centerPeople[ci]!;
    // The first incident in the queue that someone could be taken off ordinary work for (all
    // items of a bucket are alike, so only each bucket's head is a candidate).
    let chosen: Bucket | null = null;
    let chosenHead = -1;
    let victim: PersonState | null = null;
    for (let k = 0; k < buckets.length; k++) {
      const b = buckets[k]!;
      const head = b.items.peek();
      if (head < 0 || !b.preempt || (chosenHead >= 0 && !queuedBefore(this.itemStore, head, chosenHead, lane0.sorted))) continue;
      for (const pi of ppl) {
        const p = this.people[pi]!;
        if (p.job === null || p.job.preemptive || !p.job.active || (p.centerMask & (1 << ci)) === 0 || !this.canDoBucket(p, b)) continue;
        chosen = b;
        chosenHead = head;
        victim = p;
        break;
      }
    }
    if (chosen !== null && victim !== null) {
      const job = victim.job!;
      this.endStretch(victim, job);
      job.remaining -= this.now - job.resumedAt;
      if (job.remaining < 0) job.remaining = 0;
      job.token++;
      if (job.center >= 0) {
        const jc = this.centers[job.center]!;
        jc.inService -= job.items.length;
        const S = this.itemStore;
        for (const it of job.items) {
          S.state[it] = ItemState.Suspended;
          this.visits.addFlag(S.visit[it]!, VF_PREEMPTED);
          this.log.add(EventKind.Preempt, it, job.center, victim.m.index);
        }
        jc.suspended.push(job);
      } else {
        victim.pendingTraining.unshift(job);
        this.log.add(EventKind.Preempt, -1, -1, victim.m.index);
      }
      this.startJob(ci, victim, chosen);
      if (job.center >= 0 && job.center !== ci) this.markDispatch(job.center);
    }
  }

  private onJobDone(id: number, token: number): void {
    const job = this.jobSlots[id];
    if (job === undefined || !job.active || job.token !== token) return; // interrupted: a later completion replaces it
    const p = this.people[job.person]!;
    if (job.training !== null) {
      this.endStretch(p, job);
      this.completeTraining(job.training);
      this.freeJob(job);
      this.dispatchPerson(p);
      return;
    }
    // The job is over: while its items move on (and maybe raise incidents), nobody may interrupt it.
    job.active = false;
    const c = this.centers[job.center]!;
    this.touch(c);
    c.inService -= job.items.length;
    c.completions += job.items.length;
    if (c.m.deploy) this.onDeployment(job, c);
    const setupShare = job.items.length > 0 ? job.setup / job.items.length : 0;
    for (const item of job.items) this.finishVisit(item, c, setupShare, job.person);
    // Items move on before the person chooses again, so the choice sees the new queues.
    this.endStretch(p, job);
    this.freeJob(job);
    this.dispatchPerson(p);
  }

  private onDeployment(job: Job, c: WorkCenterState): void {
    const chance = c.m.failureChance * c.failureFactor;
    let failed = false;
    const failDraw = this.itemStore.failDraw;
    for (const it of job.items) if (failDraw[it]! < chance) failed = true;
    this.deployments.push(this.now, job.items.length, failed ? 1 : 0);
    this.log.add(failed ? EventKind.DeployFailed : EventKind.Deploy, -1, c.m.index, job.items.length);
    if (failed && c.m.incidentType >= 0) this.createItem(c.m.incidentType, c.m.diagnosisPerChange * job.items.length);
  }

  /** `person`: who did the work (the visit's person, passed in to save a read of the visit). */
  private finishVisit(item: number, c: WorkCenterState, setupShare: number, person: number): void {
    const S = this.itemStore;
    const s = S.step[item]!, type = S.type[item]!, visit = S.visit[item]!;
    this.visits.times[visit * TIME_STRIDE + T_END] = this.now;
    S.workTime[item] = S.workTime[item]! + (S.visitEffort[item]! + setupShare);
    this.log.add(EventKind.Finish, item, c.m.index, person);
    const bit = 1 << s;
    const passed = S.passedMask[item]!;
    if ((passed & bit) === 0) {
      S.passedMask[item] = passed | bit;
      if ((S.defectMask[item]! & bit) !== 0) S.pendingMask[item] = S.pendingMask[item]! | bit;
    }
    S.rework[item] = 0;
    if (S.roped[item] === 1 && this.release.type === 'drum' && c.m.index === this.release.center) {
      S.roped[item] = 0;
      this.ropeWip--;
      this.releaseDirty = true;
    }
    const steps = this.routes.length[type]!;
    const foundAt = this.foundAt[type]!;
    const pending = S.pendingMask[item]!;
    // A defect made at step o is found here if this is where o's defects are caught.
    if (pending !== 0) {
      for (let o = 0; o < steps; o++) {
        if ((pending & (1 << o)) !== 0 && foundAt[o] === s) {
          this.sendBack(item, o, EventKind.Rework);
          return;
        }
      }
    }
    const next = s + 1;
    if (next >= steps) {
      // Whatever was not caught in-house reaches the customer (also defects whose detection
      // point a decision moved behind the item).
      if (pending !== 0) {
        for (let o = 0; o < steps; o++) {
          if ((pending & (1 << o)) !== 0) {
            S.escapes[item]!++;
            this.escapedDefects++;
            this.sendBack(item, o, EventKind.Escaped);
            return;
          }
        }
      }
      this.completeItem(item);
      return;
    }
    if (c.transferBatch > 1) {
      S.state[item] = ItemState.Batching;
      S.nextStep[item] = next;
      c.batching.push(item);
      this.batchingTotal++;
      if (c.batching.length >= c.transferBatch) this.flushBatch(c);
      return;
    }
    this.goToStep(item, next);
  }

  private sendBack(item: number, origin: number, kind: number): void {
    const S = this.itemStore;
    S.pendingMask[item] = S.pendingMask[item]! & ~(1 << origin);
    S.reworks[item]!++;
    S.rework[item] = 1;
    this.log.add(kind, item, S.center[item]!, origin);
    this.goToStep(item, origin);
  }

  private completeItem(item: number): void {
    const S = this.itemStore;
    this.leaveCenter(item);
    S.state[item] = ItemState.Done;
    S.done[item] = this.now;
    this.doneCount++;
    if (S.gated[item] === 1) {
      this.systemWip--;
      this.releaseDirty = true;
    }
    if (S.roped[item] === 1) {
      S.roped[item] = 0;
      this.ropeWip--;
    }
    this.log.add(EventKind.Done, item, -1, -1);
  }

  private newJob(center: number, preemptive: boolean, training: Training | null): Job {
    let job: Job;
    if (this.freeJobs.length > 0) job = this.jobSlots[this.freeJobs.pop()!]!;
    else {
      job = new Job(this.jobSlots.length);
      this.jobSlots.push(job);
    }
    job.reset(center, preemptive, training);
    return job;
  }

  private freeJob(job: Job): void {
    job.active = false;
    // Emptied by popping, which keeps the array's storage for the next job.
    const items = job.items;
    while (items.length > 0) items.pop();
    job.training = null;
    this.freeJobs.push(job.id);
  }

  private completeTraining(tr: Training): void {
    for (const pi of tr.trainees) {
      const p = this.people[pi]!;
      p.skillMask |= tr.skillMask;
      for (const ci of tr.centers) {
        if (p.centers.includes(ci)) continue;
        p.centers.push(ci);
        this.centerPeople[ci]!.push(pi);
        const c = this.centers[ci]!;
        if (p.job === null) c.idle++;
        if ((p.centerMask >> ci) & 1) {
          this.touch(c);
          c.servers++;
        }
      }
      this.log.add(EventKind.Trained, -1, -1, pi);
    }
    for (const pi of tr.trainees) this.dispatchPerson(this.people[pi]!);
    for (const ci of tr.centers) this.markDispatch(ci);
  }

  // ------------------------------------------------------------------ deploy trains

  private onReleaseTick(ci: number, generation: number): void {
    if (generation !== this.tickGeneration[ci]) return;
    const c = this.centers[ci]!;
    if (c.releaseEvery <= 0) return;
    this.scheduleTick(ci, this.now + c.releaseEvery);
    if (c.queued > 0) {
      c.releaseDue = true;
      this.markDispatch(ci);
    }
  }

  // ------------------------------------------------------------------ commands

  private applyCommand(index: number): void {
    const cmd = this.commands[index]!;
    const m = this.model;
    const centerOf = (id: string) => m.centers.findIndex((c) => c.id === id);
    const personOf = (id: string) => this.people.find((p) => p.m.id === id && p.m.named)!;
    this.log.add(EventKind.Command, index, -1, -1);
    switch (cmd.type) {
      case 'setWipLimit': {
        const ci = centerOf(cmd.center);
        this.centers[ci]!.wipLimit = cmd.limit ?? Infinity;
        this.pullStack.push(ci);
        this.releaseDirty = true;
        break;
      }
      case 'setBatch': {
        const c = this.centers[centerOf(cmd.center)]!;
        if (cmd.processBatch !== undefined) c.processBatch = cmd.processBatch;
        if (cmd.transferBatch !== undefined) {
          c.transferBatch = cmd.transferBatch;
          if (c.batching.length >= c.transferBatch) this.flushBatch(c);
        }
        break;
      }
      case 'setRelease': {
        const r = cmd.release;
        this.release = r.type === 'drum' ? { type: 'drum', center: centerOf(r.center), buffer: r.buffer } : r.type === 'conwip' ? { type: 'conwip', limit: r.limit } : { type: 'push' };
        // Measure the rope afresh: released work whose route still has the drum ahead of it.
        this.ropeWip = 0;
        const S = this.itemStore;
        for (let it = 0; it < S.count; it++) {
          S.roped[it] = 0;
          if (this.release.type !== 'drum' || S.released[it]! < 0 || S.done[it]! >= 0) continue;
          const route = m.types[S.type[it]!]!.route;
          const drum = this.release.center;
          const step = S.step[it]!;
          let ahead = false;
          for (let s = step < 0 ? 0 : step; s < route.length; s++) {
            if (route[s]!.center === drum && (S.passedMask[it]! & (1 << s)) === 0) ahead = true;
          }
          if (ahead) {
            S.roped[it] = 1;
            this.ropeWip++;
          }
        }
        this.releaseDirty = true;
        break;
      }
      case 'setFreeze':
        this.frozen = cmd.frozen;
        this.releaseDirty = true;
        break;
      case 'assign': {
        const p = personOf(cmd.person);
        const before = p.centerMask;
        p.centerMask = cmd.centers === null ? -1 : cmd.centers.reduce((mask, id) => mask | (1 << centerOf(id)), 0);
        // Utilisation counts only the people allowed at a center, from the moment they are.
        for (const ci of p.centers) {
          const was = (before >> ci) & 1, is = (p.centerMask >> ci) & 1;
          if (was === is) continue;
          const c = this.centers[ci]!;
          this.touch(c);
          c.servers += is - was;
        }
        p.typeMask = cmd.workTypes == null ? -1 : cmd.workTypes.reduce((mask, id) => mask | (1 << m.types.findIndex((t) => t.id === id)), 0);
        this.dispatchPerson(p);
        break;
      }
      case 'setDispatch':
        personOf(cmd.person).dispatch = cmd.rule;
        break;
      case 'invest': {
        const c = this.centers[centerOf(cmd.center)]!;
        c.setupFactor *= cmd.setupFactor ?? 1;
        c.failureFactor *= cmd.failureFactor ?? 1;
        break;
      }
      case 'crossTrain': {
        const expert = personOf(cmd.expert);
        const training = {
          trainees: cmd.trainees.map((id) => personOf(id).m.index),
          skillMask: skillBit(m.skills, cmd.skill),
          centers: (cmd.centers ?? []).map(centerOf),
        };
        const job = this.newJob(-1, false, training);
        job.duration = cmd.effort;
        job.remaining = cmd.effort;
        expert.pendingTraining.push(job);
        this.dispatchPerson(expert);
        break;
      }
      case 'setDetection': {
        const ti = m.types.findIndex((t) => t.id === cmd.workType);
        const route = m.types[ti]!.route;
        const f = cmd.foundAt;
        this.foundAt[ti]![cmd.step] = f === 'same' ? cmd.step : f === 'customer' ? FOUND_BY_CUSTOMER : route.findIndex((s, k) => k > cmd.step && m.centers[s.center]!.id === f);
        break;
      }
      case 'setReleaseEvery': {
        const ci = centerOf(cmd.center);
        const c = this.centers[ci]!;
        c.releaseEvery = cmd.every ?? 0;
        c.releaseDue = false;
        this.tickGeneration[ci]!++;
        if (c.releaseEvery > 0) this.scheduleTick(ci, this.now + c.releaseEvery);
        else this.markDispatch(ci);
        break;
      }
    }
  }

  // ------------------------------------------------------------------ sampling and stalls

  /** Records samples at boundaries before t (or up to and including t when `inclusive`). */
  private recordSamples(t: number, inclusive: boolean): void {
    const s = this.samples;
    while (inclusive ? s.next <= t : s.next < t) {
      if (s.next > this.model.horizon) return;
      s.t.push(s.next);
      let wip = 0;
      for (let i = 0; i < this.centers.length; i++) {
        const c = this.centers[i]!;
        s.centerQueue[i]!.push(c.queued);
        s.centerWip[i]!.push(c.wip);
        wip += c.wip;
      }
      s.wip.push(wip);
      s.backlog.push(this.backlogCount);
      s.done.push(this.doneCount);
      s.created.push(this.itemStore.count);
      s.next = s.t.length * s.period;
    }
  }

  private commandsPending(): boolean {
    for (const c of this.commands) if (c.at > this.now) return true;
    return false;
  }

  /** Called when nobody works, nothing more arrives and no decision is due: is work stuck for good? */
  private checkStall(): void {
    if (this.stall !== null) return;
    const parts: string[] = [];
    let stuck = 0;
    this.centers.forEach((c) => {
      const trainComing = c.m.deploy && c.releaseEvery > 0 && this.centerPeople[c.m.index]!.length > 0;
      if (c.queued + c.suspended.length > 0 && !trainComing) {
        stuck += c.queued;
        parts.push(`${c.queued + c.suspended.length} waiting at ${c.m.name} with nobody able or allowed to do the work`);
      }
      const blocked = c.entrance.length;
      if (blocked > 0) {
        stuck += blocked;
        parts.push(`${blocked} waiting for room at ${c.m.name} (WIP limit ${c.wipLimit})`);
      }
    });
    let held = 0;
    for (const lane of this.backlog) held += lane.length;
    if (held > 0 && !this.frozen) parts.push(`${held} in the backlog that the release policy can never let in`);
    if (parts.length > 0 && (stuck > 0 || (held > 0 && !this.frozen))) {
      this.stall = { time: this.now, message: `the run can never finish: ${parts.join('; ')}` };
    }
  }
}
