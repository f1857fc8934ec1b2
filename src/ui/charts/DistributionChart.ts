/**
 * Two distributions over many seeds, one above the other on the same x axis: policy A's
 * histogram in the upper row (solid bars), B's in the lower row (striped bars), so colour is
 * never the only cue. Each row marks its median (dashed), 85th (thick) and 95th (thin)
 * percentile. The bins are shared (SharedBins), so equal bars mean equal ranges.
 */
import type * as Phaser from 'phaser';
import { toCss } from '../../game/Theme';
import type { Spread } from '../../game/whatif/WhatIfSummary';
import { ChartFrame, type ChartBox } from './ChartFrame';
import { CHART_COLOR, CHART_TEXT, LABEL_BACKGROUND, dashedLine } from './ChartStyle';
import { sharedBins } from './SharedBins';

export interface DistributionChartData {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly spreadA: Spread;
  readonly spreadB: Spread;
}

export interface DistributionChartOptions {
  readonly title: string;
  /** The x axis label, e.g. "Mean lead time (days)". */
  readonly axis: string;
}

/** A's bars: solid; B's: striped, in another colour. */
export const POLICY_COLOR = { a: CHART_COLOR.series, b: 0xb48cff } as const;
const P95_COLOR = 0xe8ecf4;
const STRIPE = 4;
const ROW_TEXT = { ...CHART_TEXT.labelBold, fontSize: '16px' };

export class DistributionChart {
  private readonly frame: ChartFrame;

  constructor(scene: Phaser.Scene, container: Phaser.GameObjects.Container, box: ChartBox, data: DistributionChartData, private readonly options: DistributionChartOptions) {
    this.frame = new ChartFrame(scene, container, box);
    this.draw(data);
    this.frame.commit();
  }

  private draw(data: DistributionChartData): void {
    const f = this.frame;
    f.begin(this.options.title);
    const bins = sharedBins(data.a, data.b);
    if (bins.a.length === 0) {
      f.empty('No seed finished any work');
      return;
    }
    const end = bins.start + bins.width * bins.a.length;
    f.layout({
      x: { min: bins.start, max: end, label: this.options.axis, mode: 'inside', maxTicks: 6 },
      // Two rows: B in [0, 1], A in [1, 2]; the grid line at 1 divides them. No numbers on y.
      y: { min: 0, max: 2, label: 'Seeds', format: () => '', maxTicks: 3 },
      legend: [
        { label: 'median', swatch: { type: 'line', color: CHART_COLOR.p50, dashed: true } },
        { label: '85%', swatch: { type: 'line', color: CHART_COLOR.p85, width: 4 } },
        { label: '95%', swatch: { type: 'line', color: P95_COLOR, width: 1.5 } },
      ],
    });
    const p = f.plot;
    const rowH = p.height / 2;
    const most = Math.max(1, ...bins.a, ...bins.b);
    this.drawRow(bins.a, bins.start, bins.width, p.y, rowH, most, 'a');
    this.drawRow(bins.b, bins.start, bins.width, p.y + rowH, rowH, most, 'b');
    this.drawMarks(data.spreadA, p.y, rowH);
    this.drawMarks(data.spreadB, p.y + rowH, rowH);
    for (const [side, top] of [['A', p.y], ['B', p.y + rowH]] as const) {
      const color = side === 'A' ? POLICY_COLOR.a : POLICY_COLOR.b;
      f.text(p.x + 6, top + 4, side, { ...ROW_TEXT, color: toCss(color), backgroundColor: LABEL_BACKGROUND, padding: { x: 4, y: 1 } });
    }
  }

  /** One policy's bars in a row from `top` down `height` px; the tallest bar of both rows fills 85% of it. */
  private drawRow(counts: readonly number[], start: number, width: number, top: number, height: number, most: number, side: 'a' | 'b'): void {
    const f = this.frame, g = f.g;
    const bottom = Math.round(top + height);
    const color = POLICY_COLOR[side];
    counts.forEach((c, i) => {
      if (c === 0) return;
      const x0 = Math.round(f.px(start + i * width)) + 1;
      const x1 = Math.round(f.px(start + (i + 1) * width)) - 1;
      const h = Math.max(2, Math.round((c / most) * height * 0.85));
      const w = Math.max(1, x1 - x0);
      if (side === 'a') {
        g.fillStyle(color, 0.9).fillRect(x0, bottom - h, w, h);
        return;
      }
      // Striped: a faint fill, horizontal stripes and an outline.
      g.fillStyle(color, 0.25).fillRect(x0, bottom - h, w, h);
      g.fillStyle(color, 1);
      for (let y = bottom - 2; y > bottom - h; y -= STRIPE) g.fillRect(x0, y, w, 2);
      g.lineStyle(1.5, color, 1).strokeRect(x0 + 0.5, bottom - h + 0.5, w - 1, h - 1);
    });
  }

  private drawMarks(s: Spread, top: number, height: number): void {
    if (s.count === 0) return;
    const f = this.frame, g = f.g;
    const y0 = top + 6, y1 = top + height - 1;
    const x = (v: number) => Math.round(f.px(v)) + 0.5;
    g.lineStyle(1.5, P95_COLOR, 1).lineBetween(x(s.p95), y0, x(s.p95), y1);
    g.lineStyle(4, CHART_COLOR.p85, 1).lineBetween(x(s.p85), y0, x(s.p85), y1);
    g.lineStyle(2.5, CHART_COLOR.p50, 1);
    dashedLine(g, x(s.p50), y0, x(s.p50), y1, 7, 4);
  }

  destroy(): void {
    this.frame.destroy();
  }
}
