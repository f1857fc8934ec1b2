/** One card on the floor: a piece of work moving along its route. */
export const ItemState = {
  Backlog: 0,
  Queued: 1,
  InService: 2,
  /** Finished here, waiting for the rest of its transfer batch. */
  Batching: 3,
  /** Finished here, waiting for room at the next center (it still counts as WIP here). */
  Blocked: 4,
  Done: 5,
  /** Its work was interrupted by an incident; it waits to resume. */
  Suspended: 6,
} as const;
export type ItemStateCode = (typeof ItemState)[keyof typeof ItemState];
export const ITEM_STATE_NAMES = ['backlog', 'queued', 'inService', 'batching', 'blocked', 'done', 'suspended'] as const;
export type ItemStateName = (typeof ITEM_STATE_NAMES)[number];


export class WorkItem {
  state: ItemStateCode = ItemState.Backlog;
  /** Current route step, -1 before release. */
  step = -1;
  /** Center the item is at (counted in its WIP), -1 in the backlog or when done. */
  center = -1;
  released = -1;
  firstStart = -1;
  done = -1;
  /** Steps whose first pass made a defect (decided at creation, so policies share the dice). */
  defectMask = 0;
  /** Defects made but not yet found. */
  pendingMask = 0;
  /** Steps that have completed at least once. */
  passedMask = 0;
  rework = false;
  /** Effort of the current visit (rework visits cost reworkFactor of the first pass). */
  visitEffort = 0;
  workTime = 0;
  /** Entered the release gate's count (CONWIP / drum rope). */
  gated = false;
  roped = false;
  /** Where a blocked item waits to go, and the step it will do there. */
  blockedFor = -1;
  nextStep = 0;
  /** Time it entered its current queue, for FIFO across centers. */
  queuedAt = 0;
  /** Its place in its lane: due date in a fixed-date lane (else 0), then a run-wide counter. */
  queueKey = 0;
  queueSeq = 0;
  escapes = 0;
  reworks = 0;
  /** First and current visit in the run's VisitStore (-1 before the first). */
  firstVisit = -1;
  visit = -1;

  constructor(
    readonly id: number,
    readonly type: number,
    readonly created: number,
    readonly due: number,
    readonly exempt: boolean,
    /** Offset of this item's per-step efforts in the run's NumberPool. */
    readonly effortBase: number,
    /** Uniform draw compared with a deploy center's change-failure chance. */
    readonly failDraw: number,
    /** Extra effort on the first step (diagnosing a failed deployment's many changes). */
    readonly extraEffort: number,
  ) {}
}
