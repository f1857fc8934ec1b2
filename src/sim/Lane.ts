import { IdDeque } from './IdDeque';
import type { ItemStore } from './ItemStore';

/**
 * The items of one work type at one step of its route, waiting in one lane of a center. They
 * are alike for every choice a person makes (the skill needed, the type a decision may rule
 * out, the process batch they may join), so a person never has to look past the first of them.
 */
export class Bucket {
  /** Ids of the waiting items, in lane order. */
  readonly items = new IdDeque();
  /** Bit of the work type, tested against a person's type mask. */
  readonly typeBit: number = 0;

  constructor(
    readonly type: number,
    readonly step: number,
    readonly lane: number,
    /** Skill bits the step needs (0 = anyone at the center). */
    readonly need: number,
    /** The work type interrupts ordinary work (incidents). */
    readonly preempt: boolean,
  ) {
    this.typeBit = 1 << type;
  }
}

/** Whether item a comes before item b in a lane: earlier due date in a sorted (fixed-date) lane, then earlier arrival in the queue. */
export function queuedBefore(items: ItemStore, a: number, b: number, sorted: boolean): boolean {
  const seq = items.queueSeq;
  if (!sorted) return seq[a]! < seq[b]!;
  const due = items.due, da = due[a]!, db = due[b]!;
  return da < db || (da === db && seq[a]! < seq[b]!);
}

/**
 * One queue lane of a work center (one class of service), kept as one bucket per work type and
 * step. The lane's order is arrival (queueSeq), or due date then arrival in a sorted lane; each bucket holds its items in that order, so
 * the first item a person may do is the earliest head among the buckets they may do: finding it
 * costs the number of buckets, not the length of the queue (a queue of work nobody free may do
 * can grow to thousands of cards).
 */
export class Lane {
  readonly buckets: Bucket[] = [];
  /** Items waiting in the lane. */
  length = 0;

  /** `sorted`: served earliest due date first (fixed-date work), else in order of arrival. `items`: the run's items, for their due dates and queue order. */
  constructor(
    readonly sorted: boolean,
    private readonly items: ItemStore,
  ) {}

  /** Adds an item to its bucket; the caller has set its queueSeq (the largest so far). */
  push(b: Bucket, item: number): void {
    const q = b.items;
    let i = q.length;
    if (i === 0 || !this.sorted || !queuedBefore(this.items, item, q.at(i - 1), true)) q.push(item);
    else {
      // An earlier due date goes ahead of later ones (after equal ones).
      while (i > 0 && queuedBefore(this.items, item, q.at(i - 1), true)) i--;
      q.insertAt(i, item);
    }
    this.length++;
  }

  /** Removes and returns the first item of one of this lane's buckets (which must not be empty). */
  shift(b: Bucket): number {
    this.length--;
    return b.items.shift();
  }

  /** The lane's item ids in queue order (a merge of its buckets). For snapshots and tests, not the hot loop. */
  toArray(): number[] {
    const all: number[] = [];
    for (const b of this.buckets) for (let i = 0; i < b.items.length; i++) all.push(b.items.at(i));
    return all.sort((a, b) => (queuedBefore(this.items, a, b, this.sorted) ? -1 : queuedBefore(this.items, b, a, this.sorted) ? 1 : 0));
  }
}
