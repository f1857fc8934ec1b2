/**
 * Worker-thread entry: runs the seeds it was given and posts the rows back in one message.
 * Loaded by workerPool.ts (through tsx when running from source).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runSeeds, type RunJob } from './runSeeds';

export interface WorkerInput {
  job: RunJob;
  seeds: number[];
}

export type WorkerOutput = { ok: true; rows: ReturnType<typeof runSeeds> } | { ok: false; message: string };

const input = workerData as WorkerInput;
let out: WorkerOutput;
try {
  out = { ok: true, rows: runSeeds(input.job, input.seeds) };
} catch (e) {
  out = { ok: false, message: (e as Error).message };
}
parentPort!.postMessage(out);
