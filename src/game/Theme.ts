/**
 * The look of the game in one place: the design size, the font stack, the palette and the text
 * styles every scene uses. Scenes take their colours and sizes from here, never from literals, so
 * a later font package or a colour-blind palette changes one file.
 */
import type * as Phaser from 'phaser';
import { RENDER_SCALE } from './RenderScale';

/** The design resolution; Scale.FIT letterboxes it into any window. */
export const WIDTH = 1280;
export const HEIGHT = 720;

/**
 * Atkinson Hyperlegible ships with the game (@fontsource, see src/game/Fonts.ts) and is loaded
 * before the first text is drawn; Arial is only a fallback if loading ever fails.
 */
export const FONT_FAMILY = '"Atkinson Hyperlegible", Arial, sans-serif';

/** Colours as numbers for shapes and as CSS strings for text. */
export const COLOR = {
  background: 0x0b0f19,
  panel: 0x151c2c,
  panelRaised: 0x1c2539,
  panelStroke: 0x2b3752,
  track: 0x232d44,
  text: 0xe8ecf4,
  muted: 0x9aa7bd,
  accent: 0xff8a3d,
  accentSoft: 0xffc857,
  good: 0x3ddc97,
  warning: 0xff5d5d,
  /** UI kit: a widget under the pointer, a pressed one, the focus ring, a disabled face. */
  panelHover: 0x24304a,
  accentHover: 0xffa463,
  panelPressed: 0x2e3b5a,
  focusRing: 0xffc857,
  disabledFace: 0x10151f,
  disabledText: 0x5f6b80,
  /** The header bar every menu scene draws. */
  headerBar: 0x10172a,
  /** The dimmer behind overlays (help). */
  scrim: 0x000000,
  /** High-contrast variants (Settings → High contrast). */
  hcPanel: 0x000000,
  hcStroke: 0xffffff,
  hcText: 0xffffff,
} as const;

export const CSS = {
  background: '#0b0f19',
  text: '#e8ecf4',
  muted: '#9aa7bd',
  accent: '#ff8a3d',
  accentSoft: '#ffc857',
  good: '#3ddc97',
  warning: '#ff5d5d',
  disabledText: '#5f6b80',
  hcText: '#ffffff',
} as const;

/** The four types of work from The Phoenix Project, plus anything a trainer invents. */
export const WORK_KIND_COLOR: Readonly<Record<string, number>> = {
  business: 0x4da3ff,
  internal: 0xb48cff,
  change: 0x3ddc97,
  unplanned: 0xff5d5d,
  custom: 0xc9d1de,
};

export function workKindColor(kind: string): number {
  return WORK_KIND_COLOR[kind] ?? 0xc9d1de;
}

/** `from` blended towards `to` by t (0..1), per channel: a translucent colour over a known one, as one opaque colour. */
export function mixColor(from: number, to: number, t: number): number {
  const ch = (shift: number) => Math.round(((from >> shift) & 255) * (1 - t) + ((to >> shift) & 255) * t) << shift;
  return ch(16) | ch(8) | ch(0);
}

/** The floor's backlog and customer columns: a panel at 60% over the background. */
export const SIDE_PANEL_COLOR = mixColor(COLOR.background, COLOR.panel, 0.6);

export function toCss(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

type TextStyle = Phaser.Types.GameObjects.Text.TextStyle;

function style(size: number, color: string, bold = false): TextStyle {
  return { fontFamily: FONT_FAMILY, fontSize: `${size}px`, fontStyle: bold ? 'bold' : 'normal', color, resolution: RENDER_SCALE };
}

/** Every text size is at least 16 px at 1280x720. */
const BASE_TEXT = {
  title: style(28, CSS.text, true),
  subtitle: style(18, CSS.muted),
  clock: style(28, CSS.text, true),
  label: style(16, CSS.muted),
  value: style(30, CSS.text, true),
  small: style(16, CSS.muted),
  body: style(18, CSS.text),
  centerName: style(20, CSS.text, true),
  centerStat: style(18, CSS.text),
  banner: style(24, CSS.text, true),
  /** Menus and the UI kit. */
  hero: style(64, CSS.text, true),
  promise: style(24, CSS.muted),
  heading: style(22, CSS.text, true),
  sectionLabel: style(16, CSS.accentSoft, true),
  button: style(20, CSS.text, true),
  buttonSmall: style(18, CSS.text, true),
  keycap: style(16, CSS.text, true),
  listTitle: style(20, CSS.text, true),
  listDetail: style(16, CSS.muted),
  story: style(18, CSS.text),
  fieldValue: style(24, CSS.text, true),
  notice: style(18, CSS.accentSoft),
  error: style(18, CSS.warning),
} as const satisfies Record<string, TextStyle>;

type TextName = keyof typeof BASE_TEXT;

/**
 * The text styles in force. Scenes read them when they draw, so switching the projector layout
 * (Settings) takes effect from the next scene on; `applyProjectorText` is the only writer.
 */
export const TEXT: { readonly [K in TextName]: TextStyle } = { ...BASE_TEXT };

/**
 * Projector layout: sizes for the numbers a room reads from afar, each chosen to fit the room its
 * scene gives it, and muted text lifted to full white (grey on a projector washes out).
 */
const PROJECTOR_TEXT: Partial<Record<TextName, TextStyle>> = {
  clock: style(32, CSS.hcText, true),
  value: style(38, CSS.hcText, true),
  label: style(17, CSS.hcText),
  small: style(17, CSS.hcText),
  subtitle: style(19, CSS.hcText),
  listDetail: style(17, CSS.hcText),
  centerName: style(22, CSS.hcText, true),
  centerStat: style(20, CSS.hcText),
  banner: style(30, CSS.hcText, true),
  body: style(19, CSS.hcText),
};

export function applyProjectorText(on: boolean): void {
  const target = TEXT as Record<TextName, TextStyle>;
  for (const name of Object.keys(BASE_TEXT) as TextName[]) target[name] = (on ? PROJECTOR_TEXT[name] : undefined) ?? BASE_TEXT[name];
}
