/**
 * The game's one GameContext: it holds the settings, lists the built-in scenarios and starts a
 * session. Scenes get it through their constructors.
 */
import { builtinScenario, BUILTIN_SCENARIOS } from '../scenarios';
import type { GameContext, ScenarioEntry, SessionOptions } from './GameContext';
import { GameSession } from './GameSession';
import { builtinCatalog } from './ScenarioCatalog';
import type { Settings } from './Settings';

/** Seeds a player may type: whole numbers that fit in nine digits. */
export const MAX_SEED = 999_999_999;

export class LiveGameContext implements GameContext {
  private sessionValue: GameSession | null = null;
  private catalogValue: ScenarioEntry[] | null = null;

  constructor(readonly settings: Settings) {}

  catalog(): readonly ScenarioEntry[] {
    this.catalogValue ??= builtinCatalog();
    return this.catalogValue;
  }

  get session(): GameSession | null {
    return this.sessionValue;
  }

  newSession(scenarioId: string, seed: number, options: SessionOptions = {}): string | null {
    if (!Object.hasOwn(BUILTIN_SCENARIOS, scenarioId)) return `There is no scenario called "${scenarioId}".`;
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) return `The seed must be a whole number from 0 to ${MAX_SEED}.`;
    const entry = this.catalog().find((e) => e.id === scenarioId);
    if (entry?.locked === true && options.sandbox !== true) return `${entry.title} is locked: finish the lessons before it first.`;
    this.sessionValue = new GameSession(scenarioId, builtinScenario(scenarioId), seed, options);
    return null;
  }
}
