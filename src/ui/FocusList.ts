/**
 * Keyboard focus among the widgets of a scene. One FocusList per scene (or per panel of one):
 *
 * - Tab / Shift+Tab: next / previous widget in the order they were added (wrapping).
 * - Arrow keys: the nearest widget in that direction on screen, so columns, rows and grids all
 *   work without configuration; with nothing that way, Up/Down wrap to the last/first widget.
 *   The focused widget sees every key first (a stepper takes Left/Right, a list Up/Down, a text
 *   field digits), and only the keys it leaves come here.
 * - Enter / Space: activates the focused widget.
 * - Esc: the scene's `onEscape` (usually "back").
 * - The pointer: hovering a widget focuses it; clicking it activates it.
 *
 * Widgets that are disabled or hidden are skipped. Keys come through the scene's KeyRouter, so an
 * open HelpOverlay silences them, and they are unbound when the scene shuts down.
 *
 *   const focus = new FocusList(this, { onEscape: () => this.scene.start(SceneKey.Title) });
 *   focus.add(playButton); focus.add(settingsButton);
 *   focus.focus(playButton);
 */
import * as Phaser from 'phaser';
import { hasCommandModifier, KeyPriority, KeyRouter } from './KeyRouter';
import { WidgetEvent, type Focusable } from './Widget';

export type Direction = 'up' | 'down' | 'left' | 'right';

export interface FocusListOptions {
  /** Esc: usually back to the previous scene. */
  readonly onEscape?: () => void;
  /** Up/Down with nothing further that way wrap around (default true). */
  readonly wrap?: boolean;
  /** Focus the first widget as soon as one is added (default true): a keyboard user sees where they are. */
  readonly autoFocus?: boolean;
}

export class FocusList {
  private readonly items: Focusable[] = [];
  private current: Focusable | null = null;
  private readonly listeners: ((w: Focusable | null) => void)[] = [];
  private readonly removeKeyListener: () => void;
  private onEscape: (() => void) | undefined;
  private readonly wrap: boolean;
  private readonly autoFocus: boolean;
  private enabledValue = true;

  constructor(scene: Phaser.Scene, options: FocusListOptions = {}) {
    this.onEscape = options.onEscape;
    this.wrap = options.wrap ?? true;
    this.autoFocus = options.autoFocus ?? true;
    this.removeKeyListener = KeyRouter.of(scene).add((e) => this.handleKey(e), KeyPriority.focus);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.destroy());
  }

  /** Adds a widget at the end of the Tab order; returns it. */
  add<T extends Focusable>(widget: T): T {
    this.items.push(widget);
    widget.on(WidgetEvent.hover, this.onWidgetPointer, this);
    widget.on(WidgetEvent.focusRequest, this.onWidgetPointer, this);
    if (this.autoFocus && this.current === null && widget.canFocus) this.focus(widget);
    return widget;
  }

  remove(widget: Focusable): void {
    const i = this.items.indexOf(widget);
    if (i < 0) return;
    this.items.splice(i, 1);
    widget.off(WidgetEvent.hover, this.onWidgetPointer, this);
    widget.off(WidgetEvent.focusRequest, this.onWidgetPointer, this);
    if (this.current === widget) this.focus(null);
  }

  get widgets(): readonly Focusable[] {
    return this.items;
  }

  get focused(): Focusable | null {
    return this.current;
  }

  /** Moves the focus (null: nobody). A widget that cannot take focus is ignored. */
  focus(widget: Focusable | null): void {
    if (widget !== null && (!this.items.includes(widget) || !widget.canFocus)) return;
    if (widget === this.current) return;
    this.current?.setFocused(false);
    this.current = widget;
    widget?.setFocused(true);
    for (const fn of this.listeners) fn(widget);
  }

  /** Called after every focus change (e.g. to show a description of the focused setting). */
  onFocusChange(fn: (widget: Focusable | null) => void): void {
    this.listeners.push(fn);
  }

  setOnEscape(fn: (() => void) | undefined): void {
    this.onEscape = fn;
  }

  /** A disabled list ignores keys and hover (e.g. while a confirmation is shown). */
  setEnabled(enabled: boolean): void {
    this.enabledValue = enabled;
  }

  /** Tab order: +1 next, -1 previous (wrapping). */
  cycle(step: 1 | -1): void {
    const n = this.items.length;
    if (n === 0) return;
    const start = this.current ? this.items.indexOf(this.current) : step > 0 ? -1 : n;
    for (let k = 1; k <= n; k++) {
      const w = this.items[(((start + step * k) % n) + n) % n]!;
      if (w.canFocus) {
        this.focus(w);
        return;
      }
    }
  }

  /** Arrow-key navigation; returns whether the focus moved. */
  move(direction: Direction): boolean {
    const from = this.current;
    if (from === null || !from.canFocus) {
      this.cycle(direction === 'up' || direction === 'left' ? -1 : 1);
      return this.current !== from;
    }
    const target = this.nearest(from, direction);
    if (target) {
      this.focus(target);
      return true;
    }
    if (this.wrap && (direction === 'up' || direction === 'down')) {
      const candidates = this.items.filter((w) => w.canFocus);
      const end = direction === 'down' ? candidates[0] : candidates[candidates.length - 1];
      if (end && end !== from) {
        this.focus(end);
        return true;
      }
    }
    return false;
  }

  /** Handles one key; true if it was used. Public so tests and on-screen keys can drive it. */
  handleKey(event: KeyboardEvent): boolean {
    if (!this.enabledValue || hasCommandModifier(event)) return false;
    const w = this.current !== null && this.current.canFocus ? this.current : null;
    if (w && w.handleKey(event)) return true;
    switch (event.key) {
      case 'Tab':
        this.cycle(event.shiftKey ? -1 : 1);
        return true;
      case 'ArrowUp':
        this.move('up');
        return true;
      case 'ArrowDown':
        this.move('down');
        return true;
      case 'ArrowLeft':
        this.move('left');
        return true;
      case 'ArrowRight':
        this.move('right');
        return true;
      case 'Enter':
      case ' ':
        if (event.repeat) return true;
        if (w) w.activate();
        else this.cycle(1);
        return true;
      case 'Escape':
        if (event.repeat || !this.onEscape) return false;
        this.onEscape();
        return true;
      default:
        return false;
    }
  }

  destroy(): void {
    this.removeKeyListener();
    for (const w of this.items) {
      w.off(WidgetEvent.hover, this.onWidgetPointer, this);
      w.off(WidgetEvent.focusRequest, this.onWidgetPointer, this);
    }
    this.items.length = 0;
    this.current = null;
    this.listeners.length = 0;
  }

  private onWidgetPointer(widget: unknown): void {
    if (this.enabledValue) this.focus(widget as Focusable);
  }

  /**
   * The closest focusable widget whose box lies in `direction` from `from`'s box: distance along
   * the direction plus twice the sideways gap (0 when the boxes overlap sideways), so a widget
   * straight ahead wins over a nearer one off to the side.
   */
  private nearest(from: Focusable, direction: Direction): Focusable | null {
    const a = from.focusBounds();
    let best: Focusable | null = null;
    let bestScore = Infinity;
    for (const w of this.items) {
      if (w === from || !w.canFocus) continue;
      const b = w.focusBounds();
      let along: number, side: number;
      const gapX = Math.max(0, Math.max(a.left, b.left) - Math.min(a.right, b.right));
      const gapY = Math.max(0, Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom));
      switch (direction) {
        case 'down':
          if (b.centerY <= a.centerY + 1 || b.bottom <= a.bottom) continue;
          along = Math.max(0, b.top - a.bottom);
          side = gapX;
          break;
        case 'up':
          if (b.centerY >= a.centerY - 1 || b.top >= a.top) continue;
          along = Math.max(0, a.top - b.bottom);
          side = gapX;
          break;
        case 'right':
          if (b.centerX <= a.centerX + 1 || b.right <= a.right) continue;
          along = Math.max(0, b.left - a.right);
          side = gapY;
          break;
        case 'left':
          if (b.centerX >= a.centerX - 1 || b.left >= a.left) continue;
          along = Math.max(0, a.left - b.right);
          side = gapY;
          break;
      }
      const centre = direction === 'up' || direction === 'down' ? Math.abs(b.centerX - a.centerX) : Math.abs(b.centerY - a.centerY);
      const score = along + 2 * side + centre * 0.01;
      if (score < bestScore) {
        bestScore = score;
        best = w;
      }
    }
    return best;
  }
}
