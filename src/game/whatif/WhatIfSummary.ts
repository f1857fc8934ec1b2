/**
 * What a what-if run says: for each policy and metric the spread over the seeds (p50, p85, p95,
 * nearest rank as everywhere in the game), and, seed by seed, how often B beat A. Both policies
 * see the same work on a seed (common random numbers), so comparing them seed by seed is fair.
 * Seeds where a round finished nothing have no lead time: they are left out and counted.
 * Pure: no Phaser, no DOM.
 */
import { mean, percentileSorted } from '../../sim/Statistics';
import type { SeedOutcome, WindowNumbers } from './SeedOutcome';

export type WhatIfMetric = 'leadTime' | 'throughput';
export type WhatIfScope = 'round' | 'rest';

export const WHATIF_METRICS: readonly WhatIfMetric[] = ['leadTime', 'throughput'];

/** Lower lead time is better; higher throughput is better. */
export const LOWER_IS_BETTER: Readonly<Record<WhatIfMetric, boolean>> = { leadTime: true, throughput: false };

export interface Spread {
  /** Seeds with a number. */
  readonly count: number;
  /** Seeds left out (nothing done: no lead time). */
  readonly excluded: number;
  readonly mean: number;
  readonly p50: number;
  readonly p85: number;
  readonly p95: number;
}

export interface MetricSummary {
  readonly a: Spread;
  readonly b: Spread;
  /** Seeds where both have a number. */
  readonly pairs: number;
  /** Share of those seeds (0..1) where B was better than A; NaN with no pairs. */
  readonly bBetter: number;
  /** Share where they were equal. */
  readonly same: number;
}

export type ScopeSummary = Readonly<Record<WhatIfMetric, MetricSummary>>;

export interface WhatIfSummary {
  readonly seeds: number;
  readonly round: ScopeSummary;
  readonly rest: ScopeSummary;
}

/** The spread of the finite values; NaN (and infinities) are left out and counted. */
export function spreadOf(values: readonly number[]): Spread {
  const kept = values.filter((v) => Number.isFinite(v));
  const sorted = Float64Array.from(kept).sort();
  return {
    count: sorted.length,
    excluded: values.length - sorted.length,
    mean: mean(sorted),
    p50: percentileSorted(sorted, 50),
    p85: percentileSorted(sorted, 85),
    p95: percentileSorted(sorted, 95),
  };
}

/** Seed-by-seed comparison: the share of seeds where b beats a, and where they tie. */
export function pairedShare(a: readonly number[], b: readonly number[], lowerIsBetter: boolean): { pairs: number; bBetter: number; same: number } {
  let pairs = 0, better = 0, same = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!, y = b[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    pairs++;
    // Equal within rounding noise counts as the same.
    if (Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) same++;
    else if (lowerIsBetter ? y < x : y > x) better++;
  }
  return { pairs, bBetter: pairs > 0 ? better / pairs : NaN, same: pairs > 0 ? same / pairs : NaN };
}

function metricSummary(a: readonly number[], b: readonly number[], metric: WhatIfMetric): MetricSummary {
  return { a: spreadOf(a), b: spreadOf(b), ...pairedShare(a, b, LOWER_IS_BETTER[metric]) };
}

/** Seed by seed, in the order of the seeds: A's and B's outcomes must be for the same seeds. */
export function summarizeWhatIf(a: readonly SeedOutcome[], b: readonly SeedOutcome[]): WhatIfSummary {
  const scope = (pick: (o: SeedOutcome) => WindowNumbers): ScopeSummary => {
    const of = (os: readonly SeedOutcome[], m: WhatIfMetric) => os.map((o) => pick(o)[m]);
    return {
      leadTime: metricSummary(of(a, 'leadTime'), of(b, 'leadTime'), 'leadTime'),
      throughput: metricSummary(of(a, 'throughput'), of(b, 'throughput'), 'throughput'),
    };
  };
  return { seeds: Math.min(a.length, b.length), round: scope((o) => o.round), rest: scope((o) => o.rest) };
}
