/**
 * `npm run sim -- <scenario> [options]`: runs a scenario from the command line, once with a
 * full report or over many seeds in worker threads. `npm run sim -- prove <scenario>` plays a
 * lesson's strategies over many seeds and checks its proofs (prove.ts). Exit codes: 0 ok,
 * 1 unexpected error (a bug) or, for prove, a proof that fails, 2 bad input, 3 a run was stopped
 * by an engine limit. No input ever prints a stack trace.
 */
import { computeMetrics, Simulation } from '../sim/index';
import { CliError, EXIT_STOPPED } from './CliError';
import { itemsCsv, runsCsv } from './formatCsv';
import { runJson, runsJson } from './formatJson';
import { formatRuns } from './formatRuns';
import { formatSummary } from './formatSummary';
import { loadCommands } from './loadCommands';
import { loadScenario } from './loadScenario';
import { parseCliArgs, parseProveArgs, PROVE, usage, type CliOptions } from './parseArgs';
import { prove } from './prove';
import { runStats } from './runStats';
import { defaultWorkers, runSeedsParallel } from './workerPool';

const warn = (line: string) => process.stderr.write(`${line}\n`);

function proveMain(argv: readonly string[]): number {
  const opts = parseProveArgs(argv);
  if (opts.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const out = prove(opts);
  process.stdout.write(out.stdout);
  for (const w of out.warnings) warn(w);
  return out.exitCode;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === PROVE) return proveMain(argv.slice(1));
  const opts: CliOptions = parseCliArgs(argv);
  if (opts.help) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const { scenario, model } = loadScenario(opts.scenario);
  const commands = opts.commandsFile === null ? [] : loadCommands(opts.commandsFile, model);
  const until = Math.min(opts.until ?? model.horizon, model.horizon);
  if (opts.until !== null && opts.until > model.horizon) warn(`note: --until ${opts.until} is past the horizon; running to ${model.horizon}`);

  if (opts.runs === null) {
    const sim = new Simulation(model, { seed: opts.seed, commands });
    sim.advanceTo(until);
    const m = computeMetrics(sim);
    process.stdout.write(opts.format === 'json' ? runJson(sim, m, until) : opts.format === 'csv' ? itemsCsv(sim) : formatSummary(sim, m));
    if (sim.stall) warn(`warning: stalled at time ${sim.stall.time}: ${sim.stall.message}`);
    if (sim.status === 'stopped') {
      warn(`stopped: ${sim.stopReason}`);
      return EXIT_STOPPED;
    }
    return 0;
  }

  const seeds = Array.from({ length: opts.runs }, (_, i) => opts.seed + i);
  const workers = Math.min(opts.workers ?? defaultWorkers(opts.runs), opts.runs);
  const perThread: number[] = [];
  const t0 = performance.now();
  const rows = await runSeedsParallel({ scenario, commands, until: opts.until }, seeds, workers, { perThread });
  const info = { firstSeed: opts.seed, until, workers, perThread, wallMs: performance.now() - t0 };
  const stats = runStats(rows);
  process.stdout.write(opts.format === 'json' ? runsJson(scenario.id, stats, info, rows) : opts.format === 'csv' ? runsCsv(rows) : formatRuns(model, stats, info));
  if (stats.stalled > 0) warn(`warning: ${stats.stalled} of ${stats.runs} runs stalled (first: seed ${rows.find((r) => r.stalled)!.seed})`);
  const stopped = rows.find((r) => r.status === 'stopped');
  if (stopped) {
    warn(`stopped: ${stats.stopped} of ${stats.runs} runs were stopped (first: seed ${stopped.seed}: ${stopped.stopReason})`);
    return EXIT_STOPPED;
  }
  return 0;
}

// `npm run sim ... | head` closes the pipe early; that is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') process.stderr.write(`phoenix-flow sim: cannot write the output (${e.message})\n`);
  process.exit(e.code === 'EPIPE' ? (process.exitCode ?? 0) : 1);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof CliError) {
    warn(e.message);
    if (e.showUsage) warn(usage());
    process.exitCode = e.exitCode;
  } else {
    warn(`phoenix-flow sim: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
