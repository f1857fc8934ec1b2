/**
 * The game's one GameContext: it holds the settings, lists the built-in scenarios and the
 * player's own, and starts a session. Scenes get it through their constructors.
 */
import { builtinScenario, BUILTIN_SCENARIOS } from '../scenarios';
import type { GameContext, ScenarioEntry, SessionOptions } from './GameContext';
import { GameSession } from './GameSession';
import { builtinCatalog, ownEntry } from './ScenarioCatalog';
import { OwnScenarios } from './OwnScenarios';
import { playPayload } from './PlayLink';
import type { Scenario } from '../scenario/ScenarioSchema';
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
  private pendingPlay: string | null = null;

  constructor(
    readonly settings: Settings,
    readonly progress: CampaignProgress = new CampaignProgress(null),
    readonly replays: ReplayDesk = new ReplayDesk(new SavedRuns(null)),
    readonly own: OwnScenarios = new OwnScenarios(null),
  ) {}

  /** The built-in scenarios, each lesson marked open or locked and with its best result so far; then the player's own. */
  catalog(): readonly ScenarioEntry[] {
    this.catalogValue ??= builtinCatalog();
    const campaign = this.catalogValue.filter((e) => e.order !== null).map((e) => ({ id: e.id, order: e.order! }));
    const builtin = this.catalogValue.map((e) => {
      if (e.order === null) return e;
      const r = this.progress.lesson(e.id);
      return { ...e, locked: !this.progress.isOpen(e.id, campaign), finished: r.finished, bestScore: r.bestScore, goalMet: r.goalMet };
    });
    return [...builtin, ...this.own.list.map(ownEntry)];
  }

  /** Remembers a link to play in the page's address (`#play=...`) to open once the title is up. */
  notePlayAddress(address: string): void {
    this.pendingPlay = playPayload(address);
  }

  takePlayLink(): string | null {
    const p = this.pendingPlay;
    this.pendingPlay = null;
    return p;
  }

  scenario(id: string): Scenario | null {
    return Object.hasOwn(BUILTIN_SCENARIOS, id) ? builtinScenario(id) : this.own.scenario(id);
  }

  recordFinishedGame(): void {
    const s = this.sessionValue;
    if (s === null || s.sandbox || s.phase !== 'finished' || this.recorded.has(s)) return;
    // Only the campaign's lessons count: not a sandbox model, not a scenario from a file.
    const entry = this.catalog().find((e) => e.id === s.scenarioId);
    if (entry === undefined || entry.order === null || entry.own !== undefined) return;
    this.recorded.add(s);
    this.progress.record(s.scenarioId, s.score, s.goalResult()?.met ?? false);
  }

  get session(): GameSession | null {
    return this.sessionValue;
  }

  newSession(scenarioId: string, seed: number, options: SessionOptions = {}): string | null {
    const scenario = this.scenario(scenarioId);
    const problem = this.own.get(scenarioId)?.errors[0];
    if (problem !== undefined) return `That scenario cannot be played in this version: ${problem}`;
    if (scenario === null) return `There is no scenario called "${scenarioId}".`;
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) return `The seed must be a whole number from 0 to ${MAX_SEED}.`;
    const entry = this.catalog().find((e) => e.id === scenarioId);
    if (entry?.locked === true && options.sandbox !== true && options.workshopTeam === undefined) return `${entry.title} is locked: finish the lessons before it first.`;
    this.sessionValue = new GameSession(scenarioId, scenario, seed, { midRoundLevers: this.progress.trainerMode, ...options });
    return null;
  }
}
