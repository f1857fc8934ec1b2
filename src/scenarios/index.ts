/**
 * The scenarios shipped with the game, by id: the eight campaign lessons, then the sandbox
 * models. They are plain scenario-format JSON, exactly what a trainer would write, and go
 * through the same parser as any file.
 */
import batchSize from './batch-size.json';
import diceGame from './dice-game.json';
import brent from './brent.json';
import utilisation from './utilisation.json';
import wipLimits from './wip-limits.json';
import fourTypes from './four-types.json';
import secondWay from './second-way.json';
import finale from './finale.json';
import mm1 from './mm1.json';
import penny from './penny.json';
import { parseScenario } from '../scenario/parseScenario';
import type { Scenario } from '../scenario/ScenarioSchema';

export const BUILTIN_SCENARIOS: Readonly<Record<string, unknown>> = {
  'batch-size': batchSize,
  'dice-game': diceGame,
  brent,
  utilisation,
  'wip-limits': wipLimits,
  'four-types': fourTypes,
  'second-way': secondWay,
  finale,
  mm1,
  penny,
};

export function builtinIds(): string[] {
  return Object.keys(BUILTIN_SCENARIOS);
}

/** A built-in scenario, validated; throws only if a shipped file is broken (a test guards that). */
export function builtinScenario(id: string): Scenario {
  const raw = BUILTIN_SCENARIOS[id];
  if (raw === undefined) throw new Error(`no built-in scenario "${id}"`);
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(`built-in scenario "${id}" is invalid: ${r.errors.join('; ')}`);
  return r.scenario;
}
