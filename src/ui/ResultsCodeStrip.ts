/**
 * The results code at the foot of the last debrief: a label and the code as plain text (never cut:
 * it steps down to 16 px instead). Clicking the code, or the C key, copies it when the browser
 * allows it, and says plainly when it does not.
 */
import * as Phaser from 'phaser';
import { CSS, FONT_FAMILY, TEXT } from '../game/Theme';
import type { HelpKey } from './HelpOverlay';
import { hasCommandModifier, KeyRouter } from './KeyRouter';

export const COPY_KEY: HelpKey = ['C', 'copy the results code for the facilitator'];

export class ResultsCodeStrip {
  private readonly label: Phaser.GameObjects.Text;
  private readonly base = 'RESULTS CODE · C or a click copies it';

  /** (x, y): the top-left corner; at most 64 px tall. */
  constructor(scene: Phaser.Scene, x: number, y: number, width: number, readonly code: string) {
    this.label = scene.add.text(x, y, this.base, TEXT.sectionLabel);
    const text = scene.add.text(x, y + 20, code, { fontFamily: FONT_FAMILY, fontSize: '20px', fontStyle: 'bold', color: CSS.hcText, resolution: TEXT.body.resolution ?? 1, lineSpacing: 0 });
    for (const size of [18, 16]) if (text.width > width) text.setFontSize(`${size}px`);
    // Still too wide: two lines, halves of the code (copying takes the whole code either way).
    if (text.width > width) text.setText(`${code.slice(0, Math.ceil(code.length / 2))}\n${code.slice(Math.ceil(code.length / 2))}`).setY(y + 18);
    if (this.label.width > width) this.label.setText('RESULTS CODE · C COPIES');
    text.setInteractive({ useHandCursor: true }).on(Phaser.Input.Events.GAMEOBJECT_POINTER_UP, () => void this.copy());
    KeyRouter.of(scene).add((e) => {
      if (hasCommandModifier(e) || (e.key !== 'c' && e.key !== 'C')) return false;
      void this.copy();
      return true;
    });
  }

  private async copy(): Promise<void> {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    try {
      if (clipboard === undefined) throw new Error('no clipboard');
      await clipboard.writeText(this.code);
      this.say('RESULTS CODE · copied: paste it into a message to the facilitator', CSS.good);
    } catch {
      this.say('RESULTS CODE · this browser will not copy: type it into your message', CSS.warning);
    }
  }

  private say(text: string, color: string): void {
    if (this.label.active) this.label.setText(text).setColor(color);
  }
}
