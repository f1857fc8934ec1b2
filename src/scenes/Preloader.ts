/**
 * Loads every asset of the game while a progress bar fills, then opens the title screen. The font
 * is already there (Boot waited for it), so even the progress label is drawn in it.
 */
import * as Phaser from 'phaser';
import { SVG_ASSETS } from '../game/Assets';
import type { GameContext } from '../game/GameContext';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, HEIGHT, TEXT, WIDTH } from '../game/Theme';
import { zoomToDesign } from '../game/GameConfig';

const BAR_WIDTH = 480;
const BAR_HEIGHT = 16;

export class Preloader extends Phaser.Scene {
  /** The context is accepted like every scene's; the Preloader itself needs nothing from it. */
  constructor(_ctx?: GameContext) {
    super(SceneKey.Preloader);
  }

  init(): void {
    zoomToDesign(this);
    const cx = WIDTH / 2, cy = HEIGHT / 2;
    this.add.text(cx, cy - 64, 'Phoenix Flow', TEXT.title).setOrigin(0.5);
    const label = this.add.text(cx, cy + 40, 'Loading 0%', TEXT.small).setOrigin(0.5);
    this.add.rectangle(cx, cy, BAR_WIDTH + 8, BAR_HEIGHT + 8).setStrokeStyle(2, COLOR.panelStroke);
    const bar = this.add.rectangle(cx - BAR_WIDTH / 2, cy, 0, BAR_HEIGHT, COLOR.accent).setOrigin(0, 0.5);
    this.load.on(Phaser.Loader.Events.PROGRESS, (progress: number) => {
      bar.width = Math.round(BAR_WIDTH * progress);
      label.setText(`Loading ${Math.round(progress * 100)}%`);
    });
  }

  preload(): void {
    for (const a of SVG_ASSETS) this.load.svg(a.key, a.url, { width: a.width, height: a.height });
  }

  create(): void {
    this.scene.start(SceneKey.Title);
  }
}
