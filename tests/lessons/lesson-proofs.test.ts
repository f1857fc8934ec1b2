/**
 * Every built-in lesson proves its claims (`game.proofs`) over 100 seeds with common random
 * numbers: each strategy plays the same seeds, so only its decisions differ. A claim that holds
 * only when the dice are kind fails here, with the numbers it saw.
 */
import { describe, expect, test } from 'vitest';
import { builtinIds, builtinScenario } from '../../src/scenarios';
import { checkProof, firstSeeds, StrategyRuns } from '../../src/game/lessons/LessonProof';
import { playStrategy } from '../../src/game/lessons/StrategyPlay';

const SEEDS = firstSeeds(100);
const lessons = builtinIds()
  .map((id) => builtinScenario(id))
  .filter((s) => s.game?.order !== undefined);

describe('every campaign lesson is written as a game and proves its lesson', () => {
  test('there are eight lessons, numbered 1 to 8', () => {
    expect(lessons.map((s) => s.game!.order).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  for (const s of lessons) {
    describe(`lesson ${s.game!.order}: ${s.id}`, () => {
      const g = s.game!;
      test('has a briefing, a goal, two to four rounds, a takeaway, trainer questions and at least two strategies', () => {
        expect(g.briefing?.length ?? 0).toBeGreaterThanOrEqual(2);
        expect(g.goal).toBeDefined();
        expect(g.rounds?.length ?? 0).toBeGreaterThanOrEqual(2);
        expect(g.rounds!.length).toBeLessThanOrEqual(4);
        expect(g.takeaway).toBeTruthy();
        expect(g.questions?.length ?? 0).toBeGreaterThanOrEqual(2);
        expect(g.strategies?.length ?? 0).toBeGreaterThanOrEqual(2);
        expect(g.proofs?.length ?? 0).toBeGreaterThanOrEqual(1);
      });

      test('every strategy plays without a refused setting', () => {
        for (const st of g.strategies ?? []) expect(playStrategy(s, st, 1).refused, st.id).toEqual([]);
      });

      const runs = new StrategyRuns(s);
      for (const p of g.proofs ?? []) {
        test(`over ${SEEDS.length} seeds: ${p.claim}`, () => {
          const out = checkProof(runs, p, SEEDS);
          expect(out.pass, out.verdict).toBe(true);
        });
      }
    });
  }
});
