/**
 * Finds the constraint from the run itself, never from the scenario: the station where work
 * queues longest while the people who can serve it are nearly always busy. Measured over a
 * window (the round so far) by differencing the engine's cumulative time averages, so an early
 * jam that has cleared does not keep the label. Pure: metrics in, a verdict out.
 */
import type { RunMetrics } from '../sim';

export interface ConstraintVerdict {
  readonly center: string;
  readonly centerName: string;
  /** The busiest person who serves it, when people are named (Brent), else null. */
  readonly person: string | null;
  readonly utilisation: number;
  readonly avgQueue: number;
  readonly label: string;
}

/** Busier than this, a server leaves no slack to absorb variation. */
export const BUSY_THRESHOLD = 0.85;
/** Fewer items waiting on average than this is not a pile-up. */
export const QUEUE_THRESHOLD = 1;

/** The time average of `value` over (start, end], from cumulative averages since the warm-up. */
function windowed(endAvg: number, endObs: number, startAvg: number, startObs: number): number {
  const span = endObs - startObs;
  return span > 1e-9 ? (endAvg * endObs - startAvg * startObs) / span : endAvg;
}

export function findConstraint(
  start: RunMetrics | null,
  now: RunMetrics,
  /** People ids who can work at each center, by center id (from the snapshot). */
  peopleAt: ReadonlyMap<string, readonly string[]>,
  /** Named people (whose names are worth saying), by id. */
  namedPeople: ReadonlyMap<string, string>,
): ConstraintVerdict | null {
  const obs0 = start?.observed ?? 0;
  if (now.observed - obs0 <= 1e-9) return null;
  const personUtil = new Map<string, number>();
  now.people.forEach((p, i) => {
    const p0 = start?.people[i];
    personUtil.set(p.id, windowed(p.utilisation, now.observed, p0?.utilisation ?? 0, obs0));
  });
  let best: ConstraintVerdict | null = null;
  let bestScore = 0;
  now.centers.forEach((c, i) => {
    const c0 = start?.centers[i];
    const avgQueue = windowed(c.avgQueue, now.observed, c0?.avgQueue ?? 0, obs0);
    let util = 0, who: string | null = null;
    for (const pid of peopleAt.get(c.id) ?? []) {
      const u = personUtil.get(pid) ?? 0;
      if (u > util) {
        util = u;
        who = pid;
      }
    }
    if (util < BUSY_THRESHOLD || avgQueue < QUEUE_THRESHOLD) return;
    const score = avgQueue * util;
    if (score > bestScore) {
      bestScore = score;
      const name = who !== null ? (namedPeople.get(who) ?? null) : null;
      const pct = `${Math.round(util * 100)}% busy`;
      best = { center: c.id, centerName: c.name, person: name, utilisation: util, avgQueue, label: name !== null ? `${name} ${pct}` : pct };
    }
  });
  return best;
}
