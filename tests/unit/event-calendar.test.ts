/**
 * The future-event list must hand events back in (time, priority, insertion) order, or runs
 * stop repeating exactly. Checked against the obvious model: a plain array, sorted on demand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../src/sim/EventCalendar';

interface Entry {
  time: number;
  priority: number;
  seq: number;
  kind: number;
  a: number;
  b: number;
}

/** The reference: keep everything in an array and take the smallest by (time, priority, seq). */
class SortedModel {
  entries: Entry[] = [];
  private seq = 0;

  schedule(time: number, priority: number, kind: number, a: number, b: number): void {
    this.entries.push({ time, priority, seq: this.seq++, kind, a, b });
  }

  pop(): Entry | undefined {
    this.entries.sort((x, y) => x.time - y.time || x.priority - y.priority || x.seq - y.seq);
    return this.entries.shift();
  }

  peekTime(): number {
    return this.entries.reduce((m, e) => Math.min(m, e.time), Infinity);
  }
}

interface Real {
  cal: EventCalendar;
}

// Few distinct times and priorities, so ties (the tricky part) are common.
const timeArb = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 4 },
  { arbitrary: fc.double({ min: 0, max: 4, noNaN: true, noDefaultInfinity: true }), weight: 1 },
);

class ScheduleCmd implements fc.Command<SortedModel, Real> {
  constructor(
    readonly time: number,
    readonly priority: number,
    readonly kind: number,
    readonly a: number,
    readonly b: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: SortedModel, r: Real): void {
    m.schedule(this.time, this.priority, this.kind, this.a, this.b);
    r.cal.schedule(this.time, this.priority, this.kind, this.a, this.b);
    expect(r.cal.size).toBe(m.entries.length);
  }
  toString(): string {
    return `schedule(${this.time}, ${this.priority}, ${this.kind}, ${this.a}, ${this.b})`;
  }
}

class PopCmd implements fc.Command<SortedModel, Real> {
  check(): boolean {
    return true;
  }
  run(m: SortedModel, r: Real): void {
    const want = m.pop();
    const got = r.cal.pop();
    expect(got).toBe(want !== undefined);
    if (want !== undefined) {
      expect({ time: r.cal.time, kind: r.cal.kind, a: r.cal.a, b: r.cal.b }).toEqual({ time: want.time, kind: want.kind, a: want.a, b: want.b });
    }
    expect(r.cal.size).toBe(m.entries.length);
  }
  toString(): string {
    return 'pop()';
  }
}

/**
 * Peeking is a command of its own: the calendar mends its heap after a pop lazily, at the next
 * schedule or peek, so a pop followed straight by a schedule takes another path than one
 * followed by a peek, and both must be checked.
 */
class PeekCmd implements fc.Command<SortedModel, Real> {
  check(): boolean {
    return true;
  }
  run(m: SortedModel, r: Real): void {
    expect(r.cal.peekTime()).toBe(m.peekTime());
    expect(r.cal.size).toBe(m.entries.length);
  }
  toString(): string {
    return 'peekTime()';
  }
}

const commandArbs = [
  fc
    .tuple(timeArb, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: -1, max: 1000 }), fc.integer({ min: -1, max: 1000 }))
    .map(([t, p, k, a, b]) => new ScheduleCmd(t, p, k, a, b)),
  fc.constant(new PopCmd()),
  fc.constant(new PeekCmd()),
];

describe('EventCalendar', () => {
  it('matches a sorted-array model on random schedule/pop sequences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.commands(commandArbs, { maxCommands: 300 }), (capacity, cmds) => {
        // A tiny initial capacity makes the heap grow in the middle of the sequence.
        fc.modelRun(() => ({ model: new SortedModel(), real: { cal: new EventCalendar(capacity) } }), cmds);
      }),
      { numRuns: 200 },
    );
  });

  it('pops equal times by priority, then first-in-first-out', () => {
    const cal = new EventCalendar(2);
    cal.schedule(5, 2, 0, 1);
    cal.schedule(5, 0, 0, 2);
    cal.schedule(5, 2, 0, 3);
    cal.schedule(1, 3, 0, 4);
    cal.schedule(5, 0, 0, 5);
    const order: number[] = [];
    while (cal.pop()) order.push(cal.a);
    expect(order).toEqual([4, 2, 5, 1, 3]);
  });

  it('grows far beyond its initial capacity and keeps every entry', () => {
    const cal = new EventCalendar(1);
    const n = 5000;
    // Times in a scrambled order with many repeats; a is the insertion index.
    for (let i = 0; i < n; i++) cal.schedule((i * 7919) % 97, i % 3, i % 5, i, n - i);
    expect(cal.size).toBe(n);
    let last: [number, number, number] = [-Infinity, -Infinity, -Infinity];
    let count = 0;
    while (cal.pop()) {
      const i = cal.a;
      const key: [number, number, number] = [cal.time, i % 3, i];
      // Strictly increasing (time, priority, insertion) keys.
      const later = key[0] > last[0] || (key[0] === last[0] && (key[1] > last[1] || (key[1] === last[1] && key[2] > last[2])));
      expect(later).toBe(true);
      expect(cal.kind).toBe(i % 5);
      expect(cal.b).toBe(n - i);
      expect(cal.time).toBe((i * 7919) % 97);
      last = key;
      count++;
    }
    expect(count).toBe(n);
    expect(cal.size).toBe(0);
    expect(cal.peekTime()).toBe(Infinity);
  });

  it('reports an empty calendar', () => {
    const cal = new EventCalendar();
    expect(cal.pop()).toBe(false);
    expect(cal.size).toBe(0);
    expect(cal.peekTime()).toBe(Infinity);
  });
});
