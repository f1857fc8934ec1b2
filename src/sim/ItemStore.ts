/**
 * Every work item of a run, kept as columns: one typed array per field, indexed by the item's id.
 * A long run makes hundreds of thousands of items; as objects each cost an allocation, a trip
 * through the garbage collector's young generation and, for every fractional field, a heap box.
 * In columns they cost nothing but the occasional doubling of the arrays, and the engine passes
 * items around as their ids. Readers outside the engine see them through WorkItem views.
 */
export class ItemStore {
  /** Items created so far; ids are 0..count-1 in order of arrival. */
  count = 0;
  private capacity = 0;

  // Fixed when the item arrives.
  type: Int32Array;
  /** Offset of the item's per-step efforts in the run's NumberPool. */
  effortBase: Int32Array;
  created: Float64Array;
  due: Float64Array;
  /** Ignores WIP limits (incidents), 1/0. */
  exempt: Uint8Array;
  /** Uniform draw compared with a deploy center's change-failure chance. */
  failDraw: Float64Array;
  /** Extra effort on its first step (diagnosing a failed deployment's changes). */
  extraEffort: Float64Array;
  /** Steps whose first pass made a defect (decided at creation, so policies share the dice). */
  defectMask: Int32Array;

  // Where it is now.
  /** An ItemState code. */
  state: Int32Array;
  /** Current route step, -1 before release. */
  step: Int32Array;
  /** Center the item is at (counted in its WIP), -1 in the backlog or when done. */
  center: Int32Array;
  released: Float64Array;
  firstStart: Float64Array;
  done: Float64Array;
  /** Defects made but not yet found. */
  pendingMask: Int32Array;
  /** Steps that have completed at least once. */
  passedMask: Int32Array;
  /** Its current visit is rework, 1/0. */
  rework: Uint8Array;
  workTime: Float64Array;
  /** Entered the release gate's count (CONWIP), and hangs on the drum's rope, 1/0. */
  gated: Uint8Array;
  roped: Uint8Array;
  /** Where a blocked item waits to go, and the step it will do there. */
  blockedFor: Int32Array;
  nextStep: Int32Array;
  /** Order of arrival in its current queue (a run-wide counter). */
  queueSeq: Float64Array;
  /** When it entered its current queue. */
  queuedAt: Float64Array;
  /** Effort of its current visit (rework costs reworkFactor of the first pass). */
  visitEffort: Float64Array;
  escapes: Int32Array;
  reworks: Int32Array;
  /** First and current visit in the run's VisitStore (-1 before the first). */
  firstVisit: Int32Array;
  visit: Int32Array;

  /** `expected`: how many items the run will likely make (growing means copying every column). */
  constructor(expected = 1024) {
    const n = (this.capacity = Math.max(64, Math.ceil(expected)));
    this.type = new Int32Array(n);
    this.effortBase = new Int32Array(n);
    this.created = new Float64Array(n);
    this.due = new Float64Array(n);
    this.exempt = new Uint8Array(n);
    this.failDraw = new Float64Array(n);
    this.extraEffort = new Float64Array(n);
    this.defectMask = new Int32Array(n);
    this.state = new Int32Array(n);
    this.step = new Int32Array(n);
    this.center = new Int32Array(n);
    this.released = new Float64Array(n);
    this.firstStart = new Float64Array(n);
    this.done = new Float64Array(n);
    this.pendingMask = new Int32Array(n);
    this.passedMask = new Int32Array(n);
    this.rework = new Uint8Array(n);
    this.workTime = new Float64Array(n);
    this.gated = new Uint8Array(n);
    this.roped = new Uint8Array(n);
    this.blockedFor = new Int32Array(n);
    this.nextStep = new Int32Array(n);
    this.queueSeq = new Float64Array(n);
    this.queuedAt = new Float64Array(n);
    this.visitEffort = new Float64Array(n);
    this.escapes = new Int32Array(n);
    this.reworks = new Int32Array(n);
    this.firstVisit = new Int32Array(n);
    this.visit = new Int32Array(n);
  }

  /**
   * Appends an item in the backlog and returns its id; the caller sets its arrival facts (times
   * stay out of calls: a time passed as an argument costs a heap number). Fields whose starting
   * value is 0 are already 0: each id is written once, in fresh zeroed columns.
   */
  add(): number {
    if (this.count === this.capacity) this.grow();
    const id = this.count++;
    this.step[id] = -1;
    this.center[id] = -1;
    this.released[id] = -1;
    this.firstStart[id] = -1;
    this.done[id] = -1;
    this.blockedFor[id] = -1;
    this.firstVisit[id] = -1;
    this.visit[id] = -1;
    return id;
  }

  private grow(): void {
    const n = (this.capacity *= 2);
    const i32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    const f64 = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    const u8 = (a: Uint8Array) => { const b = new Uint8Array(n); b.set(a); return b; };
    this.type = i32(this.type);
    this.effortBase = i32(this.effortBase);
    this.created = f64(this.created);
    this.due = f64(this.due);
    this.exempt = u8(this.exempt);
    this.failDraw = f64(this.failDraw);
    this.extraEffort = f64(this.extraEffort);
    this.defectMask = i32(this.defectMask);
    this.state = i32(this.state);
    this.step = i32(this.step);
    this.center = i32(this.center);
    this.released = f64(this.released);
    this.firstStart = f64(this.firstStart);
    this.done = f64(this.done);
    this.pendingMask = i32(this.pendingMask);
    this.passedMask = i32(this.passedMask);
    this.rework = u8(this.rework);
    this.workTime = f64(this.workTime);
    this.gated = u8(this.gated);
    this.roped = u8(this.roped);
    this.blockedFor = i32(this.blockedFor);
    this.nextStep = i32(this.nextStep);
    this.queueSeq = f64(this.queueSeq);
    this.queuedAt = f64(this.queuedAt);
    this.visitEffort = f64(this.visitEffort);
    this.escapes = i32(this.escapes);
    this.reworks = i32(this.reworks);
    this.firstVisit = i32(this.firstVisit);
    this.visit = i32(this.visit);
  }
}
