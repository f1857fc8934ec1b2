/**
 * The handful of numbers the live view shows, as one plain, JSON-safe object built from the
 * engine's snapshot and metrics. No Phaser here: the test hook returns it as is and Node tests
 * can build it too. "No value yet" (before the warm-up ends, or before any item is measured) is
 * null, never NaN.
 */
import type { RunMetrics, Snapshot } from '../sim';

export interface CenterSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: 'work' | 'deploy';
  readonly queue: number;
  readonly wip: number;
  readonly wipLimit: number | null;
  readonly inService: number;
  readonly staff: number;
  /** Busy person-time over available person-time since the warm-up; null before it ends. */
  readonly utilisation: number | null;
}

export interface PersonSummary {
  readonly id: string;
  readonly name: string;
  readonly busy: boolean;
  /** Center name of the current work, or null when idle. */
  readonly workingAt: string | null;
  readonly utilisation: number | null;
}

export interface RunSummary {
  readonly scenarioId: string;
  readonly title: string;
  readonly seed: number;
  readonly timeUnit: string;
  readonly time: number;
  readonly horizon: number;
  readonly warmup: number;
  readonly status: string;
  readonly created: number;
  readonly done: number;
  readonly wip: number;
  readonly backlog: number;
  /** Items done per time unit since the warm-up. */
  readonly throughput: number | null;
  readonly leadTimeMean: number | null;
  readonly leadTimeP85: number | null;
  /** Items the lead-time figures cover (done, arrived after the warm-up). */
  readonly leadTimeCount: number;
  /** The scenario's first named person (Brent in 'brent'), whom the view follows. */
  readonly focus: PersonSummary | null;
  readonly centers: readonly CenterSummary[];
  readonly hash: string;
  readonly events: number;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export function summarizeRun(
  run: { scenarioId: string; title: string; seed: number; timeUnit: string },
  snapshot: Snapshot,
  metrics: RunMetrics,
): RunSummary {
  const warmedUp = metrics.observed > 0;
  const centerName = new Map(snapshot.centers.map((c) => [c.id, c.name]));
  const named = snapshot.people.find((p) => p.named);
  const namedMetrics = named ? metrics.people.find((p) => p.id === named.id) : undefined;
  return {
    ...run,
    time: snapshot.time,
    horizon: snapshot.horizon,
    warmup: metrics.warmup,
    status: snapshot.status,
    created: snapshot.created,
    done: snapshot.done,
    wip: snapshot.wip,
    backlog: snapshot.backlog.length,
    throughput: warmedUp ? metrics.throughput : null,
    leadTimeMean: finite(metrics.leadTime.mean),
    leadTimeP85: finite(metrics.leadTime.p85),
    leadTimeCount: metrics.leadTime.count,
    focus: named
      ? {
          id: named.id,
          name: named.name,
          busy: named.busy,
          workingAt: named.busy && named.center !== null ? (centerName.get(named.center) ?? named.center) : null,
          utilisation: warmedUp && namedMetrics ? namedMetrics.utilisation : null,
        }
      : null,
    centers: snapshot.centers.map((c, i) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      queue: c.queue.length,
      wip: c.wip,
      wipLimit: c.wipLimit,
      inService: c.inService.length,
      staff: c.people.length,
      utilisation: warmedUp ? (metrics.centers[i]?.utilisation ?? null) : null,
    })),
    hash: snapshot.hash,
    events: snapshot.events,
  };
}
