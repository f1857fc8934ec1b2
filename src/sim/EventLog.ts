/**
 * What happened in a run, as a stable 64-bit hash (two independent 32-bit mixes) and, when
 * asked for, a full record. The hash covers each event's kind, exact time bits and subjects,
 * so two runs hash alike only if they did the same things at the same instants.
 */
const f64 = new Float64Array(1);
// The time's two 32-bit words, as int32 (the hash's xor reads them as int32 either way).
const i32 = new Int32Array(f64.buffer);

export const EventKind = {
  Arrive: 1,
  Release: 2,
  Enter: 3,
  Start: 4,
  Finish: 5,
  Block: 6,
  Leave: 7,
  Done: 8,
  Preempt: 9,
  Deploy: 10,
  DeployFailed: 11,
  Command: 12,
  Rework: 13,
  Escaped: 14,
  Trained: 15,
} as const;
export type EventKindCode = (typeof EventKind)[keyof typeof EventKind];
export const EVENT_KIND_NAMES: Record<number, string> = Object.fromEntries(Object.entries(EventKind).map(([k, v]) => [v, k]));

export interface LoggedEvent {
  time: number;
  kind: string;
  /** The work item (or -1). */
  item: number;
  /** The work center (or -1). */
  center: number;
  /** The person (or -1); for Deploy, the number of changes. */
  person: number;
}

export class EventLog {
  private h1 = 0x811c9dc5 | 0;
  private h2 = 0x9e3779b9 | 0;
  count = 0;
  /** Time of the events being logged, and its exact bits as two words (split once per instant, not per event). */
  private time = 0;
  private word0 = 0;
  private word1 = 0;
  private readonly times: number[] = [];
  private readonly codes: number[] = [];

  constructor(readonly record: boolean) {}

  /** Sets the time of the events logged next (the run's clock). */
  setTime(time: number): void {
    f64[0] = time;
    this.time = time;
    this.word0 = i32[0]!;
    this.word1 = i32[1]!;
  }

  /** Logs one event at the time last set. */
  add(kind: number, item: number, center: number, person: number): void {
    // Kind, center and person share one word (each is small); the time goes in as its exact bits.
    const words0 = this.word0, words1 = this.word1, packed = kind | ((center + 1) << 8) | ((person + 1) << 16);
    let h1 = this.h1, h2 = this.h2;
    h1 = Math.imul(h1 ^ packed, 0x01000193);
    h2 = Math.imul(h2 ^ packed, 0x5bd1e995);
    h1 = Math.imul(h1 ^ words0, 0x01000193);
    h2 = Math.imul(h2 ^ words0, 0x5bd1e995);
    h1 = Math.imul(h1 ^ words1, 0x01000193);
    h2 = Math.imul(h2 ^ words1, 0x5bd1e995);
    h1 = Math.imul(h1 ^ item, 0x01000193);
    h2 = Math.imul(h2 ^ item, 0x5bd1e995);
    this.h1 = h1;
    this.h2 = h2 ^ (h2 >>> 15);
    this.count++;
    if (this.record) {
      this.times.push(this.time);
      this.codes.push(kind, item, center, person);
    }
  }

  hash(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0');
  }

  /** The recorded events (empty unless the run was created with recordEvents). */
  events(): LoggedEvent[] {
    const out: LoggedEvent[] = [];
    for (let i = 0; i < this.times.length; i++) {
      const j = i * 4;
      out.push({ time: this.times[i]!, kind: EVENT_KIND_NAMES[this.codes[j]!] ?? '?', item: this.codes[j + 1]!, center: this.codes[j + 2]!, person: this.codes[j + 3]! });
    }
    return out;
  }
}
