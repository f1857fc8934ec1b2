/**
 * The live differences strip as plain numbers: each side's figures over the game so far and,
 * per figure, B against A with the direction that counts as better (less WIP and shorter lead
 * times are better; more done, more throughput and a higher score are better). Said in words and
 * arrows, never by colour alone. No Phaser here.
 */
import type { RoundStats } from '../debrief/RoundStats';
import { duration, fixed } from '../Format';

export interface SideNumbers {
  readonly policy: string;
  readonly time: number;
  readonly round: number;
  readonly hash: string;
  /** Items on the floor now. */
  readonly wip: number;
  readonly done: number;
  readonly throughput: number;
  readonly leadTimeMean: number | null;
  readonly leadTimeP85: number | null;
  readonly score: number;
}

export type Verdict = 'better' | 'worse' | 'same' | null;

export interface DiffRow {
  readonly key: 'wip' | 'done' | 'throughput' | 'leadTimeMean' | 'leadTimeP85' | 'score';
  readonly label: string;
  readonly a: string;
  readonly b: string;
  /** "▲ 12 better" / "▼ 3.1 days worse" / "same"; "—" when either side has no value yet. */
  readonly diff: string;
  readonly verdict: Verdict;
}

/** Figures and whether a higher value is better. */
const ROWS: readonly { key: DiffRow['key']; label: (unit: string) => string; higherIsBetter: boolean }[] = [
  { key: 'wip', label: () => 'WIP now', higherIsBetter: false },
  { key: 'done', label: () => 'Delivered', higherIsBetter: true },
  { key: 'throughput', label: (u) => `Done / ${u}`, higherIsBetter: true },
  { key: 'leadTimeMean', label: () => 'Lead time', higherIsBetter: false },
  { key: 'leadTimeP85', label: () => 'Lead time p85', higherIsBetter: false },
  { key: 'score', label: () => 'Score', higherIsBetter: true },
];

/** A side's numbers from its game-so-far stats and the WIP on its floor now. */
export function sideNumbers(policy: string, time: number, round: number, hash: string, wip: number, stats: RoundStats | null): SideNumbers {
  return {
    policy,
    time,
    round,
    hash,
    wip,
    done: stats?.done ?? 0,
    throughput: stats?.throughput ?? 0,
    leadTimeMean: stats?.leadTimeMean ?? null,
    leadTimeP85: stats?.leadTimeP85 ?? null,
    score: stats?.score ?? 0,
  };
}

/** Digits shown for each figure: differences are taken of the shown values, so they add up on screen. */
function digits(key: DiffRow['key']): number {
  return key === 'throughput' ? 2 : key === 'leadTimeMean' || key === 'leadTimeP85' ? 1 : 0;
}

function rounded(key: DiffRow['key'], v: number): number {
  const f = 10 ** digits(key);
  return Math.round(v * f) / f;
}

function show(key: DiffRow['key'], v: number | null, unit: string): string {
  if (v === null) return '—';
  if (key === 'wip' || key === 'done') return String(Math.round(v));
  if (key === 'throughput') return fixed(v, 2);
  if (key === 'score') return fixed(v, 0);
  return duration(v, unit);
}

/** B against A, one row per figure. */
export function compareNumbers(a: SideNumbers, b: SideNumbers, unit: string): DiffRow[] {
  return ROWS.map(({ key, label, higherIsBetter }) => {
    const va = a[key], vb = b[key];
    const row = { key, label: label(unit), a: show(key, va, unit), b: show(key, vb, unit) };
    if (va === null || vb === null) return { ...row, diff: '—', verdict: null };
    const d = rounded(key, vb) - rounded(key, va);
    const shown = show(key, Math.abs(d), unit);
    // "Same" when the difference does not show at the precision on screen.
    if (shown === show(key, 0, unit) || Math.abs(d) < 1e-9) return { ...row, diff: 'same', verdict: 'same' };
    const better = d > 0 === higherIsBetter;
    return { ...row, diff: `${d > 0 ? '▲' : '▼'} ${shown} ${better ? 'better' : 'worse'}`, verdict: better ? 'better' : 'worse' };
  });
}
