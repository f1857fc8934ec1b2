/**
 * Cumulative flow: stacked bands over time. From the bottom: items done since the window began,
 * then the work at each center from the last to the first, then work waiting to start; the top
 * edge is everything that has arrived. A band that widens is work piling up at that stage. The
 * legend lists the bands top to bottom in the order they are stacked, so position, not colour
 * alone, names each band.
 */
import type * as Phaser from 'phaser';
import { capitalize } from '../../game/Format';
import { ChartFrame, type ChartBox, type LegendItem } from './ChartFrame';
import { CHART_COLOR, flowBandColor } from './ChartStyle';

/** A FlowSeries from src/game/debrief fits this shape. */
export interface FlowChartData {
  t: readonly number[];
  /** Items done since the window began. */
  done: readonly number[];
  /** Items not yet at any center. */
  waiting: readonly number[];
  /** Work at each center, in flow order. */
  centers: readonly { name: string; wip: readonly number[] }[];
  /** The time axis; defaults to the first and last sample. */
  start?: number;
  end?: number;
}

export interface CumulativeFlowOptions {
  title?: string;
  /** Singular time unit for the axis ("day"). */
  timeUnit?: string;
  /** Legend beside the plot or above it; by default beside it when the box is at least 520 px wide. */
  legend?: 'right' | 'top';
}

interface Band {
  label: string;
  color: number;
  /** Upper edge of the band per sample (its lower edge is the previous band's upper edge). */
  upper: number[];
}

export class CumulativeFlowChart {
  private readonly frame: ChartFrame;

  constructor(scene: Phaser.Scene, container: Phaser.GameObjects.Container, box: ChartBox, data: FlowChartData, private readonly options: CumulativeFlowOptions = {}) {
    this.frame = new ChartFrame(scene, container, box);
    this.setData(data);
  }

  /** Redraws the chart with new data. */
  setData(data: FlowChartData): void {
    this.draw(data);
    this.frame.commit();
  }

  private draw(data: FlowChartData): void {
    const f = this.frame;
    f.begin(this.options.title ?? 'Cumulative flow');
    const n = data.t.length;
    if (n < 2) {
      f.empty('No flow recorded yet');
      return;
    }
    // Stack from the bottom: done, centers last to first, waiting.
    const bands: Band[] = [];
    let running = data.done.map((v) => v);
    bands.push({ label: 'Done', color: CHART_COLOR.done, upper: running });
    for (let c = data.centers.length - 1; c >= 0; c--) {
      const center = data.centers[c]!;
      running = running.map((v, i) => v + (center.wip[i] ?? 0));
      bands.push({ label: center.name, color: flowBandColor(c), upper: running });
    }
    running = running.map((v, i) => v + (data.waiting[i] ?? 0));
    bands.push({ label: 'Waiting to start', color: CHART_COLOR.waiting, upper: running });

    const top = Math.max(1, ...running);
    const legend: LegendItem[] = bands
      .slice()
      .reverse()
      .map((b) => ({ label: b.label, swatch: { type: 'box', color: b.color } }));
    const unit = this.options.timeUnit ?? 'day';
    f.layout({
      x: { min: data.start ?? data.t[0]!, max: data.end ?? data.t[n - 1]!, label: capitalize(unit) },
      y: { min: 0, max: top, label: 'Items', integer: true },
      legend,
      legendPosition: this.options.legend ?? (f.box.width >= 520 ? 'right' : 'top'),
    });

    const g = f.g;
    const xs = data.t.map((t) => f.px(t));
    let lower = new Array<number>(n).fill(0);
    for (const b of bands) {
      g.fillStyle(b.color, 0.9);
      for (let i = 0; i + 1 < n; i++) {
        const l0 = lower[i]!, l1 = lower[i + 1]!, u0 = b.upper[i]!, u1 = b.upper[i + 1]!;
        if (u0 <= l0 && u1 <= l1) continue;
        const x0 = xs[i]!, x1 = xs[i + 1]!;
        const yl0 = f.py(l0), yl1 = f.py(l1), yu0 = f.py(u0), yu1 = f.py(u1);
        g.fillTriangle(x0, yl0, x0, yu0, x1, yu1);
        g.fillTriangle(x0, yl0, x1, yu1, x1, yl1);
      }
      lower = b.upper;
    }
    // A thin dark edge on top of each band keeps neighbours apart without relying on colour.
    g.lineStyle(1, CHART_COLOR.panel, 1);
    for (const b of bands.slice(0, -1)) {
      g.beginPath();
      b.upper.forEach((v, i) => (i === 0 ? g.moveTo(xs[i]!, f.py(v)) : g.lineTo(xs[i]!, f.py(v))));
      g.strokePath();
    }
    g.lineStyle(2, CHART_COLOR.text, 0.9);
    g.beginPath();
    running.forEach((v, i) => (i === 0 ? g.moveTo(xs[i]!, f.py(v)) : g.lineTo(xs[i]!, f.py(v))));
    g.strokePath();
  }

  destroy(): void {
    this.frame.destroy();
  }
}
