/**
 * A stepper: a labelled value changed a step at a time, for levers and settings. A row with the
 * label on the left and `◀ value ▶` on the right. Left/Right (or clicking an arrow) calls
 * `onChange(-1 | +1)`; the scene applies the change and shows the result with `setValue`.
 * `setLimits` greys an arrow at the end of the range. Enter/Space (or clicking the row) calls
 * `onActivate` when given — a toggle flips there — and otherwise steps up.
 *
 *   const speed = new Stepper(this, x, y, { label: 'Play speed', value: '4×', width: 640,
 *     onChange: (d) => speed.setValue(next(d)) });
 */
import type * as Phaser from 'phaser';
import { TEXT } from '../game/Theme';
import { drawFocusRing, RADIUS, setFittedText, widgetPalette } from './UiStyle';
import { Widget, WidgetEvent } from './Widget';

export interface StepperOptions {
  readonly label: string;
  readonly value: string;
  readonly width?: number;
  readonly height?: number;
  /** Width of the `◀ value ▶` part. */
  readonly valueWidth?: number;
  /** An optional line under the label, in small muted text (needs height >= 64). */
  readonly detail?: string;
  readonly enabled?: boolean;
  readonly onChange: (delta: -1 | 1) => void;
  /** Enter, Space or a click on the row (not on an arrow); default: step up. */
  readonly onActivate?: () => void;
}

const PAD = 20;
const ARROW_ZONE = 44;

export class Stepper extends Widget {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly labelText: Phaser.GameObjects.Text;
  private readonly detailText: Phaser.GameObjects.Text | null;
  private readonly valueText: Phaser.GameObjects.Text;
  private readonly valueWidth: number;
  private readonly options: StepperOptions;
  private labelValue: string;
  private valueValue: string;
  private canDown = true;
  private canUp = true;
  private pressedArrow: -1 | 0 | 1 = 0;

  constructor(scene: Phaser.Scene, x: number, y: number, options: StepperOptions) {
    super(scene, x, y, options.width ?? 560, options.height ?? (options.detail ? 68 : 52));
    this.options = options;
    this.valueWidth = options.valueWidth ?? 220;
    this.labelValue = options.label;
    this.valueValue = options.value;
    this.g = scene.add.graphics();
    this.labelText = scene.add.text(PAD, 0, '', TEXT.button).setOrigin(0, 0.5);
    this.detailText = options.detail !== undefined ? scene.add.text(PAD, 0, '', TEXT.listDetail).setOrigin(0, 0.5) : null;
    this.valueText = scene.add.text(0, 0, '', TEXT.button).setOrigin(0.5, 0.5);
    this.add([this.g, this.labelText, ...(this.detailText ? [this.detailText] : []), this.valueText]);
    this.bringToTop(this.hitZone);
    this.layout();
    if (options.enabled === false) this.setEnabled(false);
    else this.redraw();
  }

  get value(): string {
    return this.valueValue;
  }

  setValue(value: string): this {
    this.valueValue = value;
    this.layout();
    this.redraw();
    return this;
  }

  setLabel(label: string): this {
    this.labelValue = label;
    this.layout();
    return this;
  }

  /** Greys the ◀ or ▶ arrow when the value cannot go further that way (the keys then do nothing). */
  setLimits(canDecrease: boolean, canIncrease: boolean): this {
    this.canDown = canDecrease;
    this.canUp = canIncrease;
    this.redraw();
    return this;
  }

  step(delta: -1 | 1): void {
    if (!this.enabled || (delta < 0 ? !this.canDown : !this.canUp)) return;
    this.options.onChange(delta);
  }

  override activate(): void {
    if (!this.enabled) return;
    if (this.options.onActivate) this.options.onActivate();
    else this.step(1);
  }

  override handleKey(event: KeyboardEvent): boolean {
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      this.step(event.key === 'ArrowLeft' ? -1 : 1);
      return true;
    }
    return false;
  }

  private arrowAt(x: number): -1 | 0 | 1 {
    const left = this.widgetWidth - PAD - this.valueWidth;
    if (x >= left - 8 && x < left + ARROW_ZONE) return -1;
    if (x > this.widgetWidth - PAD - ARROW_ZONE && x <= this.widgetWidth) return 1;
    return 0;
  }

  protected override onPress(x: number): void {
    this.pressedArrow = this.arrowAt(x);
  }

  protected override onClick(x: number): void {
    const arrow = this.arrowAt(x);
    const pressed = this.pressedArrow;
    this.pressedArrow = 0;
    this.emit(WidgetEvent.focusRequest, this);
    if (arrow !== 0 && arrow === pressed) this.step(arrow);
    else if (arrow === 0) this.activate();
  }

  private layout(): void {
    const h = this.widgetHeight;
    const labelRoom = this.widgetWidth - 2 * PAD - this.valueWidth - 16;
    setFittedText(this.labelText, this.labelValue, labelRoom);
    if (this.detailText) {
      setFittedText(this.detailText, this.options.detail ?? '', labelRoom);
      this.labelText.setY(Math.round(h / 2) - 12);
      this.detailText.setY(Math.round(h / 2) + 14);
    } else this.labelText.setY(Math.round(h / 2));
    const cx = this.widgetWidth - PAD - this.valueWidth / 2;
    setFittedText(this.valueText, this.valueValue, this.valueWidth - 2 * ARROW_ZONE);
    this.valueText.setPosition(Math.round(cx), Math.round(h / 2));
  }

  protected redraw(): void {
    const p = widgetPalette();
    const w = this.widgetWidth, h = this.widgetHeight;
    const enabled = this.enabled;
    const g = this.g.clear();
    const face = !enabled ? p.faceDisabled : this.hovered || this.focused ? p.faceHover : p.face;
    g.fillStyle(face, 1).fillRoundedRect(0, 0, w, h, RADIUS);
    g.lineStyle(this.hovered ? 2 : 1, this.hovered && enabled ? p.strokeHover : p.stroke, enabled ? 1 : 0.6).strokeRoundedRect(0.5, 0.5, w - 1, h - 1, RADIUS);

    // The value well.
    const vx = w - PAD - this.valueWidth, vy = 8, vh = h - 16;
    g.fillStyle(0x000000, 0.28).fillRoundedRect(vx, vy, this.valueWidth, vh, 6);
    const arrowColor = (on: boolean) => (enabled && on ? (this.focused || this.hovered ? p.ring : 0xe8ecf4) : 0x5f6b80);
    const cy = Math.round(h / 2);
    const lx = vx + ARROW_ZONE / 2, rx = w - PAD - ARROW_ZONE / 2;
    g.fillStyle(arrowColor(this.canDown), 1).fillTriangle(lx - 7, cy, lx + 6, cy - 9, lx + 6, cy + 9);
    g.fillStyle(arrowColor(this.canUp), 1).fillTriangle(rx + 7, cy, rx - 6, cy - 9, rx - 6, cy + 9);

    if (this.focused && enabled) drawFocusRing(g, 0, 0, w, h);
    this.labelText.setColor(enabled ? p.text : p.textDisabled);
    this.detailText?.setColor(enabled ? p.textMuted : p.textDisabled);
    this.valueText.setColor(enabled ? p.text : p.textDisabled);
  }
}
