/**
 * A FIFO queue in a ring buffer: O(1) push, shift and indexed access, and no allocation except
 * when it grows (it never shrinks: a run's queues come back to their sizes).
 */
export class Deque<T> {
  private buf: (T | undefined)[] = Deque.slots(8);
  private mask = 7;
  private head = 0;
  private n = 0;

  private static slots<T>(n: number): (T | undefined)[] {
    const a: (T | undefined)[] = [];
    for (let i = 0; i < n; i++) a.push(undefined);
    return a;
  }

  get length(): number {
    return this.n;
  }
  push(x: T): void {
    if (this.n === this.buf.length) this.grow();
    this.buf[(this.head + this.n) & this.mask] = x;
    this.n++;
  }
  peek(): T | undefined {
    return this.n > 0 ? this.buf[this.head] : undefined;
  }
  at(i: number): T | undefined {
    return i >= 0 && i < this.n ? this.buf[(this.head + i) & this.mask] : undefined;
  }
  shift(): T | undefined {
    if (this.n === 0) return undefined;
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.n--;
    return x;
  }
  removeAt(i: number): T | undefined {
    if (i < 0 || i >= this.n) return undefined;
    if (i === 0) return this.shift();
    const buf = this.buf, m = this.mask, h = this.head;
    const x = buf[(h + i) & m];
    for (let k = i; k < this.n - 1; k++) buf[(h + k) & m] = buf[(h + k + 1) & m];
    buf[(h + this.n - 1) & m] = undefined;
    this.n--;
    return x;
  }
  insertAt(i: number, x: T): void {
    if (this.n === this.buf.length) this.grow();
    const buf = this.buf, m = this.mask, h = this.head;
    const at = i < 0 ? 0 : i > this.n ? this.n : i;
    for (let k = this.n; k > at; k--) buf[(h + k) & m] = buf[(h + k - 1) & m];
    buf[(h + at) & m] = x;
    this.n++;
  }
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.n; i++) out.push(this.buf[(this.head + i) & this.mask]!);
    return out;
  }

  private grow(): void {
    const old = this.buf;
    const bigger = Deque.slots<T>(old.length * 2);
    for (let i = 0; i < this.n; i++) bigger[i] = old[(this.head + i) & this.mask];
    this.buf = bigger;
    this.mask = bigger.length - 1;
    this.head = 0;
  }
}
