/**
 * Machine-readable output. JSON has no NaN: an undefined statistic (no items done yet)
 * becomes null, which JSON.stringify does for NaN and Infinity; the replacer states it.
 */
import type { RunMetrics, Simulation } from '../sim/index';
import type { RunRow } from './runSeeds';
import type { RunStats } from './runStats';
import type { BatchInfo } from './formatRuns';

const finiteOrNull = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v);

export function toJson(value: unknown): string {
  return JSON.stringify(value, finiteOrNull, 2) + '\n';
}

/** What identifies one run and its numbers; the game's metrics export extends it (src/game/export). */
export function runRecord(sim: Simulation, metrics: RunMetrics, until: number) {
  return {
    scenario: sim.model.scenario.id,
    title: sim.model.scenario.title,
    seed: Number(sim.seed),
    until,
    status: sim.status,
    stopReason: sim.stopReason || null,
    stall: sim.stall,
    hash: sim.hash(),
    events: sim.log.count,
    eventsProcessed: sim.eventsProcessed,
    metrics,
  };
}

export function runJson(sim: Simulation, metrics: RunMetrics, until: number): string {
  return toJson(runRecord(sim, metrics, until));
}

export function runsJson(scenarioId: string, stats: RunStats, info: BatchInfo, rows: readonly RunRow[]): string {
  return toJson({
    scenario: scenarioId,
    seeds: { first: info.firstSeed, count: rows.length },
    until: info.until,
    workers: info.workers,
    runsPerThread: info.perThread,
    wallTimeMs: Math.round(info.wallMs),
    distribution: stats,
    runs: rows,
  });
}
