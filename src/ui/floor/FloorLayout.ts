/**
 * Where things go on the factory floor: the backlog column on the left, one station per work
 * center in route order, the customer on the right; inside a station, a header, a row of desks
 * and a grid for the queue. Pure geometry, no Phaser, so it is easy to test and to reuse for the
 * benchmark.
 */
import { CARD_H, CARD_W } from './CardTextures';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface StationLayout {
  readonly id: string;
  readonly box: Rect;
  /** Desk centres, one per person who can work here (in the snapshot's order). */
  readonly desks: readonly { x: number; y: number }[];
  readonly deskSpacing: number;
  /** The queue grid: cards fill it row by row. */
  readonly grid: Rect;
  /** A strip at the foot of the station for finished cards that cannot move on (blocked). */
  readonly outbox: Rect;
}

export interface FloorLayout {
  readonly area: Rect;
  /** The backlog and customer columns; zero wide in a compact floor (where cards enter and leave). */
  readonly backlog: Rect;
  readonly customer: Rect;
  readonly stations: readonly StationLayout[];
  /** Laid out for half the screen (Compare): no side columns, desks in two rows when crowded. */
  readonly compact: boolean;
  /** Desk rows per station (2 only in a crowded compact floor). */
  readonly deskRows: number;
}

export interface FloorLayoutOptions {
  /** A floor in half the screen: the same 16 px text, fewer details (see FloorView). */
  readonly compact?: boolean;
}

export const HEADER_H = 46;
/** Room for a shared person's name tag above the avatars, the desks and the card being worked on. */
export const DESK_ROW_H = 84;
/** A second row of desks in a compact floor: an avatar, its desk and the card on it. */
const SECOND_DESK_ROW_H = 62;
/** Closer than this, avatars (30 px across with their ring) would overlap. */
const MIN_DESK_SPACING = 30;
export const OUTBOX_H = 26;
const GAP = 14;
const SIDE_W = 112;
const COMPACT_GAP = 6;

export function layoutFloor(area: Rect, centers: readonly { id: string; people: number }[], options: FloorLayoutOptions = {}): FloorLayout {
  const compact = options.compact === true;
  // A compact floor has no backlog and customer columns (their counts go on a line above it), so
  // its stations are wide enough for their names.
  const sideW = compact ? 0 : SIDE_W;
  const sideGap = compact ? 0 : GAP;
  const backlog: Rect = { x: area.x, y: area.y, w: sideW, h: area.h };
  const customer: Rect = { x: area.x + area.w - sideW, y: area.y, w: sideW, h: area.h };
  const inner = area.w - 2 * sideW - 2 * sideGap;
  const n = Math.max(1, centers.length);
  const gap = compact ? COMPACT_GAP : n > 6 ? 8 : GAP;
  const w = Math.floor((inner - (n - 1) * gap) / n);
  const x0 = area.x + sideW + sideGap;
  // A compact floor puts a crowded station's desks in two rows, every station's grid starting alike.
  const rowsOf = (people: number) => (compact && people > 1 && (w - 12) / people < MIN_DESK_SPACING ? 2 : 1);
  const deskRows = Math.max(1, ...centers.map((c) => rowsOf(c.people)));
  const deskRowH = DESK_ROW_H + (deskRows - 1) * SECOND_DESK_ROW_H;
  const stations = centers.map((c, i): StationLayout => {
    const box: Rect = { x: x0 + i * (w + gap), y: area.y, w, h: area.h };
    const deskY = box.y + HEADER_H + DESK_ROW_H / 2 + 6;
    const rows = rowsOf(c.people);
    const perRow = Math.ceil(c.people / rows);
    const spacing = Math.min(44, (w - 12) / Math.max(1, perRow));
    const desks = Array.from({ length: c.people }, (_, k) => {
      const row = Math.floor(k / perRow), col = k % perRow;
      const inRow = row < rows - 1 ? perRow : c.people - perRow * (rows - 1);
      const first = box.x + w / 2 - (spacing * (inRow - 1)) / 2;
      return { x: Math.round(first + col * spacing), y: deskY + row * SECOND_DESK_ROW_H };
    });
    const gy = box.y + HEADER_H + deskRowH + 4;
    const grid: Rect = { x: box.x + 8, y: gy, w: w - 16, h: box.y + box.h - OUTBOX_H - 8 - gy };
    const outbox: Rect = { x: box.x + 8, y: box.y + box.h - OUTBOX_H - 4, w: w - 16, h: OUTBOX_H };
    return { id: c.id, box, desks, deskSpacing: spacing, grid, outbox };
  });
  return { area, backlog, customer, stations, compact, deskRows };
}

/** How many cards fit in a grid at a given scale, and where card k goes. */
export interface GridFit {
  readonly scale: number;
  readonly cols: number;
  readonly capacity: number;
  position(k: number): { x: number; y: number };
}

/** Full-size cards while they fit; then half-size; past that the caller shows "+N". */
export function fitGrid(grid: Rect, count: number): GridFit {
  const make = (scale: number): GridFit => {
    const cw = CARD_W * scale + 3 * scale, ch = CARD_H * scale + 3 * scale;
    const cols = Math.max(1, Math.floor((grid.w + 3 * scale) / cw));
    const rows = Math.max(1, Math.floor((grid.h + 3 * scale) / ch));
    const used = cols * cw - 3 * scale;
    const left = grid.x + Math.floor((grid.w - used) / 2);
    return {
      scale,
      cols,
      capacity: cols * rows,
      position: (k) => ({ x: left + (k % cols) * cw + (CARD_W * scale) / 2, y: grid.y + Math.floor(k / cols) * ch + (CARD_H * scale) / 2 }),
    };
  };
  const full = make(1);
  if (count <= full.capacity) return full;
  const half = make(0.5);
  return half;
}
