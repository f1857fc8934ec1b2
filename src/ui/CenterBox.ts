/**
 * A work center drawn as a box: its name and staff, queue length and WIP, how busy it has been,
 * and one small card per item inside it, coloured by type of work. Cards in service are solid
 * with a light rim, queued cards solid, cards waiting on a batch or blocked are outlines.
 */
import type * as Phaser from 'phaser';
import type { CenterView } from '../sim';
import type { CenterSummary } from '../game/RunSummary';
import { count, percent } from '../game/Format';
import { COLOR, CSS, TEXT, workKindColor } from '../game/Theme';

const PAD = 14;
const CARD = 20;
const CARD_GAP = 6;

export type CardStyle = 'service' | 'queue' | 'waiting';

/** One item card: solid with a light rim in service, solid when queued, an outline when held (batch, blocked, suspended). */
export function drawCard(g: Phaser.GameObjects.Graphics, x: number, y: number, color: number, style: CardStyle, size = CARD): void {
  if (style === 'waiting') {
    g.lineStyle(2, color, 1).strokeRect(x + 1, y + 1, size - 2, size - 2);
  } else {
    g.fillStyle(color, 1).fillRect(x, y, size, size);
    if (style === 'service') g.lineStyle(2, COLOR.text, 1).strokeRect(x + 1, y + 1, size - 2, size - 2);
  }
}

export interface CenterBoxContext {
  /** Kind of work of an item on screen, for its colour. */
  kindOf(id: number): string;
  staffText: string;
  /** Set when the followed person is working here. */
  focusName: string | null;
  /** What the busy line says before utilisation is measured. */
  busyPending: string;
}

export interface CenterBoxLayout {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class CenterBox {
  private readonly frame: Phaser.GameObjects.Graphics;
  private readonly cards: Phaser.GameObjects.Graphics;
  private readonly staff: Phaser.GameObjects.Text;
  private readonly queue: Phaser.GameObjects.Text;
  private readonly wip: Phaser.GameObjects.Text;
  private readonly busy: Phaser.GameObjects.Text;
  private readonly overflow: Phaser.GameObjects.Text;
  private readonly badge: Phaser.GameObjects.Text;
  private readonly cardsTop: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly barY: number;

  constructor(scene: Phaser.Scene, private readonly box: CenterBoxLayout, name: string) {
    const { x, y, width } = box;
    this.frame = scene.add.graphics();
    scene.add.text(x + PAD, y + 12, name, TEXT.centerName);
    this.staff = scene.add.text(x + PAD, y + 40, '', TEXT.small);
    const col2 = x + Math.round(width / 2) + 4;
    scene.add.text(x + PAD, y + 74, 'Queue', TEXT.label);
    scene.add.text(col2, y + 74, 'WIP', TEXT.label);
    this.queue = scene.add.text(x + PAD, y + 94, '', TEXT.value);
    this.wip = scene.add.text(col2, y + 94, '', TEXT.value);
    this.busy = scene.add.text(x + PAD, y + 140, '', TEXT.small);
    this.barY = y + 166;
    this.cardsTop = y + 186;
    this.columns = Math.floor((width - 2 * PAD + CARD_GAP) / (CARD + CARD_GAP));
    this.rows = Math.max(1, Math.floor((y + box.height - PAD - this.cardsTop + CARD_GAP) / (CARD + CARD_GAP)));
    this.cards = scene.add.graphics();
    const lastRowMiddle = this.cardsTop + (this.rows - 1) * (CARD + CARD_GAP) + CARD / 2;
    this.overflow = scene.add.text(x + width - PAD, lastRowMiddle, '', { ...TEXT.small, color: CSS.text }).setOrigin(1, 0.5);
    // A tag hanging on the top border names the followed person while they work here.
    this.badge = scene.add
      .text(x + Math.round(width / 2), y, '', { ...TEXT.small, fontStyle: 'bold', color: CSS.background, backgroundColor: CSS.accent, padding: { x: 8, y: 2 } })
      .setOrigin(0.5, 0.5)
      .setVisible(false);
    this.drawFrame(false);
  }

  update(view: CenterView, summary: CenterSummary, ctx: CenterBoxContext): void {
    const { kindOf, focusName } = ctx;
    this.staff.setText(ctx.staffText);
    this.queue.setText(String(summary.queue));
    this.wip.setText(summary.wipLimit === null ? String(summary.wip) : `${summary.wip}/${summary.wipLimit}`);
    this.busy.setText(summary.utilisation === null ? ctx.busyPending : `Busy ${percent(summary.utilisation)} of the time`);
    this.badge.setText(focusName ?? '').setVisible(focusName !== null);
    this.drawFrame(focusName !== null);
    this.drawBar(summary.utilisation);
    this.drawCards(view, kindOf);
  }

  private drawFrame(highlight: boolean): void {
    const { x, y, width, height } = this.box;
    const g = this.frame.clear();
    g.fillStyle(COLOR.panel, 1).fillRoundedRect(x, y, width, height, 10);
    g.lineStyle(highlight ? 3 : 1, highlight ? COLOR.accent : COLOR.panelStroke, 1);
    g.strokeRoundedRect(x + 0.5, y + 0.5, width - 1, height - 1, 10);
    g.lineStyle(1, COLOR.panelStroke, 1).lineBetween(x + PAD, y + 66, x + width - PAD, y + 66);
  }

  private drawBar(utilisation: number | null): void {
    const { x, width } = this.box;
    const w = width - 2 * PAD;
    const g = this.frame;
    g.fillStyle(COLOR.track, 1).fillRect(x + PAD, this.barY, w, 8);
    if (utilisation !== null && utilisation > 0) {
      const u = Math.min(1, utilisation);
      g.fillStyle(u >= 0.9 ? COLOR.accent : COLOR.good, 1).fillRect(x + PAD, this.barY, Math.max(2, Math.round(w * u)), 8);
    }
  }

  private drawCards(view: CenterView, kindOf: (id: number) => string): void {
    const g = this.cards.clear();
    const capacity = this.columns * this.rows;
    const entries: { id: number; style: CardStyle }[] = [];
    for (const id of view.inService) entries.push({ id, style: 'service' });
    for (const id of view.queue) entries.push({ id, style: 'queue' });
    for (const id of view.suspended) entries.push({ id, style: 'waiting' });
    for (const id of view.batching) entries.push({ id, style: 'waiting' });
    for (const id of view.blocked) entries.push({ id, style: 'waiting' });
    // When the cards do not fit, the last two slots of the last row say how many more there are.
    const shown = entries.length > capacity ? capacity - 2 : entries.length;
    const left = this.box.x + PAD;
    for (let i = 0; i < shown; i++) {
      const e = entries[i]!;
      const cx = left + (i % this.columns) * (CARD + CARD_GAP);
      const cy = this.cardsTop + Math.floor(i / this.columns) * (CARD + CARD_GAP);
      drawCard(g, cx, cy, workKindColor(kindOf(e.id)), e.style);
    }
    this.overflow.setText(entries.length > shown ? `+${entries.length - shown}` : '');
  }

  /** Staff line for a center: "3 people + Brent". */
  static staffText(people: readonly { name: string; named: boolean }[], releaseEvery: number | null, unit: string): string {
    const anonymous = people.filter((p) => !p.named).length;
    const named = people.filter((p) => p.named).map((p) => p.name);
    const parts = [anonymous > 0 ? count(anonymous, 'person', 'people') : '', ...named].filter((s) => s !== '');
    const staff = parts.join(' + ') || 'nobody';
    return releaseEvery === null ? staff : `${staff} · every ${releaseEvery} ${unit}s`;
  }
}
