/** The readable report of a batch of seeds: one line per measure, its spread across runs. */
import type { Model } from '../sim/index';
import type { RunStats, Spread } from './runStats';
import { num, short, table } from './textFormat';

export interface BatchInfo {
  firstSeed: number;
  until: number;
  workers: number;
  /** Seeds each thread ran: [this thread, worker 1, ...]. */
  perThread: number[];
  wallMs: number;
}

export function formatRuns(model: Model, stats: RunStats, info: BatchInfo): string {
  const unit = model.timeUnit;
  const last = info.firstSeed + stats.runs - 1;
  const row = (label: string, s: Spread, digits: number) =>
    [label, num(s.mean, digits), num(s.sd, digits), num(s.min, digits), num(s.p50, digits), num(s.p85, digits), num(s.p95, digits), num(s.max, digits)];
  const out = [
    `${model.scenario.title} (${model.scenario.id})`,
    `  ${stats.runs} runs, seeds ${info.firstSeed}..${last}, each to ${short(info.until)} ${unit}s${model.warmup > 0 ? ` (statistics after a warm-up of ${short(model.warmup)})` : ''}`,
    '',
    ...table([
      ['across runs', 'mean', 'sd', 'min', 'p50', 'p85', 'p95', 'max'],
      row(`lead time, run mean (${unit}s)`, stats.leadTime, 2),
      row(`lead time, run p85 (${unit}s)`, stats.p85LeadTime, 2),
      row(`throughput (per ${unit})`, stats.throughput, 3),
      row('WIP, time-average', stats.avgWip, 2),
      row('items done', stats.done, 1),
    ]),
    '',
  ];
  if (stats.withoutLeadTime > 0) out.push(`  ${stats.withoutLeadTime} runs finished no measured item and have no lead time`);
  const where = info.workers === 1 ? '1 thread (in-process)' : `${info.workers} threads (runs per thread, this one first: ${info.perThread.join(', ')})`;
  out.push(`  wall time ${(info.wallMs / 1000).toFixed(2)} s on ${where}`);
  return out.join('\n') + '\n';
}
