/**
 * First scene: makes sure the game's font is loaded before any text is drawn (Phaser measures text
 * once, when it is created), then hands over to the Preloader. Loading the font never blocks the
 * game: after a timeout, or if the browser cannot load fonts, it goes on with the fallback.
 */
import * as Phaser from 'phaser';
import { loadFonts } from '../game/Fonts';
import type { GameContext } from '../game/GameContext';
import { SceneKey } from '../game/SceneKeys';
import { zoomToDesign } from '../game/GameConfig';

/** Registry key holding how the font load ended ('loaded', 'timeout', 'failed', 'unsupported'). */
export const FONT_STATUS_KEY = 'fontStatus';

export class Boot extends Phaser.Scene {
  /** The context is accepted like every scene's; Boot itself needs nothing from it. */
  constructor(_ctx?: GameContext) {
    super(SceneKey.Boot);
  }

  create(): void {
    zoomToDesign(this);
    void loadFonts().then((status) => {
      this.registry.set(FONT_STATUS_KEY, status);
      this.scene.start(SceneKey.Preloader);
    });
  }
}
