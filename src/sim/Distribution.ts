/**
 * Turns a distribution spec from a scenario into a sampler. Every sampler returns a finite
 * number >= 0 (durations can never be negative) and takes its uniform draws from the stream it
 * is given, so the caller decides which source of randomness pays for the draw.
 */
import type { DistributionSpec } from '../scenario/ScenarioSchema';
import type { Rng } from './RandomStreams';
import { pexp, plog, ppow } from './PortableMath';

export type Sampler = (rng: Rng) => number;

/**
 * Standard normal by Marsaglia's polar method: only +, *, sqrt and the portable log, so it
 * gives the same bits in every JavaScript engine (Math.cos/Math.log may not).
 */
function normal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng() - 1;
    const v = 2 * rng() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * plog(s)) / s);
  }
}

/** Gamma(shape k, scale 1) by Marsaglia and Tsang; for k < 1 uses the boost k+1 and u^(1/k). */
function gammaUnit(k: number, rng: Rng): number {
  if (k < 1) return gammaUnit(k + 1, rng) * ppow(1 - rng(), 1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let guard = 0; guard < 1000; guard++) {
    let x: number, v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (plog(u) < 0.5 * x * x + d - d * v + d * plog(v)) return d * v;
  }
  return k; // unreachable in practice: the acceptance rate is above 95%
}

export function makeSampler(spec: DistributionSpec): Sampler {
  if (typeof spec === 'number') {
    const v = spec;
    return () => v;
  }
  switch (spec.type) {
    case 'constant': {
      const v = spec.value;
      return () => v;
    }
    case 'uniform': {
      const { min, max } = spec;
      const w = max - min;
      return (rng) => min + w * rng();
    }
    case 'exponential': {
      const m = spec.mean;
      return (rng) => -m * plog(1 - rng());
    }
    case 'triangular': {
      const { min: a, mode: c, max: b } = spec;
      const fc = (c - a) / (b - a);
      return (rng) => {
        const u = rng();
        const x = u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
        // Rounding at tiny scales can step just outside [a, b]; durations must never be negative.
        return x < a ? a : x > b ? b : x;
      };
    }
    case 'lognormal': {
      // Parameters are the mean and sd of the duration itself, which is what a trainer knows.
      const s2 = plog(1 + (spec.sd * spec.sd) / (spec.mean * spec.mean));
      const mu = plog(spec.mean) - s2 / 2;
      const sigma = Math.sqrt(s2);
      return (rng) => pexp(mu + sigma * normal(rng));
    }
    case 'gamma': {
      const k = (spec.mean * spec.mean) / (spec.sd * spec.sd);
      const theta = (spec.sd * spec.sd) / spec.mean;
      return (rng) => theta * gammaUnit(k, rng);
    }
    case 'dice': {
      const { count, sides } = spec;
      const scale = spec.scale ?? 1;
      return (rng) => {
        let sum = 0;
        for (let i = 0; i < count; i++) sum += 1 + Math.floor(rng() * sides);
        return sum * scale;
      };
    }
    case 'empirical': {
      const values = spec.values.slice();
      const weights = spec.weights ?? values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      const cumulative: number[] = [];
      let acc = 0;
      for (const w of weights) cumulative.push((acc += w) / total);
      const last = values.length - 1;
      return (rng) => {
        const u = rng();
        for (let i = 0; i < last; i++) if (u < cumulative[i]!) return values[i]!;
        return values[last]!;
      };
    }
  }
}

/** Whether a sampler made from this spec ever draws from its stream (constants never do). */
export function drawsRandom(spec: DistributionSpec): boolean {
  return typeof spec !== 'number' && spec.type !== 'constant';
}

/** The mean of a distribution, for planning tools and feasibility checks. */
export function meanOf(spec: DistributionSpec): number {
  if (typeof spec === 'number') return spec;
  switch (spec.type) {
    case 'constant': return spec.value;
    case 'uniform': return (spec.min + spec.max) / 2;
    case 'exponential': return spec.mean;
    case 'triangular': return (spec.min + spec.mode + spec.max) / 3;
    case 'lognormal': return spec.mean;
    case 'gamma': return spec.mean;
    case 'dice': return (spec.count * (spec.sides + 1) * (spec.scale ?? 1)) / 2;
    case 'empirical': {
      const w = spec.weights ?? spec.values.map(() => 1);
      const total = w.reduce((a, b) => a + b, 0);
      return spec.values.reduce((acc, v, i) => acc + v * w[i]!, 0) / total;
    }
  }
}
