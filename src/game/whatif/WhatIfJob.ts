/**
 * One what-if run in the background, as a small state machine the scene draws and the test hook
 * reads: idle → running → done | cancelled | failed. The work happens in a Web Worker; cancel
 * terminates it at once (the seeds it was playing are simply dropped). The worker comes from a
 * factory so Node tests can hand in a fake.
 */
import { startWhatIfWorker } from './StartWhatIfWorker';
import type { FromWorker, ToWorker } from './WhatIfMessages';
import type { WhatIfOutcomes, WhatIfRequest } from './WhatIfRun';
import { summarizeWhatIf, type WhatIfScope, type WhatIfSummary } from './WhatIfSummary';

export type WhatIfState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** The parts of a Worker the job uses. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export interface WhatIfStatus {
  readonly state: WhatIfState;
  readonly done: number;
  readonly total: number;
  readonly summary: WhatIfSummary | null;
  /** Why it failed, in plain words; null otherwise. */
  readonly error: string | null;
}

/** What the what-if screen shows: the job's status and which window it measures. */
export interface WhatIfView extends WhatIfStatus {
  readonly scope: WhatIfScope;
}

/** The real worker (see StartWhatIfWorker.ts for how dev and build find it). */
export function createWhatIfWorker(): WorkerLike {
  return startWhatIfWorker() as unknown as WorkerLike;
}

export class WhatIfJob {
  private worker: WorkerLike | null = null;
  private stateValue: WhatIfState = 'idle';
  private doneValue = 0;
  private totalValue = 0;
  private outcomesValue: WhatIfOutcomes | null = null;
  private summaryValue: WhatIfSummary | null = null;
  private errorValue: string | null = null;

  constructor(
    private readonly onChange: () => void,
    private readonly makeWorker: () => WorkerLike = createWhatIfWorker,
  ) {}

  get state(): WhatIfState {
    return this.stateValue;
  }

  get outcomes(): WhatIfOutcomes | null {
    return this.outcomesValue;
  }

  status(): WhatIfStatus {
    return { state: this.stateValue, done: this.doneValue, total: this.totalValue, summary: this.summaryValue, error: this.errorValue };
  }

  start(request: WhatIfRequest): void {
    this.stop();
    this.stateValue = 'running';
    this.doneValue = 0;
    this.totalValue = request.count;
    this.outcomesValue = null;
    this.summaryValue = null;
    this.errorValue = null;
    let worker: WorkerLike;
    try {
      worker = this.makeWorker();
    } catch (err) {
      this.fail(`The background worker could not start: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    this.worker = worker;
    worker.onmessage = (e) => {
      if (this.worker !== worker) return;
      const m = e.data;
      if (m.type === 'progress') this.doneValue = m.done;
      else if (m.type === 'done') {
        this.stop();
        this.outcomesValue = m.outcomes;
        this.summaryValue = summarizeWhatIf(m.outcomes.a, m.outcomes.b);
        this.doneValue = Math.min(m.outcomes.a.length, m.outcomes.b.length);
        this.stateValue = 'done';
      } else this.fail(`The run stopped with an error: ${m.message}`);
      this.onChange();
    };
    worker.onerror = (e) => {
      if (this.worker !== worker) return;
      e.preventDefault?.();
      this.fail(`The background worker failed: ${e.message || 'unknown error'}`);
      this.onChange();
    };
    worker.postMessage({ type: 'run', request });
    this.onChange();
  }

  /** Stops a running job for good; the seeds done so far stay counted. */
  cancel(): void {
    if (this.stateValue !== 'running') return;
    this.stop();
    this.stateValue = 'cancelled';
    this.onChange();
  }

  /** Ends the worker without a change of state (leaving the scene). */
  dispose(): void {
    this.stop();
  }

  private fail(message: string): void {
    this.stop();
    this.stateValue = 'failed';
    this.errorValue = message;
  }

  private stop(): void {
    const w = this.worker;
    this.worker = null;
    if (w !== null) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
  }
}
