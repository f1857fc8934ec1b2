/**
 * The floor's panel backgrounds (stations, backlog, customer), painted with scissored clears of
 * the frame buffer instead of filled triangles. Without a GPU (SwiftShader: the benchmark, and
 * many training-room laptops) every filled pixel runs the fragment pipeline on the CPU, at about
 * 10 ns a pixel; the panels cover half the screen, so filling them cost ~5 ms of every frame.
 * A clear is a plain memory fill and costs next to nothing.
 *
 * A clear can only paint an opaque, axis-aligned rectangle: rounded corners are quarter discs in
 * a small Graphics drawn straight after (a panel's corner square outside its disc keeps the floor's
 * background, which the frame's own clear painted). The floor's cameras zoom and scroll but never
 * rotate. On the Canvas renderer (no clears) the whole panel is drawn by that Graphics instead.
 */
import * as Phaser from 'phaser';

interface ClearRect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** 0..1 channels, as the GL clear colour wants them. */
  readonly rgba: readonly [number, number, number, number];
}

export interface PanelStyle {
  /** Opaque colour of the panel. */
  readonly color: number;
  readonly radius: number;
  /** A band of another colour across the top (a station's header), `height` tall (at least the radius). */
  readonly header?: { readonly height: number; readonly color: number };
}

/** Triangles per rounded corner: an 8 px corner stays within 0.1 px of a true arc. */
const CORNER_STEPS = 6;

const channels = (color: number): ClearRect['rgba'] => [((color >> 16) & 255) / 255, ((color >> 8) & 255) / 255, (color & 255) / 255, 1];

export class FlatPanels extends Phaser.GameObjects.Extern {
  private readonly rects: ClearRect[] = [];
  /** Rounded corners (WebGL) or whole panels (Canvas); drawn just above the clears. */
  private readonly shapes: Phaser.GameObjects.Graphics;
  private readonly clears: boolean;

  constructor(scene: Phaser.Scene) {
    super(scene);
    scene.add.existing(this);
    this.shapes = scene.add.graphics();
    this.clears = scene.sys.renderer.type === Phaser.WEBGL;
  }

  /** Adds a panel (panels never move: the floor's layout is fixed for the scene's life). */
  add(x: number, y: number, w: number, h: number, style: PanelStyle): this {
    const r = Math.min(style.radius, w / 2, h / 2);
    const top = style.header?.color ?? style.color;
    const headerH = Math.max(r, Math.min(h - r, style.header?.height ?? r));
    if (!this.clears) {
      this.shapes.fillStyle(style.color, 1).fillRoundedRect(x, y, w, h, r);
      if (style.header) this.shapes.fillStyle(top, 1).fillRoundedRect(x, y, w, headerH, { tl: r, tr: r, bl: 0, br: 0 });
      return this;
    }
    const push = (rx: number, ry: number, rw: number, rh: number, color: number) => {
      if (rw > 0 && rh > 0) this.rects.push({ x: rx, y: ry, w: rw, h: rh, rgba: channels(color) });
    };
    // Top strip between the corners, then the top colour's band, the body, and the bottom strip.
    push(x + r, y, w - 2 * r, r, top);
    push(x, y + r, w, headerH - r, top);
    push(x, y + headerH, w, h - headerH - r, style.color);
    push(x + r, y + h - r, w - 2 * r, r, style.color);
    const g = this.shapes;
    // A fan of our own rather than Graphics.slice: its path simplification can drop the arc's end
    // point, leaving a one-pixel notch where the disc meets the straight strip.
    const quarter = (cx: number, cy: number, from: number, color: number) => {
      g.fillStyle(color, 1);
      for (let i = 0; i < CORNER_STEPS; i++) {
        const a0 = from + (i * Math.PI) / 2 / CORNER_STEPS, a1 = from + ((i + 1) * Math.PI) / 2 / CORNER_STEPS;
        g.fillTriangle(cx, cy, cx + r * Math.cos(a0), cy + r * Math.sin(a0), cx + r * Math.cos(a1), cy + r * Math.sin(a1));
      }
    };
    quarter(x + r, y + r, Math.PI, top);
    quarter(x + w - r, y + r, 1.5 * Math.PI, top);
    quarter(x + w - r, y + h - r, 0, style.color);
    quarter(x + r, y + h - r, 0.5 * Math.PI, style.color);
    return this;
  }

  override setDepth(value: number): this {
    super.setDepth(value);
    this.shapes.setDepth(value);
    return this;
  }

  override destroy(fromScene?: boolean): void {
    this.shapes.destroy(fromScene);
    super.destroy(fromScene);
  }

  /** The Canvas renderer's Extern hook: nothing to do, the Graphics draws the whole panels there. */
  renderCanvas(): void {}

  /** Called by Phaser's Extern renderer (WebGL only), between a yield and a rebind of its GL state. */
  override render(renderer: Phaser.Renderer.WebGL.WebGLRenderer, drawingContext: Phaser.Renderer.WebGL.DrawingContext, calc: Phaser.GameObjects.Components.TransformMatrix): void {
    if (this.rects.length === 0) return;
    drawingContext.beginDraw(); // its framebuffer, viewport and scissor
    const gl = renderer.gl;
    const H = drawingContext.height;
    // Clip to the camera's scissor when it has one, else to the whole target (GL boxes start bottom left).
    // (Phaser's typings call these fields `object`; they are WebGL's scissor state.)
    const scissor = drawingContext.state.scissor as { enable?: boolean; box?: readonly number[] } | undefined;
    const box = scissor?.enable === true && scissor.box !== undefined ? scissor.box : [0, 0, drawingContext.width, H];
    const [bx, by, bw, bh] = [box[0] ?? 0, box[1] ?? 0, box[2] ?? 0, box[3] ?? 0];
    for (const r of this.rects) {
      const left = Math.round(calc.getX(r.x, r.y)), right = Math.round(calc.getX(r.x + r.w, r.y + r.h));
      const top = Math.round(calc.getY(r.x, r.y)), bottom = Math.round(calc.getY(r.x + r.w, r.y + r.h));
      const x0 = Math.max(left, bx), x1 = Math.min(right, bx + bw);
      const y0 = Math.max(H - bottom, by), y1 = Math.min(H - top, by + bh);
      if (x1 <= x0 || y1 <= y0) continue;
      const state = { scissor: { enable: true, box: [x0, y0, x1 - x0, y1 - y0] }, colorClearValue: r.rgba };
      renderer.glWrapper.update(state as unknown as Phaser.Types.Renderer.WebGL.WebGLGlobalParameters);
      gl.clear(gl.COLOR_BUFFER_BIT);
    }
    drawingContext.beginDraw(); // back to the context's own scissor and clear colour
  }
}
