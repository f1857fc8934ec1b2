/**
 * "This round against the earlier ones", as a table: one column per round, one row per measure,
 * values formatted for the screen, and each value marked better / worse / same against the round
 * before it. A move of 5% or less is "same" (see Change.ts), so noise is not called progress.
 */
import { duration, fixed, percent } from '../Format';
import { relativeChange } from './Change';
import type { RoundStats } from './RoundStats';
import type { MetricRefSpec } from '../../scenario/GameSchema';
import { goodDirection, metricLabel, metricValue } from '../lessons/MetricValue';

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
  /** Which way is good; null: neither (no verdict). */
  higherIsBetter: boolean | null;
}

function verdict(previous: number | null, current: number | null, higherIsBetter: boolean | null): Verdict | null {
  const c = relativeChange(previous, current);
  if (c === null || higherIsBetter === null) return null;
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

/** Writes a lesson metric the way the screen shows it (durations with their unit, shares as percent). */
export function formatMetric(ref: MetricRefSpec, x: number | null, unit: string): string {
  switch (metricLabel(ref).kind) {
    case 'time': return duration(x, unit);
    case 'share': return percent(x);
    case 'rate': return fixed(x, 2);
    case 'points': return fixed(x, 0);
    case 'count': return fixed(x, ref.metric === 'avgWip' ? 1 : 0);
  }
}

/** The name a metric has on screen, with the center's or person's name from the round. */
export function metricName(ref: MetricRefSpec, r: RoundStats | undefined, unit: string): string {
  const center = r?.utilisation.find((c) => c.id === ref.center)?.name;
  const person = r?.people.find((p) => p.id === ref.person)?.name;
  const name = metricLabel(ref, { ...(center ? { center } : {}), ...(person ? { person } : {}) }).name;
  return ref.metric === 'throughput' ? `${name} per ${unit}` : name;
}

/** The lesson's own numbers (a scenario's `evidence`), then the score if they leave it out. */
function evidenceMeasures(rounds: readonly RoundStats[], unit: string, evidence: readonly MetricRefSpec[]): Measure[] {
  const refs = evidence.some((e) => e.metric === 'score') ? evidence : [...evidence, { metric: 'score' as const }];
  return refs.map((ref) => ({
    label: metricName(ref, rounds[0], unit),
    get: (r: RoundStats) => metricValue(r, ref),
    format: (x: number | null) => formatMetric(ref, x, unit),
    higherIsBetter: goodDirection(ref.metric) === 'neither' ? null : goodDirection(ref.metric) === 'higher',
  }));
}

/**
 * The comparison table for the rounds so far (oldest first). `timeUnit` is singular ("day").
 * With a lesson's `evidence`, the rows are the numbers that lesson is about.
 */
export function compareRounds(rounds: readonly RoundStats[], timeUnit = 'day', evidence: readonly MetricRefSpec[] = []): RoundComparison {
  const list = evidence.length > 0 ? evidenceMeasures(rounds, timeUnit, evidence) : measures(rounds, timeUnit);
  const rows = list.map((m) => {
    const raw = rounds.map(m.get);
    return {
      label: m.label,
      values: raw.map((x) => m.format(x)),
      better: raw.map((x, i) => (i === 0 ? null : verdict(raw[i - 1] ?? null, x, m.higherIsBetter))),
    };
  });
  return { columns: rounds.map((r) => r.title), rows };
}
