/**
 * Opens a recipe for replay: finds or validates its scenario, checks every command against the
 * model, re-runs it to its recorded time and compares event-log hashes. The result says plainly
 * whether this is the same run the sender saw; a different hash is reported, not hidden (the
 * replay can still be watched, labelled as not the same run).
 */
import { checkCommandList, compileModel, Simulation, type Command, type Model } from '../../sim';
import { parseScenario } from '../../scenario/parseScenario';
import type { Scenario } from '../../scenario/ScenarioSchema';
import { BUILTIN_SCENARIOS, builtinScenario } from '../../scenarios';
import type { RunRecipe } from './RunRecipe';

export interface OpenedRun {
  readonly recipe: RunRecipe;
  readonly scenario: Scenario;
  readonly model: Model;
  readonly commands: readonly Command[];
  /** True when the re-run reached the recorded hash: the same run, event for event. */
  readonly same: boolean;
  /** The hash this version of the game reaches. */
  readonly hashHere: string;
  /** A line to show: the check's result in plain words. */
  readonly verdict: string;
}

export type OpenResult = { readonly ok: true; readonly run: OpenedRun } | { readonly ok: false; readonly message: string };

export function openRecipe(recipe: RunRecipe): OpenResult {
  let scenario: Scenario;
  if (typeof recipe.scenario === 'string') {
    if (!Object.hasOwn(BUILTIN_SCENARIOS, recipe.scenario)) {
      return { ok: false, message: `That run is of a scenario this version does not have ("${recipe.scenario}").` };
    }
    scenario = builtinScenario(recipe.scenario);
  } else {
    const parsed = parseScenario(recipe.scenario);
    if (!parsed.ok) return { ok: false, message: `The scenario inside that run is not valid: ${parsed.errors.slice(0, 3).join('; ')}${parsed.errors.length > 3 ? ` (and ${parsed.errors.length - 3} more)` : ''}.` };
    scenario = parsed.scenario;
  }
  const model = compileModel(scenario);
  const checked = checkCommandList(model, recipe.commands);
  if (!checked.ok) return { ok: false, message: `That run's decisions do not fit its scenario: ${checked.errors.slice(0, 3).join('; ')}.` };
  if (recipe.until > model.horizon) return { ok: false, message: `That run says it was played to ${recipe.until}, past the scenario's end (${model.horizon}).` };
  const sim = new Simulation(model, { seed: recipe.seed, commands: checked.commands });
  sim.advanceTo(recipe.until);
  const hashHere = sim.hash();
  const same = hashHere === recipe.hash;
  const verdict = same
    ? `Same run: the replay reached hash ${hashHere}, as recorded.`
    : `Not the same run: it was recorded with hash ${recipe.hash}, and this version of Phoenix Flow reaches ${hashHere}. The scenario or the engine has changed since it was saved, or the file was edited. What you see is this version's run of the same recipe.`;
  return { ok: true, run: { recipe, scenario, model, commands: checked.commands, same, hashHere, verdict } };
}
