/**
 * "This round against the earlier ones", as a table: one column per round, one row per measure,
 * values formatted for the screen, and each value marked better / worse / same against the round
 * before it. A move of 5% or less is "same" (see Change.ts), so noise is not called progress.
 */
import { duration, fixed, percent } from '../Format';
import { relativeChange } from './Change';
import type { RoundStats } from './RoundStats';

export type Verdict = 'better' | 'worse' | 'same';

export interface ComparisonRow {
  label: string;
  /** One formatted value per round, in the rounds' order. */
  values: string[];
  /** Per round, against the round before; null for the first round and for missing values. */
  better: (Verdict | null)[];
}

export interface RoundComparison {
  /** The rounds' titles, one per column. */
  columns: string[];
  rows: ComparisonRow[];
}

interface Measure {
  label: string;
  get: (r: RoundStats) => number | null;
  format: (x: number | null) => string;
  /** Which way is good. */
  higherIsBetter: boolean;
}

function verdict(previous: number | null, current: number | null, higherIsBetter: boolean): Verdict | null {
  const c = relativeChange(previous, current);
  if (c === null) return null;
  if (c.direction === 'held') return 'same';
  return (c.direction === 'rose') === higherIsBetter ? 'better' : 'worse';
}

function measures(rounds: readonly RoundStats[], unit: string): Measure[] {
  const list: Measure[] = [
    { label: 'Items done', get: (r) => r.done, format: (x) => fixed(x, 0), higherIsBetter: true },
    { label: `Throughput per ${unit}`, get: (r) => r.throughput, format: (x) => fixed(x, 2), higherIsBetter: true },
    { label: 'Lead time, mean', get: (r) => r.leadTimeMean, format: (x) => duration(x, unit), higherIsBetter: false },
    { label: 'Lead time, 85%', get: (r) => r.leadTimeP85, format: (x) => duration(x, unit), higherIsBetter: false },
    { label: 'Average WIP', get: (r) => r.avgWip, format: (x) => fixed(x, 1), higherIsBetter: false },
    { label: 'Flow efficiency', get: (r) => r.flowEfficiency, format: percent, higherIsBetter: true },
    { label: 'Score', get: (r) => r.score, format: (x) => fixed(x, 0), higherIsBetter: true },
  ];
  if (rounds.some((r) => r.deployments > 0)) {
    list.push(
      { label: 'Deployments', get: (r) => r.deployments, format: (x) => fixed(x, 0), higherIsBetter: true },
      { label: 'Change failure rate', get: (r) => r.changeFailureRate, format: percent, higherIsBetter: false },
      { label: 'Time to restore', get: (r) => r.timeToRestore, format: (x) => duration(x, unit), higherIsBetter: false },
    );
  }
  return list;
}

/** The comparison table for the rounds so far (oldest first). `timeUnit` is singular ("day"). */
export function compareRounds(rounds: readonly RoundStats[], timeUnit = 'day'): RoundComparison {
  const rows = measures(rounds, timeUnit).map((m) => {
    const raw = rounds.map(m.get);
    return {
      label: m.label,
      values: raw.map((x) => m.format(x)),
      better: raw.map((x, i) => (i === 0 ? null : verdict(raw[i - 1] ?? null, x, m.higherIsBetter))),
    };
  });
  return { columns: rounds.map((r) => r.title), rows };
}
