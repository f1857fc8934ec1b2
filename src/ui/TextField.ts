/**
 * A one-line entry field for short codes such as the seed: digits only (by default), at most
 * `maxLength` of them. When it takes the focus its content is selected, so the first digit typed
 * replaces it (as in a browser field); Backspace deletes one digit (all of them while selected),
 * Delete clears, Enter confirms (`onSubmit`). A caret shows where typing goes; it blinks unless
 * Reduced motion is on. Clicking the field focuses it; tapping it on a touch screen (no keyboard)
 * asks for the value with the browser's prompt.
 *
 *   const seed = new TextField(this, x, y, { label: 'Seed', value: '1', width: 240, onSubmit: start });
 *   seed.value        // '42'
 *   seed.numberValue  // 42, or null when empty
 */
import * as Phaser from 'phaser';
import { TEXT } from '../game/Theme';
import { hasCommandModifier } from './KeyRouter';
import { drawFocusRing, RADIUS, uiPreferences, widgetPalette } from './UiStyle';
import { Widget, WidgetEvent } from './Widget';

export interface TextFieldOptions {
  /** Shown inside the field on the left, muted. */
  readonly label?: string;
  readonly value?: string;
  readonly width?: number;
  readonly height?: number;
  readonly maxLength?: number;
  /** Which single characters may be typed; default digits. */
  readonly allowed?: RegExp;
  /** The question a touch screen's prompt asks; default the label. */
  readonly prompt?: string;
  /** Shown greyed when the field is empty. */
  readonly placeholder?: string;
  readonly onChange?: (value: string) => void;
  readonly onSubmit?: (value: string) => void;
}

const PAD = 16;
const BLINK_MS = 530;

export class TextField extends Widget {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly labelText: Phaser.GameObjects.Text | null;
  private readonly valueText: Phaser.GameObjects.Text;
  private readonly caret: Phaser.GameObjects.Rectangle;
  private readonly options: TextFieldOptions;
  private readonly maxLength: number;
  private readonly allowed: RegExp;
  private readonly valueX: number;
  private text: string;
  /** Content selected: the next character typed replaces it. */
  private selected = false;
  private blink: Phaser.Time.TimerEvent | null = null;

  constructor(scene: Phaser.Scene, x: number, y: number, options: TextFieldOptions = {}) {
    super(scene, x, y, options.width ?? 260, options.height ?? 52);
    this.options = options;
    this.maxLength = options.maxLength ?? 9;
    this.allowed = options.allowed ?? /^[0-9]$/;
    this.text = (options.value ?? '').slice(0, this.maxLength);
    this.g = scene.add.graphics();
    this.labelText = options.label ? scene.add.text(PAD, 0, options.label, TEXT.button).setOrigin(0, 0.5) : null;
    this.valueX = this.labelText ? PAD + Math.ceil(this.labelText.width) + 14 : PAD;
    this.valueText = scene.add.text(this.valueX, 0, '', TEXT.fieldValue).setOrigin(0, 0.5);
    this.caret = scene.add.rectangle(0, 0, 3, 28, 0xffffff).setOrigin(0, 0.5);
    this.add([this.g, ...(this.labelText ? [this.labelText] : []), this.valueText, this.caret]);
    this.bringToTop(this.hitZone);
    if (this.hitZone.input) this.hitZone.input.cursor = 'text';
    this.once(Phaser.GameObjects.Events.DESTROY, () => this.blink?.remove());
    this.redraw();
  }

  get value(): string {
    return this.text;
  }

  /** The value as a whole number, or null when empty. */
  get numberValue(): number | null {
    return this.text === '' ? null : Number(this.text);
  }

  setValue(value: string): this {
    this.text = value.slice(0, this.maxLength);
    this.redraw();
    return this;
  }

  override setFocused(focused: boolean): void {
    if (focused !== this.focused) this.selected = focused && this.text.length > 0;
    super.setFocused(focused);
    this.restartBlink();
  }

  /** Enter (through the focus list) confirms. */
  override activate(): void {
    this.options.onSubmit?.(this.text);
  }

  override handleKey(event: KeyboardEvent): boolean {
    if (hasCommandModifier(event)) return false;
    const key = event.key;
    if (key === 'Enter') {
      this.activate();
      return true;
    }
    if (key === 'Backspace') {
      this.change(this.selected ? '' : this.text.slice(0, -1));
      return true;
    }
    if (key === 'Delete') {
      this.change('');
      return true;
    }
    if (key.length === 1 && this.allowed.test(key)) {
      const base = this.selected ? '' : this.text;
      if (base.length < this.maxLength) this.change(base + key);
      else this.flashFull();
      return true;
    }
    return false;
  }

  protected override onClick(_x: number, _y: number, pointer?: Phaser.Input.Pointer): void {
    this.emit(WidgetEvent.focusRequest, this);
    // A tap on a touch screen brings no keyboard to a canvas: ask with the browser's own prompt.
    if (pointer?.wasTouch && typeof window !== 'undefined' && typeof window.prompt === 'function') {
      const answer = window.prompt(this.options.prompt ?? this.options.label ?? 'Value', this.text);
      if (answer !== null) this.change([...answer].filter((c) => this.allowed.test(c)).join('').slice(0, this.maxLength));
    }
  }

  private change(next: string): void {
    this.selected = false;
    if (next !== this.text) {
      this.text = next;
      this.options.onChange?.(next);
    }
    this.restartBlink();
    this.redraw();
  }

  /** The caret shows at once after every change, then blinks (steady with Reduced motion). */
  private restartBlink(): void {
    this.blink?.remove();
    this.blink = null;
    this.caret.setAlpha(1);
    if (this.focused && !uiPreferences().reducedMotion) {
      this.blink = this.scene.time.addEvent({ delay: BLINK_MS, loop: true, callback: () => this.caret.setAlpha(this.caret.alpha > 0 ? 0 : 1) });
    }
  }

  /** Full: a short warning-coloured outline instead of a silent ignore. */
  private flashFull(): void {
    this.redraw(true);
    this.scene.time.delayedCall(180, () => this.redraw());
  }

  protected redraw(full = false): void {
    const p = widgetPalette();
    const w = this.widgetWidth, h = this.widgetHeight;
    const g = this.g.clear();
    g.fillStyle(0x000000, 0.35).fillRoundedRect(0, 0, w, h, RADIUS);
    const stroke = full ? 0xff5d5d : this.focused ? p.ring : this.hovered ? p.strokeHover : p.stroke;
    g.lineStyle(this.focused || this.hovered || full ? 2 : 1, stroke, 1).strokeRoundedRect(0.5, 0.5, w - 1, h - 1, RADIUS);
    if (this.focused) drawFocusRing(g, 0, 0, w, h);

    const empty = this.text === '';
    this.valueText.setText(empty ? (this.options.placeholder ?? '') : this.text);
    // The placeholder stands a little to the right, so the caret never sits on its first letter.
    this.valueText.setColor(empty ? p.textDisabled : p.text).setPosition(this.valueX + (empty ? 10 : 0), Math.round(h / 2));
    this.labelText?.setColor(p.textMuted).setY(Math.round(h / 2));
    if (this.selected && !empty) {
      const b = { x: this.valueText.x - 3, y: Math.round(h / 2 - 16), w: Math.ceil(this.valueText.width) + 6, h: 32 };
      g.fillStyle(p.ring, 0.3).fillRoundedRect(b.x, b.y, b.w, b.h, 4);
    }
    const caretX = empty ? this.valueX : this.valueText.x + Math.ceil(this.valueText.width) + 2;
    this.caret.setPosition(caretX, Math.round(h / 2)).setVisible(this.focused && !this.selected);
  }
}
