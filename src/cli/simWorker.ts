/**
 * Worker-thread entry. It gets the job once (workerData), says it is ready, then answers each
 * list of seeds the pool sends with one row per seed, until the pool ends it.
 * Loaded by workerPool.ts (through tsx when running from source).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { seedRunner, type RunJob, type RunRow } from './runSeeds';

/** From the pool: the seeds to run next. */
export interface SeedsMessage {
  seeds: number[];
}

/** To the pool: rows for the last seeds (none for the first message, which means "ready"). */
export type WorkerReply = { ok: true; rows: RunRow[] } | { ok: false; message: string };

const port = parentPort!;
try {
  const run = seedRunner(workerData as RunJob);
  port.on('message', (msg: SeedsMessage) => {
    let reply: WorkerReply;
    try {
      reply = { ok: true, rows: msg.seeds.map(run) };
    } catch (e) {
      reply = { ok: false, message: (e as Error).message };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ok: true, rows: [] } satisfies WorkerReply);
} catch (e) {
  port.postMessage({ ok: false, message: (e as Error).message } satisfies WorkerReply);
}
