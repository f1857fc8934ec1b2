/**
 * Spreads seeds over worker threads, one static share each (runs of one scenario take about
 * the same time), and returns the rows sorted by seed so the answer never depends on how many
 * workers there were. One worker means in-process, with no thread start-up cost.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runSeeds, type RunJob, type RunRow } from './runSeeds';
import type { WorkerInput, WorkerOutput } from './simWorker';

export function defaultWorkers(runs: number): number {
  return Math.max(1, Math.min(runs, availableParallelism()));
}

/**
 * Starts simWorker. From source (a .ts module under tsx) the worker needs tsx too, but on
 * Node 20 the parent's `--import tsx` does not apply to a .ts worker entry; so a tiny eval'd
 * bootstrap registers tsx inside the worker, then imports the entry. Built to .js, it is a
 * plain worker.
 */
function startWorker(input: WorkerInput): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './simWorker.ts' : './simWorker.js', import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: input });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  // execArgv []: the bootstrap registers tsx itself; the parent's tsx flags would only load it twice.
  return new Worker(boot, { eval: true, workerData: input, execArgv: [] });
}

function runInWorker(input: WorkerInput, started: Worker[]): Promise<RunRow[]> {
  return new Promise((resolve, reject) => {
    const w = startWorker(input);
    started.push(w);
    let settled = false;
    w.once('message', (out: WorkerOutput) => {
      settled = true;
      // tsx keeps a port open in the worker, so end it rather than wait for it to exit.
      void w.terminate();
      if (out.ok) resolve(out.rows);
      else reject(new Error(`a worker failed: ${out.message}`));
    });
    w.once('error', (e) => {
      settled = true;
      reject(new Error(`a worker failed: ${e.message}`));
    });
    w.once('exit', (code) => {
      if (!settled) reject(new Error(`a worker exited early (code ${code})`));
    });
  });
}

/**
 * Always in threads, even one: seed i goes to thread i mod N, an even share whatever the count.
 * Rows come back sorted by seed.
 */
export async function runSeedsInThreads(job: RunJob, seeds: readonly number[], threads: number): Promise<RunRow[]> {
  const n = Math.max(1, Math.min(threads, seeds.length));
  const shares: number[][] = Array.from({ length: n }, () => []);
  seeds.forEach((s, i) => shares[i % n]!.push(s));
  const started: Worker[] = [];
  let rows: RunRow[];
  try {
    rows = (await Promise.all(shares.map((share) => runInWorker({ job, seeds: share }, started)))).flat();
  } catch (e) {
    // One failure fails the batch: stop the others instead of waiting for them.
    await Promise.all(started.map((x) => x.terminate()));
    throw e;
  }
  return rows.sort((a, b) => a.seed - b.seed);
}

/** What the command line uses: one worker means in-process, with no thread start-up cost. */
export async function runSeedsParallel(job: RunJob, seeds: readonly number[], workers: number): Promise<RunRow[]> {
  if (Math.min(workers, seeds.length) <= 1) return runSeeds(job, seeds).sort((a, b) => a.seed - b.seed);
  return runSeedsInThreads(job, seeds, workers);
}
