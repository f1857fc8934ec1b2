/**
 * One seed of a what-if run: a policy played on that seed by the same GameSession the player
 * uses (through playStrategy), read as mean lead time and throughput for the coming round and
 * for the rest of the game. The same numbers the debrief would show for those rounds.
 * Pure: no Phaser, no DOM.
 */
import type { Scenario } from '../../scenario/ScenarioSchema';
import type { StrategySpec } from '../../scenario/GameSchema';
import type { RoundStats } from '../debrief/RoundStats';
import { playStrategy } from '../lessons/StrategyPlay';
import type { LiveLeverChange } from '../GameSession';

/** Lead time is NaN when nothing was done in the window (there is no lead time to speak of). */
export interface WindowNumbers {
  readonly leadTime: number;
  readonly throughput: number;
}

export interface SeedOutcome {
  readonly seed: number;
  /** The coming round. */
  readonly round: WindowNumbers;
  /** The coming round and every round after it, taken together. */
  readonly rest: WindowNumbers;
  /** Settings the game refused (over budget, a one-way lever), in plain words. */
  readonly refused: readonly string[];
}

/** Mean lead time and throughput of consecutive rounds taken together (exact: a done-weighted mean). */
export function windowNumbers(rounds: readonly RoundStats[]): WindowNumbers {
  if (rounds.length === 0) return { leadTime: NaN, throughput: NaN };
  // One round: its own numbers, bit for bit.
  if (rounds.length === 1) return { leadTime: rounds[0]!.leadTimeMean ?? NaN, throughput: rounds[0]!.throughput };
  let done = 0, leadSum = 0;
  for (const r of rounds) {
    done += r.done;
    if (r.leadTimeMean !== null) leadSum += r.leadTimeMean * r.done;
  }
  const span = rounds[rounds.length - 1]!.end - rounds[0]!.start;
  return { leadTime: done > 0 ? leadSum / done : NaN, throughput: span > 0 ? done / span : NaN };
}

/** `live`: levers moved mid-round in the rounds already played, replayed at the same times. */
export function seedOutcome(scenario: Scenario, policy: StrategySpec, fromRound: number, seed: number, live: readonly LiveLeverChange[] = []): SeedOutcome {
  const played = playStrategy(scenario, policy, seed, live);
  const coming = played.rounds.slice(fromRound, fromRound + 1);
  return { seed, round: windowNumbers(coming), rest: windowNumbers(played.rounds.slice(fromRound)), refused: played.refused };
}
