/**
 * The one door into the engine for scenario data from anywhere (a file, a link, a built-in):
 * text or a parsed value in, either a valid Scenario or a list of plain-language errors out.
 * It never throws on bad input.
 */
import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './ScenarioSchema';
import { checkScenarioReferences, type ScenarioIssue } from './ScenarioReferences';
import { checkGameReferences } from './GameReferences';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

export const MAX_SCENARIO_TEXT = 1_000_000;

/** `workCenters[2].workers` from ['workCenters', 2, 'workers']. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(scenario)' : out;
}

export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const iss of issues) {
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) out.push({ path: formatPath([...iss.path, key]), message: 'is not a field this format knows' });
    } else {
      out.push({ path: formatPath(iss.path), message: iss.message });
    }
  }
  return out;
}

export function parseScenario(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_SCENARIO_TEXT) return { ok: false, errors: [`(scenario): is larger than ${MAX_SCENARIO_TEXT} characters`] };
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [`(scenario): is not valid JSON (${(e as Error).message})`] };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: ['(scenario): must be a JSON object'] };
  }
  const shape = ScenarioSchema.safeParse(value);
  if (!shape.success) return { ok: false, errors: formatIssues(shape.error.issues).map((i) => `${i.path}: ${i.message}`) };
  const refs = checkScenarioReferences(shape.data);
  if (refs.length > 0) return { ok: false, errors: refs.map((i) => `${i.path}: ${i.message}`) };
  const game = checkGameReferences(shape.data);
  if (game.length > 0) return { ok: false, errors: game.map((i) => `${i.path}: ${i.message}`) };
  return { ok: true, scenario: shape.data };
}
