/**
 * The workshop code of the scenario and seed on screen, large enough to read from the back of a
 * room, right-aligned in the header: what teams type under "Join a workshop". Shown to trainers.
 */
import type * as Phaser from 'phaser';
import { CSS, FONT_FAMILY, TEXT } from '../game/Theme';
import { workshopCode } from '../game/facilitator/WorkshopCode';

export class WorkshopCodeBadge {
  private readonly label: Phaser.GameObjects.Text;
  private readonly code: Phaser.GameObjects.Text;

  /** (x, y): the top-right corner. */
  constructor(scene: Phaser.Scene, x: number, y: number) {
    this.label = scene.add.text(x, y, '', { ...TEXT.sectionLabel, color: CSS.good }).setOrigin(1, 0);
    this.code = scene.add.text(x, y + 20, '', { fontFamily: FONT_FAMILY, fontSize: '38px', fontStyle: 'bold', color: CSS.hcText, resolution: TEXT.body.resolution ?? 1 }).setOrigin(1, 0);
  }

  /** The code now on show ('' when none). */
  get text(): string {
    return this.code.text;
  }

  show(scenarioId: string | null, seed: number | null, sandbox: boolean): void {
    const code = scenarioId === null || seed === null || sandbox ? null : workshopCode(scenarioId, seed);
    this.label.setText(code === null ? (sandbox ? 'NO WORKSHOP CODE FOR A SANDBOX' : 'TYPE A SEED FOR A WORKSHOP CODE') : 'WORKSHOP CODE · N: PRESENTER NOTES');
    this.code.setText(code ?? '');
  }
}
