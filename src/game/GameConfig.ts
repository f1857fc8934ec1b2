/**
 * The Phaser game configuration, typed, in one place. WebGL, or Canvas 2D where WebGL would run
 * in software (RendererChoice: Phaser 4 calls its Canvas renderer deprecated, but without a GPU
 * it draws the floor at half the CPU cost), a 1280x720 design size letterboxed with Scale.FIT
 * (drawn at RENDER_SCALE), no GL antialiasing (fast on SwiftShader, crisp shapes anyway) and
 * whole-pixel positions so text stays sharp.
 */
import * as Phaser from 'phaser';
import { COLOR, HEIGHT, WIDTH } from './Theme';
import { RENDER_SCALE } from './RenderScale';
import { useMultiplyOnlyTint } from './MultiplyTint';
import { rendererChoice } from './RendererChoice';
import { useCrispCanvasSprites } from './CanvasCrispSprites';

export function createGameConfig(parent: string | HTMLElement, scenes: Phaser.Scene[]): Phaser.Types.Core.GameConfig {
  return {
    type: rendererChoice().kind === 'canvas' ? Phaser.CANVAS : Phaser.WEBGL,
    title: 'Phoenix Flow',
    parent,
    backgroundColor: COLOR.background,
    banner: false,
    disableContextMenu: true,
    scale: {
      mode: Phaser.Scale.FIT,
      autoCenter: Phaser.Scale.CENTER_BOTH,
      // The canvas has RENDER_SCALE pixels per design pixel; each scene's camera zooms to match.
      width: WIDTH * RENDER_SCALE,
      height: HEIGHT * RENDER_SCALE,
    },
    render: {
      antialiasGL: false,
      roundPixels: true,
      powerPreference: 'default',
      // One texture per batch: SwiftShader runs a multi-texture shader's every sampler for every
      // pixel, so mixing textures in a batch costs more than the extra draw calls (cards share one atlas).
      maxTextures: 1,
    },
    callbacks: {
      postBoot: (game) => {
        // Zero on WebGL means Phaser's shader additions changed: still correct, much slower on
        // SwiftShader. Logged as an error so the browser tests (no console errors) catch it.
        if (game.renderer?.type === Phaser.WEBGL && useMultiplyOnlyTint(game) === 0) console.error('Phoenix Flow: the multiply-only tint shader could not be installed');
        // Without it, every line of text on the Canvas renderer is drawn 2% too big and blurred.
        if (game.renderer?.type === Phaser.CANVAS && !useCrispCanvasSprites(game)) console.error('Phoenix Flow: the crisp Canvas sprite drawing could not be installed');
      },
    },
    input: {
      keyboard: false, // KeyRouter listens to the page itself
      mouse: true,
      touch: true,
      gamepad: false,
    },
    scene: scenes,
  };
}

/** Every scene's main camera shows the 1280x720 design space across the whole canvas. */
export function zoomToDesign(scene: Phaser.Scene): void {
  if (RENDER_SCALE === 1) return;
  scene.cameras.main.setZoom(RENDER_SCALE).centerOn(WIDTH / 2, HEIGHT / 2);
}
