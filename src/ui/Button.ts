/**
 * A button: a rounded rectangle with a label and, optionally, a keycap naming its shortcut
 * ("Enter", "Esc"). Primary buttons are filled with the accent colour; secondary ones are panels.
 * Normal, hover, pressed, focused (a thick ring outside the edge) and disabled (flat, greyed,
 * no ring, no hand cursor) all look different, and not by colour alone.
 *
 *   const play = new Button(this, x, y, { label: 'Play', width: 320, primary: true, onActivate: () => ... });
 *   focus.add(play);
 */
import type * as Phaser from 'phaser';
import { TEXT } from '../game/Theme';
import { drawFocusRing, RADIUS, setFittedText, widgetPalette } from './UiStyle';
import { Widget } from './Widget';

export interface ButtonOptions {
  readonly label: string;
  readonly width?: number;
  readonly height?: number;
  /** Filled with the accent colour: the one main action of a screen. */
  readonly primary?: boolean;
  /** A small keycap at the right edge naming the shortcut, e.g. "Enter" or "Esc". */
  readonly keycap?: string;
  /** Smaller label (18 px) for secondary rows of buttons. */
  readonly small?: boolean;
  /** Label alignment; a button with a keycap reads best left-aligned. Default: centred. */
  readonly align?: 'center' | 'left';
  readonly enabled?: boolean;
  readonly onActivate: () => void;
}

const PAD = 20;
/** Small buttons sit in rows of tabs, where every pixel of label room counts. */
const PAD_SMALL = 8;
const CAP_H = 28;
const CAP_PAD = 8;

export class Button extends Widget {
  private readonly small: boolean;
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly labelText: Phaser.GameObjects.Text;
  private readonly capText: Phaser.GameObjects.Text | null;
  private readonly primary: boolean;
  private readonly align: 'center' | 'left';
  private labelValue: string;
  private onActivateFn: () => void;

  constructor(scene: Phaser.Scene, x: number, y: number, options: ButtonOptions) {
    super(scene, x, y, options.width ?? 240, options.height ?? 52);
    this.primary = options.primary ?? false;
    this.align = options.align ?? 'center';
    this.small = options.small ?? false;
    this.onActivateFn = options.onActivate;
    this.labelValue = options.label;
    this.g = scene.add.graphics();
    this.labelText = scene.add.text(0, 0, '', options.small ? TEXT.buttonSmall : TEXT.button).setOrigin(0.5, 0.5);
    this.capText = options.keycap ? scene.add.text(0, 0, options.keycap, TEXT.keycap).setOrigin(0.5, 0.5) : null;
    this.add([this.g, this.labelText, ...(this.capText ? [this.capText] : [])]);
    this.bringToTop(this.hitZone);
    this.layout();
    if (options.enabled === false) this.setEnabled(false);
    else this.redraw();
  }

  get label(): string {
    return this.labelValue;
  }

  setLabel(label: string): this {
    this.labelValue = label;
    this.layout();
    this.redraw();
    return this;
  }

  /** Replaces what the button does. */
  setOnActivate(fn: () => void): this {
    this.onActivateFn = fn;
    return this;
  }

  override activate(): void {
    if (this.enabled) this.onActivateFn();
  }

  private capWidth(): number {
    return this.capText ? Math.max(CAP_H, Math.ceil(this.capText.width) + 2 * CAP_PAD) : 0;
  }

  private layout(): void {
    const w = this.widgetWidth, h = this.widgetHeight;
    const pad = this.small ? PAD_SMALL : PAD;
    const capW = this.capWidth();
    const room = w - 2 * pad - (capW > 0 ? capW + 12 : 0);
    setFittedText(this.labelText, this.labelValue, room);
    if (this.align === 'left') this.labelText.setOrigin(0, 0.5).setPosition(pad, Math.round(h / 2));
    else this.labelText.setOrigin(0.5, 0.5).setPosition(Math.round(pad + room / 2), Math.round(h / 2));
    this.capText?.setPosition(Math.round(w - pad - capW / 2), Math.round(h / 2));
  }

  protected redraw(): void {
    const p = widgetPalette();
    const w = this.widgetWidth, h = this.widgetHeight;
    const g = this.g.clear();
    const enabled = this.enabled;
    let face: number;
    if (!enabled) face = p.faceDisabled;
    else if (this.primary) face = this.hovered && !this.pressed ? p.primaryFaceHover : p.primaryFace;
    else face = this.pressed ? p.facePressed : this.hovered || this.focused ? p.faceHover : p.face;
    const dy = this.pressed ? 2 : 0;
    // A darker lip under the face gives enabled buttons depth; pressed ones sink onto it.
    if (enabled && !this.pressed) g.fillStyle(0x000000, 0.35).fillRoundedRect(0, 3, w, h, RADIUS);
    g.fillStyle(face, 1).fillRoundedRect(0, dy, w, h, RADIUS);
    if (!enabled) g.lineStyle(1, p.stroke, 0.6).strokeRoundedRect(0.5, 0.5, w - 1, h - 1, RADIUS);
    else if (!this.primary) g.lineStyle(this.hovered ? 2 : 1, this.hovered ? p.strokeHover : p.stroke, 1).strokeRoundedRect(0.5, dy + 0.5, w - 1, h - 1, RADIUS);
    if (this.focused && enabled) drawFocusRing(g, 0, dy, w, h);

    const textColor = !enabled ? p.textDisabled : this.primary ? p.textOnPrimary : p.text;
    this.labelText.setColor(textColor).setY(Math.round(h / 2) + dy);
    if (this.capText) {
      const capW = this.capWidth();
      const cx = w - PAD - capW, cy = Math.round((h - CAP_H) / 2) + dy;
      const onFace = this.primary && enabled;
      g.fillStyle(0x000000, onFace ? 0.18 : 0.3).fillRoundedRect(cx, cy, capW, CAP_H, 5);
      g.lineStyle(1, onFace ? 0x000000 : p.stroke, onFace ? 0.35 : 1).strokeRoundedRect(cx + 0.5, cy + 0.5, capW - 1, CAP_H - 1, 5);
      this.capText.setColor(textColor).setY(Math.round(h / 2) + dy);
    }
  }
}
