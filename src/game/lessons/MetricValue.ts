/**
 * Reads one named number out of a round's (or a whole game's) stats, for proofs, the facilitator
 * guide's tables and the debrief's "your numbers". Null when the round has no such number (no
 * items finished, no deployments, no such center).
 */
import type { MetricRefSpec, ProofMetric } from '../../scenario/GameSchema';
import type { RoundStats } from '../debrief/RoundStats';

export function metricValue(stats: RoundStats, ref: MetricRefSpec): number | null {
  const center = () => stats.utilisation.find((c) => c.id === ref.center);
  switch (ref.metric) {
    case 'score': return stats.score;
    case 'value': return stats.value;
    case 'done': return stats.done;
    case 'throughput': return stats.throughput;
    case 'leadTimeMean': return stats.leadTimeMean;
    case 'leadTimeP85': return stats.leadTimeP85;
    case 'avgWip': return stats.avgWip;
    case 'flowEfficiency': return stats.flowEfficiency;
    case 'queueTime': return center()?.queueTime ?? null;
    case 'serviceTime': return center()?.serviceTime ?? null;
    case 'utilisation': return center()?.value ?? null;
    case 'personBusy': return stats.people.find((p) => p.id === ref.person)?.value ?? null;
    case 'deployments': return stats.deployments;
    case 'changeFailureRate': return stats.changeFailureRate;
    case 'timeToRestore': return stats.timeToRestore;
    case 'leadTimeForChanges': return stats.leadTimeForChanges;
    case 'outageTime': return stats.outageTime;
    case 'reworks': return stats.reworks;
    case 'lateItems': return stats.lateItems;
  }
}

/** Whether a smaller number is the better one (lead times, waiting, failures). */
export function lowerIsBetter(metric: ProofMetric): boolean {
  return LOWER_IS_BETTER.has(metric);
}

/**
 * Which way is good: busy shares are neither (a constraint busier is better, Brent less busy
 * while more gets done is better too), so the debrief marks no verdict on them.
 */
export function goodDirection(metric: ProofMetric): 'higher' | 'lower' | 'neither' {
  if (metric === 'utilisation' || metric === 'personBusy') return 'neither';
  return LOWER_IS_BETTER.has(metric) ? 'lower' : 'higher';
}

const LOWER_IS_BETTER = new Set<ProofMetric>([
  'leadTimeMean', 'leadTimeP85', 'avgWip', 'queueTime', 'changeFailureRate', 'timeToRestore',
  'leadTimeForChanges', 'outageTime', 'reworks', 'lateItems',
]);

/** What the number is called on screen and in the guide, and how it is written. */
export interface MetricLabel {
  readonly name: string;
  /** 'time' values are in the scenario's time unit; 'share' are 0..1 shown as percent. */
  readonly kind: 'count' | 'rate' | 'time' | 'share' | 'points';
}

export function metricLabel(ref: MetricRefSpec, names: { center?: string; person?: string } = {}): MetricLabel {
  const c = names.center ?? ref.center ?? '';
  const p = names.person ?? ref.person ?? '';
  switch (ref.metric) {
    case 'score': return { name: 'Score', kind: 'points' };
    case 'value': return { name: 'Value delivered', kind: 'points' };
    case 'done': return { name: 'Items done', kind: 'count' };
    case 'throughput': return { name: 'Throughput', kind: 'rate' };
    case 'leadTimeMean': return { name: 'Lead time, mean', kind: 'time' };
    case 'leadTimeP85': return { name: 'Lead time, 85th pct', kind: 'time' };
    case 'avgWip': return { name: 'WIP, average', kind: 'count' };
    case 'flowEfficiency': return { name: 'Flow efficiency', kind: 'share' };
    case 'queueTime': return { name: `Wait at ${c}`, kind: 'time' };
    case 'serviceTime': return { name: `Work time at ${c}`, kind: 'time' };
    case 'utilisation': return { name: `${c} busy`, kind: 'share' };
    case 'personBusy': return { name: `${p} busy`, kind: 'share' };
    case 'deployments': return { name: 'Deployments', kind: 'count' };
    case 'changeFailureRate': return { name: 'Change failure rate', kind: 'share' };
    case 'timeToRestore': return { name: 'Time to restore', kind: 'time' };
    case 'leadTimeForChanges': return { name: 'Lead time for changes', kind: 'time' };
    case 'outageTime': return { name: 'Outage time', kind: 'time' };
    case 'reworks': return { name: 'Items reworked', kind: 'count' };
    case 'lateItems': return { name: 'Items late', kind: 'count' };
  }
}
