import { describe, expect, it } from 'vitest';
import { placeLabels, spreadLabels, type Rect } from '../../src/ui/charts/LabelLayout';
import { binTarget, decimalsFor, formatTick, niceBins, niceNumber, niceScale } from '../../src/ui/charts/NiceScale';

describe('round axis ticks', () => {
  it('picks 1, 2, 2.5, 5 x 10^k steps', () => {
    expect([0.7, 1.4, 1.8, 3, 4, 8, 12, 230].map((x) => niceNumber(x, true))).toEqual([0.5, 1, 2, 2.5, 5, 10, 10, 250]);
    expect(niceNumber(0, true)).toBe(1);
    expect(decimalsFor(5)).toBe(0);
    expect(decimalsFor(2.5)).toBe(1);
    expect(decimalsFor(0.25)).toBe(2);
    expect(formatTick(-0.0001, 1)).toBe('0.0');
  });

  it('extends value axes to whole ticks and keeps time axes as given', () => {
    expect(niceScale(0, 73, { integer: true })).toMatchObject({ min: 0, max: 80, step: 20, ticks: [0, 20, 40, 60, 80] });
    expect(niceScale(0, 0.37)).toMatchObject({ min: 0, max: 0.4, ticks: [0, 0.1, 0.2, 0.3, 0.4], decimals: 1 });
    const time = niceScale(20, 40, { mode: 'inside', maxTicks: 7 });
    expect(time).toMatchObject({ min: 20, max: 40, ticks: [20, 25, 30, 35, 40] });
    const odd = niceScale(6666.67, 13333.3, { mode: 'inside', maxTicks: 7 });
    expect(odd.min).toBe(6666.67);
    expect(odd.ticks).toEqual([7000, 8000, 9000, 10000, 11000, 12000, 13000]);
  });

  it('never gives counts a fractional step and never more ticks than asked', () => {
    for (let max = 1; max < 200; max += 0.7) {
      for (const maxTicks of [3, 4, 5, 6]) {
        const s = niceScale(0, max, { integer: true, maxTicks });
        expect(Number.isInteger(s.step)).toBe(true);
        expect(s.ticks.length).toBeLessThanOrEqual(maxTicks);
        expect(s.max).toBeGreaterThanOrEqual(max - 1e-9);
        expect(s.ticks[0]).toBe(0);
      }
    }
  });

  it('gives a flat or empty range some room', () => {
    expect(niceScale(0, 0)).toMatchObject({ min: 0, max: 1 });
    const one = niceScale(5, 5);
    expect(one.min).toBeLessThan(5);
    expect(one.max).toBeGreaterThan(5);
    expect(niceScale(NaN, NaN)).toMatchObject({ min: 0, max: 1 });
  });
});

describe('histogram bins', () => {
  it('uses a round width and puts every value in a bin', () => {
    const values = [0.4, 1.2, 2.5, 2.6, 3.9, 7.1, 15.2];
    const b = niceBins(values, 8);
    expect([1, 2, 2.5, 5]).toContain(b.width);
    expect(b.counts.reduce((a, c) => a + c, 0)).toBe(values.length);
    expect(b.start).toBeLessThanOrEqual(0.4);
    expect(b.start + b.width * b.counts.length).toBeGreaterThan(15.2);
  });

  it('copes with one value, equal values and none', () => {
    expect(niceBins([4, 4, 4])).toEqual({ start: 4, width: 1, counts: [3] });
    expect(niceBins([]).counts).toEqual([]);
    expect(niceBins([NaN, 2]).counts.reduce((a, c) => a + c, 0)).toBe(1);
    expect(binTarget(1)).toBe(5);
    expect(binTarget(45)).toBe(11);
    expect(binTarget(5000)).toBe(14);
  });
});

describe('label layout', () => {
  it('leaves labels that do not overlap where they are', () => {
    expect(spreadLabels([10, 50, 90], 17, 0, 200)).toEqual([10, 50, 90]);
  });

  it('spreads overlapping labels around where they wanted to be, keeping their order', () => {
    const ys = spreadLabels([100, 104, 102], 20, 0, 400);
    const sorted = [...ys].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(20 - 1e-9);
    expect(ys[0]).toBeLessThan(ys[2]!);
    expect(ys[2]).toBeLessThan(ys[1]!);
    expect((ys[0]! + ys[1]! + ys[2]!) / 3).toBeCloseTo(102, 9);
  });

  it('keeps labels inside the bounds', () => {
    const ys = spreadLabels([0, 1, 2], 10, 0, 100);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    const low = spreadLabels([99, 100], 10, 0, 100);
    expect(Math.max(...low)).toBeLessThanOrEqual(100);
  });

  it('places labels beside points without overlapping each other or the points', () => {
    const bounds: Rect = { x: 0, y: 0, width: 400, height: 300 };
    const points = [
      { x: 100, y: 150 },
      { x: 110, y: 152 },
      { x: 390, y: 150 },
      { x: 200, y: 5 },
    ];
    const obstacles = points.map((p) => ({ x: p.x - 6, y: p.y - 6, width: 12, height: 12 }));
    const places = placeLabels(points.map((p) => ({ ...p, width: 80, height: 17, offset: 11 })), bounds, obstacles);
    for (let i = 0; i < places.length; i++) {
      const r = places[i]!.rect;
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(400);
      expect(r.y + r.height).toBeLessThanOrEqual(300);
      for (const o of obstacles) expect(r.x < o.x + o.width && o.x < r.x + r.width && r.y < o.y + o.height && o.y < r.y + r.height).toBe(false);
      for (let j = 0; j < i; j++) {
        const q = places[j]!.rect;
        expect(r.x < q.x + q.width && q.x < r.x + r.width && r.y < q.y + q.height && q.y < r.y + r.height).toBe(false);
      }
    }
    // The first point's right side holds its neighbour, so its label goes left, level with it;
    // the neighbour keeps the right side; the point at the right edge is labelled on its left;
    // the label of the point at the top moves down into the bounds.
    expect(places.map((p) => [p.left, p.dy])).toEqual([[true, 0], [false, 0], [true, 0], [false, 9.5]]);
  });
});
