/**
 * Plays a scenario's game with no screen, the way a written-down strategy says: before each
 * round it sets the levers the strategy names, then plays the round to its end. The same
 * GameSession the player uses, so a strategy's numbers are exactly what a player choosing the
 * same settings on the same seed would see.
 *
 *   const r = playStrategy(scenario, scenario.game!.strategies![0]!, 7);
 *   r.rounds[1]!.leadTimeMean   // round 2
 *   r.game.score                 // all rounds together
 */
import type { Scenario } from '../../scenario/ScenarioSchema';
import type { StrategySpec } from '../../scenario/GameSchema';
import type { Command } from '../../sim';
import { GameSession, type LiveLeverChange } from '../GameSession';
import type { RoundStats } from '../debrief/RoundStats';

export interface StrategyResult {
  readonly rounds: readonly RoundStats[];
  /** All rounds together. */
  readonly game: RoundStats;
  readonly commands: readonly Command[];
  /** Settings the game refused (over budget, a one-way lever moved back), in plain words. */
  readonly refused: readonly string[];
}

/**
 * `strategy` null plays every round as the scenario stands. `live` replays levers a trainer moved
 * while rounds played, each at the sim time it was moved (a what-if run replaying the game so far).
 */
export function playStrategy(scenario: Scenario, strategy: StrategySpec | null, seed: number, live: readonly LiveLeverChange[] = []): StrategyResult {
  const session = new GameSession(scenario.id, scenario, seed, { midRoundLevers: live.length > 0 });
  const refused: string[] = [];
  for (let i = 0; i < session.rounds.length; i++) {
    for (const [id, value] of Object.entries(strategy?.rounds[i] ?? {})) {
      const error = session.setLever(id, value);
      if (error !== null) refused.push(`round ${i + 1}: ${error}`);
    }
    session.startRound();
    for (const change of live) {
      if (change.round !== i) continue;
      session.advanceTo(change.time);
      const error = session.changeLeverNow(change.id, change.value);
      if (error !== null) refused.push(`round ${i + 1}, mid-round: ${error}`);
    }
    session.endRound();
    if (session.phase !== 'review') break;
    session.nextRound();
  }
  return { rounds: session.roundResults, game: session.gameStats()!, commands: session.commands, refused };
}

/** A strategy of the scenario by id; throws for an unknown id (the scenario check prevents it). */
export function strategyById(scenario: Scenario, id: string): StrategySpec {
  const s = scenario.game?.strategies?.find((x) => x.id === id);
  if (s === undefined) throw new Error(`scenario "${scenario.id}" has no strategy "${id}"`);
  return s;
}
