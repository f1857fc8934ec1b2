/**
 * The Phaser game configuration, typed, in one place. WebGL (the Canvas renderer is deprecated in
 * Phaser 4), a fixed 1280x720 design size letterboxed with Scale.FIT, no GL antialiasing (fast on
 * SwiftShader, crisp shapes anyway) and whole-pixel positions so text stays sharp.
 */
import * as Phaser from 'phaser';
import { COLOR, HEIGHT, WIDTH } from './Theme';

export function createGameConfig(parent: string | HTMLElement, scenes: Phaser.Scene[]): Phaser.Types.Core.GameConfig {
  return {
    type: Phaser.AUTO,
    title: 'Phoenix Flow',
    parent,
    backgroundColor: COLOR.background,
    banner: false,
    disableContextMenu: true,
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      width: WIDTH,
      height: HEIGHT,
    },
    render: {
      antialiasGL: false,
      roundPixels: true,
      powerPreference: 'default',
    },
    input: {
      keyboard: true,
      mouse: true,
      touch: true,
      gamepad: false,
    },
    scene: scenes,
  };
}
