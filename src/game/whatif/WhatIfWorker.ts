/**
 * The what-if Web Worker: a thin shell around runWhatIf, so hundreds of seeds never stall the
 * game's frames. It reports progress every few seeds; the game stops it by terminating it.
 */
import type { FromWorker, ToWorker } from './WhatIfMessages';
import { runWhatIf } from './WhatIfRun';

const post = (m: FromWorker) => self.postMessage(m);

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const { request } = e.data;
  try {
    const outcomes = runWhatIf(request, (done) => post({ type: 'progress', done, total: request.count }));
    post({ type: 'done', outcomes });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
