/**
 * Letters typed into a text field must reach the field, not the scene's letter keys: H (help) and
 * N (notes) are listened for above the focus list. This listener sits above them and hands a
 * printable key straight to the focused field; with a button highlighted, H and N work as usual.
 */
import * as Phaser from 'phaser';
import { hasCommandModifier, KeyPriority, KeyRouter } from './KeyRouter';
import type { TextField } from './TextField';

export function letFieldsTakeLetters(scene: Phaser.Scene, fields: readonly TextField[], blocked: () => boolean): void {
  const remove = KeyRouter.of(scene).add((e) => {
    if (blocked() || hasCommandModifier(e) || e.key.length !== 1) return false;
    const field = fields.find((f) => f.focused);
    return field !== undefined && field.handleKey(e);
  }, KeyPriority.overlay + 1);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, remove);
}
