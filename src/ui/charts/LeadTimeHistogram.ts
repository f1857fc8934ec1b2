/**
 * How lead times spread: items per bin of a round width, with the median (dashed) and the 85th
 * percentile (solid) marked and labelled above the bars. A long right tail is the cost of
 * queues; the 85% mark is what a customer can be promised.
 */
import type * as Phaser from 'phaser';
import { duration, plural } from '../../game/Format';
import { toCss } from '../../game/Theme';
import { percentileSorted } from '../../sim/Statistics';
import { ChartFrame, type ChartBox } from './ChartFrame';
import { CHART_COLOR, CHART_TEXT, LABEL_BACKGROUND, LINE, dashedLine } from './ChartStyle';
import { spreadLabels } from './LabelLayout';
import { binTarget, niceBins } from './NiceScale';

export interface LeadTimeHistogramData {
  leadTimes: readonly number[];
}

export interface LeadTimeHistogramOptions {
  title?: string;
  timeUnit?: string;
  /** About this many bins; by default about 1.5 x sqrt(items), 5 to 14. */
  bins?: number;
}

export class LeadTimeHistogram {
  private readonly frame: ChartFrame;

  constructor(scene: Phaser.Scene, container: Phaser.GameObjects.Container, box: ChartBox, data: LeadTimeHistogramData, private readonly options: LeadTimeHistogramOptions = {}) {
    this.frame = new ChartFrame(scene, container, box);
    this.setData(data);
  }

  /** Redraws the chart with new data. */
  setData(data: LeadTimeHistogramData): void {
    this.draw(data);
    this.frame.commit();
  }

  private draw(data: LeadTimeHistogramData): void {
    const f = this.frame;
    const unit = this.options.timeUnit ?? 'day';
    f.begin(this.options.title ?? 'Lead time spread');
    const values = data.leadTimes.filter((v) => Number.isFinite(v));
    if (values.length === 0) {
      f.empty('No items finished yet');
      return;
    }
    const bins = niceBins(values, this.options.bins ?? binTarget(values.length));
    const sorted = Float64Array.from(values).sort();
    const p50 = percentileSorted(sorted, 50), p85 = percentileSorted(sorted, 85);
    const maxCount = Math.max(...bins.counts);
    const end = bins.start + bins.width * bins.counts.length;
    f.layout({
      x: { min: bins.start, max: end, label: `Lead time (${plural(unit, 2)})`, mode: 'inside' },
      // Head room above the tallest bar for the percentile labels.
      y: { min: 0, max: maxCount * 1.3 + 0.5, label: 'Items', integer: true },
    });

    const g = f.g;
    const p = f.plot;
    g.fillStyle(CHART_COLOR.series, 0.85);
    bins.counts.forEach((c, i) => {
      if (c === 0) return;
      const x0 = Math.round(f.px(bins.start + i * bins.width)) + 1;
      const x1 = Math.round(f.px(bins.start + (i + 1) * bins.width)) - 1;
      const y0 = Math.round(f.py(c));
      g.fillRect(x0, y0, Math.max(1, x1 - x0), p.y + p.height - y0);
    });

    const x50 = f.px(p50), x85 = f.px(p85);
    g.lineStyle(2, CHART_COLOR.p50, 1);
    dashedLine(g, x50, p.y + 4, x50, p.y + p.height, 8, 5);
    g.lineStyle(2, CHART_COLOR.p85, 1);
    g.lineBetween(x85, p.y + 4, x85, p.y + p.height);

    // Labels centred over their lines, nudged sideways when the lines are close.
    const texts = [
      { s: `median: ${duration(p50, unit)}`, color: CHART_COLOR.p50, x: x50 },
      { s: `85%: ${duration(p85, unit)}`, color: CHART_COLOR.p85, x: x85 },
    ];
    const made = texts.map((t) => f.text(0, p.y + LINE.label / 2, t.s, { ...CHART_TEXT.labelBold, color: toCss(t.color), backgroundColor: LABEL_BACKGROUND, padding: { x: 4, y: 1 } }, 0.5, 0.5));
    const widest = Math.max(...made.map((t) => t.width));
    const xs = spreadLabels(texts.map((t) => t.x - widest / 2), widest + 6, p.x, p.x + p.width - widest);
    made.forEach((t, i) => t.setX(Math.round(xs[i]! + widest / 2)));
  }

  destroy(): void {
    this.frame.destroy();
  }
}
