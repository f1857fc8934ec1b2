/**
 * A FIFO queue of ids (items, in the engine) in a ring buffer over an Int32Array: O(1) push,
 * shift and indexed access, and no allocation except when it grows (it never shrinks: a run's
 * queues come back to their sizes). Ids are never negative, so -1 means "none".
 */
export class IdDeque {
  private buf = new Int32Array(8);
  private mask = 7;
  private head = 0;
  private n = 0;

  get length(): number {
    return this.n;
  }
  push(id: number): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[(this.head + this.n) & this.mask] = id;
    this.n++;
  }
  /** The first id, or -1 when empty. */
  peek(): number {
    return this.n > 0 ? this.buf[this.head]! : -1;
  }
  /** The i-th id from the front, or -1 out of range. */
  at(i: number): number {
    return i >= 0 && i < this.n ? this.buf[(this.head + i) & this.mask]! : -1;
  }
  /** Removes and returns the first id, or -1 when empty. */
  shift(): number {
    if (this.n === 0) return -1;
    const x = this.buf[this.head]!;
    this.head = (this.head + 1) & this.mask;
    this.n--;
    return x;
  }
  insertAt(i: number, id: number): void {
    if (this.n === this.buf.length) this.grow();
    const buf = this.buf, m = this.mask, h = this.head;
    const at = i < 0 ? 0 : i > this.n ? this.n : i;
    for (let k = this.n; k > at; k--) buf[(h + k) & m] = buf[(h + k - 1) & m]!;
    buf[(h + at) & m] = id;
    this.n++;
  }
  toArray(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) out.push(this.buf[(this.head + i) & this.mask]!);
    return out;
  }

  private grow(): void {
    const old = this.buf;
    const bigger = new Int32Array(old.length * 2);
    for (let i = 0; i < this.n; i++) bigger[i] = old[(this.head + i) & this.mask]!;
    this.buf = bigger;
    this.mask = bigger.length - 1;
    this.head = 0;
  }
}
