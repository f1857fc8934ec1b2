/**
 * The future-event list: a binary heap ordered by (time, priority, sequence number).
 * The sequence number makes ties first-in-first-out and the order total, so a run repeats
 * exactly. Entries live in parallel typed arrays so that scheduling allocates nothing.
 */
export class EventCalendar {
  private times: Float64Array;
  private prios: Int32Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private argsA: Int32Array;
  private argsB: Int32Array;
  private n = 0;
  private nextSeq = 0;

  // The entry most recently removed by pop(), read through these fields.
  time = 0;
  kind = 0;
  a = 0;
  b = 0;

  constructor(capacity = 256) {
    this.times = new Float64Array(capacity);
    this.prios = new Int32Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity);
    this.argsA = new Int32Array(capacity);
    this.argsB = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the next event, or Infinity when none is left. */
  peekTime(): number {
    return this.n > 0 ? this.times[0]! : Infinity;
  }

  schedule(time: number, priority: number, kind: number, a = 0, b = 0): void {
    if (this.n === this.times.length) this.grow();
    let i = this.n++;
    const seq = this.nextSeq++;
    const times = this.times, prios = this.prios, seqs = this.seqs;
    // Sift up: move parents down until the new entry's place is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p]!;
      if (tp < time || (tp === time && (prios[p]! < priority || (prios[p] === priority && seqs[p]! < seq)))) break;
      this.move(p, i);
      i = p;
    }
    times[i] = time;
    prios[i] = priority;
    seqs[i] = seq;
    this.kinds[i] = kind;
    this.argsA[i] = a;
    this.argsB[i] = b;
  }

  /** Removes the first event; its fields are then in time/kind/a/b. Returns false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    this.time = this.times[0]!;
    this.kind = this.kinds[0]!;
    this.a = this.argsA[0]!;
    this.b = this.argsB[0]!;
    const last = --this.n;
    if (last === 0) return true;
    const times = this.times, prios = this.prios, seqs = this.seqs;
    const t = times[last]!, pr = prios[last]!, sq = seqs[last]!;
    const k = this.kinds[last]!, a = this.argsA[last]!, b = this.argsB[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last) {
        const tc = times[c]!, tr = times[r]!;
        if (tr < tc || (tr === tc && (prios[r]! < prios[c]! || (prios[r] === prios[c] && seqs[r]! < seqs[c]!)))) c = r;
      }
      const tc = times[c]!;
      if (t < tc || (t === tc && (pr < prios[c]! || (pr === prios[c] && sq < seqs[c]!)))) break;
      this.move(c, i);
      i = c;
    }
    times[i] = t;
    prios[i] = pr;
    seqs[i] = sq;
    this.kinds[i] = k;
    this.argsA[i] = a;
    this.argsB[i] = b;
    return true;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.prios[to] = this.prios[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.kinds[to] = this.kinds[from]!;
    this.argsA[to] = this.argsA[from]!;
    this.argsB[to] = this.argsB[from]!;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const grow64 = (a: Float64Array) => { const b = new Float64Array(cap); b.set(a); return b; };
    const grow32 = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
    this.times = grow64(this.times);
    this.seqs = grow64(this.seqs);
    this.prios = grow32(this.prios);
    this.kinds = grow32(this.kinds);
    this.argsA = grow32(this.argsA);
    this.argsB = grow32(this.argsB);
  }
}
