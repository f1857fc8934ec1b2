/**
 * The UI kit's look and the two player preferences it honours (Settings → High contrast and
 * Reduced motion). Widgets read their colours from `widgetPalette()` each time they repaint, so a
 * scene that calls `applyUiPreferences(ctx.settings.values)` in `create()` gets the right look;
 * the menu scenes do, and the flags stay until changed, so later scenes inherit them.
 */
import type * as Phaser from 'phaser';
import { applyProjectorText, COLOR, CSS } from '../game/Theme';
import { applyProjectorChartText } from './charts/ChartStyle';

export interface UiPreferences {
  readonly highContrast: boolean;
  readonly reducedMotion: boolean;
  /** Projector layout: high contrast whatever `highContrast` says, and the larger text sizes of `applyProjectorText`. */
  readonly projector?: boolean;
}

let prefs: Required<UiPreferences> = { highContrast: false, reducedMotion: false, projector: false };

export function applyUiPreferences(p: UiPreferences): void {
  const projector = p.projector === true;
  prefs = { highContrast: p.highContrast || projector, reducedMotion: p.reducedMotion, projector };
  applyProjectorText(projector);
  applyProjectorChartText(projector);
}

export function uiPreferences(): UiPreferences {
  return prefs;
}

export interface WidgetPalette {
  readonly face: number;
  readonly faceHover: number;
  readonly facePressed: number;
  readonly faceDisabled: number;
  readonly stroke: number;
  readonly strokeHover: number;
  readonly primaryFace: number;
  readonly primaryFaceHover: number;
  readonly ring: number;
  /** Width of the focus ring in px: thick enough to see from the back of a room. */
  readonly ringWidth: number;
  readonly text: string;
  readonly textMuted: string;
  readonly textDisabled: string;
  readonly textOnPrimary: string;
  readonly selection: number;
}

const NORMAL: WidgetPalette = {
  face: COLOR.panelRaised,
  faceHover: COLOR.panelHover,
  facePressed: COLOR.panelPressed,
  faceDisabled: COLOR.disabledFace,
  stroke: COLOR.panelStroke,
  strokeHover: COLOR.muted,
  primaryFace: COLOR.accent,
  primaryFaceHover: COLOR.accentHover,
  ring: COLOR.focusRing,
  ringWidth: 3,
  text: CSS.text,
  textMuted: CSS.muted,
  textDisabled: CSS.disabledText,
  textOnPrimary: CSS.background,
  selection: COLOR.panelPressed,
};

const HIGH_CONTRAST: WidgetPalette = {
  face: COLOR.hcPanel,
  faceHover: COLOR.panelPressed,
  facePressed: COLOR.panelHover,
  faceDisabled: COLOR.hcPanel,
  stroke: COLOR.hcStroke,
  strokeHover: COLOR.focusRing,
  primaryFace: COLOR.accent,
  primaryFaceHover: COLOR.accentHover,
  ring: COLOR.focusRing,
  ringWidth: 4,
  text: CSS.hcText,
  textMuted: CSS.hcText,
  textDisabled: CSS.muted,
  textOnPrimary: CSS.background,
  selection: COLOR.panelPressed,
};

export function widgetPalette(): WidgetPalette {
  return prefs.highContrast ? HIGH_CONTRAST : NORMAL;
}

/** Corner radius of every widget. */
export const RADIUS = 8;
/** Gap between a widget's edge and its focus ring. */
export const RING_GAP = 4;

/**
 * Sets `value` on `text`, shortened with an ellipsis if it would be wider than `maxWidth`, so text
 * is never cut off mid-letter or drawn over its neighbours. Returns what is shown.
 */
export function setFittedText(text: Phaser.GameObjects.Text, value: string, maxWidth: number): string {
  text.setText(value);
  if (text.width <= maxWidth || value.length === 0) return value;
  let lo = 0, hi = value.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    text.setText(`${value.slice(0, mid).trimEnd()}…`);
    if (text.width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  const shown = `${value.slice(0, lo).trimEnd()}…`;
  text.setText(shown);
  return shown;
}

/**
 * Shows the first of `wordings` (longest first) that fits in `maxWidth`; when none does, the
 * last one cut short. For labels that have a shorter way to say the same thing.
 */
export function setFirstFittingText(text: Phaser.GameObjects.Text, wordings: readonly string[], maxWidth: number): string {
  for (const w of wordings) {
    text.setText(w);
    if (text.width <= maxWidth) return w;
  }
  return setFittedText(text, wordings[wordings.length - 1] ?? '', maxWidth);
}

/** Draws a focus ring around a w x h rectangle whose top-left is (x, y). */
export function drawFocusRing(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number): void {
  const p = widgetPalette();
  const o = RING_GAP + p.ringWidth / 2;
  g.lineStyle(p.ringWidth, p.ring, 1).strokeRoundedRect(x - o, y - o, w + 2 * o, h + 2 * o, RADIUS + o);
}
