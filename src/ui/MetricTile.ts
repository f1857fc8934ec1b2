/** One headline number on a panel: a label, a big value and a one-line note under it. */
import type * as Phaser from 'phaser';
import { COLOR, CSS, TEXT } from '../game/Theme';

/** The smallest a long value gets before it would rather run over (still above the 16 px floor). */
const MIN_VALUE_SIZE = 20;

export class MetricTile {
  private readonly value: Phaser.GameObjects.Text;
  private readonly note: Phaser.GameObjects.Text;
  private readonly maxWidth: number;
  private readonly fullSize: number;

  constructor(scene: Phaser.Scene, x: number, y: number, width: number, height: number, label: string) {
    const g = scene.add.graphics();
    g.fillStyle(COLOR.panel, 1).fillRoundedRect(x, y, width, height, 8);
    g.lineStyle(1, COLOR.panelStroke, 1).strokeRoundedRect(x + 0.5, y + 0.5, width - 1, height - 1, 8);
    scene.add.text(x + 16, y + 12, label, TEXT.label);
    // The value takes the room between the label and the note: a short tile caps its size.
    this.fullSize = Math.min(parseInt(TEXT.value.fontSize as string, 10), height - 64);
    this.value = scene.add.text(x + 16, y + 34, '', { ...TEXT.value, fontSize: `${this.fullSize}px` });
    this.maxWidth = width - 28;
    this.note = scene.add.text(x + 16, y + height - 30, '', TEXT.small);
  }

  set(value: string, note: string, emphasis: 'normal' | 'hot' = 'normal'): void {
    if (this.value.text !== value) {
      // A long value ("12.4 days") steps down a size rather than run over the tile's edge.
      this.value.setFontSize(`${this.fullSize}px`).setText(value);
      for (let size = this.fullSize - 2; size >= MIN_VALUE_SIZE && this.value.width > this.maxWidth; size -= 2) this.value.setFontSize(`${size}px`);
    }
    this.value.setColor(emphasis === 'hot' ? CSS.accent : CSS.text);
    this.note.setText(note);
  }
}
