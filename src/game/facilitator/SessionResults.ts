/** A finished game's numbers as a results code carries them. */
import type { GameSession } from '../GameSession';
import { resultsCode, type TeamResults } from './ResultsCode';
import { tagOf } from './ScenarioTags';

/** Name used when the game was not joined through a workshop code. */
export const DEFAULT_TEAM = 'Team';

export function sessionResults(session: GameSession): TeamResults | null {
  if (session.phase !== 'finished' || session.sandbox || tagOf(session.scenarioId) === null) return null;
  const game = session.gameStats();
  if (game === null) return null;
  const goal = session.goalResult();
  return {
    team: session.options.workshopTeam ?? DEFAULT_TEAM,
    scenarioId: session.scenarioId,
    seed: session.seed,
    score: Math.round(session.score),
    goalMet: goal === null ? null : goal.met,
    leadTimeMean: game.leadTimeMean,
    throughput: game.throughput,
    done: game.done,
    hash: session.sim.hash().slice(0, 8),
  };
}

/** The results code of a finished, non-sandbox game of a built-in lesson; null otherwise. */
export function sessionResultsCode(session: GameSession): string | null {
  const r = sessionResults(session);
  return r === null ? null : resultsCode(r);
}
