import type { ItemStore } from './ItemStore';

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
 * One card as readers outside the engine see it: its fixed facts (decided when it arrives) and
 * where it is now, read live from the run's ItemStore. The engine itself keeps items only as
 * columns and ids; these views are made when someone asks for `Simulation.items`, never while
 * the run advances.
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
  readonly state: ItemStateCode;
  /** Current route step, -1 before release. */
  readonly step: number;
  /** Center the item is at (counted in its WIP), -1 in the backlog or when done. */
  readonly center: number;
  readonly released: number;
  readonly firstStart: number;
  readonly done: number;
  /** Steps whose first pass made a defect (decided at creation, so policies share the dice). */
  readonly defectMask: number;
  /** Defects made but not yet found. */
  readonly pendingMask: number;
  /** Steps that have completed at least once. */
  readonly passedMask: number;
  readonly rework: boolean;
  readonly workTime: number;
  /** Entered the release gate's count (CONWIP / drum rope). */
  readonly gated: boolean;
  readonly roped: boolean;
  /** Where a blocked item waits to go, and the step it will do there. */
  readonly blockedFor: number;
  readonly nextStep: number;
  /** Order of arrival in its current queue (a run-wide counter). */
  readonly queueSeq: number;
  readonly escapes: number;
  readonly reworks: number;
  /** First and current visit in the run's VisitStore (-1 before the first). */
  readonly firstVisit: number;
  readonly visit: number;
}

/** A WorkItem read from the store's columns by id (the store may swap its arrays as it grows). */
export class WorkItemView implements WorkItem {
  constructor(
    private readonly store: ItemStore,
    readonly id: number,
  ) {}

  get type(): number { return this.store.type[this.id]!; }
  get created(): number { return this.store.created[this.id]!; }
  get due(): number { return this.store.due[this.id]!; }
  get exempt(): boolean { return this.store.exempt[this.id] === 1; }
  get effortBase(): number { return this.store.effortBase[this.id]!; }
  get failDraw(): number { return this.store.failDraw[this.id]!; }
  get state(): ItemStateCode { return this.store.state[this.id] as ItemStateCode; }
  get step(): number { return this.store.step[this.id]!; }
  get center(): number { return this.store.center[this.id]!; }
  get released(): number { return this.store.released[this.id]!; }
  get firstStart(): number { return this.store.firstStart[this.id]!; }
  get done(): number { return this.store.done[this.id]!; }
  get defectMask(): number { return this.store.defectMask[this.id]!; }
  get pendingMask(): number { return this.store.pendingMask[this.id]!; }
  get passedMask(): number { return this.store.passedMask[this.id]!; }
  get rework(): boolean { return this.store.rework[this.id] === 1; }
  get workTime(): number { return this.store.workTime[this.id]!; }
  get gated(): boolean { return this.store.gated[this.id] === 1; }
  get roped(): boolean { return this.store.roped[this.id] === 1; }
  get blockedFor(): number { return this.store.blockedFor[this.id]!; }
  get nextStep(): number { return this.store.nextStep[this.id]!; }
  get queueSeq(): number { return this.store.queueSeq[this.id]!; }
  get escapes(): number { return this.store.escapes[this.id]!; }
  get reworks(): number { return this.store.reworks[this.id]!; }
  get firstVisit(): number { return this.store.firstVisit[this.id]!; }
  get visit(): number { return this.store.visit[this.id]!; }
}
