/**
 * The small pure parts of the game layer: the constraint found from a run, real-time pacing, the
 * round boundary, the render scale, the floor's geometry and the scenario catalogue.
 */
import { builtinIds } from '../../src/scenarios';
import { describe, expect, it } from 'vitest';
import { findConstraint } from '../../src/game/ConstraintFinder';
import { PlayClock } from '../../src/game/PlayClock';
import { justBefore } from '../../src/game/RoundBoundary';
import { pickRenderScale } from '../../src/game/RenderScale';
import { builtinCatalog } from '../../src/game/ScenarioCatalog';
import { fitGrid, layoutFloor } from '../../src/ui/floor/FloorLayout';
import { builtinScenario } from '../../src/scenarios';
import { compileModel, computeMetrics, Simulation, takeSnapshot } from '../../src/sim';

describe('findConstraint', () => {
  const run = (people: string[]) => {
    const s = structuredClone(builtinScenario('brent'));
    s.people![0]!.centers = people;
    const sim = new Simulation(compileModel(s), { seed: 1 });
    const start = computeMetrics(sim);
    sim.advanceTo(30);
    const snap = takeSnapshot(sim);
    const peopleAt = new Map(snap.centers.map((c) => [c.id, c.people]));
    const named = new Map(sim.model.people.filter((p) => p.named).map((p) => [p.id, p.name]));
    return findConstraint(start, computeMetrics(sim), peopleAt, named);
  };

  it('finds the station waiting for Brent, and names him', () => {
    const v = run(['dev', 'ops'])!;
    expect(v.center).toBe('ops');
    expect(v.person).toBe('Brent');
    expect(v.utilisation).toBeGreaterThan(0.85);
    expect(v.label).toMatch(/^Brent \d+% busy$/);
  });

  it('says nothing before any time has passed', () => {
    const sim = new Simulation(compileModel(builtinScenario('brent')), { seed: 1 });
    const m = computeMetrics(sim);
    expect(findConstraint(m, m, new Map(), new Map())).toBeNull();
  });

  it('says nothing on a quiet floor', () => {
    const sim = new Simulation(compileModel(builtinScenario('mm1')), { seed: 1 });
    sim.advanceTo(5);
    const snap = takeSnapshot(sim);
    // A tolerant reading: an M/M/1 desk at 80% busy is below the threshold over most windows.
    const v = findConstraint(null, computeMetrics(sim), new Map(snap.centers.map((c) => [c.id, c.people])), new Map());
    if (v !== null) expect(v.utilisation).toBeGreaterThanOrEqual(0.85);
  });
});

describe('PlayClock', () => {
  it('turns real milliseconds into sim time at the chosen speed, and caps long frames', () => {
    const c = new PlayClock(0.5);
    expect(c.advance(200)).toBeCloseTo(0.1, 12);
    c.speed = 4;
    expect(c.advance(100)).toBeCloseTo(0.2, 12);
    expect(c.advance(10_000)).toBe(0.5); // a 10 s frame counts as 250 ms
    c.paused = true;
    expect(c.advance(100)).toBe(0);
  });

  it('max speed asks for as much as a time slice allows', () => {
    const c = new PlayClock(1, 'max');
    expect(c.advance(16)).toBe(Infinity);
  });

  it('steps speeds up and down within 1x .. max', () => {
    const c = new PlayClock(1);
    c.slower();
    expect(c.speed).toBe(1);
    for (let i = 0; i < 10; i++) c.faster();
    expect(c.speed).toBe('max');
  });
});

describe('justBefore', () => {
  it('is the largest double below t', () => {
    for (const t of [20, 0.1, 1e-300, 12345.678]) {
      const b = justBefore(t);
      expect(b).toBeLessThan(t);
      expect((b + t) / 2 === b || (b + t) / 2 === t).toBe(true);
    }
    expect(justBefore(0)).toBe(0);
  });
});

describe('pickRenderScale', () => {
  it('draws 1:1 at 720p, 1.5x at 1080p, 2x on large or dense screens', () => {
    expect(pickRenderScale(1280, 720, 1)).toBe(1);
    expect(pickRenderScale(1366, 768, 1)).toBe(1);
    expect(pickRenderScale(1920, 1080, 1)).toBe(1.5);
    expect(pickRenderScale(2560, 1440, 1)).toBe(2);
    expect(pickRenderScale(1280, 720, 2)).toBe(2);
    expect(pickRenderScale(800, 600, 0)).toBe(1);
  });
});

describe('the floor layout', () => {
  const area = { x: 24, y: 204, w: 1232, h: 404 };
  const floor = layoutFloor(area, [{ id: 'a', people: 1 }, { id: 'b', people: 4 }, { id: 'c', people: 2 }]);

  it('puts stations side by side between the backlog and the customer, without overlap', () => {
    const boxes = [floor.backlog, ...floor.stations.map((s) => s.box), floor.customer];
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x + boxes[i - 1]!.w);
    expect(floor.customer.x + floor.customer.w).toBe(area.x + area.w);
  });

  it('gives every person a desk inside the station', () => {
    for (const s of floor.stations) for (const d of s.desks) expect(d.x > s.box.x && d.x < s.box.x + s.box.w).toBe(true);
    expect(floor.stations[1]!.desks).toHaveLength(4);
  });

  it('fits cards full size while they fit, then half size', () => {
    const grid = floor.stations[0]!.grid;
    const few = fitGrid(grid, 5);
    expect(few.scale).toBe(1);
    const many = fitGrid(grid, few.capacity + 1);
    expect(many.scale).toBe(0.5);
    expect(many.capacity).toBeGreaterThan(few.capacity * 3);
    const last = many.position(many.capacity - 1);
    expect(last.y).toBeLessThan(grid.y + grid.h);
  });
});

describe('the scenario catalogue', () => {
  it('lists lessons first, then sandbox models, every built-in once', () => {
    const c = builtinCatalog();
    expect(c.map((e) => e.id).sort()).toEqual(builtinIds().sort());
    const lessons = c.filter((e) => e.order !== null);
    expect(lessons.map((e) => e.order)).toEqual([...lessons.map((e) => e.order)].sort((a, b) => a! - b!));
    expect(c.slice(0, lessons.length)).toEqual(lessons);
    expect(c[0]!.lesson).not.toBeNull();
    expect(c.every((e) => e.tagline.length > 0)).toBe(true);
  });
});
