/**
 * Work in process over time: a line with a light fill under it, and the rounds' boundaries as
 * dashed vertical lines labelled with the round that starts there.
 */
import type * as Phaser from 'phaser';
import { capitalize } from '../../game/Format';
import { ChartFrame, type ChartBox } from './ChartFrame';
import { CHART_COLOR, CHART_TEXT, LABEL_BACKGROUND, LINE, dashedLine } from './ChartStyle';

export interface RoundBoundary {
  /** Time the round starts. */
  at: number;
  label?: string;
}

export interface WipChartData {
  t: readonly number[];
  wip: readonly number[];
  boundaries?: readonly RoundBoundary[];
  /** The time axis; defaults to the first and last sample. */
  start?: number;
  end?: number;
}

export interface WipChartOptions {
  title?: string;
  timeUnit?: string;
}

export class WipChart {
  private readonly frame: ChartFrame;

  constructor(scene: Phaser.Scene, container: Phaser.GameObjects.Container, box: ChartBox, data: WipChartData, private readonly options: WipChartOptions = {}) {
    this.frame = new ChartFrame(scene, container, box);
    this.setData(data);
  }

  /** Redraws the chart with new data. */
  setData(data: WipChartData): void {
    this.draw(data);
    this.frame.commit();
  }

  private draw(data: WipChartData): void {
    const f = this.frame;
    f.begin(this.options.title ?? 'Work in process');
    const n = Math.min(data.t.length, data.wip.length);
    if (n < 2) {
      f.empty('No samples yet');
      return;
    }
    const start = data.start ?? data.t[0]!, end = data.end ?? data.t[n - 1]!;
    let top = 1;
    for (let i = 0; i < n; i++) top = Math.max(top, data.wip[i]!);
    f.layout({
      x: { min: start, max: end, label: capitalize(this.options.timeUnit ?? 'day') },
      y: { min: 0, max: top, label: 'Items in process', integer: true },
    });
    const g = f.g;
    const p = f.plot;
    const base = p.y + p.height;
    const xs: number[] = [], ys: number[] = [];
    for (let i = 0; i < n; i++) {
      xs.push(f.px(data.t[i]!));
      ys.push(f.py(data.wip[i]!));
    }
    g.fillStyle(CHART_COLOR.series, 0.18);
    for (let i = 0; i + 1 < n; i++) {
      g.fillTriangle(xs[i]!, base, xs[i]!, ys[i]!, xs[i + 1]!, ys[i + 1]!);
      g.fillTriangle(xs[i]!, base, xs[i + 1]!, ys[i + 1]!, xs[i + 1]!, base);
    }
    g.lineStyle(2.5, CHART_COLOR.series, 1);
    g.beginPath();
    for (let i = 0; i < n; i++) (i === 0 ? g.moveTo(xs[i]!, ys[i]!) : g.lineTo(xs[i]!, ys[i]!));
    g.strokePath();

    for (const b of data.boundaries ?? []) {
      if (b.at < start || b.at > end) continue;
      const x = Math.round(f.px(b.at)) + 0.5;
      if (b.at > start) {
        g.lineStyle(1.5, CHART_COLOR.boundary, 1);
        dashedLine(g, x, p.y, x, base, 6, 5);
      }
      if (!b.label) continue;
      const t = f.text(x + 4, p.y + 2 + LINE.label / 2, b.label, { ...CHART_TEXT.label, backgroundColor: LABEL_BACKGROUND, padding: { x: 3, y: 0 } }, 0, 0.5);
      // Near the right edge the label goes on the line's left.
      if (x + 4 + t.width > p.x + p.width) t.setOrigin(1, 0.5).setX(Math.round(x - 4));
    }
  }

  destroy(): void {
    this.frame.destroy();
  }
}
