/** A growable Float64Array that hands out slices by offset (used for every item's efforts). */
export class NumberPool {
  data: Float64Array;
  used = 0;

  constructor(expected = 4096) {
    this.data = new Float64Array(Math.max(64, Math.ceil(expected)));
  }

  alloc(n: number): number {
    if (this.used + n > this.data.length) {
      const bigger = new Float64Array(Math.max(this.data.length * 2, this.used + n));
      bigger.set(this.data);
      this.data = bigger;
    }
    const at = this.used;
    this.used += n;
    return at;
  }
}
