/**
 * First scene: loads only what the Preloader itself needs to draw (nothing yet: its bar is made
 * of shapes), then hands over.
 */
import * as Phaser from 'phaser';
import { SceneKey } from '../game/SceneKeys';

export class Boot extends Phaser.Scene {
  constructor() {
    super(SceneKey.Boot);
  }

  create(): void {
    this.scene.start(SceneKey.Preloader);
  }
}
