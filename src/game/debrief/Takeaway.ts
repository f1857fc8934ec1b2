/**
 * The debrief's plain-words reading of a round: a few sentences computed from its numbers and
 * the previous round's, always worded the same way for the same numbers (no randomness). The
 * first sentence is the headline; the rest follow in order of importance, so a screen with room
 * for two shows the two that matter most.
 */
import { capitalize, count, duration, fixed } from '../Format';
import { describeChange, relativeChange } from './Change';
import type { RoundStats } from './RoundStats';

/** Busy at least this share of the time: the likely constraint. */
export const CONSTRAINT_UTILISATION = 0.85;

const pct = (x: number) => `${Math.round(x * 100)}%`;

function baseline(r: RoundStats, unit: string): string {
  const wip = `${fixed(r.avgWip, 1)} items in progress on average`;
  if (r.done === 0 || r.leadTimeMean === null) return `Baseline: no items finished yet, ${wip}.`;
  const p85 = r.leadTimeP85 !== null ? `, 85% within ${duration(r.leadTimeP85, unit)}` : '';
  return (
    `Baseline: ${count(r.done, 'item')} done (${fixed(r.throughput, 1)} per ${unit}), ` +
    `lead time ${duration(r.leadTimeMean, unit)} on average${p85}, ${wip}.`
  );
}

function comparison(r: RoundStats, p: RoundStats): string[] {
  const out: string[] = [];
  const clauses: string[] = [];
  const wip = relativeChange(p.avgWip, r.avgWip);
  const lead = relativeChange(p.leadTimeMean, r.leadTimeMean);
  const thr = relativeChange(p.throughput, r.throughput);
  if (wip) clauses.push(`WIP ${describeChange(wip)}`);
  if (lead) clauses.push(`lead time ${describeChange(lead)}`);
  if (thr) clauses.push(`throughput ${describeChange(thr)}`);
  if (r.done === 0) out.push(`No items finished this round${wip ? `; WIP ${describeChange(wip)}` : ''}.`);
  else if (clauses.length > 0) out.push(`${capitalize(clauses.join(', '))}.`);
  // Little's law: lead time = WIP / throughput. Say it when WIP and lead time moved together.
  if (wip && lead && wip.direction !== 'held' && wip.direction === lead.direction && thr?.direction !== wip.direction) {
    out.push(
      wip.direction === 'fell'
        ? "Less work in progress, shorter lead time: Little's law (lead time = WIP ÷ throughput)."
        : "More work in progress, longer lead time: Little's law (lead time = WIP ÷ throughput).",
    );
  }
  return out;
}

function constraint(r: RoundStats, unit: string): string[] {
  const out: string[] = [];
  // Ties go to the first in the scenario's order, so the wording never depends on sorting.
  let person: RoundStats['people'][number] | undefined;
  for (const p of r.people) if (p.named && (person === undefined || p.value > person.value)) person = p;
  const personLine =
    person !== undefined && person.value >= CONSTRAINT_UTILISATION
      ? `${person.name} was busy ${pct(person.value)} of the time: everything that needs ${person.name} waits for ${person.name}.`
      : null;
  let top: RoundStats['utilisation'][number] | undefined;
  for (const c of r.utilisation) if (top === undefined || c.value > top.value) top = c;
  if (top !== undefined && top.value >= CONSTRAINT_UTILISATION) {
    const wait = top.queueTime !== null && top.queueTime > 0 ? ` (${duration(top.queueTime, unit)} on average)` : '';
    out.push(`${top.name} was busy ${pct(top.value)} of the time: work queued in front of it${wait}.`);
  } else if (top !== undefined && personLine === null && Math.round(top.value * 100) > 0) {
    // Only worth saying when no busy person explains the flow instead.
    out.push(`No work center was busy ${pct(CONSTRAINT_UTILISATION)} of the time; the busiest was ${top.name} at ${pct(top.value)}.`);
  }
  if (personLine !== null) out.push(personLine);
  return out;
}

function delivery(r: RoundStats, unit: string): string[] {
  const out: string[] = [];
  if (r.deployments > 0) {
    const failed = r.failedDeployments === 0 ? 'none failed' : `${r.failedDeployments} failed`;
    out.push(`${capitalize(count(r.deployments, 'deployment'))}, ${failed}.`);
  }
  if (r.outageTime > 0) out.push(`Unplanned work (incidents) was open for ${duration(r.outageTime, unit)} in total.`);
  if (r.reworks > 0) out.push(`${capitalize(count(r.reworks, 'item'))} went back for rework.`);
  if (r.lateItems > 0) out.push(`${capitalize(count(r.lateItems, 'item'))} finished late.`);
  return out;
}

function score(r: RoundStats, p: RoundStats | null): string | null {
  const now = Math.round(r.score);
  const before = p === null ? null : Math.round(p.score);
  // A scenario without value or penalties scores 0 every round: nothing to say.
  if (now === 0 && (before === null || before === 0)) return null;
  if (before === null) return `Score: ${now}.`;
  if (now === before) return `Score: ${now}, the same as last round.`;
  return `Score: ${now}, ${now > before ? 'up' : 'down'} ${Math.abs(now - before)} on last round.`;
}

/**
 * Plain sentences about `current` against `previous` (or a baseline description when there is no
 * previous round). `timeUnit` is the scenario's, singular ("day").
 */
export function takeaway(current: RoundStats, previous: RoundStats | null, timeUnit: string): string[] {
  const out: string[] = [];
  if (previous === null) out.push(baseline(current, timeUnit));
  else out.push(...comparison(current, previous));
  out.push(...constraint(current, timeUnit));
  out.push(...delivery(current, timeUnit));
  const s = score(current, previous);
  if (s !== null) out.push(s);
  return out;
}
