/**
 * Finds the scenario the user named, a JSON file or a built-in id, and validates it with the
 * same parser the game uses. Every failure is a CliError listing what to fix.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseScenario } from '../scenario/parseScenario';
import type { Scenario } from '../scenario/ScenarioSchema';
import { BUILTIN_SCENARIOS, builtinIds } from '../scenarios/index';
import { compileModel, type Model } from '../sim/index';
import { CliError } from './CliError';

export interface LoadedScenario {
  scenario: Scenario;
  model: Model;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function invalid(name: string, errors: readonly string[]): CliError {
  return new CliError([`Scenario ${name} is not valid:`, ...errors.map((e) => `  ${e}`)].join('\n'));
}

/** A file of that name wins over a built-in id, so a local brent.json is never shadowed. */
export function loadScenario(name: string): LoadedScenario {
  let input: unknown;
  if (isFile(name)) {
    try {
      input = readFileSync(name, 'utf8');
    } catch (e) {
      throw new CliError(`Scenario ${name}: cannot read the file (${(e as Error).message})`);
    }
  } else if (Object.hasOwn(BUILTIN_SCENARIOS, name)) {
    input = BUILTIN_SCENARIOS[name];
  } else {
    throw new CliError(`Scenario ${name}: no such file, and no built-in scenario of that name (built-ins: ${builtinIds().join(', ')})`);
  }
  const r = parseScenario(input);
  if (!r.ok) throw invalid(name, r.errors);
  try {
    return { scenario: r.scenario, model: compileModel(r.scenario) };
  } catch (e) {
    // The schema should catch everything compileModel refuses; if not, it is still the scenario's fault.
    throw invalid(name, [(e as Error).message]);
  }
}
