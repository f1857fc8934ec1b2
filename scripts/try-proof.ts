/**
 * While writing a lesson: `npx tsx scripts/try-proof.ts <scenario-id> [first-seed] [count]`
 * checks its proofs and prints each strategy's game means (score, throughput, lead time).
 * Seeds default to 1..100, what the tests use; try others (e.g. 101 300) to be sure a margin
 * is not luck.
 */
import { builtinScenario } from '../src/scenarios';
import { checkProofs, StrategyRuns } from '../src/game/lessons/LessonProof';

const [id, first = '1', count = '100'] = process.argv.slice(2);
if (id === undefined) throw new Error('usage: tsx scripts/try-proof.ts <scenario-id> [first-seed] [count]');
const scenario = builtinScenario(id);
const seeds = Array.from({ length: Number(count) }, (_, i) => Number(first) + i);
const runs = new StrategyRuns(scenario);
const t0 = performance.now();
for (const st of scenario.game?.strategies ?? []) {
  const mean = (f: (s: number) => number | null) => {
    const xs = seeds.map(f).filter((x): x is number => x !== null);
    return xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2) : '-';
  };
  const g = (s: number) => runs.get(st.id, s).game;
  console.log(`${st.id.padEnd(14)} score ${mean((s) => g(s).score)}  throughput ${mean((s) => g(s).throughput)}  lead ${mean((s) => g(s).leadTimeMean)}  wip ${mean((s) => g(s).avgWip)}  refused ${runs.get(st.id, seeds[0]!).refused.join('; ') || 'none'}`);
}
for (const o of checkProofs(scenario, seeds, runs)) console.log(o.pass ? 'PASS' : 'FAIL', o.proof.claim, '|', o.verdict);
console.log(`${((performance.now() - t0) / 1000).toFixed(2)} s for ${seeds.length} seeds`);
