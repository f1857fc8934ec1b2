/**
 * What the focus list needs from a widget (`Focusable`), and `Widget`, the base class of the kit's
 * widgets: a Container (so it can be positioned, nested and hidden as one) with a hit zone that
 * tracks hover and press, and a `redraw()` each subclass implements for its states.
 *
 * States: normal, hover (pointer over it), focused (keyboard focus: a thick ring), pressed and
 * disabled. Hovering a widget asks the focus list to focus it (the `WidgetEvent.hover` event),
 * so mouse and keyboard never point at two different things.
 */
import * as Phaser from 'phaser';

export const WidgetEvent = {
  /** The pointer entered an enabled widget; FocusList focuses it. */
  hover: 'ui-hover',
  /** The widget was clicked/tapped without being activated (e.g. a text field); FocusList focuses it. */
  focusRequest: 'ui-focus-request',
} as const;

export interface Focusable {
  /** Enabled and shown: the focus list skips widgets that cannot take focus. */
  readonly canFocus: boolean;
  readonly focused: boolean;
  setFocused(focused: boolean): void;
  /** Enter or Space while focused, or a click. */
  activate(): void;
  /**
   * A key pressed while this widget has the focus, before the focus list sees it: Left/Right on a
   * stepper, digits on a text field, Up/Down inside a list. True means handled.
   */
  handleKey(event: KeyboardEvent): boolean;
  /** Where the focus is, in world coordinates, for arrow-key navigation between widgets. */
  focusBounds(): Phaser.Geom.Rectangle;
  on(event: string | symbol, fn: (...args: unknown[]) => void, context?: unknown): unknown;
  off(event: string | symbol, fn?: (...args: unknown[]) => void, context?: unknown): unknown;
}

export abstract class Widget extends Phaser.GameObjects.Container implements Focusable {
  protected readonly widgetWidth: number;
  protected readonly widgetHeight: number;
  protected readonly hitZone: Phaser.GameObjects.Zone;
  protected hovered = false;
  protected pressed = false;
  private focusedValue = false;
  private enabledValue = true;

  constructor(scene: Phaser.Scene, x: number, y: number, width: number, height: number) {
    super(scene, Math.round(x), Math.round(y));
    this.widgetWidth = Math.round(width);
    this.widgetHeight = Math.round(height);
    this.setSize(this.widgetWidth, this.widgetHeight);
    scene.add.existing(this);
    this.hitZone = scene.add.zone(0, 0, this.widgetWidth, this.widgetHeight).setOrigin(0, 0);
    this.hitZone.setInteractive({ useHandCursor: true });
    this.add(this.hitZone);
    this.hitZone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OVER, () => {
      if (!this.enabledValue) return;
      this.hovered = true;
      this.emit(WidgetEvent.hover, this);
      this.redraw();
    });
    this.hitZone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => {
      this.hovered = false;
      this.pressed = false;
      this.redraw();
    });
    this.hitZone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_DOWN, (pointer: Phaser.Input.Pointer, lx: number, ly: number) => {
      if (!this.enabledValue || pointer.button === 2) return;
      this.pressed = true;
      this.onPress(lx, ly);
      this.redraw();
    });
    this.hitZone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, (pointer: Phaser.Input.Pointer, lx: number, ly: number) => {
      const wasPressed = this.pressed;
      this.pressed = false;
      this.redraw();
      if (wasPressed && this.enabledValue) this.onClick(lx, ly, pointer);
    });
  }

  get canFocus(): boolean {
    if (!this.enabledValue || !this.visible || !this.active) return false;
    for (let p = this.parentContainer; p; p = p.parentContainer) if (!p.visible) return false;
    return true;
  }

  get focused(): boolean {
    return this.focusedValue;
  }

  get enabled(): boolean {
    return this.enabledValue;
  }

  setFocused(focused: boolean): void {
    if (this.focusedValue === focused) return;
    this.focusedValue = focused;
    this.redraw();
  }

  /** A disabled widget is drawn greyed, ignores the pointer and is skipped by the focus list. */
  setEnabled(enabled: boolean): this {
    if (this.enabledValue === enabled) return this;
    this.enabledValue = enabled;
    if (this.hitZone.input) this.hitZone.input.cursor = enabled ? 'pointer' : 'default';
    if (!enabled) {
      this.hovered = false;
      this.pressed = false;
    }
    this.redraw();
    return this;
  }

  activate(): void {}

  handleKey(_event: KeyboardEvent): boolean {
    return false;
  }

  focusBounds(): Phaser.Geom.Rectangle {
    const m = this.getWorldTransformMatrix();
    return new Phaser.Geom.Rectangle(m.tx, m.ty, this.widgetWidth * m.scaleX, this.widgetHeight * m.scaleY);
  }

  /** Pointer pressed at local (x, y). */
  protected onPress(_x: number, _y: number): void {}

  /** Pointer released over the widget after pressing it; by default the same as Enter. */
  protected onClick(_x: number, _y: number, _pointer?: Phaser.Input.Pointer): void {
    this.emit(WidgetEvent.focusRequest, this);
    this.activate();
  }

  protected abstract redraw(): void;
}
