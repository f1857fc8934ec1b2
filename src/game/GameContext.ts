/**
 * What every scene is given: the scenario catalogue, the player's settings, and the game session
 * in progress (one scenario, one seed, its rounds). Scenes receive it in their constructor
 * (StartGame builds it) and read from it; only the session changes the run, and only through
 * engine commands.
 */
import type { Settings } from './Settings';
import type { GameSession } from './GameSession';
import type { CampaignProgress } from './CampaignProgress';
import type { ReplayDesk } from './replay/ReplayDesk';
import type { OwnScenarios } from './OwnScenarios';
import type { Scenario } from '../scenario/ScenarioSchema';

/** One line of the scenario list. */
export interface ScenarioEntry {
  readonly id: string;
  readonly title: string;
  /** The lesson's name, or null for a sandbox model. */
  readonly lesson: string | null;
  /** Place in the campaign, or null for sandbox models. */
  readonly order: number | null;
  /** One line saying what the scenario is about. */
  readonly tagline: string;
  readonly rounds: number;
  /** Locked lessons are listed but cannot be started (finish the one before first). */
  readonly locked: boolean;
  /** Played through at least once (lessons only). */
  readonly finished?: boolean;
  /** Best score of a finished game, or null. */
  readonly bestScore?: number | null;
  readonly goalMet?: boolean;
  /** A scenario the player opened from a file (OwnScenarios): never part of the campaign. */
  readonly own?: {
    readonly fileName: string;
    /** Why this version cannot play it (its first error), or null. */
    readonly problem: string | null;
  };
}

/** What the Briefing scene shows: the story, the goal and what the player will be able to change. */
export interface Brief {
  readonly title: string;
  readonly lesson: string | null;
  readonly story: readonly string[];
  readonly goal: string | null;
  readonly timeUnit: string;
  readonly rounds: readonly { readonly title: string; readonly length: number }[];
  /** Labels of the levers the rounds open. */
  readonly levers: readonly string[];
  readonly budget: number;
  readonly seed: number;
  readonly sandbox: boolean;
}

export interface SessionOptions {
  /** Sandbox: every lever open before every round, no campaign progress. */
  readonly sandbox?: boolean;
  /** Levers also work while a round plays (trainer mode and sandbox); each change is a command stamped with the time it was made. */
  readonly midRoundLevers?: boolean;
  /** Joined with a workshop code: the team's name for its results code; the lesson opens even if locked here. */
  readonly workshopTeam?: string;
}

export interface GameContext {
  /** Built-in lessons first (by order), then sandbox models, then the player's own scenarios. */
  catalog(): readonly ScenarioEntry[];
  /** A scenario by id: built-in, or one of the player's own; null if there is none (or it no longer opens). */
  scenario(id: string): Scenario | null;
  /** Scenarios the player opened from files, kept in this browser. */
  readonly own: OwnScenarios;
  /** The link to play (`#play=...`) the page was opened with, once; null if none. */
  takePlayLink(): string | null;
  readonly settings: Settings;
  /** Lessons finished, best scores, trainer mode. */
  readonly progress: CampaignProgress;
  /** Runs to watch again: saved replays, files, links, and the one on the Replay scene. */
  readonly replays: ReplayDesk;
  /** Records the session's game in the campaign once it is finished (lessons only, never sandbox); idempotent. */
  recordFinishedGame(): void;
  /** Starts a new session; returns a plain error message (e.g. an unknown id) or null. */
  newSession(scenarioId: string, seed: number, options?: SessionOptions): string | null;
  /** The session in progress, or null before the player picks a scenario. */
  readonly session: GameSession | null;
}
