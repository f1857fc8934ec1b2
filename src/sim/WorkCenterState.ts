import { IdDeque } from './IdDeque';
import type { ItemStore } from './ItemStore';
import type { Job } from './Job';
import type { CenterModel } from './Model';
import { COS_COUNT } from './Model';
import { Lane } from './Lane';

/** A work center during a run: its queue lanes, what is at it, and its running statistics. */
export class WorkCenterState {
  /** One lane per class of service; a FIFO center uses lane 0 for incidents and lane 2 for the rest. */
  readonly lanes: Lane[] = [];
  queued = 0;
  /** Every item at the center: queued, in service, suspended, batching or blocked. */
  wip = 0;
  /** Items that count against the WIP limit (incidents do not). */
  counted = 0;
  inService = 0;
  idle = 0;
  /** Ids of the items waiting for the rest of their transfer batch. */
  readonly batching: number[] = [];
  /** Ids of the items elsewhere waiting for room here. */
  readonly entrance = new IdDeque();
  readonly suspended: Job[] = [];
  // Numeric fields start as numbers: a class field declared bare starts as undefined, and V8 then
  // keeps it as a generic slot, boxing every fractional number that flows through it.
  wipLimit = 0;
  processBatch = 0;
  transferBatch = 0;
  releaseEvery = 0;
  setupFactor = 1;
  failureFactor = 1;
  /** A deploy center with a schedule only starts a deployment when the train is due. */
  releaseDue = false;
  // Running statistics, areas clipped to after the warm-up.
  lastT = 0;
  wipArea = 0;
  queueArea = 0;
  busyArea = 0;
  busy = 0;
  /** People allowed to work here now (an `assign` or a cross-training changes it), and its area. */
  servers = 0;
  serverArea = 0;
  entries = 0;
  completions = 0;

  constructor(readonly m: CenterModel, items: ItemStore) {
    // Lane 1 (fixed date) is served earliest due date first.
    for (let i = 0; i < COS_COUNT; i++) this.lanes.push(new Lane(i === 1, items));
    this.wipLimit = m.wipLimit;
    this.processBatch = m.processBatch;
    this.transferBatch = m.transferBatch;
    this.releaseEvery = m.releaseEvery;
    this.idle = m.people.length;
    this.servers = m.people.length;
  }
}
