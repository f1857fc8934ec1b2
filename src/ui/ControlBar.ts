/**
 * The row of play controls: keycap buttons that work by mouse or touch and show their key, so
 * the keyboard shortcut is learnt by using the mouse. One can be lit (the current speed, pause).
 */
import * as Phaser from 'phaser';
import { COLOR, CSS, TEXT } from '../game/Theme';

export interface ControlSpec {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly onPress: () => void;
}

interface Control {
  readonly g: Phaser.GameObjects.Graphics;
  readonly label: Phaser.GameObjects.Text;
  readonly keyText: Phaser.GameObjects.Text;
  readonly x: number;
  readonly w: number;
  active: boolean;
  hover: boolean;
}

const H = 40;
const GAP = 8;

export class ControlBar {
  private readonly controls = new Map<string, Control>();
  private readonly y: number;

  constructor(scene: Phaser.Scene, centerX: number, centerY: number, specs: readonly ControlSpec[]) {
    this.y = Math.round(centerY - H / 2);
    const made = specs.map((s) => {
      const keyText = scene.add.text(0, 0, s.key, { ...TEXT.label }).setOrigin(0, 0.5).setDepth(1);
      const label = scene.add.text(0, 0, s.label, { ...TEXT.label, color: CSS.text, fontStyle: 'bold' }).setOrigin(0, 0.5).setDepth(1);
      const w = Math.ceil(keyText.width + label.width) + 34;
      return { s, keyText, label, w };
    });
    const total = made.reduce((a, m) => a + m.w, 0) + GAP * (made.length - 1);
    let x = Math.round(centerX - total / 2);
    for (const m of made) {
      const g = scene.add.graphics();
      m.keyText.setPosition(x + 12, centerY);
      m.label.setPosition(x + 12 + m.keyText.width + 8, centerY);
      const c: Control = { g, label: m.label, keyText: m.keyText, x, w: m.w, active: false, hover: false };
      const zone = scene.add.zone(x, this.y, m.w, H).setOrigin(0).setInteractive({ useHandCursor: true });
      zone.on(Phaser.Input.Events.POINTER_DOWN, () => m.s.onPress());
      zone.on(Phaser.Input.Events.POINTER_OVER, () => {
        c.hover = true;
        this.paint(c);
      });
      zone.on(Phaser.Input.Events.POINTER_OUT, () => {
        c.hover = false;
        this.paint(c);
      });
      this.controls.set(m.s.id, c);
      this.paint(c);
      x += m.w + GAP;
    }
  }

  setActive(id: string, active: boolean): void {
    const c = this.controls.get(id);
    if (c === undefined || c.active === active) return;
    c.active = active;
    this.paint(c);
  }

  private paint(c: Control): void {
    const g = c.g.clear();
    const fill = c.active ? COLOR.accent : c.hover ? COLOR.panelStroke : COLOR.panelRaised;
    g.fillStyle(fill, 1).fillRoundedRect(c.x, this.y, c.w, H, 6);
    g.lineStyle(1, c.active ? COLOR.accent : COLOR.panelStroke, 1).strokeRoundedRect(c.x + 0.5, this.y + 0.5, c.w - 1, H - 1, 6);
    c.label.setColor(c.active ? CSS.background : CSS.text);
    c.keyText.setColor(c.active ? CSS.background : CSS.muted);
  }
}
