/**
 * Card faces drawn once at start-up into ONE canvas texture (an atlas of frames), so the floor can
 * show a thousand cards as plain images in one batched draw with a single texture bound: without
 * a GPU (SwiftShader) a batch that mixes textures makes every pixel sample each of them. Each
 * type of work has its colour AND its own symbol (circle, square, triangle, bolt, hexagon), so
 * colour is never the only cue. Every look a card can have (type x blocked/set aside x
 * late/rework) is a frame of its own, so a marked card is still one image.
 */
import type * as Phaser from 'phaser';
import { toCss, workKindColor } from '../../game/Theme';
import { RENDER_SCALE } from '../../game/RenderScale';

export const CARD_W = 26;
export const CARD_H = 18;
/** Texture pixels per design pixel: the canvas's render scale, so cards stay crisp on big screens. */
export const TEXTURE_RES = RENDER_SCALE;
const RES = TEXTURE_RES;

export const CARD_KINDS = ['business', 'internal', 'change', 'unplanned', 'custom'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export function cardKind(kind: string): CardKind {
  return (CARD_KINDS as readonly string[]).includes(kind) ? (kind as CardKind) : 'custom';
}

/** The texture that holds every card face and mark as a frame. */
export const CARD_ATLAS = 'card-faces';
export type CardStatus = 'blocked' | 'paused' | null;
export type CardFlag = 'late' | 'rework' | null;
const STATUSES: readonly CardStatus[] = [null, 'blocked', 'paused'];
const FLAGS: readonly CardFlag[] = [null, 'late', 'rework'];

const faceName = (kind: CardKind, status: CardStatus, flag: CardFlag, half: boolean) => `${kind}-${status ?? 'ok'}-${flag ?? 'ok'}${half ? '-half' : ''}`;
/** Every frame name made once: the floor asks for a thousand faces a frame, and compares them. */
const FACES = new Map(CARD_KINDS.map((k) => [k, [false, true].map((half) => STATUSES.map((st) => FLAGS.map((f) => faceName(k, st, f, half))))]));
const STATUS_INDEX = { ok: 0, blocked: 1, paused: 2 } as const;
const FLAG_INDEX = { ok: 0, late: 1, rework: 2 } as const;

/**
 * Frame of a card's face: its type of work, and its marks baked in. A crowded grid shows cards at
 * half size (FloorLayout.fitGrid): those have frames of their own, painted at that size, so every
 * card is drawn texel for pixel and the atlas can be sampled without filtering.
 */
export function cardFace(kind: CardKind, status: CardStatus = null, flag: CardFlag = null, half = false): string {
  return FACES.get(kind)![half ? 1 : 0]![STATUS_INDEX[status ?? 'ok']]![FLAG_INDEX[flag ?? 'ok']]!;
}
/** Frames of the marks alone (the legend's empty WIP slot). */
export const MARK = { slot: 'slot' } as const;

/** The symbol of each type of work, drawn in a box of size s centred at (cx, cy). */
export function drawSymbol(ctx: CanvasRenderingContext2D, kind: CardKind, cx: number, cy: number, s: number): void {
  const r = s / 2;
  ctx.beginPath();
  switch (kind) {
    case 'business':
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
      break;
    case 'internal':
      ctx.rect(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'change':
      ctx.moveTo(cx, cy - r);
      ctx.lineTo(cx + r, cy + r * 0.85);
      ctx.lineTo(cx - r, cy + r * 0.85);
      break;
    case 'unplanned':
      // A lightning bolt: unplanned work strikes.
      ctx.moveTo(cx + r * 0.25, cy - r * 1.1);
      ctx.lineTo(cx - r * 0.75, cy + r * 0.15);
      ctx.lineTo(cx - r * 0.05, cy + r * 0.15);
      ctx.lineTo(cx - r * 0.3, cy + r * 1.1);
      ctx.lineTo(cx + r * 0.75, cy - r * 0.2);
      ctx.lineTo(cx + r * 0.05, cy - r * 0.2);
      break;
    default:
      for (let i = 0; i < 6; i++) {
        const a = (Math.PI / 3) * i + Math.PI / 6;
        if (i === 0) ctx.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
        else ctx.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
      }
  }
  ctx.closePath();
  ctx.fill();
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** Each frame's cell in the atlas, in design pixels: the card plus a clear gutter (no bleeding when filtered). */
const GUTTER = 2;
const CELL_W = CARD_W + 2 * GUTTER;
const CELL_H = CARD_H + 2 * GUTTER;
const COLUMNS = 10;

/** Draws the atlas once per game (later calls are no-ops). Frames are CARD_W x CARD_H design pixels (or half that) at TEXTURE_RES. */
export function makeCardTextures(scene: Phaser.Scene): void {
  if (scene.textures.exists(CARD_ATLAS)) return;
  const frames: { name: string; size: number; paint: (ctx: CanvasRenderingContext2D) => void }[] = [];
  for (const half of [false, true]) {
    for (const kind of CARD_KINDS) {
      for (const status of STATUSES) {
        for (const flag of FLAGS) {
          const paint = (ctx: CanvasRenderingContext2D) => {
            paintFace(ctx, kind);
            if (flag === 'late') paintLate(ctx);
            else if (flag === 'rework') paintRework(ctx);
            if (status === 'blocked') paintBlocked(ctx);
            else if (status === 'paused') paintPaused(ctx);
          };
          frames.push({ name: cardFace(kind, status, flag, half), size: half ? 0.5 : 1, paint });
        }
      }
    }
  }
  frames.push({ name: MARK.slot, size: 1, paint: paintSlot });
  const rows = Math.ceil(frames.length / COLUMNS);
  const tex = scene.textures.createCanvas(CARD_ATLAS, COLUMNS * CELL_W * RES, rows * CELL_H * RES);
  if (tex === null) return;
  const ctx = tex.getContext();
  frames.forEach(({ name, size, paint }, i) => {
    // Cells are whole texels at every render scale (1, 1.5, 2); a frame is its size rounded to whole texels.
    const x = ((i % COLUMNS) * CELL_W + GUTTER) * RES, y = (Math.floor(i / COLUMNS) * CELL_H + GUTTER) * RES;
    const w = Math.round(CARD_W * size * RES), h = Math.round(CARD_H * size * RES);
    ctx.save();
    ctx.translate(x, y);
    ctx.scale(w / CARD_W, h / CARD_H);
    paint(ctx);
    ctx.restore();
    tex.add(name, 0, x, y, w, h);
  });
  tex.refresh();
}

function paintSlot(ctx: CanvasRenderingContext2D): void {
  ctx.setLineDash([3, 2]);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#5d6b88';
  roundRect(ctx, 1, 1, CARD_W - 2, CARD_H - 2, 3);
  ctx.stroke();
}

function paintFace(ctx: CanvasRenderingContext2D, kind: CardKind): void {
  roundRect(ctx, 0.5, 0.5, CARD_W - 1, CARD_H - 1, 3);
  ctx.fillStyle = toCss(workKindColor(kind));
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = 'rgba(0,0,0,0.45)';
  ctx.stroke();
  ctx.fillStyle = '#0b0f19';
  drawSymbol(ctx, kind, CARD_W / 2, CARD_H / 2, 10);
}

function paintBlocked(ctx: CanvasRenderingContext2D): void {
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = '#ff5d5d';
  roundRect(ctx, 1.25, 1.25, CARD_W - 2.5, CARD_H - 2.5, 3);
  ctx.stroke();
  // A "no entry" bar across the top-right corner.
  ctx.fillStyle = '#ff5d5d';
  ctx.fillRect(CARD_W - 9, 1, 8, 5);
}

function paintRework(ctx: CanvasRenderingContext2D): void {
  ctx.fillStyle = '#ffc857';
  ctx.beginPath();
  ctx.moveTo(0, CARD_H);
  ctx.lineTo(8, CARD_H);
  ctx.lineTo(0, CARD_H - 8);
  ctx.closePath();
  ctx.fill();
}

function paintLate(ctx: CanvasRenderingContext2D): void {
  ctx.fillStyle = '#ff8a3d';
  ctx.beginPath();
  ctx.arc(CARD_W - 4, 4, 3.2, 0, Math.PI * 2);
  ctx.fill();
}

function paintPaused(ctx: CanvasRenderingContext2D): void {
  ctx.fillStyle = 'rgba(11,15,25,0.55)';
  roundRect(ctx, 0.5, 0.5, CARD_W - 1, CARD_H - 1, 3);
  ctx.fill();
  ctx.fillStyle = '#e8ecf4';
  ctx.fillRect(CARD_W / 2 - 4, 4, 3, CARD_H - 8);
  ctx.fillRect(CARD_W / 2 + 1, 4, 3, CARD_H - 8);
}
