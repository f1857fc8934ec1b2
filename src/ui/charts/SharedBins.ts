/**
 * Histogram bins for two distributions drawn one above the other: one set of round-width bins
 * over both, so the bars line up and the eye compares like with like. Values that are not finite
 * (a round with nothing done has no lead time) are left out and counted. Pure (the what-if
 * scene's charts; unit-tested in Node).
 */
import { binTarget, niceBins } from './NiceScale';

export interface SharedBins {
  readonly start: number;
  readonly width: number;
  /** Counts per bin, A and B. */
  readonly a: readonly number[];
  readonly b: readonly number[];
  /** Values left out of A and B. */
  readonly excludedA: number;
  readonly excludedB: number;
}

function countInto(values: readonly number[], start: number, width: number, n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    counts[Math.min(n - 1, Math.max(0, Math.floor((v - start) / width + 1e-9)))]!++;
  }
  return counts;
}

export function sharedBins(a: readonly number[], b: readonly number[], target?: number): SharedBins {
  const finiteA = a.filter((v) => Number.isFinite(v));
  const finiteB = b.filter((v) => Number.isFinite(v));
  const all = [...finiteA, ...finiteB];
  const bins = niceBins(all, target ?? binTarget(Math.max(finiteA.length, finiteB.length)));
  const n = bins.counts.length;
  return {
    start: bins.start,
    width: bins.width,
    a: n === 0 ? [] : countInto(finiteA, bins.start, bins.width, n),
    b: n === 0 ? [] : countInto(finiteB, bins.start, bins.width, n),
    excludedA: a.length - finiteA.length,
    excludedB: b.length - finiteB.length,
  };
}
