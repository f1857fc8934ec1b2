/**
 * The charts' look: text sizes (tick labels 14 px, titles 18 px: readable on a projector at
 * 1280x720), colours for the chart furniture and the flow bands, and one marker shape per kind
 * of work so that shape, not colour alone, tells the kinds apart. Built on Theme.ts; colours the
 * theme does not have are defined here.
 */
import type * as Phaser from 'phaser';
import { COLOR, CSS, FONT_FAMILY, WORK_KIND_COLOR, workKindColor } from '../../game/Theme';
import { RENDER_SCALE } from '../../game/RenderScale';

type TextStyle = Phaser.Types.GameObjects.Text.TextStyle;

function style(size: number, color: string, bold = false): TextStyle {
  return { fontFamily: FONT_FAMILY, fontSize: `${size}px`, fontStyle: bold ? 'bold' : 'normal', color, resolution: RENDER_SCALE };
}

const BASE_CHART_TEXT = {
  title: style(18, CSS.text, true),
  axis: style(15, CSS.muted),
  tick: style(14, CSS.muted),
  legend: style(15, CSS.text),
  /** Labels on lines and points inside the plot. */
  label: style(14, CSS.text),
  labelBold: style(14, CSS.text, true),
  empty: style(16, CSS.muted),
} as const satisfies Record<string, TextStyle>;

type ChartTextName = keyof typeof BASE_CHART_TEXT;

/** The chart text styles in force; `applyProjectorChartText` is the only writer. */
export const CHART_TEXT: { readonly [K in ChartTextName]: TextStyle } = { ...BASE_CHART_TEXT };

/**
 * Projector layout: every chart word in full white (grey washes out on a projector) and one size
 * up, within the line heights below so no chart's layout moves.
 */
const PROJECTOR_CHART_TEXT: Record<ChartTextName, TextStyle> = {
  title: style(19, CSS.hcText, true),
  axis: style(16, CSS.hcText),
  tick: style(15, CSS.hcText),
  legend: style(16, CSS.hcText),
  label: style(15, CSS.hcText),
  labelBold: style(15, CSS.hcText, true),
  empty: style(17, CSS.hcText),
};

export function applyProjectorChartText(on: boolean): void {
  const target = CHART_TEXT as Record<ChartTextName, TextStyle>;
  for (const name of Object.keys(BASE_CHART_TEXT) as ChartTextName[]) target[name] = on ? PROJECTOR_CHART_TEXT[name] : BASE_CHART_TEXT[name];
}

/** Line heights (px) used for layout; a little more than the font size. */
export const LINE = { title: 24, axis: 19, tick: 17, legend: 20, label: 17 } as const;

export const CHART_COLOR = {
  panel: COLOR.panel,
  panelStroke: COLOR.panelStroke,
  grid: COLOR.track,
  axis: 0x5b6882,
  text: COLOR.text,
  muted: COLOR.muted,
  /** Median line and marker. */
  p50: COLOR.accentSoft,
  /** 85th percentile line and marker. */
  p85: COLOR.accent,
  /** The busy/idle curve. */
  curve: COLOR.accentSoft,
  /** Points above the top of the plot. */
  clipped: COLOR.warning,
  /** A series line (WIP) and histogram bars. */
  series: 0x4da3ff,
  boundary: 0x7d8aa3,
  /** Cumulative flow: done at the bottom, waiting work on top. */
  done: 0x3ddc97,
  waiting: 0x5b6882,
  /** Outline around markers so overlapping dots stay apart. */
  markerRim: COLOR.background,
} as const;

/** CSS form for text drawn on top of data (a panel-coloured box behind it). */
export const LABEL_BACKGROUND = 'rgba(21, 28, 44, 0.85)';

/** Colours for work centers' bands in the cumulative flow chart, in flow order (repeats after 8). */
export const FLOW_BAND_COLORS: readonly number[] = [0x4da3ff, 0xb48cff, 0xffc857, 0xff8a3d, 0x5ed1e6, 0xf278b4, 0x9fd356, 0xe6b88a];

export function flowBandColor(i: number): number {
  return FLOW_BAND_COLORS[i % FLOW_BAND_COLORS.length]!;
}

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'ring';

/** The four types of work from The Phoenix Project each get a shape; anything else is a ring. */
export const KIND_MARKER: Readonly<Record<string, MarkerShape>> = {
  business: 'circle',
  internal: 'square',
  change: 'triangle',
  unplanned: 'diamond',
};

/** Canonical order of kinds in legends. */
export const KIND_ORDER: readonly string[] = Object.keys(WORK_KIND_COLOR);

export const KIND_LABEL: Readonly<Record<string, string>> = {
  business: 'Business',
  internal: 'Internal',
  change: 'Change',
  unplanned: 'Unplanned',
  custom: 'Other',
};

export function kindMarker(kind: string): MarkerShape {
  return KIND_MARKER[kind] ?? 'ring';
}

export function kindLabel(kind: string): string {
  return KIND_LABEL[kind] ?? kind;
}

export { workKindColor };

/** Draws a marker centred on (x, y); `r` is about the radius. Shapes have roughly equal visual weight. */
export function drawMarker(g: Phaser.GameObjects.Graphics, shape: MarkerShape, x: number, y: number, r: number, color: number, rim = true): void {
  const outline = () => {
    if (rim) g.lineStyle(1.5, CHART_COLOR.markerRim, 1);
  };
  g.fillStyle(color, 1);
  switch (shape) {
    case 'circle':
      g.fillCircle(x, y, r);
      outline();
      if (rim) g.strokeCircle(x, y, r);
      break;
    case 'square': {
      const s = r * 0.9;
      g.fillRect(x - s, y - s, 2 * s, 2 * s);
      outline();
      if (rim) g.strokeRect(x - s, y - s, 2 * s, 2 * s);
      break;
    }
    case 'triangle': {
      const h = r * 1.2;
      g.fillTriangle(x, y - h, x - h, y + h * 0.8, x + h, y + h * 0.8);
      outline();
      if (rim) g.strokeTriangle(x, y - h, x - h, y + h * 0.8, x + h, y + h * 0.8);
      break;
    }
    case 'diamond': {
      const d = r * 1.3;
      g.fillTriangle(x, y - d, x - d, y, x + d, y);
      g.fillTriangle(x, y + d, x - d, y, x + d, y);
      outline();
      if (rim) {
        g.beginPath();
        g.moveTo(x, y - d);
        g.lineTo(x + d, y);
        g.lineTo(x, y + d);
        g.lineTo(x - d, y);
        g.closePath();
        g.strokePath();
      }
      break;
    }
    case 'ring':
      g.lineStyle(2.5, color, 1);
      g.strokeCircle(x, y, r - 0.5);
      break;
  }
}

/** A dashed straight line. */
export function dashedLine(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, dash = 7, gap = 5): void {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len === 0) return;
  const ux = (x2 - x1) / len, uy = (y2 - y1) / len;
  for (let d = 0; d < len; d += dash + gap) {
    const e = Math.min(len, d + dash);
    g.lineBetween(x1 + ux * d, y1 + uy * d, x1 + ux * e, y1 + uy * e);
  }
}
