/**
 * "Same seed, other ways to play": the player's numbers next to the scenario's written-down
 * strategies played on the very same seed, so the same work arrived with the same sizes and only
 * the decisions differ. Mid-game it compares the round just played; after the last round, the
 * whole game. Pure: plays the strategies headless through GameSession.
 */
import type { MetricRefSpec } from '../../scenario/GameSchema';
import type { GameSession } from '../GameSession';
import { playStrategy } from '../lessons/StrategyPlay';
import { goodDirection, metricValue } from '../lessons/MetricValue';
import { formatMetric, metricName } from './RoundComparison';
import type { RoundStats } from './RoundStats';

export interface SameSeedRow {
  readonly label: string;
  /** What the strategy does, for a line under the table; null for the player. */
  readonly description: string | null;
  /** The player's own row. */
  readonly you: boolean;
  readonly values: readonly string[];
  /** Raw values, for ranking. */
  readonly raw: readonly (number | null)[];
}

export interface SameSeedComparison {
  /** What is compared: "Round 2" or "Whole game". */
  readonly scope: string;
  readonly seed: number;
  readonly columns: readonly string[];
  /** Per column, whether a higher number is the better one; null: neither (no star). */
  readonly higherIsBetter: readonly (boolean | null)[];
  readonly rows: readonly SameSeedRow[];
}

/** The score first, then up to three of the lesson's numbers. */
function columnsFor(session: GameSession): MetricRefSpec[] {
  const evidence = session.scenario.game?.evidence ?? [{ metric: 'throughput' }, { metric: 'leadTimeMean' }, { metric: 'avgWip' }];
  return [{ metric: 'score' }, ...evidence.filter((e) => e.metric !== 'score').slice(0, 3)];
}

/** Null when the scenario has no strategies or no round has been played. */
export function sameSeedComparison(session: GameSession): SameSeedComparison | null {
  const strategies = session.scenario.game?.strategies ?? [];
  const played = session.roundResults;
  if (strategies.length === 0 || played.length === 0) return null;
  const whole = session.phase === 'finished';
  const k = played.length - 1;
  const pick = (rounds: readonly RoundStats[], game: RoundStats | null): RoundStats | null => (whole ? game : (rounds[k] ?? null));
  const refs = columnsFor(session);
  const unit = session.timeUnit;
  const row = (label: string, description: string | null, you: boolean, stats: RoundStats | null): SameSeedRow => {
    const raw = refs.map((ref) => (stats === null ? null : metricValue(stats, ref)));
    return { label, description, you, raw, values: raw.map((x, i) => formatMetric(refs[i]!, x, unit)) };
  };
  const rows: SameSeedRow[] = [row('You', null, true, pick(played, session.gameStats()))];
  for (const st of strategies) {
    const r = playStrategy(session.scenario, st, session.seed);
    rows.push(row(st.label, st.description ?? null, false, pick(r.rounds, r.game)));
  }
  return {
    scope: whole ? 'Whole game' : `Round ${k + 1}`,
    seed: session.seed,
    columns: refs.map((ref) => metricName(ref, played[0], unit)),
    higherIsBetter: refs.map((ref) => (goodDirection(ref.metric) === 'neither' ? null : goodDirection(ref.metric) === 'higher')),
    rows,
  };
}
