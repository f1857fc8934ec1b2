/**
 * Desks and people drawn once into one canvas texture (an atlas of frames), so the floor shows
 * them as images. As shapes, each avatar was a stroked ring and a disc: about 185 triangles,
 * redrawn every frame, which a software renderer (SwiftShader) pays for triangle by triangle;
 * as an image it is two. The look is the same: a coloured disc (orange for a person shared
 * between stations, teal for a named person, grey-blue for a worker) in a ring that says idle,
 * busy or hit by an incident.
 */
import type * as Phaser from 'phaser';
import { COLOR, toCss } from '../../game/Theme';
import { TEXTURE_RES } from './CardTextures';

export const PEOPLE_ATLAS = 'people';
export type AvatarKind = 'shared' | 'named' | 'worker';
export type AvatarRing = 'idle' | 'busy' | 'incident';
const KINDS: readonly AvatarKind[] = ['shared', 'named', 'worker'];
const RINGS: readonly AvatarRing[] = ['idle', 'busy', 'incident'];
export const AVATAR_COLOR: Record<AvatarKind, number> = { shared: 0xff8a3d, named: 0x4fd1c5, worker: 0x8fa3c7 };
const RING_COLOR: Record<AvatarRing, number> = { idle: COLOR.panelStroke, busy: COLOR.good, incident: COLOR.warning };
/** Disc radius in design pixels: a shared person is drawn bigger. */
export const avatarRadius = (kind: AvatarKind) => (kind === 'shared' ? 15 : 12);
const RING_GAP = 3;
const RING_WIDTH = 3;
/** A desk: a small table under each chair, in design pixels. */
export const DESK_W = 34;
export const DESK_H = 22;
const DESK_RADIUS = 4;

export const avatarFrame = (kind: AvatarKind, ring: AvatarRing) => `${kind}-${ring}`;
export const DESK_FRAME = 'desk';

/** Side of an avatar's square frame, in design pixels (the ring's outer edge plus a pixel). */
export const avatarBox = (kind: AvatarKind) => 2 * Math.ceil(avatarRadius(kind) + RING_GAP + RING_WIDTH / 2 + 1);

const RES = TEXTURE_RES;
/** Frames sit in cells with a clear gutter, so filtering never pulls in a neighbour. */
const GUTTER = 2;

/** Draws the atlas once per game (later calls are no-ops). */
export function makePeopleTextures(scene: Phaser.Scene): void {
  if (scene.textures.exists(PEOPLE_ATLAS)) return;
  const frames: { name: string; w: number; h: number; paint: (ctx: CanvasRenderingContext2D) => void }[] = [
    { name: DESK_FRAME, w: DESK_W, h: DESK_H, paint: paintDesk },
  ];
  for (const kind of KINDS) {
    const box = avatarBox(kind);
    for (const ring of RINGS) frames.push({ name: avatarFrame(kind, ring), w: box, h: box, paint: (ctx) => paintAvatar(ctx, kind, ring, box) });
  }
  // One row: every frame side by side.
  const width = frames.reduce((a, f) => a + f.w + 2 * GUTTER, 0);
  const height = Math.max(...frames.map((f) => f.h)) + 2 * GUTTER;
  const tex = scene.textures.createCanvas(PEOPLE_ATLAS, Math.ceil(width * RES), Math.ceil(height * RES));
  if (tex === null) return;
  const ctx = tex.getContext();
  let x = 0;
  for (const f of frames) {
    const fx = x + GUTTER, fy = GUTTER;
    ctx.save();
    ctx.scale(RES, RES);
    ctx.translate(fx, fy);
    f.paint(ctx);
    ctx.restore();
    tex.add(f.name, 0, Math.round(fx * RES), Math.round(fy * RES), Math.round(f.w * RES), Math.round(f.h * RES));
    x += f.w + 2 * GUTTER;
  }
  tex.refresh();
}

function paintDesk(ctx: CanvasRenderingContext2D): void {
  ctx.beginPath();
  ctx.roundRect(0, 0, DESK_W, DESK_H, DESK_RADIUS);
  ctx.fillStyle = toCss(COLOR.panelRaised);
  ctx.fill();
  ctx.beginPath();
  ctx.roundRect(0.5, 0.5, DESK_W - 1, DESK_H - 1, DESK_RADIUS);
  ctx.lineWidth = 1;
  ctx.strokeStyle = toCss(COLOR.panelStroke);
  ctx.stroke();
}

function paintAvatar(ctx: CanvasRenderingContext2D, kind: AvatarKind, ring: AvatarRing, box: number): void {
  const c = box / 2, r = avatarRadius(kind);
  ctx.beginPath();
  ctx.arc(c, c, r + RING_GAP, 0, Math.PI * 2);
  ctx.lineWidth = RING_WIDTH;
  ctx.strokeStyle = toCss(RING_COLOR[ring]);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(c, c, r, 0, Math.PI * 2);
  ctx.fillStyle = toCss(AVATAR_COLOR[kind]);
  ctx.fill();
}
