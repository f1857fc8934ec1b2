/** A centred row of keycaps with what each key does; a keycap can be lit to show the current choice. */
import type * as Phaser from 'phaser';
import { COLOR, CSS, TEXT } from '../game/Theme';

export interface KeyHelpEntry {
  readonly id: string;
  readonly key: string;
  readonly label: string;
}

const CAP_HEIGHT = 28;
const CAP_PAD = 9;

interface Cap {
  readonly g: Phaser.GameObjects.Graphics;
  readonly text: Phaser.GameObjects.Text;
  readonly x: number;
  readonly y: number;
  readonly w: number;
}

export class KeyHelp {
  private readonly caps = new Map<string, Cap>();

  constructor(scene: Phaser.Scene, centerX: number, centerY: number, entries: readonly KeyHelpEntry[]) {
    const capStyle = { ...TEXT.label, color: CSS.text, fontStyle: 'bold' };
    const placed = entries.map((e) => {
      const text = scene.add.text(0, 0, e.key, capStyle).setOrigin(0.5, 0.5);
      const label = scene.add.text(0, 0, e.label, TEXT.label).setOrigin(0, 0.5);
      const w = Math.max(CAP_HEIGHT, Math.ceil(text.width) + 2 * CAP_PAD);
      return { e, text, label, w };
    });
    const gapInside = 8, gapBetween = 26;
    const total = placed.reduce((sum, p) => sum + p.w + gapInside + Math.ceil(p.label.width), 0) + gapBetween * (placed.length - 1);
    let x = Math.round(centerX - total / 2);
    const y = Math.round(centerY - CAP_HEIGHT / 2);
    for (const p of placed) {
      const g = scene.add.graphics();
      p.text.setPosition(x + p.w / 2, centerY).setDepth(1);
      p.label.setPosition(x + p.w + gapInside, centerY);
      const cap: Cap = { g, text: p.text, x, y, w: p.w };
      this.caps.set(p.e.id, cap);
      this.paint(cap, false);
      x += p.w + gapInside + Math.ceil(p.label.width) + gapBetween;
    }
  }

  setActive(id: string, active: boolean): void {
    const cap = this.caps.get(id);
    if (cap) this.paint(cap, active);
  }

  private paint(cap: Cap, active: boolean): void {
    const g = cap.g.clear();
    g.fillStyle(active ? COLOR.accent : COLOR.panelRaised, 1).fillRoundedRect(cap.x, cap.y, cap.w, CAP_HEIGHT, 5);
    g.lineStyle(1, active ? COLOR.accent : COLOR.panelStroke, 1).strokeRoundedRect(cap.x + 0.5, cap.y + 0.5, cap.w - 1, CAP_HEIGHT - 1, 5);
    cap.text.setColor(active ? CSS.background : CSS.text);
  }
}
