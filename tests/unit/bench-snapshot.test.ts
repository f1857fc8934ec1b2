/**
 * The floor benchmark's synthetic snapshots (src/game/BenchSnapshot.ts): N unfinished items, each
 * in exactly one place on the floor, valid centers and people, every type of work, cards that
 * really move from frame to frame, and the same floor for the same seed.
 */
import { describe, expect, it } from 'vitest';
import { BENCH_CENTERS, BenchFloor, spreadItems } from '../../src/game/BenchSnapshot';
import type { Snapshot } from '../../src/sim';

const CENTER_IDS = new Set<string>(BENCH_CENTERS.map((c) => c.id));
/** The room the Play floor has (FloorBench.benchRoom at 1280x720). */
const ROOM = { backlog: 203, grid: 242, outbox: 22 };

/** Every place an unfinished item can be, as [id, where] pairs. */
function places(s: Snapshot): [number, string][] {
  const out: [number, string][] = s.backlog.map((id) => [id, 'backlog']);
  for (const c of s.centers) {
    for (const [list, name] of [
      [c.queue, 'queue'],
      [c.inService, 'inService'],
      [c.blocked, 'blocked'],
      [c.batching, 'batching'],
      [c.suspended, 'suspended'],
    ] as const) {
      for (const id of list) out.push([id, `${c.id}.${name}`]);
    }
  }
  return out;
}

function checkSnapshot(s: Snapshot, n: number): void {
  expect(s.items).toHaveLength(n);
  const ids = s.items.map((it) => it.id);
  expect(new Set(ids).size).toBe(n);
  const where = places(s);
  // Every item appears exactly once across backlog, queues, desks, blocked, batches, set aside.
  expect(where).toHaveLength(n);
  expect(new Set(where.map(([id]) => id))).toEqual(new Set(ids));

  const byId = new Map(s.items.map((it) => [it.id, it]));
  for (const [id, place] of where) {
    const it = byId.get(id)!;
    if (place === 'backlog') {
      expect(it.state).toBe('backlog');
      expect(it.center).toBeNull();
    } else {
      const [center, list] = place.split('.');
      expect(it.center).toBe(center);
      expect(it.state).toBe(list === 'queue' ? 'queued' : list);
    }
  }

  expect(s.centers.map((c) => c.id)).toEqual(BENCH_CENTERS.map((c) => c.id));
  const personIds = new Set(s.people.map((p) => p.id));
  for (const c of s.centers) {
    expect(c.wip).toBe(c.queue.length + c.inService.length + c.blocked.length + c.batching.length + c.suspended.length);
    for (const p of c.people) expect(personIds.has(p)).toBe(true);
  }
  for (const it of s.items) {
    if (it.center !== null) expect(CENTER_IDS.has(it.center)).toBe(true);
    if (it.blockedFor !== null) expect(CENTER_IDS.has(it.blockedFor)).toBe(true);
    expect(it.progress).toBeGreaterThanOrEqual(0);
    expect(it.progress).toBeLessThanOrEqual(1);
  }
  // People: at a center they can work at; what they hold is that center's work in service.
  const inService = new Map(s.centers.map((c) => [c.id, new Set(c.inService)]));
  let held = 0;
  for (const p of s.people) {
    expect(p.center).not.toBeNull();
    expect(s.centers.find((c) => c.id === p.center)!.people).toContain(p.id);
    expect(p.busy).toBe(p.items.length > 0);
    for (const id of p.items) {
      expect(inService.get(p.center!)!.has(id)).toBe(true);
      expect(byId.get(id)!.person).toBe(p.id);
    }
    held += p.items.length;
  }
  expect(held).toBe(s.centers.reduce((sum, c) => sum + c.inService.length, 0));
  expect(s.wip).toBe(n - s.backlog.length);
  expect(s.people.some((p) => p.id === 'brent' && p.named)).toBe(true);
}

describe('BenchFloor', () => {
  it.each([20, 250, 1000, 2000])('holds %i items, each in exactly one place, frame after frame', (n) => {
    const floor = new BenchFloor({ items: n, room: ROOM });
    expect(floor.cards).toBe(n);
    checkSnapshot(floor.snapshot, n);
    for (let t = 0; t < 400; t++) {
      const s = floor.tick();
      if (t % 37 === 0 || t === 399) checkSnapshot(s, n);
    }
    expect(floor.snapshot.done).toBeGreaterThan(0);
    expect(floor.snapshot.created).toBe(n + floor.snapshot.done);
  });

  it('has every type of work, on every station', () => {
    const s = new BenchFloor({ items: 1000 }).snapshot;
    expect(new Set(s.items.map((it) => it.kind))).toEqual(new Set(['business', 'internal', 'change', 'unplanned']));
    for (const c of s.centers) expect(c.wip).toBeGreaterThan(0);
    expect(s.backlog.length).toBeGreaterThan(0);
    expect(s.centers.some((c) => c.blocked.length > 0)).toBe(true);
    expect(s.centers.some((c) => c.batching.length > 0)).toBe(true);
    expect(s.centers.some((c) => c.suspended.length > 0)).toBe(true);
  });

  it('moves cards every frame: some move on, some finish, new ones arrive', () => {
    const floor = new BenchFloor({ items: 1000, room: ROOM });
    const placeOf = (s: Snapshot) => new Map(places(s));
    let prev = placeOf(floor.snapshot);
    let moved = 0, finished = 0, arrived = 0, brentAt = new Set<string>();
    for (let t = 0; t < 200; t++) {
      const s = floor.tick();
      const now = placeOf(s);
      for (const [id, where] of now) {
        const before = prev.get(id);
        if (before === undefined) arrived++;
        else if (before !== where) moved++;
      }
      for (const id of prev.keys()) if (!now.has(id)) finished++;
      brentAt.add(s.people.find((p) => p.id === 'brent')!.center!);
      prev = now;
    }
    // About half an item a frame leaves every bin for the next one.
    expect(moved).toBeGreaterThan(200 * 5);
    expect(finished).toBeGreaterThan(50);
    expect(arrived).toBe(finished);
    expect(brentAt).toEqual(new Set(['dev', 'ops']));
  });

  it('is repeatable: the same seed gives the same floor, another seed another mix', () => {
    const run = (seed: number) => {
      const f = new BenchFloor({ items: 500, seed });
      for (let t = 0; t < 100; t++) f.tick();
      return f.snapshot;
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3).items.map((it) => it.kind)).not.toEqual(run(4).items.map((it) => it.kind));
  });
});

describe('spreadItems', () => {
  it('gives whole numbers that add up to the total, at least one per bin', () => {
    for (const n of [20, 250, 999, 1000, 2000, 5000]) {
      for (const room of [undefined, ROOM]) {
        const t = spreadItems(n, room);
        expect(t.reduce((a, b) => a + b, 0)).toBe(n);
        for (const x of t) {
          expect(Number.isInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('fits 1,000 items into the room the Play floor has', () => {
    const t = spreadItems(1000, ROOM);
    // Bins 1..2 analysis, 3..4 dev, 5..6 qa, 7..9 ops, 10..11 release (queue grid + blocked strip).
    expect(t[0]!).toBeLessThanOrEqual(ROOM.backlog - 8);
    for (const grid of [[1], [3], [5], [7, 8], [10, 11]]) expect(grid.reduce((s, i) => s + t[i]!, 0)).toBeLessThanOrEqual(ROOM.grid);
    for (const strip of [2, 4, 6, 9]) expect(t[strip]!).toBeLessThanOrEqual(ROOM.outbox);
  });
});
