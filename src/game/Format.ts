/** How numbers read on screen. Plain functions, no Phaser, so they are easy to test. */

export const NO_VALUE = '—';

export function fixed(x: number | null, digits: number): string {
  return x === null || !Number.isFinite(x) ? NO_VALUE : x.toFixed(digits);
}

export function percent(x: number | null): string {
  return x === null || !Number.isFinite(x) ? NO_VALUE : `${Math.round(x * 100)}%`;
}

/** "day" -> "days"; units that already end in s are left alone. */
export function plural(unit: string, n: number): string {
  return n === 1 || unit.endsWith('s') ? unit : `${unit}s`;
}

export function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** A duration with its unit: "6.4 days". */
export function duration(x: number | null, unit: string, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return NO_VALUE;
  const s = x.toFixed(digits);
  return `${s} ${plural(unit, Number(s))}`;
}

/** The clock: "Day 12.4 of 60". Truncated, never rounded up past the real time. */
export function clock(time: number, horizon: number, unit: string): string {
  const t = Math.floor(time * 10) / 10;
  return `${capitalize(unit)} ${t.toFixed(1)} of ${horizon}`;
}

export function count(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
