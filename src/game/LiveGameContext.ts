/**
 * The game's one GameContext: it holds the settings, lists the built-in scenarios and starts a
 * session. Scenes get it through their constructors.
 */
import { builtinScenario, BUILTIN_SCENARIOS } from '../scenarios';
import type { GameContext, ScenarioEntry, SessionOptions } from './GameContext';
import { GameSession } from './GameSession';
import { builtinCatalog } from './ScenarioCatalog';
import type { Settings } from './Settings';
import { CampaignProgress } from './CampaignProgress';
import { ReplayDesk } from './replay/ReplayDesk';
import { SavedRuns } from './replay/SavedRuns';

/** Seeds a player may type: whole numbers that fit in nine digits. */
export const MAX_SEED = 999_999_999;

export class LiveGameContext implements GameContext {
  private sessionValue: GameSession | null = null;
  private catalogValue: ScenarioEntry[] | null = null;
  private readonly recorded = new WeakSet<GameSession>();

  constructor(
    readonly settings: Settings,
    readonly progress: CampaignProgress = new CampaignProgress(null),
    readonly replays: ReplayDesk = new ReplayDesk(new SavedRuns(null)),
  ) {}

  /** The built-in scenarios, each lesson marked open or locked and with its best result so far. */
  catalog(): readonly ScenarioEntry[] {
    this.catalogValue ??= builtinCatalog();
    const campaign = this.catalogValue.filter((e) => e.order !== null).map((e) => ({ id: e.id, order: e.order! }));
    return this.catalogValue.map((e) => {
      if (e.order === null) return e;
      const r = this.progress.lesson(e.id);
      return { ...e, locked: !this.progress.isOpen(e.id, campaign), finished: r.finished, bestScore: r.bestScore, goalMet: r.goalMet };
    });
  }

  recordFinishedGame(): void {
    const s = this.sessionValue;
    if (s === null || s.sandbox || s.phase !== 'finished' || this.recorded.has(s)) return;
    if (this.catalog().find((e) => e.id === s.scenarioId)?.order === null) return;
    this.recorded.add(s);
    this.progress.record(s.scenarioId, s.score, s.goalResult()?.met ?? false);
  }

  get session(): GameSession | null {
    return this.sessionValue;
  }

  newSession(scenarioId: string, seed: number, options: SessionOptions = {}): string | null {
    if (!Object.hasOwn(BUILTIN_SCENARIOS, scenarioId)) return `There is no scenario called "${scenarioId}".`;
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) return `The seed must be a whole number from 0 to ${MAX_SEED}.`;
    const entry = this.catalog().find((e) => e.id === scenarioId);
    if (entry?.locked === true && options.sandbox !== true && options.workshopTeam === undefined) return `${entry.title} is locked: finish the lessons before it first.`;
    this.sessionValue = new GameSession(scenarioId, builtinScenario(scenarioId), seed, { midRoundLevers: this.progress.trainerMode, ...options });
    return null;
  }
}
