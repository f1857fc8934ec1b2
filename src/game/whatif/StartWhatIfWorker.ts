/**
 * Starts the what-if Web Worker. This is the form the dev server understands (Vite serves the
 * worker module by module). The build swaps this module for one that starts the worker from an
 * entry chunk of the page's own build (vite.config.ts, `whatIfWorkerSharesPageChunks`), so the
 * worker imports the engine chunk the page already loaded instead of carrying a second copy.
 */
export function startWhatIfWorker(): Worker {
  return new Worker(new URL('./WhatIfWorker.ts', import.meta.url), { type: 'module' });
}
