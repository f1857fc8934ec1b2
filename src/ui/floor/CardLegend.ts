/**
 * The key to the floor under it: each type of work as its card (colour and symbol), then the
 * marks a card can carry (blocked, rework, late, set aside by an incident) and an empty WIP slot.
 */
import type * as Phaser from 'phaser';
import { TEXT } from '../../game/Theme';
import { CARD_ATLAS, cardFace, cardKind, makeCardTextures, MARK, TEXTURE_RES } from './CardTextures';

export class CardLegend {
  constructor(scene: Phaser.Scene, x: number, y: number, width: number, types: readonly { name: string; kind: string }[]) {
    makeCardTextures(scene);
    const entries: { frame: string; label: string }[] = [
      ...types.map((t) => ({ frame: cardFace(cardKind(t.kind)), label: t.name })),
      { frame: cardFace('custom', 'blocked'), label: 'blocked' },
      { frame: cardFace('custom', null, 'rework'), label: 'rework' },
      { frame: cardFace('custom', null, 'late'), label: 'late' },
      { frame: cardFace('custom', 'paused'), label: 'set aside' },
      { frame: MARK.slot, label: 'free WIP slot' },
    ];
    const parts = entries.map((e) => {
      const img = scene.add.image(0, y + 11, CARD_ATLAS, e.frame).setScale(1 / TEXTURE_RES);
      const label = scene.add.text(0, y + 1, e.label, TEXT.label);
      return { img, label, w: 26 + 6 + Math.ceil(label.width) };
    });
    const gap = 18;
    const total = parts.reduce((a, p) => a + p.w, 0) + gap * (parts.length - 1);
    let cx = x + Math.max(0, Math.round((width - total) / 2));
    for (const p of parts) {
      p.img.setX(cx + 13);
      p.label.setX(cx + 32);
      cx += p.w + gap;
    }
  }
}
