import { expect } from 'vitest';
import type { GameContext } from '../../src/game/GameContext';

/** Plays the context's session through every round, as things stand, to the end of the game. */
export function playThrough(ctx: GameContext): void {
  const s = ctx.session!;
  for (;;) {
    s.startRound();
    s.endRound();
    if (s.phase !== 'review') break;
    s.nextRound();
  }
  expect(s.phase).toBe('finished');
}
