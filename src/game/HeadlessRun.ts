/**
 * A run with no screen: the same engine, scenario, seed and commands the game uses, advanced in
 * one call. The test hook uses it to check, inside the page, that what is on screen equals a
 * fresh run of the same recipe.
 */
import { compileModel, Simulation, type Command } from '../sim';
import { builtinScenario } from '../scenarios';

/** The event-log hash of a fresh run of a built-in scenario, to `until` (default its horizon). */
export function headlessRunHash(scenarioId: string, seed: number, until?: number, commands: readonly Command[] = []): string {
  const model = compileModel(builtinScenario(scenarioId));
  const sim = new Simulation(model, { seed, commands });
  sim.advanceTo(until ?? model.horizon);
  return sim.hash();
}
