/**
 * The surface of a panel shown over a whole screen (help, a refused file's problems): a scrim
 * that dims the screen and catches the pointer (a click on it calls `onScrimClick`), then a
 * raised, rounded panel with a soft shadow and a 2 px ring.
 */
import * as Phaser from 'phaser';
import { COLOR, HEIGHT, WIDTH } from '../game/Theme';
import { RADIUS, widgetPalette } from './UiStyle';

export function drawModalPanel(
  scene: Phaser.Scene,
  box: { readonly x: number; readonly y: number; readonly w: number; readonly h: number },
  ring: number,
  onScrimClick: () => void,
): { readonly scrim: Phaser.GameObjects.Rectangle; readonly g: Phaser.GameObjects.Graphics } {
  const { x, y, w, h } = box;
  const p = widgetPalette();
  const scrim = scene.add.rectangle(0, 0, WIDTH, HEIGHT, COLOR.scrim, 0.72).setOrigin(0, 0).setInteractive();
  scrim.on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, onScrimClick);
  const g = scene.add.graphics();
  g.fillStyle(0x000000, 0.4).fillRoundedRect(x + 4, y + 6, w, h, RADIUS + 4);
  g.fillStyle(p.face === COLOR.panelRaised ? COLOR.panel : p.face, 1).fillRoundedRect(x, y, w, h, RADIUS + 4);
  g.lineStyle(2, ring, 1).strokeRoundedRect(x + 1, y + 1, w - 2, h - 2, RADIUS + 4);
  return { scrim, g };
}
