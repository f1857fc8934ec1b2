/**
 * `npm run bench`: how fast the engine is, against the targets the game needs. It reports and
 * never fails (exit 0); a missed target is printed as MISSED. Not part of `npm test`: timings
 * depend on the machine and on whatever else it is running.
 *
 *   (a) events per second on one core: one long run of the Brent scenario stretched to 20,000
 *       days, timed after a JIT warm-up (best of a few repetitions of the same run), on the engine
 *       bundled by Vite as the game ships it (and, for comparison, on the source as tsx loads it). The target
 *       (5 million per second) is for calendar events: arrivals, job completions, release ticks
 *       and commands, the events the engine pops from its calendar and handles. Each one logs
 *       several state changes (arrive, enter, start, finish, leave...): the logged events, which
 *       the run's hash covers, are shown for comparison;
 *   (b) the wall time of that run, and what the parts every calendar event needs (a schedule and
 *       a pop, seeded draws, the portable logarithm, the hash of its logged events) cost on this
 *       machine, each timed alone (scripts/bench-parts.ts);
 *   (c) 1,000 seeds of the 60-day Brent scenario (5 centers, a shared expert, incidents) with
 *       the command line's pool on all cores, thread start-up included; and for comparison the
 *       same on worker threads only, on one worker thread, and in-process with a warm JIT;
 *   (d) a replay seek: the Replay scene's cursor moved to a random earlier time of a 60-day run
 *       (re-simulation from the start, the slowest case), and one engine event back. Target 50 ms.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { builtinScenario } from '../src/scenarios/index';
import { Simulation, compileModel } from '../src/sim/index';
import { runSeeds, type RunJob } from '../src/cli/runSeeds';
import { ReplayCursor } from '../src/game/replay/ReplayCursor';
import { defaultWorkers, runSeedsParallel, type PoolOptions } from '../src/cli/workerPool';
import { measureEngineParts } from './bench-parts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_EVENTS_PER_S = 5_000_000;
const TARGET_SEEDS_S = 3;
const LONG_HORIZON = 20_000;
const SEEDS = 1000;
const REPEATS = 3;
const LONG_REPEATS = 5;
/** Events on the brent run's calendar at a pop, on average (about 11: people at work, arrival sources, release ticks). */
const CALENDAR_SIZE = 11;

const mega = (x: number) => `${(x / 1e6).toFixed(2)}M`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Share of all cores busy over a short sample: other work on the machine skews every figure. */
async function machineBusy(ms = 500): Promise<number> {
  const total = () => cpus().reduce((acc, c) => ((acc.all += c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle), (acc.idle += c.times.idle), acc), { all: 0, idle: 0 });
  const a = total();
  await new Promise((r) => setTimeout(r, ms));
  const b = total();
  return b.all > a.all ? 1 - (b.idle - a.idle) / (b.all - a.all) : 0;
}
const cores = availableParallelism();
const busy = await machineBusy();
const load = loadavg()[0]!;
console.log(
  `bench: node ${process.version}, ${cores} cores, ${(busy * 100).toFixed(0)}% busy before start, load average ${load.toFixed(2)}` +
    `${busy > 0.15 ? ' (other work is running: figures may be low and noisy)' : ''}`,
);

// (a, b) One long run on one core, on the engine as the game ships it: src/sim bundled into one
// ES module by Vite. tsx (which runs this script and the command line) compiles each module on
// its own and links them at run time; that figure is printed too, and the two should agree.
type Engine = { Simulation: typeof Simulation; compileModel: typeof compileModel };
async function bundledEngine(): Promise<Engine> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'phoenix-bench-engine-'));
  try {
    await build({ configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: true, lib: { entry: path.join(ROOT, 'src/sim/index.ts'), formats: ['es'], fileName: 'engine' } } });
    const file = readdirSync(outDir).find((f) => f.startsWith('engine'))!;
    return (await import(pathToFileURL(path.join(outDir, file)).href)) as Engine;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
const brent = builtinScenario('brent');
function timeLongRun(engine: Engine) {
  const longModel = engine.compileModel({ ...brent, horizon: LONG_HORIZON });
  const longRun = (seed: number) => {
    const t0 = performance.now();
    const sim = new engine.Simulation(longModel, { seed });
    sim.runToEnd();
    return { ms: performance.now() - t0, calendar: sim.eventsProcessed, logged: sim.log.count, status: sim.status, hash: sim.hash() };
  };
  for (let i = 0; i < 3; i++) longRun(100 + i); // JIT warm-up on other seeds
  const timed = Array.from({ length: LONG_REPEATS }, () => longRun(1));
  const best = timed.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { best, timed, calPerS: best.calendar / (best.ms / 1000), logPerS: best.logged / (best.ms / 1000), medianMs: median(timed.map((t) => t.ms)) };
}
const shipped = timeLongRun(await bundledEngine());
const underTsx = timeLongRun({ Simulation, compileModel });
const { best, timed, calPerS, logPerS, medianMs } = shipped;
if (best.hash !== underTsx.best.hash) console.log('    WARNING: the bundled engine and the source differ in their event-log hash');
console.log('');
console.log(`(a) one long run: brent, horizon ${LONG_HORIZON} days, seed 1 (${best.status}), best of ${LONG_REPEATS} after warm-up, the engine bundled as the game ships it`);
console.log(`    calendar events/s: ${mega(calPerS).padStart(6)}   (${best.calendar} events; target ${mega(TARGET_EVENTS_PER_S)}) ${verdict(calPerS >= TARGET_EVENTS_PER_S)}   median run: ${mega(best.calendar / (medianMs / 1000))}`);
console.log(`    logged events/s:   ${mega(logPerS).padStart(6)}   (${best.logged} events, ${(best.logged / best.calendar).toFixed(1)} per calendar event; for comparison, no target)`);
console.log(`    the same source under tsx (as \`npm run sim\` loads it): ${mega(underTsx.calPerS)} calendar events/s, best run ${underTsx.best.ms.toFixed(0)} ms`);
console.log(`(b) wall time of that run: ${best.ms.toFixed(0)} ms (repetitions: ${timed.map((t) => t.ms.toFixed(0)).join(', ')} ms)`);
// Where a calendar event's time goes: the parts every event needs, each timed alone.
const parts = measureEngineParts(CALENDAR_SIZE);
const perEventNs = 1e9 / calPerS, logPerCal = best.logged / best.calendar;
console.log(`    per calendar event: ${perEventNs.toFixed(0)} ns (${mega(TARGET_EVENTS_PER_S)}/s allows ${(1e9 / TARGET_EVENTS_PER_S).toFixed(0)} ns). Parts every event needs, each timed alone on this machine:`);
console.log(`      calendar schedule + pop ${parts.calendarNs.toFixed(0)} ns; hashing its ${logPerCal.toFixed(1)} logged events ${(parts.hashNs * logPerCal).toFixed(0)} ns;` +
  ` one seeded draw ${parts.drawNs.toFixed(1)} ns; one portable log ${parts.plogNs.toFixed(0)} ns (Math.log ${parts.mathLogNs.toFixed(0)} ns)`);

// (c) Many seeds of the 60-day scenario.
const job: RunJob = { scenario: brent, commands: [], until: null };
const seeds = Array.from({ length: SEEDS }, (_, i) => i + 1);
const workers = defaultWorkers(SEEDS);
const sameRows = (rows: { hash: string }[]) => rows.map((r) => r.hash).join();
const expected = sameRows(runSeeds(job, seeds));
/** Median wall time of REPEATS batches, with the cores kept busy (process CPU time / wall time). */
const timeIt = async (name: string, run: (o: PoolOptions) => Promise<{ hash: string }[]> | { hash: string }[]) => {
  const times: number[] = [];
  const coresBusy: number[] = [];
  let shares: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const perThread: number[] = [];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const rows = await run({ perThread });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    times.push(ms);
    coresBusy.push((cpu.user + cpu.system) / 1000 / ms);
    shares = perThread;
    if (sameRows(rows) !== expected) console.log(`    WARNING: ${name}: results differ from the in-process run (was src/sim edited during the bench?)`);
  }
  const fmt = `${(median(times) / 1000).toFixed(2)} s, ${median(coresBusy).toFixed(1)} cores busy   [${times.map((x) => (x / 1000).toFixed(2)).join(', ')} s]`;
  return { s: median(times) / 1000, fmt, shares };
};
const label = (text: string) => `    ${text.padEnd(40)}`;
const shared = await timeIt('CLI pool', (o) => runSeedsParallel(job, seeds, workers, o));
const workersOnly = await timeIt('workers only', (o) => runSeedsParallel(job, seeds, workers, { ...o, mainThread: false }));
// Fair single-core comparison: one fresh thread pays the same start-up and cold JIT.
const oneWorker = await timeIt('1 worker', (o) => runSeedsParallel(job, seeds, 1, { ...o, mainThread: false }));
const here = await timeIt('in-process', () => runSeeds(job, seeds));
const seedsS = shared.s;
console.log('');
console.log(`(c) ${SEEDS} seeds of brent (${brent.horizon} days, 5 centers, Brent, incidents), median of ${REPEATS}, thread start-up included`);
console.log(`${label(`CLI pool: main + ${workers - 1} worker thread(s):`)}${shared.fmt}   (target ${TARGET_SEEDS_S} s) ${verdict(seedsS < TARGET_SEEDS_S)}`);
console.log(`${label('')}seeds per thread (main, workers...): ${shared.shares.join(', ')}`);
console.log(`${label(`${workers} worker threads, main idle:`)}${workersOnly.fmt}`);
console.log(`${label('')}seeds per thread: ${workersOnly.shares.slice(1).join(', ')}`);
console.log(`${label('1 worker thread:')}${oneWorker.fmt}`);
console.log(`${label('in-process, JIT already warm:')}${here.fmt}`);
console.log('');
console.log(
  `bench: calendar events/s ${mega(calPerS)} (target ${mega(TARGET_EVENTS_PER_S)}) ${verdict(calPerS >= TARGET_EVENTS_PER_S)}, logged events/s ${mega(logPerS)} (no target); ` +
    `${SEEDS} seeds ${seedsS.toFixed(2)} s on ${workers} threads (target ${TARGET_SEEDS_S} s) ${verdict(seedsS < TARGET_SEEDS_S)}`,
);

// (d) Replay seeking on the 60-day lesson: back to a random time (re-run from 0), and one event back.
const TARGET_SEEK_MS = 50;
const seekModel = compileModel(brent);
const cursor = new ReplayCursor(seekModel, 1, [], seekModel.horizon);
const seekTimes: number[] = [];
const stepBackTimes: number[] = [];
let x = 12345;
for (let i = 0; i < 60; i++) {
  cursor.seek(seekModel.horizon);
  x = (x * 1103515245 + 12345) % 2147483648; // a fixed sequence of targets, same every run
  const target = (x / 2147483648) * seekModel.horizon;
  const t0 = performance.now();
  cursor.seek(target);
  seekTimes.push(performance.now() - t0);
  const t1 = performance.now();
  cursor.stepBack();
  stepBackTimes.push(performance.now() - t1);
}
const worstSeek = Math.max(...seekTimes.slice(10));
console.log(`(d) replay seek in the ${seekModel.horizon}-day brent run (re-simulation from 0), 50 seeks after 10 warm-up: median ${median(seekTimes.slice(10)).toFixed(1)} ms, worst ${worstSeek.toFixed(1)} ms (target ${TARGET_SEEK_MS} ms) ${verdict(worstSeek <= TARGET_SEEK_MS)}; one event back: median ${median(stepBackTimes.slice(10)).toFixed(1)} ms`);
