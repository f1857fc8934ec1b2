/**
 * The two ways of playing on that a what-if run compares, written as strategies (one object of
 * lever changes per round) so they are played by the very code that plays a lesson's strategies.
 * Every policy replays the rounds already played as the player played them (the settings in
 * force at each round's start, and any lever moved mid-round at the time it was moved), then
 * follows its own settings from the coming round on.
 * Pure: no Phaser, no DOM.
 */
import type { LeverSpec, StrategySpec } from '../../scenario/GameSchema';
import { leverInitial, type LeverValue } from '../../scenario/LeverCommands';
import type { LiveLeverChange } from '../GameSession';

export type LeverSettings = Readonly<Record<string, LeverValue>>;

/** What a player can pick for side A or B. */
export type PolicyChoice =
  | { readonly kind: 'keep' }
  | { readonly kind: 'plan' }
  | { readonly kind: 'strategy'; readonly id: string };

/** What the game knows when the player asks "what if": the levers, the past, the present and the plan. */
export interface WhatIfSituation {
  readonly levers: readonly LeverSpec[];
  /** The settings in force at the start of each round already played (GameSession.leverHistory). */
  readonly history: readonly LeverSettings[];
  /** Levers moved while the rounds already played were running (GameSession.midRoundChanges). */
  readonly live: readonly LiveLeverChange[];
  /** The round about to be planned (0-based). */
  readonly fromRound: number;
  readonly roundCount: number;
  /** The settings in force now. */
  readonly applied: LeverSettings;
  /** The settings planned for the coming round. */
  readonly planned: LeverSettings;
  readonly strategies: readonly StrategySpec[];
}

export const KEEP_LABEL = 'Settings in force';
export const PLAN_LABEL = 'Your plan';

/** Every choice the situation offers: keep, plan, then each of the lesson's strategies. */
export function policyChoices(situation: WhatIfSituation): PolicyChoice[] {
  return [{ kind: 'keep' }, { kind: 'plan' }, ...situation.strategies.map((s) => ({ kind: 'strategy', id: s.id }) as const)];
}

export function choiceLabel(situation: WhatIfSituation, choice: PolicyChoice): string {
  if (choice.kind === 'keep') return KEEP_LABEL;
  if (choice.kind === 'plan') return PLAN_LABEL;
  const s = situation.strategies.find((x) => x.id === choice.id);
  return s === undefined ? choice.id : `Lesson: ${s.label}`;
}

/**
 * The full settings each round should start with under a choice, from the coming round on:
 * keep = the settings in force now, plan = the planned ones, a strategy = its settings as they
 * stand at that round (the changes of its rounds so far added up), over whatever it leaves alone.
 */
function futureSettings(situation: WhatIfSituation, choice: PolicyChoice): LeverSettings[] {
  const out: LeverSettings[] = [];
  if (choice.kind !== 'strategy') {
    const first = choice.kind === 'keep' ? situation.applied : situation.planned;
    for (let r = situation.fromRound; r < situation.roundCount; r++) out.push(first);
    return out;
  }
  const strategy = situation.strategies.find((s) => s.id === choice.id);
  const sum: Record<string, LeverValue> = {};
  for (let r = 0; r < situation.roundCount; r++) {
    Object.assign(sum, strategy?.rounds[r] ?? {});
    if (r >= situation.fromRound) out.push({ ...sum });
  }
  return out;
}

/** The choice as a strategy over the whole game: only the changes, round by round. */
export function buildPolicy(situation: WhatIfSituation, choice: PolicyChoice): StrategySpec {
  const state = new Map<string, LeverValue>(situation.levers.map((l) => [l.id, leverInitial(l)]));
  const wanted: LeverSettings[] = [...situation.history.slice(0, situation.fromRound), ...futureSettings(situation, choice)];
  const rounds: Record<string, LeverValue>[] = wanted.map((settings, r) => {
    const changes: Record<string, LeverValue> = {};
    for (const [id, value] of Object.entries(settings)) {
      if (!state.has(id) || state.get(id) === value) continue;
      changes[id] = value;
      state.set(id, value);
    }
    // Levers moved during this round are replayed too (playStrategy's `live`): they are in force after it.
    for (const c of situation.live) if (c.round === r && state.has(c.id)) state.set(c.id, c.value);
    return changes;
  });
  const id = choice.kind === 'strategy' ? choice.id : choice.kind;
  return { id, label: choiceLabel(situation, choice), rounds };
}
