/**
 * Lead time of every finished item against when it finished: one marker per item, shaped and
 * coloured by kind of work (circle business, square internal, triangle change, diamond
 * unplanned), with the median and 85th-percentile lead times as labelled horizontal lines. The
 * 85% line is the honest promise: "85% of items are done within N days".
 */
import type * as Phaser from 'phaser';
import { capitalize, duration, plural } from '../../game/Format';
import { toCss } from '../../game/Theme';
import { percentileSorted } from '../../sim/Statistics';
import { ChartFrame, type ChartBox, type LegendItem } from './ChartFrame';
import { CHART_COLOR, CHART_TEXT, KIND_ORDER, dashedLine, drawMarker, kindLabel, kindMarker, workKindColor } from './ChartStyle';
import { spreadLabels } from './LabelLayout';

/** A LeadTimePoint from src/game/debrief fits this shape. */
export interface ScatterPoint {
  done: number;
  leadTime: number;
  kind: string;
}

export interface LeadTimeScatterData {
  points: readonly ScatterPoint[];
  /** The time axis (the round's window); defaults to the points' range. */
  start?: number;
  end?: number;
}

export interface LeadTimeScatterOptions {
  title?: string;
  timeUnit?: string;
}

const MARKER_R = 5;
const GUTTER_GAP = 12;

export class LeadTimeScatter {
  private readonly frame: ChartFrame;

  constructor(scene: Phaser.Scene, container: Phaser.GameObjects.Container, box: ChartBox, data: LeadTimeScatterData, private readonly options: LeadTimeScatterOptions = {}) {
    this.frame = new ChartFrame(scene, container, box);
    this.setData(data);
  }

  /** Redraws the chart with new data. */
  setData(data: LeadTimeScatterData): void {
    this.draw(data);
    this.frame.commit();
  }

  private draw(data: LeadTimeScatterData): void {
    const f = this.frame;
    const unit = this.options.timeUnit ?? 'day';
    f.begin(this.options.title ?? 'Lead time of each item');
    const pts = data.points.filter((p) => Number.isFinite(p.done) && Number.isFinite(p.leadTime));
    if (pts.length === 0) {
      f.empty('No items finished yet');
      return;
    }
    const sorted = Float64Array.from(pts, (p) => p.leadTime).sort();
    const p50 = percentileSorted(sorted, 50), p85 = percentileSorted(sorted, 85);
    let lo = data.start ?? Infinity, hi = data.end ?? -Infinity;
    if (data.start === undefined || data.end === undefined) {
      for (const p of pts) {
        if (data.start === undefined) lo = Math.min(lo, p.done);
        if (data.end === undefined) hi = Math.max(hi, p.done);
      }
    }
    const kinds = [...new Set(pts.map((p) => p.kind))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const legend: LegendItem[] = kinds.map((k) => ({ label: kindLabel(k), swatch: { type: 'marker', shape: kindMarker(k), color: workKindColor(k) } }));
    const labels = [
      f.text(0, 0, `85%\n${duration(p85, unit)}`, { ...CHART_TEXT.labelBold, color: toCss(CHART_COLOR.p85) }, 0, 0.5),
      f.text(0, 0, `median\n${duration(p50, unit)}`, { ...CHART_TEXT.labelBold, color: toCss(CHART_COLOR.p50) }, 0, 0.5),
    ];
    const gutter = Math.max(...labels.map((t) => t.width)) + GUTTER_GAP;
    f.layout({
      x: { min: lo, max: hi, label: `${capitalize(unit)} finished` },
      y: { min: 0, max: sorted[sorted.length - 1]!, label: `Lead time (${plural(unit, 2)})` },
      legend,
      rightGutter: gutter,
    });

    const g = f.g;
    const p = f.plot;
    const h = labels[0]!.height;
    const ys = spreadLabels([f.py(p85), f.py(p50)], h + 4, p.y + h / 2, p.y + p.height - h / 2);

    // Unplanned work last, so incidents stay visible on top.
    const order = pts.slice().sort((a, b) => rank(a.kind) - rank(b.kind));
    // Many items: smaller markers without rims, so the cloud stays readable.
    const r = order.length > 1500 ? 3 : order.length > 400 ? 4 : MARKER_R;
    const rim = order.length <= 400;
    for (const q of order) {
      const x = Math.max(p.x, Math.min(p.x + p.width, f.px(q.done)));
      drawMarker(g, kindMarker(q.kind), x, f.py(q.leadTime), r, workKindColor(q.kind), rim);
    }

    // Percentile lines over the markers, so a dense cloud cannot hide them.
    g.lineStyle(2, CHART_COLOR.p50, 1);
    dashedLine(g, p.x, f.py(p50), p.x + p.width, f.py(p50), 8, 5);
    g.lineStyle(2, CHART_COLOR.p85, 1);
    g.lineBetween(p.x, f.py(p85), p.x + p.width, f.py(p85));

    // Labels in a gutter right of the plot, level with their lines (nudged apart when the lines
    // are close), so they never hide a marker.
    labels.forEach((t, i) => {
      const ly = ys[i]!;
      t.setPosition(p.x + p.width + GUTTER_GAP, Math.round(ly));
      const lineY = i === 0 ? f.py(p85) : f.py(p50);
      g.lineStyle(2, i === 0 ? CHART_COLOR.p85 : CHART_COLOR.p50, 1);
      g.lineBetween(p.x + p.width, lineY, p.x + p.width + GUTTER_GAP - 3, ly);
    });
  }

  destroy(): void {
    this.frame.destroy();
  }
}

function rank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}
