/**
 * Axis and bin arithmetic for the charts: round tick steps (1, 2, 2.5, 5 x 10^k), tick labels
 * with just enough decimals, and histogram bins of a round width. Pure, so it is unit-tested.
 */

/** A "nice" number near x: 1, 2, 2.5, 5 or 10 times a power of ten (Heckbert's rule). */
export function niceNumber(x: number, round: boolean): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  const exp = Math.floor(Math.log10(x));
  const base = 10 ** exp;
  const f = x / base;
  let nice: number;
  if (round) nice = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
  else nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * base;
}

/** Decimals needed to print multiples of `step` exactly (0 for 5, 1 for 2.5, 2 for 0.25). */
export function decimalsFor(step: number): number {
  for (let d = 0; d <= 6; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 6;
}

export interface Scale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
  decimals: number;
}

export interface ScaleOptions {
  /** At most this many ticks (default 6). */
  maxTicks?: number;
  /** 'extend' widens the range to whole steps (value axes); 'inside' keeps it and ticks within (time axes). */
  mode?: 'extend' | 'inside';
  /** Steps of at least 1 (counts of items). */
  integer?: boolean;
}

/** A range with round ticks covering [min, max]. */
export function niceScale(min: number, max: number, options: ScaleOptions = {}): Scale {
  const maxTicks = Math.max(2, options.maxTicks ?? 6);
  const mode = options.mode ?? 'extend';
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi - lo < 1e-12) {
    // One value: give it room. A zero range at 0 becomes [0, 1].
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.5;
    if (lo >= 0 && lo - pad < 0) hi = lo + pad;
    else {
      lo -= pad;
      hi += pad;
    }
  }
  let step = niceNumber((hi - lo) / (maxTicks - 1), true);
  if (options.integer) step = step < 1 ? 1 : step === 2.5 ? 2 : step;
  // Rounding can leave one tick too many; take the next nice step up.
  for (let guard = 0; guard < 8; guard++) {
    const first = Math.ceil(lo / step - 1e-9), last = Math.floor(hi / step + 1e-9);
    const n = mode === 'extend' ? Math.ceil(hi / step - 1e-9) - Math.floor(lo / step + 1e-9) + 1 : last - first + 1;
    if (n <= maxTicks) break;
    step = niceNumber(step * 1.01, false);
    // Counts step by 1, 2, 5, 10, ... never 2.5.
    if (options.integer && step === 2.5) step = 5;
  }
  const decimals = decimalsFor(step);
  const fix = (x: number) => Number(x.toFixed(decimals));
  let sMin = lo, sMax = hi;
  if (mode === 'extend') {
    sMin = fix(Math.floor(lo / step + 1e-9) * step);
    sMax = fix(Math.ceil(hi / step - 1e-9) * step);
  }
  const ticks: number[] = [];
  for (let k = Math.ceil(sMin / step - 1e-9); k * step <= sMax + step * 1e-9; k++) ticks.push(fix(k * step));
  return { min: sMin, max: sMax, step, ticks, decimals };
}

/** A tick label: "12", "2.5", "0.25". */
export function formatTick(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return s === '-0' || /^-0\.0*$/.test(s) ? s.slice(1) : s;
}

export interface Bins {
  start: number;
  width: number;
  counts: number[];
}

/** Histogram bins of a round width over the values, about `target` of them; empty input gives no bins. */
export function niceBins(values: readonly number[], target = 10): Bins {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return { start: 0, width: 1, counts: [] };
  let lo = Infinity, hi = -Infinity;
  for (const v of xs) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo;
  const width = niceNumber(range > 0 ? range / Math.max(1, target) : Math.max(Math.abs(hi), 1) / 5, true);
  const start = Math.floor(lo / width + 1e-9) * width;
  const n = Math.max(1, Math.floor((hi - start) / width + 1e-9) + 1);
  const counts = new Array<number>(n).fill(0);
  for (const v of xs) counts[Math.min(n - 1, Math.max(0, Math.floor((v - start) / width + 1e-9)))]!++;
  return { start: Number(start.toFixed(decimalsFor(width))), width, counts };
}

/** How many bins to aim for with n values: about 1.5 x sqrt(n), between 5 and 14. */
export function binTarget(n: number): number {
  return Math.min(14, Math.max(5, Math.ceil(Math.sqrt(n) * 1.5)));
}
