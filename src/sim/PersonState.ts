import type { Job } from './Job';
import type { PersonModel } from './Model';
import type { DispatchRule } from './DispatchRule';

/** A person during a run: what they are doing, where they may work, and their busy time. */
export class PersonState {
  job: Job | null = null;
  centers: number[];
  // Numbers start as numbers (a bare class field starts as undefined, a slot V8 keeps generic).
  skillMask = 0;
  dispatch: DispatchRule;
  /** Bit masks of the centers and work types a decision allows (all bits set = no restriction). */
  centerMask = -1;
  typeMask = -1;
  /** Work type last done at each center, for setup on a switch of work type. */
  readonly lastType: Int32Array;
  readonly pendingTraining: Job[] = [];
  busySince = 0;
  busyArea = 0;
  /** Where the person was last working, so a renderer can show them walking between desks. */
  lastCenter = -1;

  constructor(readonly m: PersonModel, centerCount: number) {
    this.centers = m.centers.slice();
    this.skillMask = m.skillMask;
    this.dispatch = m.dispatch;
    this.lastType = new Int32Array(centerCount).fill(-1);
    this.lastCenter = m.centers[0] ?? -1;
  }
}
