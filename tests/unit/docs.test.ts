/**
 * Keeps the scenario documentation honest: every example scenario loads and runs, every JSON
 * snippet in docs/scenario-format.md is valid (complete scenarios load, decisions pass their
 * check), and docs/scenario.schema.json is current and agrees with the zod schema the game uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseScenario } from '../../src/scenario/parseScenario';
import { ScenarioSchema, type Scenario } from '../../src/scenario/ScenarioSchema';
import { checkCommand, compileModel, Simulation, type Command } from '../../src/sim/index';
import { buildScenarioJsonSchema, renderScenarioJsonSchema, SCHEMA_DEFINITIONS, SCHEMA_FILE } from '../../scripts/write-json-schema';
import { checkProofs, firstSeeds } from '../../src/game/lessons/LessonProof';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const docs = join(root, 'docs');
const examplesDir = join(docs, 'examples');
const exampleFiles = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort();
const formatDoc = readFileSync(join(docs, 'scenario-format.md'), 'utf8');

type Json = Record<string, unknown>;

function load(text: string | unknown, what: string): Scenario {
  const r = parseScenario(text);
  if (!r.ok) throw new Error(`${what} is not a valid scenario:\n  ${r.errors.join('\n  ')}`);
  return r.scenario;
}

function runToEnd(s: Scenario) {
  const sim = new Simulation(compileModel(s), { seed: 1 });
  sim.runToEnd();
  return sim;
}

/** The ```json blocks of a markdown text, with the line each starts on. */
function jsonBlocks(md: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```json') continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && lines[j]!.trim() !== '```') j++;
    out.push({ line: start + 1, text: lines.slice(start, j).join('\n') });
    i = j;
  }
  return out;
}

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

// ---------------------------------------------------------------------------------------------
// A small validator for the JSON Schema keywords the generated schema uses, so that the schema
// can be tried on real files without a dependency. It throws on any keyword it does not know,
// so a change in what zod emits cannot pass unnoticed.
const KNOWN_KEYWORDS = new Set([
  '$schema', '$id', '$defs', '$ref', 'title', 'description', 'type', 'const', 'enum', 'properties', 'required',
  'additionalProperties', 'propertyNames', 'items', 'minItems', 'maxItems', 'minimum', 'maximum', 'exclusiveMinimum',
  'maxLength', 'pattern', 'anyOf', 'oneOf',
]);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'object': return isObject(v);
    case 'array': return Array.isArray(v);
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'boolean': return typeof v === 'boolean';
    case 'null': return v === null;
    default: throw new Error(`unknown type "${type}"`);
  }
}

function validate(rootSchema: Json, schema: Json, v: unknown, path: string, errors: string[]): void {
  for (const k of Object.keys(schema)) if (!KNOWN_KEYWORDS.has(k)) throw new Error(`unsupported keyword "${k}"`);
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    const target = (rootSchema.$defs as Record<string, Json>)[name];
    if (target === undefined) throw new Error(`unresolved $ref ${schema.$ref}`);
    validate(rootSchema, target, v, path, errors);
  }
  if (typeof schema.type === 'string' && !typeOk(schema.type, v)) {
    errors.push(`${path}: not ${schema.type}`);
    return;
  }
  if ('const' in schema && v !== schema.const) errors.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(v)) errors.push(`${path}: not in enum`);
  if (typeof v === 'number') {
    if (typeof schema.minimum === 'number' && v < schema.minimum) errors.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && v > schema.maximum) errors.push(`${path}: above maximum`);
    if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum) errors.push(`${path}: not above exclusiveMinimum`);
  }
  if (typeof v === 'string') {
    if (typeof schema.maxLength === 'number' && v.length > schema.maxLength) errors.push(`${path}: too long`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) errors.push(`${path}: does not match pattern`);
  }
  if (Array.isArray(v)) {
    if (typeof schema.minItems === 'number' && v.length < schema.minItems) errors.push(`${path}: too few items`);
    if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) errors.push(`${path}: too many items`);
    if (isObject(schema.items)) v.forEach((x, i) => validate(rootSchema, schema.items as Json, x, `${path}[${i}]`, errors));
  }
  if (isObject(v)) {
    const props = (schema.properties ?? {}) as Record<string, Json>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in v)) errors.push(`${path}.${r}: required`);
    for (const [k, x] of Object.entries(v)) {
      if (props[k] !== undefined) validate(rootSchema, props[k], x, `${path}.${k}`, errors);
      else if (schema.additionalProperties === false) errors.push(`${path}.${k}: not allowed`);
      else if (isObject(schema.additionalProperties)) validate(rootSchema, schema.additionalProperties, x, `${path}.${k}`, errors);
    }
  }
  const passes = (s: Json) => {
    const e: string[] = [];
    validate(rootSchema, s, v, path, e);
    return e.length === 0;
  };
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Json[]).some(passes)) errors.push(`${path}: matches no anyOf branch`);
  if (Array.isArray(schema.oneOf) && (schema.oneOf as Json[]).filter(passes).length !== 1) errors.push(`${path}: does not match exactly one oneOf branch`);
}

function schemaErrors(value: unknown): string[] {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Json;
  const errors: string[] = [];
  validate(schema, schema, value, '(scenario)', errors);
  return errors;
}

// ---------------------------------------------------------------------------------------------

describe('docs/examples', () => {
  it('has examples', () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(8);
  });

  it.each(exampleFiles)('%s loads and runs to its horizon without a stall', (file) => {
    const text = readFileSync(join(examplesDir, file), 'utf8');
    const raw = JSON.parse(text) as Json;
    expect(raw.$schema, 'a "$schema" key would be refused by the strict format').toBeUndefined();
    const s = load(text, file);
    expect(s.id).toBe(file.replace(/\.json$/, ''));
    const sim = runToEnd(s);
    expect(sim.stopReason).toBe('');
    expect(sim.status).toBe('finished');
    expect(sim.stall).toBeNull();
    expect(sim.now).toBe(s.horizon);
    expect(sim.doneCount).toBeGreaterThan(0);
  });

  it.each(exampleFiles)('%s passes the JSON Schema too', (file) => {
    expect(schemaErrors(JSON.parse(readFileSync(join(examplesDir, file), 'utf8')))).toEqual([]);
  });
});

describe('docs/scenario-format.md', () => {
  const blocks = jsonBlocks(formatDoc);
  const values = blocks.map((b) => {
    try {
      return { ...b, value: JSON.parse(b.text) as unknown };
    } catch (e) {
      throw new Error(`the json block at line ${b.line} of scenario-format.md is not valid JSON: ${(e as Error).message}`);
    }
  });
  const scenarios = values.filter((b) => isObject(b.value) && 'format' in b.value);
  const commands = values.filter((b) => isObject(b.value) && typeof b.value.at === 'number' && typeof b.value.type === 'string');

  it('has json blocks, all valid JSON', () => {
    expect(blocks.length).toBeGreaterThan(20);
    expect(scenarios.length).toBeGreaterThanOrEqual(1);
  });

  it('every complete scenario in it loads and runs', () => {
    for (const b of scenarios) {
      const s = load(b.value, `the scenario at line ${b.line} of scenario-format.md`);
      const sim = runToEnd(s);
      expect(sim.stall, `line ${b.line}`).toBeNull();
      expect(sim.doneCount, `line ${b.line}`).toBeGreaterThan(0);
      expect(schemaErrors(b.value), `line ${b.line}`).toEqual([]);
    }
  });

  it('the minimal scenario is the same as docs/examples/minimal.json', () => {
    const minimal = JSON.parse(readFileSync(join(examplesDir, 'minimal.json'), 'utf8')) as unknown;
    expect(scenarios.some((b) => JSON.stringify(b.value) === JSON.stringify(minimal))).toBe(true);
  });

  it('every decision in it is valid for one of the example scenarios', () => {
    const models = exampleFiles.map((f) => compileModel(load(readFileSync(join(examplesDir, f), 'utf8'), f)));
    const commandTypes = new Set<string>();
    for (const b of commands) {
      const c = b.value as Command;
      commandTypes.add(c.type);
      const fits = models.filter((m) => checkCommand(m, c) === null);
      expect(fits.length, `the decision at line ${b.line} fits no example scenario`).toBeGreaterThan(0);
      // And it runs: the decision applied at its time on the first scenario it fits.
      const sim = new Simulation(fits[0]!, { seed: 1, commands: [c] });
      sim.runToEnd();
      expect(sim.status, `line ${b.line}`).toBe('finished');
    }
    expect([...commandTypes].sort()).toEqual(
      ['assign', 'crossTrain', 'invest', 'setBatch', 'setDetection', 'setDispatch', 'setFreeze', 'setRelease', 'setReleaseEvery', 'setWipLimit'],
    );
  });

  const withProofs = scenarios.filter((b) => ((b.value as Json).game as Json | undefined)?.proofs !== undefined);

  it('every claim of its example games holds over seeds 1..100, and the verdict it shows is the real one', () => {
    expect(withProofs.length).toBeGreaterThanOrEqual(1);
    const verdicts = new Map<string, string>();
    for (const b of withProofs) {
      for (const o of checkProofs(load(b.value, `line ${b.line}`), firstSeeds(100))) {
        expect(o.pass, `line ${b.line}: ${o.proof.claim}: ${o.verdict}`).toBe(true);
        verdicts.set(o.proof.claim, o.verdict);
      }
    }
    // A shown verdict: "PASS <claim>" and the verdict on the next line.
    const shown = [...formatDoc.matchAll(/^ *PASS (.+)\n +(a .+)$/gm)];
    expect(shown.length).toBeGreaterThanOrEqual(1);
    for (const [, claim, verdict] of shown) expect(verdicts.get(claim!), claim).toBe(verdict);
  });

  it('the messages it lists for strategies, proofs and evidence are the checker\'s own', () => {
    const base = withProofs[0]!.value as Json;
    const game = (s: Json) => s.game as Json;
    const edits: [(s: Json) => void, string][] = [
      [(s) => (game(s).strategies = [{ id: 'a', label: 'A', rounds: [] }, { id: 'a', label: 'B', rounds: [] }]), 'game.strategies[1].id: "a" is used by another strategy'],
      [(s) => (game(s).strategies = [{ id: 'a', label: 'A', rounds: [{}, {}, {}, {}] }]), 'game.strategies[0].rounds: has 4 rounds but the game has 3'],
      [(s) => (game(s).strategies = [{ id: 'a', label: 'A', rounds: [{}, { nosuch: 1 }] }]), 'game.strategies[0].rounds[1].nosuch: names no lever: "nosuch"'],
      [(s) => (game(s).strategies = [{ id: 'a', label: 'A', rounds: [{ devWip: 4 }] }]), 'game.strategies[0].rounds[0].devWip: "devWip" is not open before round 1'],
      [(s) => (game(s).strategies = [{ id: 'a', label: 'A', rounds: [{}, { devWip: 40 }] }]), 'game.strategies[0].rounds[1].devWip: 40 is not a setting of "devWip"'],
      [(s) => (game(s).strategies = [{ id: 'a', label: 'A', rounds: [{}, { devWip: 2.5 }] }]), 'game.strategies[0].rounds[1].devWip: must be a whole number, or null for "off"'],
      [(s) => ((game(s).proofs as Json[])[0]!.b = { strategy: 'b' }), 'game.proofs[0].b.strategy: names no strategy: "b"'],
      [(s) => ((game(s).proofs as Json[])[0]!.a = { strategy: 'protect', round: 4 }), 'game.proofs[0].a.round: must be a round of the game (1 to 3)'],
      [(s) => ((game(s).proofs as Json[])[0]!.tolerance = 0.1), 'game.proofs[0]: "tolerance" goes with "expect": "similar", and only with it'],
      [(s) => delete (game(s).proofs as Json[])[0]!.center, 'game.proofs[0].center: is required for "queueTime"'],
      [(s) => ((game(s).proofs as Json[])[0]!.expect = 'better'), 'game.proofs[0].expect: must be "lower", "higher" or "similar"'],
      [(s) => ((game(s).proofs as Json[])[0]!.ratio = 0.5), 'game.proofs[0].ratio: must be a number from 1 to 1000'],
      [(s) => (game(s).evidence = [{ metric: 'utilisation', center: 'qa2' }, { metric: 'personBusy' }]), 'game.evidence[0].center: names no work center: "qa2"'],
      [(s) => (game(s).evidence = [{ metric: 'score' }, { metric: 'personBusy' }]), 'game.evidence[1].person: is required for "personBusy"'],
      [(s) => (game(s).evidence = [{ metric: 'personBusy', person: 'bill' }]), 'game.evidence[0].person: names no person: "bill"'],
      [(s) => (game(s).evidence = Array.from({ length: 7 }, () => ({ metric: 'score' }))), 'game.evidence: must have at most 6 numbers'],
      [(s) => (game(s).order = 0), 'game.order: must be a whole number from 1 to 99'],
      [(s) => (game(s).minutes = 0), 'game.minutes: must be a whole number from 1 to 600'],
    ];
    for (const [edit, message] of edits) {
      const s = structuredClone(base);
      edit(s);
      const r = parseScenario(s);
      expect(r.ok ? [] : r.errors, message).toContain(message);
      expect(formatDoc, `scenario-format.md does not list: ${message}`).toContain(message);
    }
  });

  it('links only to example files that exist', () => {
    for (const m of formatDoc.matchAll(/\(examples\/([\w-]+\.json)\)/g)) expect(exampleFiles).toContain(m[1]);
    for (const f of exampleFiles) expect(formatDoc, `${f} is not listed in section 20`).toContain(`(examples/${f})`);
  });
});

describe('docs/scenario.schema.json', () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  const schema = JSON.parse(committed) as Json;

  it('is up to date with the zod schema (run "npm run schema" if not)', () => {
    expect(committed).toBe(renderScenarioJsonSchema());
  });

  it('is draft 2020-12 with an id, a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof schema.$id).toBe('string');
    expect(typeof schema.title).toBe('string');
    expect(typeof schema.description).toBe('string');
  });

  const requiredKeys = (o: z.ZodObject) =>
    Object.keys(o.shape)
      .filter((k) => !(o.shape[k] as z.ZodType).safeParse(undefined).success)
      .sort();

  it('has the same top-level fields and required fields as the zod schema', () => {
    expect(Object.keys(schema.properties as Json).sort()).toEqual(Object.keys(ScenarioSchema.shape).sort());
    expect([...(schema.required as string[])].sort()).toEqual(requiredKeys(ScenarioSchema));
    expect(schema.additionalProperties).toBe(false);
  });

  it('has the same fields in every object definition as the zod schema', () => {
    const defs = schema.$defs as Record<string, Json>;
    for (const [id, zodSchema] of Object.entries(SCHEMA_DEFINITIONS)) {
      const def = defs[id];
      expect(def, id).toBeDefined();
      if (!(zodSchema instanceof z.ZodObject)) continue;
      expect(Object.keys(def!.properties as Json).sort(), id).toEqual(Object.keys(zodSchema.shape).sort());
      expect([...((def!.required ?? []) as string[])].sort(), id).toEqual(requiredKeys(zodSchema));
      expect(def!.additionalProperties, id).toBe(false);
    }
  });

  it('resolves every $ref and describes every field', () => {
    const defs = schema.$defs as Record<string, Json>;
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${path}[${i}]`));
      if (!isObject(node)) return;
      if (typeof node.$ref === 'string') expect(defs[node.$ref.replace('#/$defs/', '')], `${path}: ${node.$ref}`).toBeDefined();
      if (isObject(node.properties)) {
        for (const [k, p] of Object.entries(node.properties)) {
          if (!isObject(p) || typeof p.description !== 'string' || p.description === '') missing.push(`${path}.${k}`);
        }
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
    };
    walk(schema, '#');
    expect(missing, 'fields without a description: add one in scripts/write-json-schema.ts').toEqual([]);
  });

  it('is built fresh on every call (no shared state between calls)', () => {
    expect(buildScenarioJsonSchema()).toEqual(buildScenarioJsonSchema());
  });

  it('refuses what the game refuses, for shape errors', () => {
    const base = JSON.parse(readFileSync(join(examplesDir, 'minimal.json'), 'utf8')) as Json;
    const broken: Json[] = [
      { ...base, version: 2 },
      { ...base, $schema: '../scenario.schema.json' },
      { ...base, horizon: 0 },
      { ...base, id: '1abc' },
      { ...base, workCenters: [{ id: 'desk', workers: 1.5 }] },
      { ...base, workCenters: [{ id: 'desk', workers: 1, wipLimit: 0 }] },
      { ...base, workCenters: [{ id: 'desk', workers: 1, queue: 'lifo' }] },
      { ...base, policy: { release: { type: 'conwip' } } },
      { ...base, workTypes: [{ id: 't', kind: 'change', route: [{ center: 'desk', effort: { type: 'normal', mean: 1 } }] }] },
      { ...base, workTypes: [{ id: 't', kind: 'bug', route: [{ center: 'desk', effort: 1 }] }] },
      { ...base, workTypes: [{ id: 't', kind: 'change', route: [] }] },
    ];
    for (const b of broken) {
      expect(parseScenario(b).ok, JSON.stringify(b)).toBe(false);
      expect(schemaErrors(b).length, JSON.stringify(b)).toBeGreaterThan(0);
    }
    const { horizon: _h, ...noHorizon } = base;
    expect(parseScenario(noHorizon).ok).toBe(false);
    expect(schemaErrors(noHorizon)).toContain('(scenario).horizon: required');
  });
});
