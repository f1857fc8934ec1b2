/**
 * The spread of outcomes over many seeds: what a trainer means by "usually" and "in a bad
 * week". Runs with nothing done have no lead time and are counted, not averaged in as NaN.
 */
import { stdev, summarize, type Summary } from '../sim/index';
import type { RunRow } from './runSeeds';

export type Spread = Summary & { sd: number };

export interface RunStats {
  runs: number;
  /** Per-run mean lead time across runs: `mean` is the mean of the per-run means. */
  leadTime: Spread;
  /** Per-run 85th-percentile lead time across runs. */
  p85LeadTime: Spread;
  throughput: Spread;
  avgWip: Spread;
  done: Spread;
  /** Runs that finished no measured item (no lead time). */
  withoutLeadTime: number;
  stalled: number;
  stopped: number;
}

function spread(values: number[]): Spread {
  const xs = values.filter(Number.isFinite);
  return { ...summarize(xs), sd: stdev(xs) };
}

export function runStats(rows: readonly RunRow[]): RunStats {
  return {
    runs: rows.length,
    leadTime: spread(rows.map((r) => r.meanLeadTime)),
    p85LeadTime: spread(rows.map((r) => r.p85LeadTime)),
    throughput: spread(rows.map((r) => r.throughput)),
    avgWip: spread(rows.map((r) => r.avgWip)),
    done: spread(rows.map((r) => r.done)),
    withoutLeadTime: rows.filter((r) => !Number.isFinite(r.meanLeadTime)).length,
    stalled: rows.filter((r) => r.stalled).length,
    stopped: rows.filter((r) => r.status === 'stopped').length,
  };
}
