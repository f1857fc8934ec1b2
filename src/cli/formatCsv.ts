/**
 * CSV for spreadsheets: per-item records of one run, or one row per run of a batch. Fields are
 * quoted only when they must be (RFC 4180); undefined numbers are empty cells, not "NaN".
 */
import { itemRecord, type Simulation } from '../sim/index';
import type { RunRow } from './runSeeds';

type Cell = string | number | boolean;

export function csvField(v: Cell): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLines(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

export const ITEM_COLUMNS = ['id', 'type', 'kind', 'created', 'released', 'started', 'done', 'leadTime', 'cycleTime', 'workTime', 'waitTime', 'flowEfficiency', 'reworks', 'escapedDefects', 'late'] as const;

/** The engine marks "not yet" times with -1; in a sheet that is an empty cell. */
const when = (t: number) => (t >= 0 ? t : NaN);

export function itemsCsv(sim: Simulation): string {
  const rows: Cell[][] = [];
  for (let id = 0; id < sim.itemCount; id++) {
    const r = itemRecord(sim, id);
    rows.push([r.id, r.type, r.kind, r.created, when(r.released), when(r.started), when(r.done), r.leadTime, r.cycleTime, r.workTime, r.waitTime, r.flowEfficiency, r.reworks, r.escapedDefects, r.late]);
  }
  return csvLines(ITEM_COLUMNS, rows);
}

export const RUN_COLUMNS = ['seed', 'status', 'stalled', 'done', 'meanLeadTime', 'p85LeadTime', 'throughput', 'avgWip', 'events', 'hash'] as const;

export function runsCsv(rows: readonly RunRow[]): string {
  return csvLines(
    RUN_COLUMNS,
    rows.map((r) => [r.seed, r.status, r.stalled, r.done, r.meanLeadTime, r.p85LeadTime, r.throughput, r.avgWip, r.events, r.hash]),
  );
}
