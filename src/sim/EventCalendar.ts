/**
 * The future-event list: a binary heap ordered by (time, priority, sequence number).
 * The sequence number makes ties first-in-first-out and the order total, so a run repeats
 * exactly. Entries live in typed arrays so that scheduling allocates nothing. The heap itself
 * holds only what ordering needs (time, and priority and sequence folded into one exact number)
 * and a slot number; an entry's payload stays in its slot while the heap moves it about.
 */
// Priority and sequence number as one double, priority * SEQ_SPAN + seq: exact while both stay
// below their bounds (2^12 * 2^40 = 2^52 < 2^53), and ordered as the pair.
const SEQ_SPAN = 2 ** 40;
const MAX_PRIORITY = 2 ** 12 - 1;

export class EventCalendar {
  // By heap position.
  private times: Float64Array;
  private orders: Float64Array;
  private slots: Int32Array;
  // By slot.
  private kinds: Int32Array;
  private argsA: Int32Array;
  private argsB: Int32Array;
  /** Slots not in use, as a stack (the first `freeCount` entries). */
  private free: Int32Array;
  private freeCount = 0;
  private n = 0;
  private nextSeq = 0;
  /** The root was popped and is still in place (see pop). */
  private popPending = false;

  // The entry most recently removed by pop(), read through these fields.
  time = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(capacity = 256) {
    const cap = Math.max(1, capacity);
    this.times = new Float64Array(cap);
    this.orders = new Float64Array(cap);
    this.slots = new Int32Array(cap);
    this.kinds = new Int32Array(cap);
    this.argsA = new Int32Array(cap);
    this.argsB = new Int32Array(cap);
    this.free = new Int32Array(cap);
    this.takeFreeSlots(0, cap);
  }

  get size(): number {
    return this.popPending ? this.n - 1 : this.n;
  }

  /** Time of the next event, or Infinity when none is left. */
  peekTime(): number {
    if (this.popPending) this.removeRoot();
    return this.n > 0 ? this.times[0]! : Infinity;
  }

  /** `priority`: an integer from 0 to 4095, lower first at equal times. */
  schedule(time: number, priority: number, kind: number, a = 0, b = 0): void {
    if (!(priority >= 0 && priority <= MAX_PRIORITY)) throw new RangeError(`event priority ${priority} is not in 0..${MAX_PRIORITY}`);
    const order = priority * SEQ_SPAN + this.nextSeq++;
    if (this.popPending) {
      // The popped entry still sits at the root: the new one takes its place and sinks, one sift
      // instead of two (most handlers schedule one event: a person's next job, the next arrival).
      this.popPending = false;
      const slot = this.free[--this.freeCount]!;
      this.setPayload(slot, kind, a, b);
      this.siftDown(time, order, slot, this.n);
      return;
    }
    if (this.n === this.times.length) this.grow();
    const slot = this.free[--this.freeCount]!;
    this.setPayload(slot, kind, a, b);
    const times = this.times, orders = this.orders, slots = this.slots;
    let i = this.n++;
    // Sift up: move parents down until the new entry's place is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p]!;
      if (tp < time || (tp === time && orders[p]! < order)) break;
      times[i] = tp;
      orders[i] = orders[p]!;
      slots[i] = slots[p]!;
      i = p;
    }
    times[i] = time;
    orders[i] = order;
    slots[i] = slot;
  }

  /**
   * Removes the first event; its fields are then in time/kind/a/b. Returns false when empty.
   * The heap is mended lazily, by the next schedule or peek: the order events come out in is
   * the same, as (time, priority, sequence) is a total order.
   */
  pop(): boolean {
    if (this.popPending) this.removeRoot();
    if (this.n === 0) return false;
    const top = this.slots[0]!;
    this.time = this.times[0]!;
    this.kind = this.kinds[top]!;
    this.a = this.argsA[top]!;
    this.b = this.argsB[top]!;
    this.free[this.freeCount++] = top;
    this.popPending = true;
    return true;
  }

  private setPayload(slot: number, kind: number, a: number, b: number): void {
    this.kinds[slot] = kind;
    this.argsA[slot] = a;
    this.argsB[slot] = b;
  }

  /** Drops the (already popped) root: the last entry takes its place and sinks. */
  private removeRoot(): void {
    this.popPending = false;
    const last = --this.n;
    if (last > 0) this.siftDown(this.times[last]!, this.orders[last]!, this.slots[last]!, last);
  }

  /** Puts the entry (t, o, s) at the root of the first n entries and sinks it to its place. */
  private siftDown(t: number, o: number, s: number, n: number): void {
    const times = this.times, orders = this.orders, slots = this.slots;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let tc = times[c]!;
      const r = c + 1;
      if (r < n) {
        const tr = times[r]!;
        if (tr < tc || (tr === tc && orders[r]! < orders[c]!)) {
          c = r;
          tc = tr;
        }
      }
      if (t < tc || (t === tc && o < orders[c]!)) break;
      times[i] = tc;
      orders[i] = orders[c]!;
      slots[i] = slots[c]!;
      i = c;
    }
    times[i] = t;
    orders[i] = o;
    slots[i] = s;
  }

  /** Puts slots from..to-1 on the free stack. */
  private takeFreeSlots(from: number, to: number): void {
    for (let s = to - 1; s >= from; s--) this.free[this.freeCount++] = s;
  }

  private grow(): void {
    const old = this.times.length, cap = old * 2;
    const grow64 = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a); return b; };
    const grow32 = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
    this.times = grow64(this.times);
    this.orders = grow64(this.orders);
    this.slots = grow32(this.slots);
    this.kinds = grow32(this.kinds);
    this.argsA = grow32(this.argsA);
    this.argsB = grow32(this.argsB);
    this.free = grow32(this.free);
    this.takeFreeSlots(old, cap);
  }
}
