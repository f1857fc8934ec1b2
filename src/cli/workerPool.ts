/**
 * Runs many seeds on several threads: this one plus worker threads, all taking small lists of
 * seeds from one shared queue. This thread starts at once while the workers boot (tsx and the
 * engine take ~0.5 s to load in a fresh thread), and a thread slowed by a busy machine simply
 * takes fewer lists. Rows are sorted by seed, so the answer never depends on the thread count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { seedRunner, type RunJob, type RunRow } from './runSeeds';
import type { SeedsMessage, WorkerReply } from './simWorker';

/** Threads to use, this one included: one per core, never more than runs. */
export function defaultWorkers(runs: number): number {
  return Math.max(1, Math.min(runs, availableParallelism()));
}

/**
 * Starts simWorker. From source (a .ts module under tsx) the worker needs tsx too, but on
 * Node 20 the parent's `--import tsx` does not apply to a .ts worker entry; so a tiny eval'd
 * bootstrap registers tsx inside the worker, then imports the entry. Built to .js, it is a
 * plain worker.
 */
function startWorker(job: RunJob): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './simWorker.ts' : './simWorker.js', import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: job });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  // execArgv []: the bootstrap registers tsx itself; the parent's tsx flags would only load it twice.
  return new Worker(boot, { eval: true, workerData: job, execArgv: [] });
}

/** Hands out consecutive slices of the seed list. */
class SeedQueue {
  private next = 0;
  constructor(
    private readonly seeds: readonly number[],
    private readonly size: number,
  ) {}
  take(): number[] | null {
    if (this.next >= this.seeds.length) return null;
    const chunk = this.seeds.slice(this.next, this.next + this.size);
    this.next += chunk.length;
    return chunk;
  }
}

interface Served {
  done: Promise<void>;
  /** Ends the worker now if it has nothing in flight (still booting, or idle). */
  stopIfIdle(): void;
}

/**
 * Feeds one worker from the queue until it is empty. Two lists are kept in flight so the worker
 * never idles while this thread, busy with its own list, has not yet read the worker's answer.
 */
function serveWorker(job: RunJob, queue: SeedQueue, rows: RunRow[], counts: number[], slot: number, workers: Worker[]): Served {
  const w = startWorker(job);
  workers.push(w);
  let inFlight = 0;
  let finished = false;
  let end: (error?: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    end = (error) => {
      if (finished) return;
      finished = true;
      void w.terminate();
      if (error) reject(error);
      else resolve();
    };
  });
  const send = () => {
    const seeds = queue.take();
    if (seeds === null) return false;
    w.postMessage({ seeds } satisfies SeedsMessage);
    inFlight++;
    return true;
  };
  w.on('message', (reply: WorkerReply) => {
    if (!reply.ok) return end(new Error(`a worker failed: ${reply.message}`));
    if (reply.rows.length > 0) {
      inFlight--;
      rows.push(...reply.rows);
      counts[slot] = (counts[slot] ?? 0) + reply.rows.length;
    }
    while (inFlight < 2 && send());
    if (inFlight === 0) end();
  });
  w.once('error', (e) => end(new Error(`a worker failed: ${e.message}`)));
  w.once('exit', (code) => end(new Error(`a worker exited early (code ${code})`)));
  return { done, stopIfIdle: () => inFlight === 0 && end() };
}

const yieldToEvents = () => new Promise<void>((r) => setImmediate(r));

export interface PoolOptions {
  /** Let this thread run seeds too (default true); false leaves all of them to workers. */
  mainThread?: boolean;
  /** Filled with the number of seeds each thread ran: [this thread, worker 1, ...]. */
  perThread?: number[];
}

/**
 * Runs `seeds` on `threads` threads: 1 runs all of them here with no worker at all; N uses this
 * thread and N-1 workers (or N workers with mainThread false). One row per seed, sorted by seed.
 */
export async function runSeedsParallel(job: RunJob, seeds: readonly number[], threads: number, options: PoolOptions = {}): Promise<RunRow[]> {
  const mainThread = options.mainThread ?? true;
  const counts = options.perThread ?? [];
  counts.length = 0;
  const n = Math.max(1, Math.min(threads, seeds.length));
  const run = seedRunner(job);
  if (n === 1 && mainThread) {
    counts.push(seeds.length);
    return seeds.map(run).sort((a, b) => a.seed - b.seed);
  }
  const nWorkers = mainThread ? n - 1 : n;
  counts.push(0, ...new Array<number>(nWorkers).fill(0));

  // Lists small enough to balance the load, large enough that messages cost next to nothing.
  const queue = new SeedQueue(seeds, Math.max(1, Math.min(64, Math.ceil(seeds.length / (n * 16)))));
  const rows: RunRow[] = [];
  const workers: Worker[] = [];
  const served = Array.from({ length: nWorkers }, (_, i) => serveWorker(job, queue, rows, counts, i + 1, workers));
  let failure: unknown = null;
  const all = Promise.all(served.map((s) => s.done)).catch((e) => {
    failure ??= e;
  });
  if (mainThread) {
    for (let chunk = queue.take(); chunk !== null && failure === null; chunk = queue.take()) {
      for (const seed of chunk) rows.push(run(seed));
      counts[0]! += chunk.length;
      await yieldToEvents();
    }
    // Nothing left to hand out: workers still booting need not finish booting.
    for (const s of served) s.stopIfIdle();
  }
  await all;
  if (failure !== null) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw failure;
  }
  return rows.sort((a, b) => a.seed - b.seed);
}
