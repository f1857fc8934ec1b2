/**
 * The files a run can be exported as, made from the engine run alone so any run can be exported:
 * the one in the debrief, or one rebuilt by a replay (`new Simulation(model, {seed, commands})`).
 *
 * - `itemsCsv(sim)`: one row per work item, the columns of `npm run sim -- <id> --csv`
 *   (the CLI's own formatter, so the two can never drift apart).
 * - `metricsJson(sim, meta)`: `npm run sim -- <id> --json`'s record (scenario, seed, `until`,
 *   status, event-log hash, metrics), plus what makes the run repeatable: the commands and the
 *   sim time reached; and, from the game, the rounds played. Feeding `commands` to
 *   `npm run sim -- <id> --seed <seed> --until <time> --commands file` gives the same hash.
 *
 * Pure: no DOM, no Phaser; the debrief hands the text to Download.ts.
 */
import { computeMetrics, type Simulation } from '../../sim';
import { itemsCsv } from '../../cli/formatCsv';
import { runRecord, toJson } from '../../cli/formatJson';

export { itemsCsv, ITEM_COLUMNS } from '../../cli/formatCsv';

/** A round of the game, as the export records it. */
export interface ExportedRound {
  readonly title: string;
  readonly start: number;
  readonly end: number;
}

export interface RunExportMeta {
  /** Where the run was played ("game", "replay"); default "game". */
  readonly source?: string;
  /** The rounds played, when the run was a game. */
  readonly rounds?: readonly ExportedRound[];
}

/** The metrics JSON of a run at the time it has reached (its `until` is `sim.now`). */
export function metricsJson(sim: Simulation, meta: RunExportMeta = {}): string {
  const record = runRecord(sim, computeMetrics(sim), sim.now);
  const { metrics, ...identity } = record;
  return toJson({
    ...identity,
    source: meta.source ?? 'game',
    time: sim.now,
    commands: sim.commands,
    rounds: meta.rounds ?? [],
    metrics,
  });
}

