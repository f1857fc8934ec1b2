/**
 * The facilitator's notes for the scene on show: N opens a panel with what to say or ask here;
 * N, Esc or a click closes it. Like the help overlay it takes every key while open, so nothing
 * behind it reacts; the help overlay (H) still comes first. Every scene lists N in its help.
 *
 *   const notes = new PresenterNotes(this, MENU_NOTES.title);
 */
import * as Phaser from 'phaser';
import { COLOR, CSS, FONT_FAMILY, HEIGHT, TEXT, WIDTH } from '../game/Theme';
import type { PresenterNote } from '../game/facilitator/PresenterNotesText';
import type { HelpKey } from './HelpOverlay';
import { hasCommandModifier, KeyPriority, KeyRouter } from './KeyRouter';
import { RADIUS, widgetPalette } from './UiStyle';

/** The line every scene's help adds. */
export const NOTES_KEY: HelpKey = ['N', 'presenter notes: what to say here'];

const DEPTH = 9_000;
const PAD = 32;
const MAX_W = 1040;

export class PresenterNotes {
  private root: Phaser.GameObjects.Container;
  private openValue = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private note: PresenterNote,
  ) {
    this.root = this.build();
    // Below the help overlay, above the scene's widgets.
    const remove = KeyRouter.of(scene).add((e) => this.handleKey(e), KeyPriority.overlay - 1);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, remove);
  }

  get isOpen(): boolean {
    return this.openValue;
  }

  /** The text on show (read by tests through the scene). */
  get text(): string {
    return this.note.text;
  }

  /** New notes (e.g. another round); redrawn if open. */
  setNote(note: PresenterNote): void {
    this.note = note;
    this.root.destroy();
    this.root = this.build();
    this.root.setVisible(this.openValue);
  }

  toggle(): void {
    this.openValue = !this.openValue;
    this.root.setVisible(this.openValue);
  }

  private handleKey(e: KeyboardEvent): boolean {
    if (hasCommandModifier(e)) return false;
    const isN = e.key === 'n' || e.key === 'N';
    if (!this.openValue) {
      if (isN && !e.repeat) {
        this.toggle();
        return true;
      }
      return false;
    }
    // Open: H still reaches the help overlay above; everything else stops here.
    if (e.key === 'h' || e.key === 'H') return false;
    if (!e.repeat && (isN || e.key === 'Escape' || e.key === 'Enter')) this.toggle();
    return true;
  }

  private build(): Phaser.GameObjects.Container {
    const scene = this.scene;
    const p = widgetPalette();
    const root = scene.add.container(0, 0).setDepth(DEPTH).setVisible(false);
    const innerW = MAX_W - 2 * PAD;
    const title = scene.add.text(0, 0, this.note.title, TEXT.heading);
    const close = scene.add.text(0, 0, 'N, Esc or a click closes this', { ...TEXT.small, color: CSS.muted }).setOrigin(1, 0);
    const room = HEIGHT - 64 - 2 * PAD - 60;
    // Long notes step down to the minimum size rather than run off the panel.
    let body!: Phaser.GameObjects.Text;
    for (const size of [20, 18, 16]) {
      body?.destroy();
      body = scene.add.text(0, 0, this.note.text, { fontFamily: FONT_FAMILY, fontSize: `${size}px`, color: p.text, wordWrap: { width: innerW, useAdvancedWrap: true }, lineSpacing: 5, resolution: TEXT.body.resolution ?? 1 });
      if (body.height <= room) break;
    }
    const h = Math.min(HEIGHT - 64, PAD + Math.ceil(title.height) + 24 + Math.ceil(body.height) + PAD);
    const w = MAX_W;
    const x = Math.round((WIDTH - w) / 2), y = Math.round((HEIGHT - h) / 2);
    const scrim = scene.add.rectangle(0, 0, WIDTH, HEIGHT, COLOR.scrim, 0.72).setOrigin(0, 0).setInteractive();
    scrim.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => this.openValue && this.toggle());
    const g = scene.add.graphics();
    g.fillStyle(p.face === COLOR.panelRaised ? COLOR.panel : p.face, 1).fillRoundedRect(x, y, w, h, RADIUS + 4);
    g.lineStyle(2, COLOR.good, 1).strokeRoundedRect(x + 1, y + 1, w - 2, h - 2, RADIUS + 4);
    title.setPosition(x + PAD, y + PAD);
    close.setPosition(x + w - PAD, y + PAD + 4);
    const listTop = y + PAD + Math.ceil(title.height) + 12;
    g.lineStyle(1, COLOR.panelStroke, 1).lineBetween(x + PAD, listTop, x + w - PAD, listTop);
    body.setPosition(x + PAD, listTop + 12);
    root.add([scrim, g, title, close, body]);
    return root;
  }
}
