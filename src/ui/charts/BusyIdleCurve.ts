/**
 * Wait time = % busy / % idle (The Phoenix Project, after queueing theory): the curve
 * y = u / (1 - u) is how many times its own work time an item waits at a desk that is busy a
 * share u of the time. Each work center of the round is a labelled point at its utilisation and
 * its measured wait over work time. The y axis stops at a sensible height (at most 20); points
 * above it sit on the top edge with an arrow and their value.
 */
import type * as Phaser from 'phaser';
import { ChartFrame, type ChartBox } from './ChartFrame';
import { CHART_COLOR, CHART_TEXT, LABEL_BACKGROUND } from './ChartStyle';
import { placeLabels, type LabelRequest, type Rect } from './LabelLayout';
import { niceNumber } from './NiceScale';

/** A BusyIdlePoint from src/game/debrief fits this shape. */
export interface BusyIdleChartPoint {
  name: string;
  /** 0..1. */
  utilisation: number;
  /** Mean queue time / mean service time; null when unknown (such points are left out). */
  ratio: number | null;
}

export interface BusyIdleData {
  points: readonly BusyIdleChartPoint[];
}

export interface BusyIdleOptions {
  title?: string;
  /** Top of the y axis; by default from the points, between 10 and 20. */
  yMax?: number;
}

/** Where the curve is drawn to. */
export const CURVE_MAX_U = 0.97;
export const Y_CAP = 20;

/** Queue time over work time at utilisation u (one server, random arrivals and work: M/M/1). */
export function busyOverIdle(u: number): number {
  return u / (1 - u);
}

const POINT_R = 6;

export class BusyIdleCurve {
  private readonly frame: ChartFrame;

  constructor(scene: Phaser.Scene, container: Phaser.GameObjects.Container, box: ChartBox, data: BusyIdleData, private readonly options: BusyIdleOptions = {}) {
    this.frame = new ChartFrame(scene, container, box);
    this.setData(data);
  }

  /** Redraws the chart with new data. */
  setData(data: BusyIdleData): void {
    this.draw(data);
    this.frame.commit();
  }

  private draw(data: BusyIdleData): void {
    const f = this.frame;
    f.begin(this.options.title ?? 'Wait time = busy ÷ idle');
    const pts = data.points.filter((p): p is BusyIdleChartPoint & { ratio: number } => p.ratio !== null && Number.isFinite(p.ratio) && Number.isFinite(p.utilisation));
    const highest = Math.max(0, ...pts.map((p) => p.ratio));
    const yMax = this.options.yMax ?? Math.min(Y_CAP, Math.max(10, niceNumber(highest * 1.15, false)));
    f.layout({
      x: { min: 0, max: 1, label: 'Busy (share of the time)', mode: 'inside', maxTicks: 6, format: (v) => `${Math.round(v * 100)}%` },
      y: { min: 0, max: yMax, label: 'Wait ÷ work time', mode: 'inside' },
      legend: [
        { label: 'busy ÷ idle', swatch: { type: 'line', color: CHART_COLOR.curve } },
        { label: 'work center', swatch: { type: 'marker', shape: 'circle', color: CHART_COLOR.text } },
      ],
    });
    const g = f.g;
    const p = f.plot;

    // The curve, up to where it leaves the top of the plot.
    const uTop = Math.min(CURVE_MAX_U, yMax / (1 + yMax));
    g.lineStyle(3, CHART_COLOR.curve, 1);
    g.beginPath();
    const steps = 120;
    for (let i = 0; i <= steps; i++) {
      const u = (uTop * i) / steps;
      const x = f.px(u), y = f.py(busyOverIdle(u));
      if (i === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    }
    g.strokePath();

    if (pts.length === 0) {
      f.text(p.x + p.width * 0.3, p.y + p.height / 2, 'No work center\nfinished work yet', CHART_TEXT.empty, 0.5, 0.5).setAlign('center');
      return;
    }

    // Points first; then labels beside them, busiest first, clear of each other and of the points.
    const marks = pts.map((q) => {
      const clipped = q.ratio > yMax;
      const x = f.px(Math.max(0, Math.min(1, q.utilisation)));
      const y = clipped ? p.y + 4 : f.py(q.ratio);
      if (clipped) {
        g.fillStyle(CHART_COLOR.clipped, 1);
        g.fillTriangle(x, p.y - 2, x - 7, p.y + 10, x + 7, p.y + 10);
        g.lineStyle(1.5, CHART_COLOR.markerRim, 1).strokeTriangle(x, p.y - 2, x - 7, p.y + 10, x + 7, p.y + 10);
      } else {
        g.fillStyle(CHART_COLOR.text, 1).fillCircle(x, y, POINT_R);
        g.lineStyle(1.5, CHART_COLOR.markerRim, 1).strokeCircle(x, y, POINT_R);
      }
      const label = clipped ? `${q.name} ↑ ${Math.round(q.ratio)}×` : q.name;
      const text = f.text(0, 0, label, { ...CHART_TEXT.label, backgroundColor: LABEL_BACKGROUND, padding: { x: 3, y: 0 } }, 0, 0);
      return { x, y, text, utilisation: q.utilisation };
    });
    const order = marks.map((_, i) => i).sort((a, b) => marks[b]!.utilisation - marks[a]!.utilisation || a - b);
    const requests: LabelRequest[] = order.map((i) => {
      const m = marks[i]!;
      return { x: m.x, y: m.y, width: m.text.width, height: m.text.height, offset: POINT_R + 5, preferLeft: m.x + POINT_R + 5 + m.text.width > p.x + p.width };
    });
    const obstacles: Rect[] = marks.map((m) => ({ x: m.x - POINT_R, y: m.y - POINT_R, width: 2 * POINT_R, height: 2 * POINT_R }));
    const places = placeLabels(requests, { x: p.x + 2, y: p.y, width: p.width - 2, height: p.height }, obstacles);
    places.forEach((pl, j) => {
      const m = marks[order[j]!]!;
      m.text.setPosition(Math.round(pl.rect.x), Math.round(pl.rect.y));
      // A leader line when the label had to move away from its point.
      if (Math.abs(pl.dy) > 4) {
        const lx = pl.left ? pl.rect.x + pl.rect.width : pl.rect.x;
        g.lineStyle(1, CHART_COLOR.muted, 0.9);
        g.lineBetween(m.x + (pl.left ? -POINT_R : POINT_R), m.y, lx, pl.rect.y + pl.rect.height / 2);
      }
    });
  }

  destroy(): void {
    this.frame.destroy();
  }
}
