/**
 * A what-if run: two policies over consecutive seeds, seed by seed (A then B on each, so a
 * stopped run always holds the same seeds for both). Synchronous and pure: the Web Worker is a
 * thin shell around it, and the tests call it directly in Node.
 */
import type { Scenario } from '../../scenario/ScenarioSchema';
import type { StrategySpec } from '../../scenario/GameSchema';
import { seedOutcome, type SeedOutcome } from './SeedOutcome';
import type { LiveLeverChange } from '../GameSession';

/** The game plays seeds 1..500: enough for a steady p95, a few seconds in a worker. */
export const WHATIF_SEEDS = 500;
export const WHATIF_FIRST_SEED = 1;
/** Progress is reported after every this many seeds. */
export const PROGRESS_EVERY = 10;

export interface WhatIfRequest {
  readonly scenario: Scenario;
  readonly a: StrategySpec;
  readonly b: StrategySpec;
  /** The coming round (0-based). */
  readonly fromRound: number;
  /** Levers moved mid-round in the rounds already played (both policies replay them). */
  readonly live?: readonly LiveLeverChange[];
  readonly firstSeed: number;
  readonly count: number;
}

export interface WhatIfOutcomes {
  readonly a: SeedOutcome[];
  readonly b: SeedOutcome[];
}

export function runWhatIf(request: WhatIfRequest, onProgress?: (done: number) => void): WhatIfOutcomes {
  const out: WhatIfOutcomes = { a: [], b: [] };
  for (let i = 0; i < request.count; i++) {
    const seed = request.firstSeed + i;
    out.a.push(seedOutcome(request.scenario, request.a, request.fromRound, seed, request.live));
    out.b.push(seedOutcome(request.scenario, request.b, request.fromRound, seed, request.live));
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === request.count) onProgress?.(i + 1);
  }
  return out;
}
