/**
 * How a number moved from one round to the next, in the words the debrief uses: "rose 12%",
 * "fell 40%", "held". A move of 5% or less (after rounding to a whole percent) counts as held,
 * so noise does not read as news.
 */

export type Direction = 'rose' | 'fell' | 'held';

export interface Change {
  direction: Direction;
  /** Whole percent of the previous value; null when the previous value was 0 and the new one is not. */
  percent: number | null;
}

/** Moves of this many whole percent or fewer are "held". */
export const HELD_PERCENT = 5;

/** The change from `previous` to `current`; null when either is missing or not a finite number. */
export function relativeChange(previous: number | null, current: number | null): Change | null {
  if (previous === null || current === null || !Number.isFinite(previous) || !Number.isFinite(current)) return null;
  if (previous === current) return { direction: 'held', percent: 0 };
  if (previous === 0) return { direction: current > 0 ? 'rose' : 'fell', percent: null };
  const percent = Math.round((Math.abs(current - previous) / Math.abs(previous)) * 100);
  if (percent <= HELD_PERCENT) return { direction: 'held', percent };
  return { direction: current > previous ? 'rose' : 'fell', percent };
}

/** "rose 12%", "fell 40%", "held", "rose from 0". */
export function describeChange(c: Change): string {
  if (c.direction === 'held') return 'held';
  return c.percent === null ? `${c.direction} from 0` : `${c.direction} ${c.percent}%`;
}
