/**
 * Decisions a player or trainer makes during a run. Each is stamped with the sim time it takes
 * effect, so a run is fully described by scenario + seed + commands.
 */
import type { ReleasePolicySpec } from '../scenario/ScenarioSchema';
import type { DispatchRule } from './DispatchRule';

export type CommandBody =
  /** null removes the limit. Lowering a limit never evicts work; it stops new work entering. */
  | { type: 'setWipLimit'; center: string; limit: number | null }
  | { type: 'setBatch'; center: string; processBatch?: number; transferBatch?: number }
  | { type: 'setRelease'; release: ReleasePolicySpec }
  /** A freeze holds new business and internal project work in the backlog; changes and incidents still flow. */
  | { type: 'setFreeze'; frozen: boolean }
  /** Reserve a person for chosen centers and/or work types; null means "no restriction". */
  | { type: 'assign'; person: string; centers: string[] | null; workTypes?: string[] | null }
  | { type: 'setDispatch'; person: string; rule: DispatchRule }
  /** An investment (automation): multiplies a center's setup times and change-failure chance. */
  | { type: 'invest'; center: string; setupFactor?: number; failureFactor?: number }
  /** The expert spends `effort` documenting; then the trainees gain the skill (and the centers). */
  | { type: 'crossTrain'; expert: string; trainees: string[]; skill: string; centers?: string[]; effort: number }
  /** Move where defects from a step are found: "same" catches them at the source. */
  | { type: 'setDetection'; workType: string; step: number; foundAt: string }
  /** null deploys continuously, one job at a time. */
  | { type: 'setReleaseEvery'; center: string; every: number | null };

export type Command = CommandBody & { at: number };
