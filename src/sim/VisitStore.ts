/**
 * Every item's visits to work centers, kept in one growable typed array instead of an array per
 * item: a run creates hundreds of thousands of visits, and this keeps the garbage collector out
 * of the hot loop. Each item's visits form a chain through the NEXT field.
 */
export const V_STEP = 0, V_CENTER = 1, V_ENTER = 2, V_START = 3, V_END = 4, V_LEAVE = 5, V_PERSON = 6, V_FLAGS = 7, V_BLOCKED_BY = 8, V_NEXT = 9;
const STRIDE = 10;
/** Visit flags. */
export const VF_REWORK = 1, VF_BATCHED = 2, VF_BLOCKED = 4, VF_PREEMPTED = 8;

export class VisitStore {
  data: Float64Array;
  count = 0;

  /** `expected`: how many visits the run will likely make (growing a big store means copying it). */
  constructor(expected = 1024) {
    this.data = new Float64Array(STRIDE * Math.max(64, Math.ceil(expected)));
  }

  /**
   * Appends a visit and returns its base offset; `prev` is the item's previous visit or -1. The
   * caller sets V_ENTER (times stay out of calls: a time passed as an argument costs a heap number).
   */
  add(prev: number, step: number, center: number, flags: number): number {
    if ((this.count + 1) * STRIDE > this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const b = this.count++ * STRIDE;
    const d = this.data;
    d[b + V_STEP] = step;
    d[b + V_CENTER] = center;
    d[b + V_ENTER] = -1;
    d[b + V_START] = -1;
    d[b + V_END] = -1;
    d[b + V_LEAVE] = -1;
    d[b + V_PERSON] = -1;
    d[b + V_FLAGS] = flags;
    d[b + V_BLOCKED_BY] = -1;
    d[b + V_NEXT] = -1;
    if (prev >= 0) d[prev + V_NEXT] = b;
    return b;
  }

  get(base: number, field: number): number {
    return this.data[base + field]!;
  }

  set(base: number, field: number, value: number): void {
    this.data[base + field] = value;
  }

  addFlag(base: number, flag: number): void {
    this.data[base + V_FLAGS] = this.data[base + V_FLAGS]! | flag;
  }
}
