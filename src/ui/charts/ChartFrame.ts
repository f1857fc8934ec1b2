/**
 * What every chart shares: a panel with a title, an optional legend, axes with round ticks,
 * axis labels, and the mapping from data to pixels. A chart owns one ChartFrame, which owns the
 * chart's single Graphics and its Text objects, all inside the container the caller gives.
 *
 * Drawing is cheap per frame however many points a chart has: the Graphics is not on the display
 * list; `commit()` bakes it once into a RenderTexture of the box's size (Phaser redraws a live
 * Graphics' every command each frame, and a scatter of thousands of markers would cost frames).
 * Redrawing (`begin` ... `commit`) clears and rebuilds everything.
 */
import type * as Phaser from 'phaser';
import { CHART_COLOR, CHART_TEXT, LINE, dashedLine, drawMarker, type MarkerShape } from './ChartStyle';
import { formatTick, niceScale, type Scale } from './NiceScale';

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type LegendSwatch =
  | { type: 'box'; color: number }
  | { type: 'marker'; shape: MarkerShape; color: number }
  | { type: 'line'; color: number; dashed?: boolean; width?: number };

export interface LegendItem {
  label: string;
  swatch: LegendSwatch;
}

export interface AxisSpec {
  min: number;
  max: number;
  label: string;
  /** 'extend' rounds the range out to whole ticks; 'inside' keeps [min, max] (time axes). */
  mode?: 'extend' | 'inside';
  integer?: boolean;
  maxTicks?: number;
  format?: (value: number, decimals: number) => string;
}

export interface FrameLayout {
  x: AxisSpec;
  y: AxisSpec;
  legend?: LegendItem[];
  /** Where the legend goes: beside the title (wrapping under it if needed) or in a column right of the plot. */
  legendPosition?: 'top' | 'right';
  /** Extra room (px) right of the plot for labels the chart draws there. */
  rightGutter?: number;
}

const PAD = 14;
const SWATCH = 14;
const LEGEND_GAP = 18;

function swatchWidth(s: LegendSwatch): number {
  return s.type === 'line' ? SWATCH + 8 : SWATCH;
}

export class ChartFrame {
  readonly g: Phaser.GameObjects.Graphics;
  /** The plot area in the container's coordinates. */
  plot = { x: 0, y: 0, width: 1, height: 1 };
  xScale: Scale = niceScale(0, 1);
  yScale: Scale = niceScale(0, 1);
  private texts: Phaser.GameObjects.Text[] = [];
  private titleBottom = 0;

  private readonly baked: Phaser.GameObjects.RenderTexture;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly container: Phaser.GameObjects.Container,
    readonly box: ChartBox,
  ) {
    this.g = scene.make.graphics({}, false);
    this.baked = scene.add.renderTexture(Math.round(box.x), Math.round(box.y), Math.ceil(box.width), Math.ceil(box.height)).setOrigin(0, 0);
    container.add(this.baked);
  }

  /** Bakes what the Graphics drew into the chart's texture; call after drawing. */
  commit(): void {
    this.baked.clear();
    this.baked.draw(this.g, -Math.round(this.box.x), -Math.round(this.box.y));
    this.baked.render();
  }

  /** Clears everything and draws the panel and title. */
  begin(title: string): void {
    for (const t of this.texts) t.destroy();
    this.texts = [];
    const { x, y, width, height } = this.box;
    const g = this.g.clear();
    g.fillStyle(CHART_COLOR.panel, 1).fillRoundedRect(x, y, width, height, 8);
    g.lineStyle(1, CHART_COLOR.panelStroke, 1).strokeRoundedRect(x + 0.5, y + 0.5, width - 1, height - 1, 8);
    this.text(x + PAD, y + 10, title, CHART_TEXT.title);
    this.titleBottom = y + 10 + LINE.title;
  }

  /** Adds a text object to the chart. */
  text(x: number, y: number, s: string, style: Phaser.Types.GameObjects.Text.TextStyle, originX = 0, originY = 0): Phaser.GameObjects.Text {
    const t = this.scene.add.text(Math.round(x), Math.round(y), s, style).setOrigin(originX, originY);
    this.container.add(t);
    this.texts.push(t);
    return t;
  }

  /** The empty state: a message in the middle of the panel, under the title. */
  empty(message: string): void {
    const { x, width, y, height } = this.box;
    const top = this.titleBottom;
    this.text(x + width / 2, (top + y + height) / 2, message, CHART_TEXT.empty, 0.5, 0.5);
  }

  /** Lays out the plot area for the axes and legend, then draws grid, axes, ticks and labels. */
  layout(spec: FrameLayout): void {
    const { x, y, width, height } = this.box;
    const g = this.g;
    let top = this.titleBottom + 8;
    let right = x + width - PAD - 8 - (spec.rightGutter ?? 0);

    // Legend: beside the title when it fits, else in rows under it; or a column on the right.
    const legend = spec.legend ?? [];
    if (legend.length > 0 && (spec.legendPosition ?? 'top') === 'top') {
      const widths = legend.map((it) => swatchWidth(it.swatch) + 6 + this.measure(it.label, CHART_TEXT.legend));
      const total = widths.reduce((a, b) => a + b, 0) + LEGEND_GAP * (legend.length - 1);
      const titleRight = this.texts[0] ? this.texts[0].x + this.texts[0].width : x + PAD;
      const rowRight = x + width - PAD;
      if (titleRight + 24 + total <= rowRight) {
        this.drawLegendRow(legend, widths, rowRight - total, y + 10 + (LINE.title - LINE.legend) / 2 + 1);
      } else {
        // Flow into as many rows as needed under the title.
        let cx = x + PAD, rowY = this.titleBottom + 4;
        legend.forEach((it, i) => {
          if (cx > x + PAD && cx + widths[i]! > rowRight) {
            cx = x + PAD;
            rowY += LINE.legend + 2;
          }
          this.drawLegendItem(it, cx, rowY);
          cx += widths[i]! + LEGEND_GAP;
        });
        top = rowY + LINE.legend + 8;
      }
    } else if (legend.length > 0) {
      const w = Math.max(...legend.map((it) => swatchWidth(it.swatch) + 6 + this.measure(it.label, CHART_TEXT.legend)));
      right = x + width - PAD - w - 12;
      // Rows 26 px apart, closer when many items must share the height.
      const room = y + height - 8 - (top + 6);
      const rowH = Math.max(LINE.legend - 2, Math.min(LINE.legend + 6, room / legend.length));
      legend.forEach((it, i) => this.drawLegendItem(it, right + 16, top + 6 + i * rowH));
    }
    top += Math.ceil(LINE.tick / 2); // room for the top tick label

    const bottom = y + height - 8 - LINE.axis - 4 - LINE.tick - 6;
    const xOptions = { mode: spec.x.mode ?? 'inside', integer: spec.x.integer, maxTicks: spec.x.maxTicks ?? 7 } as const;
    let xs = niceScale(spec.x.min, spec.x.max, xOptions);
    const ys = niceScale(spec.y.min, spec.y.max, { mode: spec.y.mode ?? 'extend', integer: spec.y.integer, maxTicks: spec.y.maxTicks ?? Math.max(3, Math.min(6, Math.floor((bottom - top) / 40) + 1)) });
    const fx = spec.x.format ?? formatTick;
    const fy = spec.y.format ?? formatTick;

    // Y tick labels first: their width sets the plot's left edge.
    const yLabels = ys.ticks.map((v) => this.text(0, 0, fy(v, ys.decimals), CHART_TEXT.tick, 1, 0.5));
    const tickW = Math.max(0, ...yLabels.map((t) => t.width));
    const left = x + PAD + LINE.axis + 8 + tickW + 6;
    // Leave room for half of the last x tick label.
    const lastX = fx(xs.ticks[xs.ticks.length - 1] ?? xs.max, xs.decimals);
    const lastW = this.measure(lastX, CHART_TEXT.tick);
    const plotRight = Math.min(right, x + width - PAD - lastW / 2);
    // Fewer x ticks when their labels would crowd each other.
    const fits = Math.max(2, Math.floor((plotRight - left) / (lastW + 16)) + 1);
    if (xs.ticks.length > fits) xs = niceScale(spec.x.min, spec.x.max, { ...xOptions, maxTicks: fits });
    this.plot = { x: Math.round(left), y: Math.round(top), width: Math.max(10, Math.round(plotRight - left)), height: Math.max(10, Math.round(bottom - top)) };
    this.xScale = xs;
    this.yScale = ys;
    const p = this.plot;

    // Grid and axes.
    g.lineStyle(1, CHART_COLOR.grid, 1);
    ys.ticks.forEach((v, i) => {
      const py = Math.round(this.py(v)) + 0.5;
      if (v !== ys.min) g.lineBetween(p.x, py, p.x + p.width, py);
      yLabels[i]!.setPosition(p.x - 6, py);
    });
    g.lineStyle(1, CHART_COLOR.axis, 1);
    g.lineBetween(p.x + 0.5, p.y, p.x + 0.5, p.y + p.height);
    g.lineBetween(p.x, p.y + p.height + 0.5, p.x + p.width, p.y + p.height + 0.5);
    for (const v of xs.ticks) {
      const px = Math.round(this.px(v)) + 0.5;
      g.lineBetween(px, p.y + p.height, px, p.y + p.height + 5);
      this.text(px, p.y + p.height + 6, fx(v, xs.decimals), CHART_TEXT.tick, 0.5, 0);
    }

    // Axis labels: x centred under the ticks, y turned up the left side.
    this.text(p.x + p.width / 2, y + height - 8, spec.x.label, CHART_TEXT.axis, 0.5, 1);
    this.text(x + PAD, p.y + p.height / 2, spec.y.label, CHART_TEXT.axis, 0.5, 0).setAngle(-90);
  }

  /** Data x to pixels. */
  px(v: number): number {
    const s = this.xScale;
    return this.plot.x + ((v - s.min) / (s.max - s.min || 1)) * this.plot.width;
  }

  /** Data y to pixels (up is more). */
  py(v: number): number {
    const s = this.yScale;
    return this.plot.y + this.plot.height - ((v - s.min) / (s.max - s.min || 1)) * this.plot.height;
  }

  /** Width of a string in a style, measured by a text object that is thrown away. */
  measure(s: string, style: Phaser.Types.GameObjects.Text.TextStyle): number {
    const t = this.scene.make.text({ x: 0, y: 0, text: s, style }, false);
    const w = t.width;
    t.destroy();
    return w;
  }

  destroy(): void {
    for (const t of this.texts) t.destroy();
    this.texts = [];
    this.g.destroy();
    this.baked.destroy();
  }

  private drawLegendRow(items: LegendItem[], widths: number[], x0: number, y0: number): void {
    let cx = x0;
    items.forEach((it, i) => {
      this.drawLegendItem(it, cx, y0);
      cx += widths[i]! + LEGEND_GAP;
    });
  }

  private drawLegendItem(it: LegendItem, x: number, y: number): void {
    const g = this.g;
    const cy = y + LINE.legend / 2;
    const s = it.swatch;
    if (s.type === 'box') {
      g.fillStyle(s.color, 1).fillRect(x, cy - SWATCH / 2, SWATCH, SWATCH);
    } else if (s.type === 'marker') {
      drawMarker(g, s.shape, x + SWATCH / 2, cy, 6, s.color);
    } else {
      g.lineStyle(s.width ?? 3, s.color, 1);
      const w = swatchWidth(s);
      if (s.dashed) dashedLine(g, x, cy, x + w, cy, 5, 3);
      else g.lineBetween(x, cy, x + w, cy);
    }
    this.text(x + swatchWidth(s) + 6, cy, it.label, CHART_TEXT.legend, 0, 0.5);
  }
}
