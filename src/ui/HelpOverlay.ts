/**
 * The help panel every scene has: H opens a centred panel listing the scene's keys; H, Esc or
 * Enter (or a click anywhere) closes it. While it is open it takes every key first (through the
 * scene's KeyRouter) and a scrim catches the pointer, so nothing behind it reacts; `isOpen` tells
 * a scene's own update loop the same.
 *
 *   const help = new HelpOverlay(this, { title: 'Scenario select', keys: [['↑ ↓', 'choose a scenario'], ...] });
 */
import * as Phaser from 'phaser';
import { COLOR, CSS, HEIGHT, TEXT, WIDTH } from '../game/Theme';
import { hasCommandModifier, KeyPriority, KeyRouter } from './KeyRouter';
import { widgetPalette } from './UiStyle';
import { drawModalPanel } from './ModalPanel';

export type HelpKey = readonly [key: string, what: string];

export interface HelpOverlayOptions {
  /** Panel heading; default "Keys". */
  readonly title?: string;
  readonly keys: readonly HelpKey[];
  /** An optional line under the list (e.g. "The mouse works too: hover and click."). */
  readonly note?: string;
  /** Called after the panel opens or closes. */
  readonly onToggle?: (open: boolean) => void;
}

/** Keys every help panel ends with. */
export const HELP_KEY: HelpKey = ['H', 'show or hide this help'];

const DEPTH = 10_000;
const ROW_H = 38;
const CAP_H = 30;
const PAD = 32;
const MAX_ROWS_PER_COLUMN = 11;

export class HelpOverlay {
  private readonly root: Phaser.GameObjects.Container;
  private readonly options: HelpOverlayOptions;
  private openValue = false;

  constructor(scene: Phaser.Scene, options: HelpOverlayOptions) {
    this.options = options;
    this.root = scene.add.container(0, 0).setDepth(DEPTH).setVisible(false);
    this.build(scene);
    const remove = KeyRouter.of(scene).add((e) => this.handleKey(e), KeyPriority.overlay);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, remove);
  }

  get isOpen(): boolean {
    return this.openValue;
  }

  open(): void {
    this.setOpen(true);
  }

  close(): void {
    this.setOpen(false);
  }

  toggle(): void {
    this.setOpen(!this.openValue);
  }

  private setOpen(open: boolean): void {
    if (open === this.openValue) return;
    this.openValue = open;
    this.root.setVisible(open);
    this.options.onToggle?.(open);
  }

  private handleKey(e: KeyboardEvent): boolean {
    if (hasCommandModifier(e)) return false;
    const isH = e.key === 'h' || e.key === 'H';
    if (!this.openValue) {
      if (isH && !e.repeat) {
        this.open();
        return true;
      }
      return false;
    }
    if (!e.repeat && (isH || e.key === 'Escape' || e.key === 'Enter')) this.close();
    // Open: every key stops here.
    return true;
  }

  private build(scene: Phaser.Scene): void {
    const p = widgetPalette();
    const keys = [...this.options.keys, HELP_KEY];
    const columns = keys.length > MAX_ROWS_PER_COLUMN ? 2 : 1;
    const perColumn = Math.ceil(keys.length / columns);

    // Measure first so the panel fits its content.
    const capStyle = { ...TEXT.keycap, color: p.text };
    const rows = keys.map(([key, what]) => ({
      cap: scene.add.text(0, 0, key, capStyle).setOrigin(0.5, 0.5),
      what: scene.add.text(0, 0, what, { ...TEXT.body, color: p.text }).setOrigin(0, 0.5),
    }));
    // Each column sizes its key caps to its own widest one; a description too long for its column
    // wraps onto a second line (its row grows) rather than being cut short.
    const colOf = (i: number) => Math.floor(i / perColumn);
    const capW = Array.from({ length: columns }, (_, c) => Math.max(56, ...rows.filter((_, i) => colOf(i) === c).map((r) => Math.ceil(r.cap.width) + 20)));
    const colW = Math.min(columns === 1 ? 720 : 540, Math.max(...capW) + 16 + Math.max(...rows.map((r) => Math.ceil(r.what.width))));
    rows.forEach((r, i) => r.what.setWordWrapWidth(colW - capW[colOf(i)]! - 16));
    const rowH = rows.map((r) => Math.max(ROW_H, Math.ceil(r.what.height) + 12));
    const rowTop = rowH.map((_, i) => rowH.slice(colOf(i) * perColumn, i).reduce((a, b) => a + b, 0));
    const listH = Math.max(...rowH.map((hh, i) => rowTop[i]! + hh));
    const colGap = 40;
    const title = scene.add.text(0, 0, this.options.title ?? 'Keys', TEXT.heading).setOrigin(0, 0);
    const close = scene.add.text(0, 0, 'H, Esc or a click closes this', TEXT.small).setOrigin(1, 0);
    const innerW = Math.max(columns * colW + (columns - 1) * colGap, Math.ceil(title.width) + Math.ceil(close.width) + 40);
    const note = this.options.note ? scene.add.text(0, 0, this.options.note, { ...TEXT.small, wordWrap: { width: Math.min(innerW, WIDTH - 96 - 2 * PAD) } }) : null;
    const w = Math.min(WIDTH - 96, innerW + 2 * PAD);
    const listTop = PAD + Math.ceil(title.height) + 20;
    const h = Math.min(HEIGHT - 64, listTop + listH + (note ? 16 + Math.ceil(note.height) : 0) + PAD);
    const x = Math.round((WIDTH - w) / 2), y = Math.round((HEIGHT - h) / 2);

    const { scrim, g } = drawModalPanel(scene, { x, y, w, h }, p.ring, () => this.close());
    title.setPosition(x + PAD, y + PAD);
    close.setPosition(x + w - PAD, y + PAD + 4).setColor(CSS.muted);
    g.lineStyle(1, COLOR.panelStroke, 1).lineBetween(x + PAD, y + listTop - 10, x + w - PAD, y + listTop - 10);
    this.root.add([scrim, g, title, close]);

    rows.forEach((r, i) => {
      const col = colOf(i);
      const cx = x + PAD + col * (colW + colGap);
      const cy = y + listTop + rowTop[i]! + rowH[i]! / 2;
      const cw = Math.max(CAP_H, Math.ceil(r.cap.width) + 20);
      g.fillStyle(COLOR.panelRaised, 1).fillRoundedRect(cx, cy - CAP_H / 2, cw, CAP_H, 5);
      g.lineStyle(1, p.stroke, 1).strokeRoundedRect(cx + 0.5, cy - CAP_H / 2 + 0.5, cw - 1, CAP_H - 1, 5);
      r.cap.setPosition(cx + cw / 2, cy);
      r.what.setPosition(cx + capW[col]! + 16, cy);
      this.root.add([r.cap, r.what]);
    });
    if (note) {
      note.setPosition(x + PAD, y + listTop + listH + 16).setColor(CSS.muted);
      this.root.add(note);
    }
  }
}
