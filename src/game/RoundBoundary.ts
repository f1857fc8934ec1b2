/**
 * Where one round stops and the next begins. The engine applies a command before every other
 * event at its instant, so the decisions taken between rounds must reach the run before the
 * events at the next round's start. A round therefore plays every event strictly before its
 * end: the run stops at the largest time below the boundary, and the next round's commands,
 * stamped at the boundary, come first there. This is exactly the run `new Simulation(model,
 * { seed, commands })` plays, so every game replays from scenario + seed + commands. Rounds are
 * windows [start, end).
 */
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The largest double below t (t itself when t <= 0: nothing happens before time 0). */
export function justBefore(t: number): number {
  if (!(t > 0) || !Number.isFinite(t)) return Math.max(0, t);
  f64[0] = t;
  u64[0] = u64[0]! - 1n;
  return f64[0];
}

/** The smallest double above t (t >= 0): where a decision made at t goes, after everything at t. */
export function justAfter(t: number): number {
  if (t === 0) return Number.MIN_VALUE;
  f64[0] = t;
  u64[0] = u64[0]! + 1n;
  return f64[0];
}
