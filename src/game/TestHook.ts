/**
 * A small, read-only window into the running game for browser tests and for curious players in
 * the console: `window.__phoenix`. Every method returns a fresh plain copy; nothing here can
 * change the game or the run.
 */
import type { Snapshot } from '../sim';
import type { RunSummary } from './RunSummary';
import type { PlaybackState } from './LiveRunDriver';

export interface PhoenixTestHook {
  /** True once the live run scene is up and has drawn its first frame. */
  readonly ready: boolean;
  /** Key of the scene on top (e.g. 'Boot', 'Preloader', 'LiveRun'); '' before the first one starts. */
  scene(): string;
  /** What the live view shows: the engine's snapshot at the current sim time. */
  snapshot(): Snapshot | null;
  /** The numbers on screen, as a plain summary. */
  metrics(): RunSummary | null;
  /** Event-log hash of the run on screen. */
  hash(): string;
  /** Speed, pause and which run is on screen. */
  playback(): PlaybackState | null;
  /** Event-log hash of a fresh headless run of a built-in scenario (to `until`, default its horizon). */
  runHeadless(scenarioId: string, seed: number, until?: number): string;
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
  snapshot(): Snapshot | null;
  summary(): RunSummary | null;
  playback(): PlaybackState | null;
  runHeadless(scenarioId: string, seed: number, until?: number): string;
}

export function installTestHook(target: Window, source: TestHookSource): PhoenixTestHook {
  const copy = <T>(x: T): T => (x === null ? x : structuredClone(x));
  const hook: PhoenixTestHook = Object.freeze({
    get ready() {
      return source.isReady();
    },
    scene: () => source.sceneKey(),
    snapshot: () => copy(source.snapshot()),
    metrics: () => copy(source.summary()),
    hash: () => source.snapshot()?.hash ?? '',
    playback: () => copy(source.playback()),
    runHeadless: (scenarioId: string, seed: number, until?: number) => source.runHeadless(scenarioId, seed, until),
  });
  Object.defineProperty(target, '__phoenix', { value: hook, writable: false, enumerable: false, configurable: true });
  return hook;
}
