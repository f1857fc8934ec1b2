/**
 * Checks a scenario's lesson claims (`game.proofs`) over many seeds with common random numbers:
 * every strategy is played on the same seeds, and a seed fixes the arrivals and task sizes, so
 * two strategies differ only by their decisions. Used by the lesson tests, `npm run sim -- prove`
 * and the facilitator guide.
 */
import type { Scenario } from '../../scenario/ScenarioSchema';
import type { ProofSpec } from '../../scenario/GameSchema';
import type { RoundStats } from '../debrief/RoundStats';
import { metricValue } from './MetricValue';
import { playStrategy, strategyById, type StrategyResult } from './StrategyPlay';

export interface ProofOutcome {
  readonly proof: ProofSpec;
  readonly pass: boolean;
  /** Means over the seeds where both sides have a value. */
  readonly meanA: number | null;
  readonly meanB: number | null;
  readonly seeds: number;
  /** Seeds where side a beat side b in the claimed direction (for "similar": within tolerance). */
  readonly wins: number;
  /** Seeds where a side had no value (nothing finished, no deployment). */
  readonly missing: number;
  /** Why it passed or failed, in one line. */
  readonly verdict: string;
}

/** Plays each strategy once per seed and remembers it, so proofs sharing a side share the runs. */
export class StrategyRuns {
  private readonly cache = new Map<string, StrategyResult>();
  constructor(readonly scenario: Scenario) {}

  get(strategyId: string, seed: number): StrategyResult {
    const key = `${strategyId}#${seed}`;
    let r = this.cache.get(key);
    if (r === undefined) {
      r = playStrategy(this.scenario, strategyById(this.scenario, strategyId), seed);
      this.cache.set(key, r);
    }
    return r;
  }
}

function statsOf(r: StrategyResult, round: number | undefined): RoundStats | null {
  return round === undefined ? r.game : (r.rounds[round - 1] ?? null);
}

/** The numbers 1..n, the seeds the built-in proofs use. */
export function firstSeeds(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

export function checkProof(runs: StrategyRuns, proof: ProofSpec, seeds: readonly number[]): ProofOutcome {
  let sumA = 0, sumB = 0, n = 0, wins = 0, missing = 0;
  const tol = proof.tolerance ?? 0;
  for (const seed of seeds) {
    const a = statsOf(runs.get(proof.a.strategy, seed), proof.a.round);
    const b = statsOf(runs.get(proof.b.strategy, seed), proof.b.round);
    const va = a === null ? null : metricValue(a, proof);
    const vb = b === null ? null : metricValue(b, proof);
    if (va === null || vb === null) {
      missing++;
      continue;
    }
    sumA += va;
    sumB += vb;
    n++;
    if (proof.expect === 'lower' ? va < vb : proof.expect === 'higher' ? va > vb : Math.abs(va - vb) <= tol * Math.abs(vb)) wins++;
  }
  const meanA = n > 0 ? sumA / n : null;
  const meanB = n > 0 ? sumB / n : null;
  const ratio = proof.ratio ?? 1;
  let pass = false;
  let verdict: string;
  if (meanA === null || meanB === null || missing > 0) {
    verdict = `${missing} of ${seeds.length} seeds had no ${proof.metric} on one side`;
  } else {
    if (proof.expect === 'lower') pass = meanA < meanB && meanA * ratio <= meanB;
    else if (proof.expect === 'higher') pass = meanA > meanB && meanA >= meanB * ratio;
    else pass = Math.abs(meanA - meanB) <= tol * Math.abs(meanB);
    const every = proof.everySeed === true && proof.expect !== 'similar';
    if (every && wins < n) pass = false;
    const seen = meanB !== 0 ? ` (${(meanA / meanB).toFixed(2)}x)` : '';
    const needed =
      proof.expect === 'similar' ? `within ${Math.round(tol * 100)}%`
      : `${proof.expect}${ratio !== 1 ? ` by ${ratio}x` : ''}${every ? ' in every seed' : ''}`;
    verdict = `a ${fmt(meanA)} vs b ${fmt(meanB)}${seen}, needed ${needed}; a ${proof.expect === 'similar' ? 'close' : proof.expect} in ${wins} of ${n} seeds`;
  }
  return { proof, pass, meanA, meanB, seeds: seeds.length, wins, missing, verdict };
}

/** Every proof of the scenario over `seeds`. */
export function checkProofs(scenario: Scenario, seeds: readonly number[], runs = new StrategyRuns(scenario)): ProofOutcome[] {
  return (scenario.game?.proofs ?? []).map((p) => checkProof(runs, p, seeds));
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3);
}
