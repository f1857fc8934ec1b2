import { describe, expect, it } from 'vitest';
import brentFixture from '../fixtures/brent-game.json';
import { parseScenario } from '../../src/scenario/parseScenario';
import type { Scenario } from '../../src/scenario/ScenarioSchema';
import { GameSession } from '../../src/game/GameSession';
import { compareRounds, sameSeedComparison } from '../../src/game/debrief';
import { playStrategy } from '../../src/game/lessons/StrategyPlay';

function scenario(withStrategies = true): Scenario {
  const raw = structuredClone(brentFixture) as { game: Record<string, unknown> };
  raw.game['evidence'] = [{ metric: 'throughput' }, { metric: 'leadTimeMean' }, { metric: 'personBusy', person: 'brent' }];
  if (withStrategies) {
    raw.game['strategies'] = [
      { id: 'asItIs', label: 'Change nothing', rounds: [] },
      { id: 'protect', label: 'Protect Brent', description: 'Brent on Operations only from round 2.', rounds: [{}, { brentFocus: 1 }] },
    ];
  }
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.scenario;
}

function play(s: GameSession, rounds: number, settings: Record<number, Record<string, number>> = {}): void {
  for (let i = 0; i < rounds; i++) {
    for (const [id, v] of Object.entries(settings[i] ?? {})) expect(s.setLever(id, v)).toBeNull();
    s.startRound();
    s.endRound();
    if (s.phase === 'review') s.nextRound();
  }
}

describe('the debrief shows the lesson in the player\'s own numbers', () => {
  it('the round table lists the lesson\'s evidence, named for the scenario, then the score', () => {
    const s = new GameSession('brent', scenario(), 3);
    play(s, 2);
    const t = compareRounds(s.roundResults, s.timeUnit, s.scenario.game!.evidence!);
    expect(t.rows.map((r) => r.label)).toEqual(['Throughput per day', 'Lead time, mean', 'Brent busy', 'Score']);
    expect(t.rows[2]!.values.every((v) => /^\d+%$/.test(v))).toBe(true);
    expect(t.rows[1]!.values[0]).toMatch(/ days?$/);
  });

  it('mid-game, "same seed" compares the round just played with each strategy\'s same round on the same seed', () => {
    const sc = scenario();
    const s = new GameSession('brent', sc, 7);
    play(s, 2, { 1: { brentFocus: 1 } });
    const c = sameSeedComparison(s)!;
    expect(c.scope).toBe('Round 2');
    expect(c.seed).toBe(7);
    expect(c.columns).toEqual(['Score', 'Throughput per day', 'Lead time, mean', 'Brent busy']);
    expect(c.rows.map((r) => r.label)).toEqual(['You', 'Change nothing', 'Protect Brent']);
    // The player chose what "Protect Brent" does: the same numbers, to the last digit.
    expect(c.rows[0]!.raw).toEqual(c.rows[2]!.raw);
    const naive = playStrategy(sc, sc.game!.strategies![0]!, 7).rounds[1]!;
    expect(c.rows[1]!.raw[0]).toBe(naive.score);
    expect(c.higherIsBetter).toEqual([true, true, false, null]);
  });

  it('after the last round it compares the whole game, and a scenario without strategies has nothing to compare', () => {
    const s = new GameSession('brent', scenario(), 2);
    play(s, 3);
    expect(s.phase).toBe('finished');
    const c = sameSeedComparison(s)!;
    expect(c.scope).toBe('Whole game');
    // Changing nothing is exactly the strategy "Change nothing".
    expect(c.rows[0]!.raw).toEqual(c.rows[1]!.raw);
    expect(c.rows[0]!.raw[0]).toBeCloseTo(s.score, 6);
    const none = new GameSession('brent', scenario(false), 2);
    play(none, 1);
    expect(sameSeedComparison(none)).toBeNull();
  });
});
