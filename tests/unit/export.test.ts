/**
 * The debrief's exports, without a browser: the items CSV parses back to one row per item under
 * the command line's header, the metrics JSON parses back to computeMetrics' numbers and carries
 * what identifies the run (scenario, seed, commands, time, hash), both equal what the command line
 * writes for the same scenario, seed, commands and time, and file names are safe.
 */
import { describe, expect, it } from 'vitest';
import { GameSession } from '../../src/game/GameSession';
import { canvasRect } from '../../src/game/export/ChartPng';
import { exportFileName, safeNamePart } from '../../src/game/export/ExportNames';
import { ITEM_COLUMNS, itemsCsv, metricsJson } from '../../src/game/export/RunExport';
import { csvField } from '../../src/cli/formatCsv';
import { runJson } from '../../src/cli/formatJson';
import { builtinScenario } from '../../src/scenarios';
import { computeMetrics, Simulation } from '../../src/sim';

/** RFC 4180: fields split on commas, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

/** Two rounds of the Brent lesson, with a lever moved before round 2 (so there are commands). */
function playedBrent(seed: number): GameSession {
  const s = new GameSession('brent', builtinScenario('brent'), seed);
  s.startRound();
  s.endRound();
  s.nextRound();
  const lever = s.openLevers()[0];
  expect(lever).toBeDefined();
  expect(s.stepLever(lever!.id, 1)).toBeNull();
  s.startRound();
  s.endRound();
  expect(s.commands.length).toBeGreaterThan(0);
  return s;
}

const session = playedBrent(7);
const sim = session.sim;
/** The same run as the command line makes it: scenario + seed + commands, run to the same time. */
const cli = new Simulation(session.model, { seed: 7, commands: session.commands });
cli.advanceTo(sim.now);

describe('items CSV', () => {
  const rows = parseCsv(itemsCsv(sim));

  it('parses back to the CLI header and one row per item, every row as wide as the header', () => {
    expect(rows[0]).toEqual([...ITEM_COLUMNS]);
    expect(sim.items.length).toBeGreaterThan(10);
    expect(rows.length - 1).toBe(sim.items.length);
    for (const r of rows) expect(r).toHaveLength(ITEM_COLUMNS.length);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(sim.items.map((_, i) => i));
  });

  it('has done items with a lead time and empty cells for what has not happened yet', () => {
    const col = (name: (typeof ITEM_COLUMNS)[number]) => ITEM_COLUMNS.indexOf(name);
    const done = rows.slice(1).filter((r) => r[col('done')] !== '');
    const open = rows.slice(1).filter((r) => r[col('done')] === '');
    expect(done.length).toBe(computeMetrics(sim).done);
    for (const r of done) expect(Number(r[col('leadTime')])).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    for (const r of open) expect(r[col('leadTime')]).toBe('');
  });

  it('is exactly what the command line writes for the same run', () => {
    expect(itemsCsv(sim)).toBe(itemsCsv(cli));
  });

  it('quotes what must be quoted, and the parser reads it back', () => {
    const text = ['a,b', 'say "hi"', 'two\nlines', ' lead'].map(csvField).join(',') + '\n';
    expect(parseCsv(text)).toEqual([['a,b', 'say "hi"', 'two\nlines', ' lead']]);
  });
});

describe('metrics JSON', () => {
  const rounds = session.roundResults.map((r) => ({ title: r.title, start: r.start, end: r.end }));
  const json = JSON.parse(metricsJson(sim, { rounds })) as Record<string, unknown>;

  it('identifies the run: scenario, seed, commands, time reached, event-log hash, rounds', () => {
    expect(json).toMatchObject({ scenario: 'brent', seed: 7, source: 'game', time: sim.now, until: sim.now, hash: sim.hash() });
    expect(json.commands).toEqual(JSON.parse(JSON.stringify(session.commands)));
    expect(json.rounds).toEqual(rounds);
    expect(sim.now).toBeGreaterThan(0);
  });

  it('its numbers equal computeMetrics (an undefined statistic is null)', () => {
    const m = computeMetrics(sim);
    expect(json.metrics).toEqual(JSON.parse(JSON.stringify(m, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))));
    expect((json.metrics as { done: number }).done).toBe(m.done);
    expect((json.metrics as { done: number }).done).toBeGreaterThan(0);
  });

  it('holds every field of the command line\'s --json for the same run, with the same values', () => {
    const fromCli = JSON.parse(runJson(cli, computeMetrics(cli), sim.now)) as Record<string, unknown>;
    for (const [k, v] of Object.entries(fromCli)) expect(json[k], k).toEqual(v);
  });

  it('replays: its commands and time rebuild a run with the same hash', () => {
    const again = new Simulation(session.model, { seed: json.seed as number, commands: json.commands as never });
    again.advanceTo(json.time as number);
    expect(again.hash()).toBe(json.hash);
  });

  it('a different seed is a different run', () => {
    const other = JSON.parse(metricsJson(playedBrent(8).sim)) as { seed: number; hash: string };
    expect(other.seed).toBe(8);
    expect(other.hash).not.toBe(json.hash);
  });
});

describe('file names', () => {
  it('say what the file is', () => {
    expect(exportFileName('brent', 7, 'items', 'csv')).toBe('phoenix-flow_brent_seed-7_items.csv');
    expect(exportFileName('brent', 7, 'metrics', 'json')).toBe('phoenix-flow_brent_seed-7_metrics.json');
    expect(exportFileName('wip-limits', 123456, 'lead-time-histogram', 'png')).toBe('phoenix-flow_wip-limits_seed-123456_lead-time-histogram.png');
  });

  it('are sanitised: no separators, spaces, dots at the ends or empty parts', () => {
    const hostile = exportFileName('../../etc/passwd', 7, 'items', 'csv');
    expect(hostile).toBe('phoenix-flow_etc-passwd_seed-7_items.csv');
    expect(exportFileName('My Scenario: "v2" <final>', 1, 'items', 'csv')).toBe('phoenix-flow_my-scenario-v2-final_seed-1_items.csv');
    expect(exportFileName('', -3, 'items', 'csv')).toBe('phoenix-flow_scenario_seed--3_items.csv');
    expect(exportFileName('Café\\x', 1.5, 'x', 'png')).toBe('phoenix-flow_cafe-x_seed-1.5_x.png');
    expect(safeNamePart('∑∑∑')).toBe('run');
    expect(safeNamePart('a'.repeat(200))).toHaveLength(48);
    for (const n of [hostile, exportFileName('a/b\\c\u0000d', 2, 'e f', 'csv')]) expect(n).toMatch(/^[a-z0-9._-]+$/);
  });
});

describe('chart rectangle in canvas pixels', () => {
  it('scales the design rectangle by the render scale and stays inside the canvas', () => {
    expect(canvasRect({ x: 568, y: 134, width: 688, height: 494 }, 1, 1280, 720)).toEqual({ x: 568, y: 134, width: 688, height: 494 });
    expect(canvasRect({ x: 568, y: 134, width: 688, height: 494 }, 1.5, 1920, 1080)).toEqual({ x: 852, y: 201, width: 1032, height: 741 });
    expect(canvasRect({ x: 1200, y: 700, width: 200, height: 100 }, 2, 2560, 1440)).toEqual({ x: 2400, y: 1400, width: 160, height: 40 });
  });
});
