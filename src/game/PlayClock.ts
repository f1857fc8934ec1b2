/**
 * Real-time pacing for a round: how far the sim clock should move for a frame, from the speed
 * and the real time that passed. It decides only *when* the engine advances, never what happens.
 * "max" runs as fast as the engine goes, in slices of a few milliseconds so the page stays live.
 */
export const SPEED_STEPS = [1, 2, 4, 16, 'max'] as const;
export type PlaySpeed = (typeof SPEED_STEPS)[number];

export function speedLabel(s: PlaySpeed): string {
  return s === 'max' ? 'Max' : `${s}×`;
}

export class PlayClock {
  speed: PlaySpeed;
  paused = false;

  constructor(
    /** Sim time units per real second at 1x. */
    readonly unitsPerSecond: number,
    speed: PlaySpeed = 1,
    /** A longer frame (a hidden tab, a debugger pause) counts as this long, so the run never jumps. */
    private readonly maxFrameMs = 250,
  ) {
    this.speed = speed;
  }

  /** Sim time to add this frame; Infinity means "as far as the time slice allows" (max speed). */
  advance(deltaMs: number): number {
    if (this.paused || !(deltaMs > 0)) return 0;
    if (this.speed === 'max') return Infinity;
    return (Math.min(deltaMs, this.maxFrameMs) / 1000) * this.unitsPerSecond * this.speed;
  }

  faster(): void {
    const i = SPEED_STEPS.indexOf(this.speed);
    this.speed = SPEED_STEPS[Math.min(SPEED_STEPS.length - 1, i + 1)]!;
  }

  slower(): void {
    const i = SPEED_STEPS.indexOf(this.speed);
    this.speed = SPEED_STEPS[Math.max(0, i - 1)]!;
  }
}
