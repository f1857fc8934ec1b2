/**
 * The row for changing levers mid-run in Compare (trainer mode and sandbox): which side
 * ([A] [B]), which lever (‹ name ›) and its setting (− value +). Every part is clickable and
 * shows the key that does the same (← → side, ↑ ↓ lever, + − setting), so the mouse teaches the
 * keys. It only reports intents; the scene asks the run and shows the result with `show`.
 */
import * as Phaser from 'phaser';
import { COLOR, CSS, TEXT } from '../../game/Theme';
import { setFittedText } from '../UiStyle';

export interface LeverBarHandlers {
  readonly onSide: (side: 'a' | 'b') => void;
  readonly onLever: (delta: 1 | -1) => void;
  readonly onValue: (delta: 1 | -1) => void;
}

export interface LeverBarState {
  readonly side: 'a' | 'b';
  readonly lever: string;
  readonly value: string;
  /** The last answer: a refusal in plain words, or what changed. */
  readonly message: string;
  readonly refused: boolean;
}

const H = 40;

interface Box {
  readonly g: Phaser.GameObjects.Graphics;
  readonly x: number;
  readonly w: number;
  hover: boolean;
  active: boolean;
}

export class LeverBar {
  private readonly boxes = new Map<string, Box>();
  /** Everything the bar drew, to hide it when no lever can move any more. */
  private readonly parts: (Phaser.GameObjects.GameObject & { setVisible(v: boolean): unknown })[] = [];
  private readonly lever: Phaser.GameObjects.Text;
  private readonly value: Phaser.GameObjects.Text;
  private readonly message: Phaser.GameObjects.Text;
  private readonly y: number;
  private readonly leverW: number;
  private readonly valueW: number;

  constructor(private readonly scene: Phaser.Scene, x: number, y: number, width: number, handlers: LeverBarHandlers) {
    this.y = y;
    let cx = x;
    const label = this.own(scene.add.text(cx, y + H / 2, 'Change now', { ...TEXT.label, color: CSS.accentSoft, fontStyle: 'bold' }).setOrigin(0, 0.5));
    cx += Math.ceil(label.width) + 14;
    cx = this.box('a', cx, 44, 'A', () => handlers.onSide('a')) + 6;
    cx = this.box('b', cx, 44, 'B', () => handlers.onSide('b')) + 16;
    cx = this.box('prev', cx, 36, '‹', () => handlers.onLever(-1)) + 6;
    this.leverW = 250;
    this.drawField(cx, this.leverW);
    this.lever = this.own(scene.add.text(cx + 8, y + H / 2, '', { ...TEXT.label, color: CSS.text, fontStyle: 'bold' }).setOrigin(0, 0.5));
    cx += this.leverW + 6;
    cx = this.box('next', cx, 36, '›', () => handlers.onLever(1)) + 16;
    cx = this.box('down', cx, 36, '−', () => handlers.onValue(-1)) + 6;
    this.valueW = 250;
    this.drawField(cx, this.valueW);
    this.value = this.own(scene.add.text(cx + this.valueW / 2, y + H / 2, '', { ...TEXT.label, color: CSS.text, fontStyle: 'bold' }).setOrigin(0.5, 0.5));
    cx += this.valueW + 6;
    cx = this.box('up', cx, 36, '+', () => handlers.onValue(1)) + 16;
    this.message = this.own(scene.add.text(cx, y + H / 2, '', TEXT.label).setOrigin(0, 0.5));
    this.messageW = x + width - cx;
  }

  private readonly messageW: number;

  show(state: LeverBarState): void {
    for (const side of ['a', 'b'] as const) this.setActive(side, state.side === side);
    setFittedText(this.lever, state.lever, this.leverW - 16);
    setFittedText(this.value, state.value, this.valueW - 8);
    setFittedText(this.message, state.message, this.messageW);
    this.message.setColor(state.refused ? CSS.warning : CSS.muted);
  }

  /** Shows or hides the whole bar (its buttons stop taking clicks while hidden). */
  setVisible(visible: boolean): void {
    for (const p of this.parts) p.setVisible(visible);
  }

  private own<T extends Phaser.GameObjects.GameObject & { setVisible(v: boolean): unknown }>(obj: T): T {
    this.parts.push(obj);
    return obj;
  }

  /** The well a lever's name or setting sits in. */
  private drawField(x: number, w: number): void {
    const g = this.own(this.scene.add.graphics());
    g.fillStyle(COLOR.panel, 1).fillRoundedRect(x, this.y, w, H, 6);
    g.lineStyle(1, COLOR.panelStroke, 1).strokeRoundedRect(x + 0.5, this.y + 0.5, w - 1, H - 1, 6);
  }

  private box(id: string, x: number, w: number, text: string, onPress: () => void): number {
    const g = this.own(this.scene.add.graphics());
    const b: Box = { g, x, w, hover: false, active: false };
    this.own(this.scene.add.text(x + w / 2, this.y + H / 2, text, { ...TEXT.button }).setOrigin(0.5, 0.5).setDepth(1));
    // A hidden zone takes no pointer input (Phaser skips invisible game objects when hit testing).
    const zone = this.own(this.scene.add.zone(x, this.y, w, H).setOrigin(0).setInteractive({ useHandCursor: true }));
    zone.on(Phaser.Input.Events.POINTER_DOWN, onPress);
    zone.on(Phaser.Input.Events.POINTER_OVER, () => {
      b.hover = true;
      this.paint(b);
    });
    zone.on(Phaser.Input.Events.POINTER_OUT, () => {
      b.hover = false;
      this.paint(b);
    });
    this.boxes.set(id, b);
    this.paint(b);
    return x + w;
  }

  private setActive(id: string, active: boolean): void {
    const b = this.boxes.get(id);
    if (b === undefined || b.active === active) return;
    b.active = active;
    this.paint(b);
  }

  private paint(b: Box): void {
    const g = b.g.clear();
    g.fillStyle(b.active ? COLOR.accent : b.hover ? COLOR.panelStroke : COLOR.panelRaised, 1).fillRoundedRect(b.x, this.y, b.w, H, 6);
    // The chosen side is also outlined thickly: not told by colour alone.
    g.lineStyle(b.active ? 3 : 1, b.active ? COLOR.text : COLOR.panelStroke, 1).strokeRoundedRect(b.x + 0.5, this.y + 0.5, b.w - 1, H - 1, 6);
  }
}
