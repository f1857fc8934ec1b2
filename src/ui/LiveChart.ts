/**
 * The HUD's small live chart: WIP (filled) and items done (line) over the round so far, from
 * the engine's own samples. Drawn with one Graphics; redrawn only when the clock moves.
 */
import type * as Phaser from 'phaser';
import type { Simulation } from '../sim';
import { COLOR, TEXT } from '../game/Theme';

type Samples = Simulation['samples'];

export class LiveChart {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly peak: Phaser.GameObjects.Text;
  private readonly plot: { x: number; y: number; w: number; h: number };

  constructor(scene: Phaser.Scene, x: number, y: number, w: number, h: number) {
    const bg = scene.add.graphics();
    bg.fillStyle(COLOR.panel, 1).fillRoundedRect(x, y, w, h, 8);
    bg.lineStyle(1, COLOR.panelStroke, 1).strokeRoundedRect(x + 0.5, y + 0.5, w - 1, h - 1, 8);
    scene.add.text(x + 12, y + 8, 'WIP', { ...TEXT.label, color: '#ffc857' });
    scene.add.text(x + 56, y + 8, 'delivered', { ...TEXT.label, color: '#3ddc97' });
    this.peak = scene.add.text(x + w - 12, y + 8, '', TEXT.label).setOrigin(1, 0);
    this.plot = { x: x + 12, y: y + 34, w: w - 24, h: h - 44 };
    this.g = scene.add.graphics();
  }

  draw(s: Samples, start: number, end: number, now: number): void {
    const g = this.g.clear();
    const { x, y, w, h } = this.plot;
    g.lineStyle(1, COLOR.panelStroke, 1).lineBetween(x, y + h, x + w, y + h);
    let from = 0;
    while (from < s.length && s.t[from]! < start) from++;
    const to = s.length;
    if (to - from < 2 || end <= start) {
      this.peak.setText('');
      return;
    }
    let maxWip = 1;
    for (let i = from; i < to; i++) maxWip = Math.max(maxWip, s.wip[i]!);
    const done0 = s.done[from]!;
    const maxDone = Math.max(1, s.done[to - 1]! - done0);
    const px = (t: number) => x + (w * (Math.min(t, now) - start)) / (end - start);
    // WIP as a filled area.
    const pts: Phaser.Types.Math.Vector2Like[] = [{ x: px(s.t[from]!), y: y + h }];
    for (let i = from; i < to; i++) pts.push({ x: px(s.t[i]!), y: y + h - (h * s.wip[i]!) / maxWip });
    pts.push({ x: px(s.t[to - 1]!), y: y + h });
    g.fillStyle(COLOR.accentSoft, 0.35).fillPoints(pts as Phaser.Math.Vector2[], true);
    g.lineStyle(2, COLOR.accentSoft, 1).beginPath();
    for (let i = from; i < to; i++) {
      const yy = y + h - (h * s.wip[i]!) / maxWip;
      if (i === from) g.moveTo(px(s.t[i]!), yy);
      else g.lineTo(px(s.t[i]!), yy);
    }
    g.strokePath();
    // Delivered so far this round, scaled to its own maximum.
    g.lineStyle(2, COLOR.good, 1).beginPath();
    for (let i = from; i < to; i++) {
      const yy = y + h - (h * (s.done[i]! - done0)) / maxDone;
      if (i === from) g.moveTo(px(s.t[i]!), yy);
      else g.lineTo(px(s.t[i]!), yy);
    }
    g.strokePath();
    this.peak.setText(`peak WIP ${maxWip}`);
  }
}
