/**
 * State of the floor sampled every `period` time units, for charts over time: WIP, backlog,
 * cumulative flow (count of items in each state) and each center's queue. A sample at time b
 * holds the state after every event at or before b, so advancing in one call or in many small
 * calls records the same samples.
 */
export class SampleSeries {
  readonly t: number[] = [];
  readonly wip: number[] = [];
  readonly backlog: number[] = [];
  readonly done: number[] = [];
  readonly created: number[] = [];
  /** Per center: items queued, and all items at the center. */
  readonly centerQueue: number[][];
  readonly centerWip: number[][];
  next = 0;

  constructor(readonly period: number, centerCount: number) {
    this.centerQueue = Array.from({ length: centerCount }, () => []);
    this.centerWip = Array.from({ length: centerCount }, () => []);
  }

  get length(): number {
    return this.t.length;
  }
}
