/**
 * Every item's visits to work centers, kept in two growable typed arrays instead of an array per
 * item: a run creates hundreds of thousands of visits, and this keeps the garbage collector out
 * of the hot loop. A visit is a number v: its four times are at v * TIME_STRIDE in `times`, its
 * small integers at v * INT_STRIDE in `ints` (56 bytes a visit, where ten doubles took 80: a
 * long run writes millions of them into fresh memory). Each item's visits form a chain through
 * the I_NEXT field; readers outside the engine use the accessors.
 */
export const T_ENTER = 0, T_START = 1, T_END = 2, T_LEAVE = 3;
export const TIME_STRIDE = 4;
export const I_STEP = 0, I_CENTER = 1, I_PERSON = 2, I_FLAGS = 3, I_BLOCKED_BY = 4, I_NEXT = 5;
export const INT_STRIDE = 6;
/** Visit flags. */
export const VF_REWORK = 1, VF_BATCHED = 2, VF_BLOCKED = 4, VF_PREEMPTED = 8;

export class VisitStore {
  /** Enter, start, end and leave times (-1 until they happen). */
  times: Float64Array;
  /** Step, center, person (-1 before work starts), flags, center blocked by (-1), next visit of the item (-1). */
  ints: Int32Array;
  count = 0;
  private capacity = 0;

  /** `expected`: how many visits the run will likely make (growing a big store means copying it). */
  constructor(expected = 1024) {
    this.capacity = Math.max(64, Math.ceil(expected));
    this.times = new Float64Array(TIME_STRIDE * this.capacity);
    this.ints = new Int32Array(INT_STRIDE * this.capacity);
  }

  /**
   * Appends a visit and returns it; `prev` is the item's previous visit or -1. The caller sets
   * T_ENTER (times stay out of calls: a time passed as an argument costs a heap number).
   */
  add(prev: number, step: number, center: number, flags: number): number {
    if (this.count === this.capacity) this.grow();
    const v = this.count++;
    const t = this.times, tb = v * TIME_STRIDE;
    t[tb + T_START] = -1;
    t[tb + T_END] = -1;
    t[tb + T_LEAVE] = -1;
    const n = this.ints, ib = v * INT_STRIDE;
    n[ib + I_STEP] = step;
    n[ib + I_CENTER] = center;
    n[ib + I_PERSON] = -1;
    n[ib + I_FLAGS] = flags;
    n[ib + I_BLOCKED_BY] = -1;
    n[ib + I_NEXT] = -1;
    if (prev >= 0) n[prev * INT_STRIDE + I_NEXT] = v;
    return v;
  }

  addFlag(v: number, flag: number): void {
    this.ints[v * INT_STRIDE + I_FLAGS]! |= flag;
  }

  enter(v: number): number { return this.times[v * TIME_STRIDE + T_ENTER]!; }
  start(v: number): number { return this.times[v * TIME_STRIDE + T_START]!; }
  end(v: number): number { return this.times[v * TIME_STRIDE + T_END]!; }
  leave(v: number): number { return this.times[v * TIME_STRIDE + T_LEAVE]!; }
  step(v: number): number { return this.ints[v * INT_STRIDE + I_STEP]!; }
  center(v: number): number { return this.ints[v * INT_STRIDE + I_CENTER]!; }
  /** Who worked on it (the last to, after an interruption), or -1. */
  person(v: number): number { return this.ints[v * INT_STRIDE + I_PERSON]!; }
  flags(v: number): number { return this.ints[v * INT_STRIDE + I_FLAGS]!; }
  /** The center whose WIP limit kept the item waiting here, or -1. */
  blockedBy(v: number): number { return this.ints[v * INT_STRIDE + I_BLOCKED_BY]!; }
  /** The item's next visit, or -1. */
  next(v: number): number { return this.ints[v * INT_STRIDE + I_NEXT]!; }

  private grow(): void {
    this.capacity *= 2;
    const times = new Float64Array(TIME_STRIDE * this.capacity);
    times.set(this.times);
    this.times = times;
    const ints = new Int32Array(INT_STRIDE * this.capacity);
    ints.set(this.ints);
    this.ints = ints;
  }
}
