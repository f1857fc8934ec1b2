/** The what-if result in plain words: B's typical number against A's, and how often B did better. Pure. */
import { duration, fixed, plural } from '../Format';
import type { MetricSummary, WhatIfMetric } from './WhatIfSummary';

/** Lead time is promised at the 85th percentile; throughput is read at its median. */
export const HEADLINE_PERCENTILE: Readonly<Record<WhatIfMetric, 'p50' | 'p85'>> = { leadTime: 'p85', throughput: 'p50' };

const NAME: Readonly<Record<WhatIfMetric, string>> = { leadTime: 'lead time', throughput: 'throughput' };

export function formatMetric(metric: WhatIfMetric, x: number, unit: string): string {
  return metric === 'leadTime' ? duration(x, unit, 1) : `${fixed(x, 2)} per ${unit}`;
}

/** "Your plan: p85 lead time 3.1 days against 5.4 — lower in 87% of the seeds." */
export function compareLine(metric: WhatIfMetric, m: MetricSummary, labelA: string, labelB: string, unit: string): string {
  const name = NAME[metric];
  if (m.pairs === 0) return `${name[0]!.toUpperCase()}${name.slice(1)}: no seed where both finished work, nothing to compare.`;
  if (m.same === 1) return `${labelB} and ${labelA} give the same ${name} on every seed.`;
  const p = HEADLINE_PERCENTILE[metric];
  const b = formatMetric(metric, m.b[p], unit);
  const a = metric === 'leadTime' ? fixed(m.a[p], 1) : fixed(m.a[p], 2);
  const better = metric === 'leadTime' ? 'lower' : 'higher';
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const ties = m.same > 0 ? `, the same in ${pct(m.same)}` : '';
  return `${labelB}: ${p} ${name} ${b} against ${a} — ${better} in ${pct(m.bBetter)} of the seeds${ties}.`;
}

/** "12 seeds finished nothing under A and are left out of its lead time." */
export function excludedLine(m: MetricSummary, unit: string): string | null {
  const parts: string[] = [];
  if (m.a.excluded > 0) parts.push(`A: ${m.a.excluded}`);
  if (m.b.excluded > 0) parts.push(`B: ${m.b.excluded}`);
  return parts.length === 0 ? null : `Seeds that finished nothing in the ${plural(unit, 2)} measured have no lead time and are left out (${parts.join(', ')}).`;
}
