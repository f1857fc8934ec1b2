/**
 * One keyboard listener per scene, shared by everything in it that handles keys: the help
 * overlay, the focus list and the scene's own hotkeys. Listeners run from the highest priority
 * down; the first one that returns true has handled the key and the rest never see it. That is
 * how an open help panel silences the scene's other keys, and how Esc closes the panel without
 * also leaving the scene.
 *
 * The listener is removed when the scene shuts down, and a restarted scene gets a fresh router,
 * so nothing is ever bound twice.
 *
 *   KeyRouter.of(this).add((e) => { if (e.key === ' ') { togglePause(); return true; } return false; });
 */
import * as Phaser from 'phaser';

/** Returns true when it handled the key. */
export type KeyListener = (event: KeyboardEvent) => boolean;

/** Priorities used by the UI kit; scene hotkeys use the default (0) or anything between. */
export const KeyPriority = {
  /** The help overlay: first to see every key. */
  overlay: 1000,
  /** The focused widget and navigation among widgets. */
  focus: 100,
  /** Scene hotkeys (the default). */
  scene: 0,
} as const;

/**
 * Keys whose browser default must never happen while the game has the keyboard: Tab would move
 * the page's focus off the canvas, Space and the arrows would scroll, Backspace might go back.
 */
const CAPTURED = new Set(['Tab', ' ', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Backspace', 'Enter', 'PageUp', 'PageDown', 'Home', 'End']);

interface Entry {
  readonly listener: KeyListener;
  readonly priority: number;
  readonly order: number;
}

const routers = new WeakMap<Phaser.Scene, KeyRouter>();

export class KeyRouter {
  private entries: Entry[] = [];
  private counter = 0;

  /** The router of a scene, created on first use (in or after `create()`). */
  static of(scene: Phaser.Scene): KeyRouter {
    let r = routers.get(scene);
    if (!r) {
      r = new KeyRouter(scene);
      routers.set(scene, r);
    }
    return r;
  }

  /*
   * The router listens to the page itself rather than through Phaser's keyboard plugin: that
   * plugin re-reads every key event queued since the last frame on each new event, so two quick
   * presses within one frame could deliver a key twice (a typed seed of 1 became 11).
   */
  private constructor(scene: Phaser.Scene) {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!scene.sys.canInput() || typedIntoPage(event)) return;
      if (CAPTURED.has(event.key) && !hasCommandModifier(event)) event.preventDefault();
      this.dispatch(event);
    };
    const target = typeof window === 'undefined' ? null : window;
    target?.addEventListener('keydown', onKeyDown);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      target?.removeEventListener('keydown', onKeyDown);
      this.entries = [];
      if (routers.get(scene) === this) routers.delete(scene);
    });
    scene.events.once(Phaser.Scenes.Events.DESTROY, () => target?.removeEventListener('keydown', onKeyDown));
  }

  /** Adds a listener; returns a function that removes it. */
  add(listener: KeyListener, priority: number = KeyPriority.scene): () => void {
    const entry: Entry = { listener, priority, order: this.counter++ };
    this.entries.push(entry);
    this.entries.sort((a, b) => b.priority - a.priority || a.order - b.order);
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
    };
  }

  /** Delivers a key as if it had been pressed (tests, on-screen key buttons). */
  dispatch(event: KeyboardEvent): boolean {
    for (const e of [...this.entries]) if (e.listener(event)) return true;
    return false;
  }
}

/** A key typed into a field of the page itself (not the canvas) belongs to that field. */
function typedIntoPage(event: KeyboardEvent): boolean {
  const t = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable === true);
}

/** True for a key pressed with Ctrl, Alt or Meta: browser shortcuts the game leaves alone. */
export function hasCommandModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.altKey || event.metaKey;
}
