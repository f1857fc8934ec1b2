/**
 * The debrief's "Same seed" panel: the player's numbers next to the scenario's strategies played
 * on the same seed (see SameSeedComparison). The player's row is highlighted and the best value
 * in each column is marked, so "how did my decisions do against the alternatives, with the very
 * same luck?" reads at a glance. Plain text and one Graphics, drawn into the given container.
 */
import * as Phaser from 'phaser';
import type { SameSeedComparison } from '../game/debrief';
import { COLOR, CSS, TEXT } from '../game/Theme';
import type { ChartBox } from './charts';
import { setFittedText } from './UiStyle';

const ROW_H = 34;
const LABEL_W = 200;

export class SameSeedTable {
  constructor(scene: Phaser.Scene, container: Phaser.GameObjects.Container, box: ChartBox, data: SameSeedComparison) {
    const add = (o: Phaser.GameObjects.GameObject) => container.add(o);
    const g = scene.add.graphics();
    add(g);
    let y = box.y + 6;
    const title = scene.add.text(box.x + 8, y, `Same seed (${data.seed}), other ways to play · ${data.scope}`, { ...TEXT.heading, fontSize: '20px' });
    setFittedText(title, title.text, box.width - 16);
    add(title);
    y += 32;
    const intro = scene.add.text(box.x + 8, y, 'The same work arrived at the same moments with the same sizes: only the decisions differ.', {
      ...TEXT.small,
      wordWrap: { width: box.width - 16 },
    });
    add(intro);
    y += intro.height + 14;

    const cols = data.columns.length;
    const colW = Math.floor((box.width - 16 - LABEL_W) / Math.max(1, cols));
    const right = (k: number) => box.x + 8 + LABEL_W + (k + 1) * colW - 10;
    let headH = 0;
    data.columns.forEach((c, k) => {
      const t = scene.add.text(right(k), y, c, { ...TEXT.label, fontStyle: 'bold', color: CSS.text, align: 'right', wordWrap: { width: colW - 14 } }).setOrigin(1, 0);
      headH = Math.max(headH, t.height);
      add(t);
    });
    y += headH + 14;
    // A star marks the best value of a column, only where the rows differ at all.
    const best = data.columns.map((_, k) => {
      const xs = data.rows.map((r) => r.raw[k]).filter((x): x is number => x !== null);
      if (xs.length < 2 || xs.every((x) => x === xs[0]) || data.higherIsBetter[k] === null) return null;
      return data.higherIsBetter[k] ? Math.max(...xs) : Math.min(...xs);
    });
    const allSame = best.every((b) => b === null);
    // Long strategy names wrap onto a second line; each row is as tall as its name needs.
    for (const r of data.rows) {
      const label = scene.add.text(box.x + 14, 0, r.label, { ...TEXT.body, fontSize: '17px', fontStyle: r.you ? 'bold' : 'normal', wordWrap: { width: LABEL_W - 18 } });
      const rowH = Math.max(ROW_H, Math.ceil(label.height) + 12);
      if (r.you) {
        g.fillStyle(COLOR.accent, 0.18).fillRoundedRect(box.x + 2, y - 5, box.width - 4, rowH, 6);
        g.lineStyle(1, COLOR.accent, 0.8).strokeRoundedRect(box.x + 2.5, y - 4.5, box.width - 5, rowH - 1, 6);
      } else if (data.rows.indexOf(r) % 2 === 0) g.fillStyle(COLOR.panelRaised, 0.6).fillRect(box.x + 4, y - 5, box.width - 8, rowH);
      label.setY(y);
      add(label);
      r.values.forEach((v, k) => {
        const isBest = best[k] !== null && r.raw[k] === best[k];
        add(scene.add.text(right(k), y, isBest ? `${v} ★` : v, { ...TEXT.body, fontSize: '17px', color: isBest ? CSS.good : CSS.text }).setOrigin(1, 0));
      });
      y += rowH;
    }
    y += 12;
    const notes = data.rows.filter((r) => r.description !== null).map((r) => `${r.label}: ${r.description}`);
    if (allSame) notes.unshift('So far every way to play made the same choices as you, so the numbers are the same: they part when the levers open.');
    if (notes.length > 0 && y < box.y + box.height - 40) {
      const t = scene.add.text(box.x + 8, y, notes.join('\n'), { ...TEXT.small, wordWrap: { width: box.width - 16 }, lineSpacing: 4 });
      add(t);
      // Never spill out of the panel: cut the notes to the lines that fit.
      const room = box.y + box.height - y;
      if (t.height > room) {
        const lines = t.getWrappedText(t.text);
        const fit = Math.max(1, Math.floor((room / t.height) * lines.length));
        t.setText(`${lines.slice(0, fit).join('\n')}…`);
      }
    }
  }
}
