/**
 * Builds the game: the run driver (engine + pacing), the scenes with their services injected,
 * the Phaser game, and the read-only test hook on window.
 */
import * as Phaser from 'phaser';
import { createGameConfig } from './GameConfig';
import { headlessRunHash, LiveRunDriver, type LiveRunOptions } from './LiveRunDriver';
import { installTestHook } from './TestHook';
import { Boot } from '../scenes/Boot';
import { Preloader } from '../scenes/Preloader';
import { LiveRun } from '../scenes/LiveRun';

/** The first slice plays one built-in scenario: Brent's, seed 1, one sim day every two seconds at 1x. */
export const LIVE_RUN: LiveRunOptions = { scenarioId: 'brent', seed: 1, unitsPerSecond: 0.5 };

export function startGame(parent: string | HTMLElement): Phaser.Game {
  const driver = new LiveRunDriver(LIVE_RUN);
  const liveRun = new LiveRun(driver);
  const game = new Phaser.Game(createGameConfig(parent, [new Boot(), new Preloader(), liveRun]));

  installTestHook(window, {
    isReady: () => liveRun.hasDrawn,
    sceneKey: () => {
      const active = game.scene.getScenes(true);
      return active[active.length - 1]?.scene.key ?? '';
    },
    snapshot: () => (liveRun.hasDrawn ? driver.view.snapshot : null),
    summary: () => (liveRun.hasDrawn ? driver.view.summary : null),
    playback: () => (liveRun.hasDrawn ? driver.playback : null),
    runHeadless: headlessRunHash,
  });
  return game;
}
