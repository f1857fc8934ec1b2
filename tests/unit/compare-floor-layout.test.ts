/**
 * The compact floor (half the screen, for Compare): stations still side by side without overlap,
 * a crowded station's desks in two rows far enough apart for the avatars, and the full-width
 * floor of Play unchanged.
 */
import { describe, expect, it } from 'vitest';
import { layoutFloor } from '../../src/ui/floor/FloorLayout';

const half = { x: 24, y: 128, w: 612, h: 288 };

describe('the compact floor layout', () => {
  it('gives the stations all of half the screen, side by side, without side columns', () => {
    const f = layoutFloor(half, [1, 2, 2, 2, 1].map((people, i) => ({ id: `c${i}`, people })), { compact: true });
    const boxes = f.stations.map((s) => s.box);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x).toBeGreaterThan(boxes[i - 1]!.x + boxes[i - 1]!.w);
    expect(boxes[0]!.x).toBe(half.x);
    expect(boxes[boxes.length - 1]!.x + boxes[boxes.length - 1]!.w).toBeGreaterThan(half.x + half.w - 5);
    expect(f.backlog.w).toBe(0);
    expect(f.customer.w).toBe(0);
    // Wide enough for a name like "Development" at 16 px bold (about 100 px) inside 10 px padding.
    for (const b of boxes) expect(b.w).toBeGreaterThanOrEqual(115);
    expect(f.deskRows).toBe(1);
  });

  it('puts a crowded station in two rows of desks, at least 30 px apart, and every grid below them', () => {
    const f = layoutFloor(half, [{ id: 'dev', people: 8 }, { id: 'test', people: 8 }, { id: 'rel', people: 1 }], { compact: true });
    expect(f.deskRows).toBe(2);
    const dev = f.stations[0]!;
    const rows = new Set(dev.desks.map((d) => d.y));
    expect(rows.size).toBe(2);
    expect(dev.deskSpacing).toBeGreaterThanOrEqual(30);
    for (const s of f.stations) {
      for (const d of s.desks) expect(d.x > s.box.x && d.x < s.box.x + s.box.w).toBe(true);
      expect(s.grid.y).toBeGreaterThan(Math.max(...s.desks.map((d) => d.y)) + 30);
      expect(s.grid.h).toBeGreaterThan(40);
    }
  });

  it('leaves the full-width floor of Play as it was: one row of desks, wider side columns', () => {
    const area = { x: 24, y: 204, w: 1232, h: 404 };
    const f = layoutFloor(area, [{ id: 'dev', people: 8 }, { id: 'test', people: 8 }, { id: 'rel', people: 1 }]);
    expect(f.compact).toBe(false);
    expect(f.deskRows).toBe(1);
    expect(f.backlog.w).toBe(112);
    expect(new Set(f.stations[0]!.desks.map((d) => d.y)).size).toBe(1);
  });
});
