/** A growable Float64Array that hands out slices by offset (used for every item's efforts). */
export class NumberPool {
  data = new Float64Array(4096);
  used = 0;

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
