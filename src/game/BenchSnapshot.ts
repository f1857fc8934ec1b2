/**
 * Synthetic engine snapshots for the floor benchmark (`?bench=floor&cards=N`, scripts/bench-game.ts):
 * the Brent model's floor (five centers; Analysis, Development with Brent, QA, Operations with
 * Brent and Wes, Release shipping in batches) holding N unfinished items of every type of work,
 * spread over the backlog, the queues, the desks, the blocked strips, a release batch and work
 * set aside by an incident. Every tick the floor moves on like a conveyor: the release desk ships
 * a batch now and then, each bin pulls the oldest items from the one before it, people finish
 * and take new work, Brent walks between Development and Operations, and new items arrive in
 * the backlog so that exactly N stay on the floor. Cards therefore glide the whole time.
 *
 * Pure and repeatable: no Phaser, no DOM, no clocks, no Math.random (a seeded alea stream, as the
 * engine uses). It does not run the engine: the numbers are plausible, not a simulation, and the
 * item flow ignores each type's own route (every item walks the whole line).
 */
import alea from 'seedrandom/lib/alea.js';
import type { CenterView, ItemView, PersonView, Snapshot } from '../sim';

/** The stations of the Brent model, in route order, with the people who can work at each. */
export const BENCH_CENTERS = [
  { id: 'analysis', name: 'Analysis', kind: 'work', people: ['analysis-1'] },
  { id: 'dev', name: 'Development', kind: 'work', people: ['dev-1', 'dev-2', 'dev-3', 'brent'] },
  { id: 'qa', name: 'QA', kind: 'work', people: ['qa-1', 'qa-2'] },
  { id: 'ops', name: 'Operations', kind: 'work', people: ['brent', 'wes'] },
  { id: 'release', name: 'Release', kind: 'deploy', people: ['release-1'] },
] as const;

const PEOPLE = [
  { id: 'analysis-1', name: 'Analysis 1', named: false, home: 0 },
  { id: 'dev-1', name: 'Development 1', named: false, home: 1 },
  { id: 'dev-2', name: 'Development 2', named: false, home: 1 },
  { id: 'dev-3', name: 'Development 3', named: false, home: 1 },
  { id: 'qa-1', name: 'QA 1', named: false, home: 2 },
  { id: 'qa-2', name: 'QA 2', named: false, home: 2 },
  { id: 'release-1', name: 'Release 1', named: false, home: 4 },
  { id: 'brent', name: 'Brent', named: true, home: 1 },
  { id: 'wes', name: 'Wes', named: true, home: 3 },
] as const;

/** The Brent model's types of work, with their arrival rates (per day) as mix weights. */
const TYPES = [
  { id: 'feature', kind: 'business', weight: 1.0, dueIn: Infinity },
  { id: 'internal', kind: 'internal', weight: 0.25, dueIn: Infinity },
  { id: 'change', kind: 'change', weight: 0.8, dueIn: Infinity },
  { id: 'incident', kind: 'unplanned', weight: 0.2, dueIn: 1 },
] as const;
const TYPE_WEIGHT_TOTAL = TYPES.reduce((s, t) => s + t.weight, 0);

/** Simulated days per tick (one tick per drawn frame in the benchmark). */
export const BENCH_DAYS_PER_TICK = 0.02;
/** Ticks a person takes for one job, per center. */
const SERVICE_TICKS = [1, 4, 3, 1, 8] as const;
/**
 * The release train leaves this often (ticks) with at most RELEASE_BATCH items: the pace of the
 * whole line (half an item a tick), slower than every station so that no bin runs dry.
 */
const RELEASE_EVERY_TICKS = SERVICE_TICKS[4];
const RELEASE_BATCH = 4;
/** Brent switches between Development and Operations (when free) this often (ticks). */
const BRENT_SWITCH_TICKS = 90;

/** How many cards each part of the floor can show; past that the floor says "+N more". */
export interface BenchRoom {
  readonly backlog: number;
  /** One station's queue grid (queue, batch and set-aside work together). */
  readonly grid: number;
  /** One station's strip of blocked cards. */
  readonly outbox: number;
}

export interface BenchFloorOptions {
  /** Unfinished items on the floor, held constant (at least 20). */
  readonly items: number;
  readonly seed?: number;
  /** When given, the items are spread so that as many as possible fit where the floor shows them. */
  readonly room?: BenchRoom;
}

type BinKind = 'backlog' | 'queue' | 'suspended' | 'batching' | 'blocked';
interface Bin {
  readonly kind: BinKind;
  readonly center: number;
  target: number;
  readonly ids: number[];
}

interface Item {
  readonly id: number;
  readonly type: number;
  readonly created: number;
  readonly rework: boolean;
}

interface Person {
  readonly index: number;
  center: number;
  items: number[];
  start: number;
  due: number;
}

/** Share of the floor's items in each bin, before fitting to the room. */
const WEIGHTS: readonly { kind: BinKind; center: number; w: number }[] = [
  { kind: 'backlog', center: -1, w: 0.12 },
  { kind: 'queue', center: 0, w: 0.07 },
  { kind: 'blocked', center: 0, w: 0.01 },
  { kind: 'queue', center: 1, w: 0.16 },
  { kind: 'blocked', center: 1, w: 0.02 },
  { kind: 'queue', center: 2, w: 0.12 },
  { kind: 'blocked', center: 2, w: 0.02 },
  { kind: 'queue', center: 3, w: 0.24 },
  { kind: 'suspended', center: 3, w: 0.01 },
  { kind: 'blocked', center: 3, w: 0.01 },
  { kind: 'queue', center: 4, w: 0.06 },
  { kind: 'batching', center: 4, w: 0.1 },
];

/** Which room a bin's cards are drawn in: 'b' backlog, 'g<c>' grid of center c, 'o<c>' outbox. */
const roomOf = (kind: BinKind, center: number) => (kind === 'backlog' ? 'b' : kind === 'blocked' ? `o${center}` : `g${center}`);

/**
 * Whole-number targets for the bins that add up to `total`: by weight, moved out of full rooms
 * into rooms with space left while there is any, then rounded by largest remainder.
 */
export function spreadItems(total: number, room?: BenchRoom): number[] {
  const share = WEIGHTS.map((b) => b.w);
  if (room !== undefined) {
    const cap = (key: string) => (key === 'b' ? room.backlog : key.startsWith('o') ? room.outbox : room.grid);
    const keys = WEIGHTS.map((b) => roomOf(b.kind, b.center));
    const wsum = WEIGHTS.reduce((s, b) => s + b.w, 0);
    let amount = WEIGHTS.map((b) => (total * b.w) / wsum);
    for (let pass = 0; pass < 8; pass++) {
      // Per room: the load and the capacity; bins of full rooms give back their excess.
      const load = new Map<string, number>();
      keys.forEach((k, i) => load.set(k, (load.get(k) ?? 0) + amount[i]!));
      let excess = 0;
      const open: number[] = [];
      amount = amount.map((a, i) => {
        const k = keys[i]!;
        const l = load.get(k)!;
        // The backlog keeps a little slack: its size moves by a few items a tick.
        const c = k === 'b' ? Math.max(0, cap(k) - 8) : cap(k);
        if (l > c) {
          excess += a - (a * c) / l;
          return (a * c) / l;
        }
        if (l < c) open.push(i);
        return a;
      });
      if (excess < 1e-9 || open.length === 0) {
        // Nowhere left to put it: the rest is spread by weight (the floor hides it).
        if (excess > 1e-9) amount = amount.map((a, i) => a + (excess * WEIGHTS[i]!.w) / wsum);
        break;
      }
      const ow = open.reduce((s, i) => s + WEIGHTS[i]!.w, 0);
      for (const i of open) amount[i]! += (excess * WEIGHTS[i]!.w) / ow;
    }
    share.splice(0, share.length, ...amount);
  }
  const sum = share.reduce((s, x) => s + x, 0);
  const exact = share.map((x) => (total * x) / sum);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) whole[order[k]![1]]!++;
  // Every bin holds at least one item (when there are enough), so work keeps flowing.
  for (let i = 0; i < whole.length && total >= whole.length; i++) {
    if (whole[i]! > 0) continue;
    const big = whole.indexOf(Math.max(...whole));
    whole[big]!--;
    whole[i] = 1;
  }
  return whole;
}

/** A floor that moves on one tick at a time; `snapshot` is the picture after the last tick. */
export class BenchFloor {
  readonly cards: number;
  private readonly rng: () => number;
  private readonly items = new Map<number, Item>();
  private readonly bins: Bin[];
  private readonly backlog: Bin;
  private readonly people: Person[];
  private nextId = 0;
  private done = 0;
  private tickCount = 0;
  private current: Snapshot;

  constructor(options: BenchFloorOptions) {
    const n = Math.max(20, Math.floor(options.items));
    this.cards = n;
    this.rng = alea(`phoenix-bench\u0000${options.seed ?? 1}`);
    this.people = PEOPLE.map((p, index) => ({ index, center: p.home, items: [], start: 0, due: 0 }));
    const busy = this.people.length - 1 + RELEASE_BATCH;
    const targets = spreadItems(n - busy, options.room);
    this.bins = WEIGHTS.map((w, i) => ({ kind: w.kind, center: w.center, target: targets[i]!, ids: [] }));
    this.backlog = this.bins[0]!;
    // Fill the floor: downstream bins hold the oldest items.
    const days = 40;
    for (let i = this.bins.length - 1; i >= 0; i--) {
      const bin = this.bins[i]!;
      for (let k = 0; k < bin.target; k++) bin.ids.push(this.arrive(-days * ((i + 1) / this.bins.length)));
    }
    // Everyone busy, their jobs staggered so that they do not all finish at once.
    for (const p of this.people) {
      const size = p.center === 4 ? RELEASE_BATCH : 1;
      p.items = Array.from({ length: size }, () => this.arrive(-days / 2));
      const s = SERVICE_TICKS[p.center]!;
      p.start = p.center === 4 ? 0 : -(p.index % s);
      p.due = p.start + (p.center === 4 ? RELEASE_EVERY_TICKS : s);
    }
    this.current = this.build();
  }

  get snapshot(): Snapshot {
    return this.current;
  }

  get ticks(): number {
    return this.tickCount;
  }

  /** Moves the floor on by one tick and returns the new snapshot. */
  tick(): Snapshot {
    const t = ++this.tickCount;
    // Brent changes station when he is free, every so often.
    const brent = this.people[7]!;
    const brentAt = Math.floor(t / BRENT_SWITCH_TICKS) % 2 === 0 ? 1 : 3;
    // Centers from the last to the first: each pulls from the one before it.
    for (let c = BENCH_CENTERS.length - 1; c >= 0; c--) {
      // The longest-finished first, so that no one waits for ever behind a busy strip.
      const crew = this.people.filter((p) => p.center === c).sort((a, b) => a.due - b.due || a.index - b.index);
      const blocked = this.bins.find((b) => b.center === c && b.kind === 'blocked');
      // Finished jobs leave the desk: shipped from Release, into the blocked strip elsewhere
      // (when it has room; otherwise the person waits with a finished card).
      for (const p of crew) {
        if (p.items.length === 0 || p.due > t) continue;
        if (c === BENCH_CENTERS.length - 1) {
          for (const id of p.items) this.items.delete(id);
          this.done += p.items.length;
          p.items = [];
        } else if (blocked !== undefined && blocked.ids.length + p.items.length <= blocked.target + 1) {
          blocked.ids.push(...p.items);
          p.items = [];
        }
      }
      if (brent.center === c && brent.items.length === 0 && brentAt !== c) brent.center = brentAt;
      // Free people take the oldest waiting work (Release: the whole batch, when the train leaves).
      const feed = this.bins.filter((b) => b.center === c && b.kind !== 'blocked');
      for (const p of this.people.filter((q) => q.center === c && q.items.length === 0)) {
        const from = feed[feed.length - 1]!;
        if (c === BENCH_CENTERS.length - 1) {
          if (t % RELEASE_EVERY_TICKS !== 0) continue;
          p.items = from.ids.splice(0, RELEASE_BATCH);
          p.due = t + RELEASE_EVERY_TICKS;
        } else {
          // Set-aside work goes back first.
          const src = feed.find((b) => b.kind === 'suspended' && b.ids.length > 0) ?? feed[0]!;
          p.items = src.ids.splice(0, 1);
          p.due = t + SERVICE_TICKS[c]!;
        }
        p.start = t;
      }
      // Each bin of the center tops up from the one before it in flow order.
      const chain = [...feed].reverse();
      const upstream = c === 0 ? this.backlog : this.bins.find((b) => b.center === c - 1 && b.kind === 'blocked')!;
      for (let k = 0; k < chain.length; k++) {
        const bin = chain[k]!;
        if (bin.kind === 'suspended') continue;
        const prev = chain.slice(k + 1).find((b) => b.kind !== 'suspended') ?? upstream;
        const want = Math.max(0, bin.target - bin.ids.length);
        if (want > 0) bin.ids.push(...prev.ids.splice(0, want));
      }
      // An incident sets Brent's Operations work aside now and then.
      if (c === 3 && t % 45 === 0) {
        const aside = this.bins.find((b) => b.center === 3 && b.kind === 'suspended')!;
        const q = this.bins.find((b) => b.center === 3 && b.kind === 'queue')!;
        if (brent.center === 3 && brent.items.length > 0) {
          aside.ids.push(...brent.items);
          brent.items = q.ids.splice(0, 1);
          brent.start = t;
          brent.due = t + SERVICE_TICKS[3]! * 3;
        }
      }
    }
    // New work arrives so that exactly `cards` items stay on the floor.
    while (this.items.size < this.cards) this.backlog.ids.push(this.arrive(t * BENCH_DAYS_PER_TICK));
    this.current = this.build();
    return this.current;
  }

  private arrive(created: number): number {
    const id = this.nextId++;
    let u = this.rng() * TYPE_WEIGHT_TOTAL;
    let type = 0;
    while (type < TYPES.length - 1 && u >= TYPES[type]!.weight) u -= TYPES[type++]!.weight;
    this.items.set(id, { id, type, created, rework: TYPES[type]!.kind === 'business' && this.rng() < 0.15 });
    return id;
  }

  private build(): Snapshot {
    const t = this.tickCount;
    const now = t * BENCH_DAYS_PER_TICK;
    const views = new Map<number, { state: ItemView['state']; center: number; person: string | null; progress: number }>();
    for (const b of this.bins) {
      const state = b.kind === 'backlog' ? 'backlog' : b.kind === 'queue' ? 'queued' : b.kind;
      for (const id of b.ids) views.set(id, { state, center: b.center, person: null, progress: 0 });
    }
    const people: PersonView[] = this.people.map((p) => {
      const m = PEOPLE[p.index]!;
      const progress = p.items.length === 0 ? 0 : Math.min(1, Math.max(0, (t - p.start) / Math.max(1, p.due - p.start)));
      for (const id of p.items) views.set(id, { state: 'inService', center: p.center, person: m.id, progress });
      return {
        id: m.id,
        name: m.name,
        named: m.named,
        busy: p.items.length > 0,
        center: BENCH_CENTERS[p.center]!.id,
        items: p.items.slice(),
        training: false,
        incident: m.id === 'brent' && p.center === 3 && p.items.some((id) => TYPES[this.items.get(id)!.type]!.kind === 'unplanned'),
      };
    });
    const items: ItemView[] = [];
    for (const [id, v] of views) {
      const it = this.items.get(id)!;
      const type = TYPES[it.type]!;
      const center = v.center >= 0 ? BENCH_CENTERS[v.center]!.id : null;
      items.push({
        id,
        type: type.id,
        kind: type.kind,
        classOfService: type.kind === 'unplanned' ? 'expedite' : 'standard',
        state: v.state,
        center,
        step: v.center,
        created: it.created,
        rework: it.rework && v.center >= 2,
        blockedFor: v.state === 'blocked' ? BENCH_CENTERS[v.center + 1]!.id : null,
        progress: v.progress,
        person: v.person,
        late: now > it.created + type.dueIn,
      });
    }
    items.sort((a, b) => a.id - b.id);
    const centers: CenterView[] = BENCH_CENTERS.map((c, i) => {
      const ids = (kind: BinKind) => this.bins.find((b) => b.center === i && b.kind === kind)?.ids.slice() ?? [];
      const inService = this.people.filter((p) => p.center === i).flatMap((p) => p.items);
      const queue = ids('queue'), suspended = ids('suspended'), batching = ids('batching'), blocked = ids('blocked');
      return {
        id: c.id,
        name: c.name,
        kind: c.kind,
        wipLimit: null,
        wip: queue.length + inService.length + suspended.length + batching.length + blocked.length,
        queue,
        inService,
        suspended,
        batching,
        blocked,
        people: [...c.people],
        processBatch: 1,
        transferBatch: 1,
        releaseEvery: c.kind === 'deploy' ? 5 : null,
      };
    });
    const backlog = this.backlog.ids.slice();
    return {
      time: now,
      horizon: 60,
      status: 'running',
      stall: null,
      items,
      backlog,
      centers,
      people,
      created: this.nextId,
      done: this.done,
      wip: items.length - backlog.length,
      frozen: false,
      release: 'push',
      hash: t.toString(16).padStart(16, '0'),
      events: t,
    };
  }
}
