/**
 * The frame every menu scene shares, so margins and headings line up from screen to screen: a
 * header bar (an eyebrow line, the title, an optional note on the right) and a footer line of
 * keycaps saying which keys do what (always ending with H for help).
 */
import type * as Phaser from 'phaser';
import { ASSET } from '../game/Assets';
import { COLOR, CSS, HEIGHT, TEXT, WIDTH } from '../game/Theme';
import { setFittedText, widgetPalette } from './UiStyle';

/** Left and right margin of every menu screen. */
export const MARGIN = 48;
export const HEADER_HEIGHT = 96;
/** Centre line of the footer's key hints. */
export const FOOTER_Y = HEIGHT - 30;
/** Where content may start and must end, between header and footer. */
export const CONTENT_TOP = HEADER_HEIGHT + 28;
export const CONTENT_BOTTOM = HEIGHT - 64;

export interface HeaderOptions {
  /** Small line above the title, e.g. "Choose a scenario". */
  readonly eyebrow: string;
  readonly title: string;
  /** Right-aligned line, e.g. "Seed 1". */
  readonly right?: string;
}

export interface Header {
  readonly title: Phaser.GameObjects.Text;
  readonly right: Phaser.GameObjects.Text;
}

export function drawHeader(scene: Phaser.Scene, options: HeaderOptions): Header {
  const g = scene.add.graphics();
  g.fillStyle(COLOR.headerBar, 1).fillRect(0, 0, WIDTH, HEADER_HEIGHT);
  g.fillStyle(COLOR.panelStroke, 1).fillRect(0, HEADER_HEIGHT - 1, WIDTH, 1);
  // The accent line: the one warm stroke of the frame.
  g.fillStyle(COLOR.accent, 1).fillRect(0, HEADER_HEIGHT - 3, 96, 3);
  scene.add.image(MARGIN, HEADER_HEIGHT / 2, ASSET.phoenixMark).setDisplaySize(44, 44).setOrigin(0, 0.5);
  const textX = MARGIN + 60;
  const right = scene.add.text(WIDTH - MARGIN, HEADER_HEIGHT / 2, options.right ?? '', { ...TEXT.subtitle, color: CSS.text }).setOrigin(1, 0.5);
  const room = WIDTH - MARGIN - textX - (options.right ? Math.ceil(right.width) + 32 : 0);
  const eyebrow = scene.add.text(textX, 18, '', TEXT.sectionLabel);
  setFittedText(eyebrow, options.eyebrow.toUpperCase(), room);
  const title = scene.add.text(textX, 42, '', TEXT.title);
  setFittedText(title, options.title, room);
  return { title, right };
}

export type FooterHint = readonly [key: string, what: string];

/** A centred row of keycaps; returns the objects so a scene can replace them. */
export function drawFooter(scene: Phaser.Scene, hints: readonly FooterHint[], y = FOOTER_Y): Phaser.GameObjects.GameObject[] {
  const p = widgetPalette();
  const capH = 28, capPad = 9, inside = 8, between = 28;
  const objects: Phaser.GameObjects.GameObject[] = [];
  const placed = hints.map(([key, what]) => {
    const cap = scene.add.text(0, y, key, { ...TEXT.keycap, color: p.text }).setOrigin(0.5, 0.5);
    const label = scene.add.text(0, y, what, TEXT.label).setOrigin(0, 0.5);
    return { cap, label, w: Math.max(capH, Math.ceil(cap.width) + 2 * capPad) };
  });
  const total = placed.reduce((s, q) => s + q.w + inside + Math.ceil(q.label.width), 0) + between * Math.max(0, placed.length - 1);
  let x = Math.round((WIDTH - total) / 2);
  const g = scene.add.graphics();
  objects.push(g);
  for (const q of placed) {
    g.fillStyle(COLOR.panelRaised, 1).fillRoundedRect(x, y - capH / 2, q.w, capH, 5);
    g.lineStyle(1, p.stroke, 1).strokeRoundedRect(x + 0.5, y - capH / 2 + 0.5, q.w - 1, capH - 1, 5);
    q.cap.setPosition(x + q.w / 2, y).setDepth(1);
    q.label.setPosition(x + q.w + inside, y);
    objects.push(q.cap, q.label);
    x += q.w + inside + Math.ceil(q.label.width) + between;
  }
  return objects;
}

/** A panel: the rounded, outlined surface content sits on. */
export function drawPanel(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number): void {
  g.fillStyle(COLOR.panel, 1).fillRoundedRect(x, y, w, h, 10);
  g.lineStyle(1, COLOR.panelStroke, 1).strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 10);
}
