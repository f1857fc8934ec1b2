/**
 * The readable report of one run: the flow numbers a trainer discusses, aligned so that a
 * terminal screenshot can go straight onto a slide.
 */
import type { RunMetrics, Simulation, Summary } from '../sim/index';
import { fields, num, pct, short, table } from './textFormat';

function times(s: Summary, unit: string): string {
  if (s.count === 0) return 'n/a (no items done)';
  return `mean ${num(s.mean)}  p50 ${num(s.p50)}  p85 ${num(s.p85)}  p95 ${num(s.p95)} ${unit}s  (${s.count} items)`;
}

export function formatSummary(sim: Simulation, m: RunMetrics): string {
  const model = sim.model;
  const unit = model.timeUnit;
  const status = sim.status === 'stopped' ? `stopped: ${sim.stopReason}` : sim.status === 'running' ? 'running (paused by --until)' : sim.status;
  const warmup = m.warmup <= 0 ? '' : m.time > m.warmup ? ` (statistics after a warm-up of ${short(m.warmup)})` : ` (still in the warm-up of ${short(m.warmup)}: no statistics yet)`;
  const out: string[] = [`${model.scenario.title} (${model.scenario.id})`];

  const head: [string, string][] = [
    ['seed', sim.seed],
    ['time', `${short(m.time)} of ${short(model.horizon)} ${unit}s, ${status}${warmup}`],
    ['items', `created ${m.created}, done ${m.done}, in progress ${m.wipNow}, in backlog ${m.backlogNow}`],
    ['WIP', `now ${m.wipNow}, time-average ${num(m.avgWip)}`],
    ['throughput', `${num(m.throughput, 3)} per ${unit}`],
    ['lead time', times(m.leadTime, unit)],
    ['time in process', times(m.timeInProcess, unit)],
    ['cycle time', times(m.cycleTime, unit)],
    ['flow efficiency', pct(m.flowEfficiency)],
  ];
  out.push(...fields(head), '');

  const centers = [['work center', 'utilisation', 'avg queue', 'mean queue time', 'done', 'WIP now']];
  for (const c of m.centers) centers.push([c.name, pct(c.utilisation), num(c.avgQueue), num(c.meanQueueTime), String(c.completions), String(c.wipNow)]);
  out.push(...table(centers));

  // Anonymous workers are summed up in their center's utilisation; named people matter by name.
  const named = m.people.filter((_, i) => model.people[i]!.named);
  if (named.length > 0) {
    const people = [['person', 'utilisation']];
    for (const p of named) people.push([p.name, pct(p.utilisation)]);
    out.push('', ...table(people));
  }

  if (model.centers.some((c) => c.deploy)) {
    const d = m.delivery;
    out.push('', '  delivery (four key metrics)');
    out.push(
      ...fields(
        [
          ['deployment frequency', `${num(d.deploymentFrequency, 3)} per ${unit} (${d.deployments} deployments)`],
          ['lead time for changes', Number.isFinite(d.leadTimeForChanges) ? `${num(d.leadTimeForChanges)} ${unit}s` : 'n/a'],
          ['change failure rate', `${pct(d.changeFailureRate)} (${d.failedDeployments} of ${d.deployments})`],
          ['time to restore', Number.isFinite(d.timeToRestore) ? `${num(d.timeToRestore)} ${unit}s` : 'n/a'],
        ],
        '    ',
      ),
    );
  }

  out.push(
    '',
    ...fields([
      ['late items', String(m.lateItems)],
      ['reworks', String(m.reworks)],
      ['escaped defects', String(m.escapedDefects)],
      ['value', num(m.value, 1)],
      ['event-log hash', `${sim.hash()} (${sim.log.count} events)`],
    ]),
  );
  return out.join('\n') + '\n';
}
