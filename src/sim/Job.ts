export interface Training {
  trainees: number[];
  skillMask: number;
  centers: number[];
}

/**
 * A piece of work a person does in one go: one item, a process batch of items, a deployment of
 * many changes, or (with no items) an expert documenting for cross-training. Jobs are pooled and
 * reused by the simulation (their slot is their id), so finishing one allocates nothing.
 */
export class Job {
  center = -1;
  /** Ids of the items worked on. */
  readonly items: number[] = [];
  duration = 0;
  setup = 0;
  /** Incidents pre-empt other work and cannot be pre-empted themselves. */
  preemptive = false;
  training: Training | null = null;
  person = -1;
  /** When the current stretch of work began (it moves on resume after a pre-emption). */
  resumedAt = 0;
  /** Work still to do, updated when the job is interrupted. */
  remaining = 0;
  /** Bumped on every reuse and pre-emption, so a completion event already scheduled is ignored. */
  token = 0;
  active = false;

  constructor(readonly id: number) {}

  reset(center: number, preemptive: boolean, training: Training | null): void {
    this.center = center;
    const items = this.items;
    while (items.length > 0) items.pop();
    this.duration = 0;
    this.setup = 0;
    this.preemptive = preemptive;
    this.training = training;
    this.person = -1;
    this.remaining = 0;
    this.token++;
    this.active = true;
  }
}
