/**
 * The policies a comparison can put side by side: the scenario as it stands (no lever moved)
 * and each of the lesson's written-down strategies. A policy is only lever settings per round;
 * CompareRun applies them at each round's start, exactly as StrategyPlay does. No Phaser here.
 */
import type { Scenario } from '../../scenario/ScenarioSchema';
import type { LeverSpec, StrategySpec } from '../../scenario/GameSchema';

export interface ComparePolicy {
  readonly id: string;
  readonly label: string;
  /** Null: every round as the scenario stands. */
  readonly strategy: StrategySpec | null;
}

export const AS_IT_STANDS: ComparePolicy = { id: '', label: 'As the scenario stands', strategy: null };

/** "As the scenario stands" first, then the lesson's strategies in the scenario's order. */
export function comparePolicies(scenario: Scenario): ComparePolicy[] {
  const strategies = scenario.game?.strategies ?? [];
  return [AS_IT_STANDS, ...strategies.map((s) => ({ id: s.id, label: s.label, strategy: s }))];
}

/**
 * The pair a set-up starts with: the lesson's first and last strategy (usually "change nothing"
 * against the lesson's best answer); without strategies, the scenario as it stands on both sides.
 */
export function defaultPolicyPair(policies: readonly ComparePolicy[]): [number, number] {
  const withStrategy = policies.map((p, i) => (p.strategy !== null ? i : -1)).filter((i) => i >= 0);
  if (withStrategy.length === 0) return [0, 0];
  return [withStrategy[0]!, withStrategy[withStrategy.length - 1]!];
}

/** How a lever's setting reads ("Operations only", "4", "off"); the same words as the planning screen. */
export function describeLeverValue(lever: LeverSpec, value: number | null): string {
  if (lever.kind === 'choice') return value === null ? '—' : (lever.options[value]?.label ?? '—');
  return value === null ? (lever.off ?? 'off') : String(value);
}

/** One line per round that moves a lever: "Round 2: Brent works on → Operations only". */
export function policySummary(scenario: Scenario, policy: ComparePolicy): string[] {
  if (policy.strategy === null) return ['No lever is moved: every round plays as the scenario stands.'];
  const levers = scenario.game?.levers ?? [];
  const lines: string[] = [];
  policy.strategy.rounds.forEach((settings, i) => {
    const parts = Object.entries(settings).flatMap(([id, v]) => {
      const lever = levers.find((l) => l.id === id);
      return lever === undefined ? [] : [`${lever.label} → ${describeLeverValue(lever, v)}`];
    });
    if (parts.length > 0) lines.push(`Round ${i + 1}: ${parts.join(' · ')}`);
  });
  return lines.length > 0 ? lines : ['No lever is moved.'];
}
