/**
 * Crisp images and text on Phaser's Canvas renderer (used where WebGL would run in software, see
 * RendererChoice). With `roundPixels` on, Phaser's canvas `batchSprite` rounds the position and
 * then draws every frame half a pixel wider and taller than it is, to hide seams between tiles.
 * The game has no tiles; what that stretch does here is blur every line of text (a 20 px line is
 * resampled to 20.5 px) and shift a card's pixel columns. This replacement snaps the drawn
 * rectangle's corner to a whole device pixel and draws the frame at its own size, as the WebGL
 * renderer does. Sprites it does not cover (flipped, masked, custom pivots, rotated or skewed)
 * still go to Phaser's own code.
 */
import type * as Phaser from 'phaser';

type BatchSprite = (sprite: SpriteLike, frame: FrameLike, camera: CameraLike, parent?: MatrixLike) => void;

/** The parts of Phaser's objects the drawing reads (Phaser's own types keep these private or loose). */
interface MatrixLike {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  applyITRS(x: number, y: number, rotation: number, scaleX: number, scaleY: number): MatrixLike;
  copyWithScrollFactorFrom(src: MatrixLike, scrollX: number, scrollY: number, factorX: number, factorY: number): MatrixLike;
  multiply(other: MatrixLike): MatrixLike;
  setToContext(ctx: CanvasRenderingContext2D): CanvasRenderingContext2D;
}
interface FrameLike {
  readonly x: number;
  readonly y: number;
  readonly cutWidth: number;
  readonly cutHeight: number;
  readonly customPivot: boolean;
  readonly canvasData: { readonly x: number; readonly y: number };
  readonly source: { readonly resolution: number; readonly scaleMode: number; readonly image: CanvasImageSource };
}
interface SpriteLike {
  readonly alpha: number;
  readonly x: number;
  readonly y: number;
  readonly rotation: number;
  readonly scaleX: number;
  readonly scaleY: number;
  readonly flipX: boolean;
  readonly flipY: boolean;
  readonly mask: unknown;
  readonly blendMode: number;
  readonly scrollFactorX: number;
  readonly scrollFactorY: number;
  readonly displayOriginX: number;
  readonly displayOriginY: number;
  readonly isCropped: boolean;
  readonly _crop: { readonly cx: number; readonly cy: number; readonly cw: number; readonly ch: number; readonly x: number; readonly y: number; readonly flipX: boolean; readonly flipY: boolean };
}
interface CameraLike {
  readonly alpha: number;
  readonly roundPixels: boolean;
  readonly matrixCombined: MatrixLike;
  readonly scrollX: number;
  readonly scrollY: number;
}
interface CanvasRendererLike {
  batchSprite: BatchSprite;
  readonly currentContext: CanvasRenderingContext2D;
  readonly blendModes: readonly GlobalCompositeOperation[];
  readonly _tempMatrix1: MatrixLike;
  readonly _tempMatrix2: MatrixLike;
}

/** Replaces the Canvas renderer's sprite drawing; false (nothing changed) on any other renderer. */
export function useCrispCanvasSprites(game: Phaser.Game): boolean {
  const renderer = game.renderer as unknown as CanvasRendererLike | null;
  if (renderer === null || typeof renderer.batchSprite !== 'function' || !('currentContext' in renderer)) return false;
  const phaserOwn = renderer.batchSprite.bind(renderer);
  renderer.batchSprite = (sprite, frame, camera, parent) => {
    if (sprite.flipX || sprite.flipY || sprite.mask || frame.customPivot || (sprite.isCropped && (sprite._crop.flipX || sprite._crop.flipY))) {
      phaserOwn(sprite, frame, camera, parent);
      return;
    }
    const alpha = camera.alpha * sprite.alpha;
    if (alpha === 0) return;
    const cropped = sprite.isCropped;
    const crop = sprite._crop;
    const sx = cropped ? crop.cx : frame.canvasData.x;
    const sy = cropped ? crop.cy : frame.canvasData.y;
    const sw = cropped ? crop.cw : frame.cutWidth;
    const sh = cropped ? crop.ch : frame.cutHeight;
    if (sw <= 0 || sh <= 0) return;
    const x = -sprite.displayOriginX + (cropped ? crop.x : frame.x);
    const y = -sprite.displayOriginY + (cropped ? crop.y : frame.y);

    const m = renderer._tempMatrix1;
    const local = renderer._tempMatrix2.applyITRS(sprite.x, sprite.y, sprite.rotation, sprite.scaleX, sprite.scaleY);
    m.copyWithScrollFactorFrom(camera.matrixCombined, camera.scrollX, camera.scrollY, sprite.scrollFactorX, sprite.scrollFactorY);
    if (parent) m.multiply(parent);
    m.multiply(local);
    if (camera.roundPixels && m.b === 0 && m.c === 0) {
      // The rectangle's top-left corner lands on a whole device pixel.
      m.e = Math.round(m.a * x + m.e) - m.a * x;
      m.f = Math.round(m.d * y + m.f) - m.d * y;
    }
    const ctx = renderer.currentContext;
    ctx.save();
    m.setToContext(ctx);
    ctx.globalCompositeOperation = renderer.blendModes[sprite.blendMode] ?? 'source-over';
    ctx.globalAlpha = alpha;
    ctx.imageSmoothingEnabled = !frame.source.scaleMode;
    const res = frame.source.resolution;
    ctx.drawImage(frame.source.image, sx, sy, sw, sh, x, y, sw / res, sh / res);
    ctx.restore();
  };
  return true;
}
