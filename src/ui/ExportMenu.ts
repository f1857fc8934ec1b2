/**
 * A small menu over the scene, anchored at a corner: a title, one button per choice (each with a
 * letter key on its keycap) and a line saying how to close it. While open it takes every key
 * (through the scene's KeyRouter, above the scene's own keys and below the help overlay): ↑ ↓ or
 * Tab move, Enter chooses, a choice's letter chooses it at once, Esc or a click outside closes.
 * Choosing closes the menu first, so what the choice does sees the scene without it.
 *
 *   const menu = new ExportMenu(this, { title: 'Export', right: 1256, bottom: 630, choices: [...] });
 *   menu.open();
 */
import * as Phaser from 'phaser';
import { COLOR, CSS, HEIGHT, TEXT, WIDTH } from '../game/Theme';
import { Button } from './Button';
import { FocusList } from './FocusList';
import { hasCommandModifier, KeyRouter } from './KeyRouter';
import { RADIUS, widgetPalette } from './UiStyle';

export interface MenuChoice {
  readonly label: string;
  /** One letter, shown on the keycap; pressing it chooses. */
  readonly key: string;
  readonly onChoose: () => void;
}

export interface ExportMenuOptions {
  readonly title: string;
  readonly choices: readonly MenuChoice[];
  /** The panel's right and bottom edges, in design pixels. */
  readonly right: number;
  readonly bottom: number;
  readonly width?: number;
}

/** Above the scene's hotkeys and focus list, below the help overlay (1000). */
const MENU_PRIORITY = 500;
const DEPTH = 5_000;
const PAD = 20;
const BUTTON_H = 48;
const GAP = 10;

export class ExportMenu {
  private readonly root: Phaser.GameObjects.Container;
  private readonly focus: FocusList;
  private readonly buttons: Button[] = [];
  private readonly options: ExportMenuOptions;
  private openValue = false;

  constructor(scene: Phaser.Scene, options: ExportMenuOptions) {
    this.options = options;
    this.root = scene.add.container(0, 0).setDepth(DEPTH).setVisible(false);
    this.focus = new FocusList(scene, { onEscape: () => this.close(), autoFocus: false });
    this.focus.setEnabled(false);
    this.build(scene);
    const remove = KeyRouter.of(scene).add((e) => this.handleKey(e), MENU_PRIORITY);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, remove);
  }

  get isOpen(): boolean {
    return this.openValue;
  }

  /** Renames a choice (e.g. "This chart: Lead time") before opening. */
  setLabel(index: number, label: string): void {
    this.buttons[index]?.setLabel(label);
  }

  open(): void {
    if (this.openValue) return;
    this.openValue = true;
    this.root.setVisible(true);
    this.focus.setEnabled(true);
    this.focus.focus(this.buttons[0] ?? null);
  }

  close(): void {
    if (!this.openValue) return;
    this.openValue = false;
    this.focus.focus(null);
    this.focus.setEnabled(false);
    this.root.setVisible(false);
  }

  private choose(i: number): void {
    const c = this.options.choices[i];
    if (c === undefined) return;
    this.close();
    c.onChoose();
  }

  private handleKey(e: KeyboardEvent): boolean {
    if (!this.openValue || hasCommandModifier(e)) return false;
    // H belongs to the help overlay, which sits above this menu.
    const i = this.options.choices.findIndex((c) => c.key.toLowerCase() === e.key.toLowerCase());
    if (i >= 0 && !e.repeat) this.choose(i);
    else this.focus.handleKey(e);
    // Open: every key stops here, so the scene behind does not react.
    return true;
  }

  private build(scene: Phaser.Scene): void {
    const p = widgetPalette();
    const o = this.options;
    const w = o.width ?? 360;
    const title = scene.add.text(0, 0, o.title, TEXT.heading);
    const hint = scene.add.text(0, 0, 'Esc or a click outside closes this', { ...TEXT.small, color: CSS.muted });
    const h = PAD + Math.ceil(title.height) + 14 + o.choices.length * (BUTTON_H + GAP) - GAP + 14 + Math.ceil(hint.height) + PAD;
    const x = Math.round(o.right - w), y = Math.round(o.bottom - h);

    const scrim = scene.add.rectangle(0, 0, WIDTH, HEIGHT, COLOR.scrim, 0.5).setOrigin(0, 0).setInteractive();
    scrim.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => this.close());
    // The panel itself swallows clicks between its buttons.
    const panelHit = scene.add.zone(x, y, w, h).setOrigin(0, 0).setInteractive();
    const g = scene.add.graphics();
    g.fillStyle(0x000000, 0.4).fillRoundedRect(x + 4, y + 6, w, h, RADIUS + 4);
    g.fillStyle(p.face === COLOR.panelRaised ? COLOR.panel : p.face, 1).fillRoundedRect(x, y, w, h, RADIUS + 4);
    g.lineStyle(2, p.ring, 1).strokeRoundedRect(x + 1, y + 1, w - 2, h - 2, RADIUS + 4);
    title.setPosition(x + PAD, y + PAD);
    this.root.add([scrim, panelHit, g, title]);

    let by = y + PAD + Math.ceil(title.height) + 14;
    o.choices.forEach((c, i) => {
      const b = new Button(scene, x + PAD, by, { label: c.label, keycap: c.key.toUpperCase(), width: w - 2 * PAD, height: BUTTON_H, align: 'left', onActivate: () => this.choose(i) });
      this.root.add(b);
      this.focus.add(b);
      this.buttons.push(b);
      by += BUTTON_H + GAP;
    });
    hint.setPosition(x + PAD, by - GAP + 14);
    this.root.add(hint);
  }
}
