/**
 * A small, read-only window into the running game for browser tests and for curious players in
 * the console: `window.__phoenix`. Every method returns a fresh plain copy; nothing here can
 * change the game or the run.
 */
import type { ReplayInfo } from '../scenes/Replay';
import type { Command, Snapshot } from '../sim';
import type { RoundStats } from './debrief/RoundStats';
import type { PlayHud } from '../scenes/Play';
import type { CompareInfo } from '../scenes/Compare';
import type { SessionPhase } from './GameSession';
import type { WhatIfView } from './whatif/WhatIfJob';
import { rendererChoice, type RendererChoice } from './RendererChoice';

export interface LeaderboardInfo {
  readonly rows: readonly { readonly rank: number; readonly team: string; readonly score: number; readonly seed: number; readonly scenarioId: string }[];
  readonly message: string;
}

export interface SessionInfo {
  readonly scenarioId: string;
  readonly seed: number;
  readonly sandbox: boolean;
  readonly phase: SessionPhase;
  readonly roundIndex: number;
  readonly rounds: number;
  readonly time: number;
  readonly commands: readonly Command[];
  readonly results: readonly RoundStats[];
  readonly score: number;
  readonly levers: Readonly<Record<string, number | null>>;
  readonly hash: string;
}

export interface PlaybackInfo {
  readonly speed: number | 'max';
  readonly paused: boolean;
  readonly over: boolean;
}

export interface CampaignInfo {
  readonly trainerMode: boolean;
  /** Whether progress is being saved in this browser. */
  readonly saved: boolean;
  readonly lessons: readonly {
    readonly id: string;
    readonly order: number;
    readonly locked: boolean;
    readonly finished: boolean;
    readonly bestScore: number | null;
    readonly goalMet: boolean;
    readonly plays: number;
  }[];
}

export interface ScenarioSelectInfo {
  /** The chosen row: a scenario id, or ':open-file' for "Open a scenario file…". */
  readonly chosen: string | null;
  readonly message: string;
  readonly problems: { readonly message: string; readonly problems: readonly string[] } | null;
  /** The last link to play made with L, or null. */
  readonly playLink: string | null;
}

export interface PhoenixTestHook {
  /** True once the scene on top is up and has drawn (not while booting or loading). */
  readonly ready: boolean;
  /** Key of the scene on top ('Title', 'Play', ...); '' before the first one starts. */
  scene(): string;
  /** The renderer drawing the game (WebGL or Canvas 2D) and why it was chosen. */
  renderer(): RendererChoice;
  /** Names of the top scene's cameras in the order they draw ('' for the main camera). */
  cameras(): string[];
  /** The game in progress: scenario, seed, round, phase, commands sent and each round's numbers. */
  session(): SessionInfo | null;
  /** The engine's snapshot of the run in progress. */
  snapshot(): Snapshot | null;
  /** The numbers the Play HUD shows, while playing. */
  hud(): PlayHud | null;
  /** Speed and pause of the round on screen. */
  playback(): PlaybackInfo | null;
  /** Event-log hash of the run in progress. */
  hash(): string;
  /** Event-log hash of a fresh headless run of a built-in scenario (to `until`, default its horizon). */
  runHeadless(scenarioId: string, seed: number, until?: number, commands?: readonly Command[]): string;
  /** The Compare screen's two runs (time, each side's numbers, hash and commands); null elsewhere and during its set-up. */
  compare(): CompareInfo | null;
  /** The what-if run: idle, running, done, cancelled or failed; seeds done; the summary when done. */
  whatIf(): WhatIfView;
  /** Facilitator: the results code of the finished game in progress (what its last debrief shows), or null. */
  resultsCode(): string | null;
  /** Facilitator: the leaderboard's ranked rows and its message; null before it is first opened. */
  leaderboard(): LeaderboardInfo | null;
  /** Facilitator: the workshop code the scene on top shows ('' when none), and Play's last lever toast. */
  facilitatorScreen(): { readonly workshopCode: string; readonly leverToast: string };
  /** The campaign: which lessons are open, finished, and their best scores. */
  campaign(): CampaignInfo;
  /** The Replay screen: time, event, hashes, the chosen card's journey, the share link; null elsewhere. */
  replay(): ReplayInfo | null;
  /** The Replays screen: saved replays and the message shown; null elsewhere. */
  replays(): { saved: number; message: string } | null;
  /** Scenario select: the chosen row's id, the line under the buttons and a refused file's problems; null elsewhere. */
  scenarioSelect(): ScenarioSelectInfo | null;
  /** The last file the game offered as a download (Export in the debrief), or null. */
  lastExport(): ExportInfo | null;
}

export interface ExportInfo {
  readonly name: string;
  readonly bytes: number;
}

declare global {
  interface Window {
    __phoenix?: PhoenixTestHook;
  }
}

/** What the hook reads from; the game supplies it. */
export interface TestHookSource {
  isReady(): boolean;
  sceneKey(): string;
  cameraNames(): string[];
  session(): SessionInfo | null;
  snapshot(): Snapshot | null;
  hud(): PlayHud | null;
  playback(): PlaybackInfo | null;
  runHeadless(scenarioId: string, seed: number, until?: number, commands?: readonly Command[]): string;
  compare(): CompareInfo | null;
  campaign(): CampaignInfo;
  lastExport(): ExportInfo | null;
  whatIf(): WhatIfView;
  replay(): ReplayInfo | null;
  replays(): { saved: number; message: string } | null;
  scenarioSelect(): ScenarioSelectInfo | null;
}

export function installTestHook(target: Window, source: TestHookSource & FacilitatorHookSource): PhoenixTestHook {
  const copy = <T>(x: T): T => (x === null ? x : structuredClone(x));
  const hook: PhoenixTestHook = Object.freeze({
    get ready() {
      return source.isReady();
    },
    scene: () => source.sceneKey(),
    renderer: () => ({ ...rendererChoice() }),
    cameras: () => source.cameraNames().slice(),
    session: () => copy(source.session()),
    snapshot: () => copy(source.snapshot()),
    hud: () => copy(source.hud()),
    playback: () => copy(source.playback()),
    hash: () => source.session()?.hash ?? '',
    runHeadless: (scenarioId: string, seed: number, until?: number, commands?: readonly Command[]) =>
      source.runHeadless(scenarioId, seed, until, commands === undefined ? [] : structuredClone(commands)),
    compare: () => copy(source.compare()),
    whatIf: () => copy(source.whatIf()),
    campaign: () => copy(source.campaign()),
    resultsCode: () => source.resultsCode(),
    leaderboard: () => copy(source.leaderboard()),
    facilitatorScreen: () => copy(source.facilitatorScreen()),
    lastExport: () => copy(source.lastExport()),
    replay: () => copy(source.replay()),
    replays: () => copy(source.replays()),
    scenarioSelect: () => copy(source.scenarioSelect()),
  });
  Object.defineProperty(target, '__phoenix', { value: hook, writable: false, enumerable: false, configurable: true });
  return hook;
}

/** What the facilitator's part of the hook reads from. */
export interface FacilitatorHookSource {
  resultsCode(): string | null;
  leaderboard(): LeaderboardInfo | null;
  facilitatorScreen(): { workshopCode: string; leverToast: string };
}
