/**
 * Task sizes and arrival gaps come from these samplers, so they must never give a negative or
 * non-finite duration, and their long-run mean must be the mean a trainer wrote (meanOf). The
 * draws come from a fixed named stream, so these checks are exact repeats, not flaky.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistributionSpec } from '../../src/scenario/ScenarioSchema';
import { Distribution } from '../../src/scenario/ScenarioSchema';
import { makeSampler, meanOf } from '../../src/sim/Distribution';
import { RandomStreams } from '../../src/sim/RandomStreams';
import { mean, stdev } from '../../src/sim/Statistics';

const N = 20_000;

function draw(spec: DistributionSpec, n = N, stream = 'test'): number[] {
  const rng = new RandomStreams('distributions').get(`${stream}:${JSON.stringify(spec)}`);
  const sample = makeSampler(spec);
  return Array.from({ length: n }, () => sample(rng));
}

/** The specs under test, with their true standard deviation where it has a closed form. */
const CASES: Array<{ name: string; spec: DistributionSpec; sd: number }> = [
  { name: 'plain number', spec: 3.5, sd: 0 },
  { name: 'constant', spec: { type: 'constant', value: 2 }, sd: 0 },
  { name: 'constant zero', spec: { type: 'constant', value: 0 }, sd: 0 },
  { name: 'uniform', spec: { type: 'uniform', min: 1, max: 3 }, sd: 2 / Math.sqrt(12) },
  { name: 'uniform degenerate', spec: { type: 'uniform', min: 2, max: 2 }, sd: 0 },
  { name: 'exponential', spec: { type: 'exponential', mean: 0.7 }, sd: 0.7 },
  {
    name: 'triangular',
    spec: { type: 'triangular', min: 1, mode: 2, max: 4 },
    sd: Math.sqrt((1 + 4 + 16 - 1 * 2 - 1 * 4 - 2 * 4) / 18),
  },
  { name: 'triangular with mode at min', spec: { type: 'triangular', min: 0, mode: 0, max: 3 }, sd: Math.sqrt(9 / 18) },
  { name: 'triangular with mode at max', spec: { type: 'triangular', min: 0, mode: 3, max: 3 }, sd: Math.sqrt(9 / 18) },
  { name: 'lognormal', spec: { type: 'lognormal', mean: 0.8, sd: 0.4 }, sd: 0.4 },
  { name: 'gamma (shape 4)', spec: { type: 'gamma', mean: 2, sd: 1 }, sd: 1 },
  // Shape below 1 takes the engine's "boost" branch.
  { name: 'gamma (shape 0.25)', spec: { type: 'gamma', mean: 1, sd: 2 }, sd: 2 },
  { name: 'dice 2d6', spec: { type: 'dice', count: 2, sides: 6 }, sd: Math.sqrt((2 * (36 - 1)) / 12) },
  { name: 'dice 3d4 scaled', spec: { type: 'dice', count: 3, sides: 4, scale: 0.5 }, sd: 0.5 * Math.sqrt((3 * (16 - 1)) / 12) },
  { name: 'empirical', spec: { type: 'empirical', values: [1, 2, 5] }, sd: Math.sqrt((1 + 4 + 25) / 3 - (8 / 3) ** 2) },
  {
    name: 'empirical weighted',
    spec: { type: 'empirical', values: [0.5, 1, 8], weights: [6, 3, 1] },
    sd: Math.sqrt(0.6 * 0.25 + 0.3 * 1 + 0.1 * 64 - 1.4 ** 2),
  },
];

describe('distribution samplers', () => {
  it('the test specs are valid scenario distributions', () => {
    for (const c of CASES) expect(Distribution.safeParse(c.spec).success, c.name).toBe(true);
  });

  describe.each(CASES)('$name', ({ spec, sd }) => {
    const xs = draw(spec);

    it('gives finite, non-negative samples', () => {
      expect(xs.filter((x) => !(Number.isFinite(x) && x >= 0))).toEqual([]);
    });

    it('has the sample mean of meanOf() within sampling error', () => {
      // Five standard errors: a real parameter mistake is far larger than that.
      const se = sd / Math.sqrt(xs.length);
      expect(Math.abs(mean(xs) - meanOf(spec))).toBeLessThanOrEqual(5 * se + 1e-12);
    });

    it('has the spread the spec asks for', () => {
      if (sd === 0) expect(new Set(xs).size).toBe(1);
      else expect(stdev(xs) / sd).toBeCloseTo(1, 1);
    });
  });

  it('stays inside [min, max] for uniform and triangular', () => {
    expect(draw({ type: 'uniform', min: 1, max: 3 }).filter((x) => x < 1 || x > 3)).toEqual([]);
    expect(draw({ type: 'triangular', min: 1, mode: 2, max: 4 }).filter((x) => x < 1 || x > 4)).toEqual([]);
  });

  it('rolls dice: whole numbers from N to N*S, every face reachable', () => {
    const xs = draw({ type: 'dice', count: 3, sides: 6 });
    expect(xs.filter((x) => !Number.isInteger(x) || x < 3 || x > 18)).toEqual([]);
    expect(new Set(xs).size).toBe(16);
  });

  it('scales dice by whole multiples of the scale', () => {
    const pips = draw({ type: 'dice', count: 2, sides: 4, scale: 0.25 }).map((x) => x / 0.25);
    expect(pips.filter((p) => !Number.isInteger(p) || p < 2 || p > 8)).toEqual([]);
  });

  it('draws empirical values only from the list, at their weights', () => {
    const values = [0.5, 1, 8, 3];
    const weights = [6, 3, 1, 0];
    const xs = draw({ type: 'empirical', values, weights });
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.keys()].every((v) => values.includes(v))).toBe(true);
    // A zero weight is never drawn.
    expect(counts.get(3)).toBeUndefined();
    values.forEach((v, i) => {
      const p = weights[i]! / 10;
      const se = Math.sqrt((p * (1 - p)) / xs.length);
      expect(Math.abs((counts.get(v) ?? 0) / xs.length - p)).toBeLessThanOrEqual(5 * se + 1e-12);
    });
  });

  it('keeps triangular samples inside [min, max] even for a vanishingly small range', () => {
    // min = mode = 0 and a subnormal-squared max: b - sqrt((b - a) * (b - c)) rounds below zero.
    const sample = makeSampler({ type: 'triangular', min: 0, mode: 0, max: 3e-158 });
    const x = sample(() => 0);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(3e-158);
  });

  it('draws only from the stream it is given, so a replayed stream replays the samples', () => {
    for (const c of CASES) {
      const a = new RandomStreams('replay').get('x');
      const b = new RandomStreams('replay').get('x');
      const sample = makeSampler(c.spec);
      const first = Array.from({ length: 50 }, () => sample(a));
      expect(Array.from({ length: 50 }, () => sample(b)), c.name).toEqual(first);
    }
  });

  it('never gives a negative or non-finite value for any valid spec, even at the stream extremes', () => {
    // Durations a scenario could mean: zero, or from a microsecond-ish 1e-6 up (subnormal sizes have their own test).
    const duration = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1000, noNaN: true, noDefaultInfinity: true }));
    const positive = fc.double({ min: 1e-3, max: 1000, noNaN: true, noDefaultInfinity: true });
    const specArb: fc.Arbitrary<DistributionSpec> = fc.oneof(
      duration,
      duration.map((value) => ({ type: 'constant' as const, value })),
      fc.tuple(duration, duration).map(([a, b]) => ({ type: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
      positive.map((mean) => ({ type: 'exponential' as const, mean })),
      fc
        .tuple(duration, duration, duration)
        .filter(([a, b, c]) => new Set([a, b, c]).size > 1)
        .map((v) => {
          const [min, mode, max] = v.sort((x, y) => x - y);
          return { type: 'triangular' as const, min: min!, mode: mode!, max: max! };
        }),
      fc.tuple(positive, positive).map(([mean, sd]) => ({ type: 'lognormal' as const, mean, sd })),
      fc.tuple(positive, positive).map(([mean, sd]) => ({ type: 'gamma' as const, mean, sd })),
      fc.record({ type: fc.constant('dice' as const), count: fc.integer({ min: 1, max: 100 }), sides: fc.integer({ min: 2, max: 1000 }) }),
      fc
        .array(fc.tuple(duration, fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 6 })
        .filter((vw) => vw.some(([, w]) => w > 0))
        .map((vw) => ({ type: 'empirical' as const, values: vw.map(([v]) => v), weights: vw.map(([, w]) => w) })),
    );
    // Uniform draws at the edges of [0, 1) are where logs and square roots go wrong. The edge
    // values come first, then a real stream: the normal and gamma samplers reject some draws,
    // so a stream stuck on one value would (rightly) keep them drawing forever.
    const edgeArb = fc.constantFrom(0, 1e-300, 0.5, 1 - 2 ** -53);
    fc.assert(
      fc.property(specArb, fc.array(edgeArb, { maxLength: 16 }), fc.integer(), (spec, edges, seed) => {
        expect(Distribution.safeParse(spec).success).toBe(true);
        const stream = new RandomStreams(String(seed)).get('edges');
        let i = 0;
        const rng = () => (i < edges.length ? edges[i++]! : stream());
        const sample = makeSampler(spec);
        const xs = Array.from({ length: 20 }, () => sample(rng));
        expect(xs.filter((x) => !(Number.isFinite(x) && x >= 0))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
