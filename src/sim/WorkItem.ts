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


/**
 * One card: its fixed facts (decided when it arrives) and where it is now. Items are plain
 * objects made by createWorkItem, all of one shape: a long run keeps hundreds of thousands of
 * them, and objects from one literal let the engine allocate them straight into long-lived
 * memory instead of copying each one through the young generation. Numbers only the engine
 * needs (its current effort, when it queued...) live in the run's typed arrays:
 * each fractional number in an object is a separate heap box.
 */
export interface WorkItem {
  readonly id: number;
  readonly type: number;
  readonly created: number;
  readonly due: number;
  /** Ignores WIP limits (incidents). */
  readonly exempt: boolean;
  /** Offset of this item's per-step efforts in the run's NumberPool. */
  readonly effortBase: number;
  /** Uniform draw compared with a deploy center's change-failure chance. */
  readonly failDraw: number;
  state: ItemStateCode;
  /** Current route step, -1 before release. */
  step: number;
  /** Center the item is at (counted in its WIP), -1 in the backlog or when done. */
  center: number;
  released: number;
  firstStart: number;
  done: number;
  /** Steps whose first pass made a defect (decided at creation, so policies share the dice). */
  defectMask: number;
  /** Defects made but not yet found. */
  pendingMask: number;
  /** Steps that have completed at least once. */
  passedMask: number;
  rework: boolean;
  workTime: number;
  /** Entered the release gate's count (CONWIP / drum rope). */
  gated: boolean;
  roped: boolean;
  /** Where a blocked item waits to go, and the step it will do there. */
  blockedFor: number;
  nextStep: number;
  /** Order of arrival in its current queue (a run-wide counter). */
  queueSeq: number;
  escapes: number;
  reworks: number;
  /** First and current visit in the run's VisitStore (-1 before the first). */
  firstVisit: number;
  visit: number;
}

export function createWorkItem(id: number, type: number, created: number, due: number, exempt: boolean, effortBase: number, failDraw: number): WorkItem {
  return {
    id,
    type,
    created,
    due,
    exempt,
    effortBase,
    failDraw,
    state: ItemState.Backlog,
    step: -1,
    center: -1,
    released: -1,
    firstStart: -1,
    done: -1,
    defectMask: 0,
    pendingMask: 0,
    passedMask: 0,
    rework: false,
    workTime: 0,
    gated: false,
    roped: false,
    blockedFor: -1,
    nextStep: 0,
    queueSeq: 0,
    escapes: 0,
    reworks: 0,
    firstVisit: -1,
    visit: -1,
  };
}
