/**
 * A trainer's scenario file is refused with plain words that point at the field at fault.
 * Each row starts from one small valid scenario, breaks exactly one thing, and pins the full
 * list of messages parseScenario gives, so a change of wording is a deliberate change here.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario';
import { BUILTIN_SCENARIOS, builtinIds, builtinScenario } from '../../src/scenarios/index';
import { compileModel } from '../../src/sim/Model';
import { clone } from '../support/sim';

/** Rows poke at arbitrary JSON, so the fixture is deliberately untyped. */
type Json = any;

/** Valid, and small, but with one of each part a row may break. */
function valid(): Json {
  return {
    format: 'phoenix-flow/scenario',
    version: 1,
    id: 'check',
    title: 'Validation fixture',
    horizon: 50,
    warmup: 5,
    workTypes: [
      {
        id: 'feature',
        kind: 'business',
        arrivals: [{ type: 'poisson', rate: 1 }],
        route: [
          { center: 'dev', effort: { type: 'exponential', mean: 1 }, defect: { chance: 0.1, foundAt: 'qa' } },
          { center: 'qa', effort: 0.5 },
          { center: 'ops', effort: { type: 'uniform', min: 0.1, max: 0.3 }, skill: 'infra' },
          { center: 'release', effort: 0.01 },
        ],
      },
      {
        id: 'incident',
        kind: 'unplanned',
        dueIn: 1,
        arrivals: [{ type: 'poisson', rate: 0.1 }],
        route: [{ center: 'ops', effort: 0.5, skill: 'infra' }],
      },
    ],
    workCenters: [
      { id: 'dev', workers: 2 },
      { id: 'qa', workers: 1, wipLimit: 3 },
      { id: 'ops', workers: 1 },
      { id: 'release', kind: 'deploy', workers: 1, releaseEvery: 5, changeFailure: { chance: 0.1, incidentType: 'incident' } },
    ],
    people: [{ id: 'brent', centers: ['ops', 'dev'], skills: ['infra'] }],
    policy: { release: { type: 'push' } },
  };
}

interface Row {
  name: string;
  /** Breaks the valid fixture (in place) or returns a replacement input. */
  breakIt: (s: Json) => unknown;
  /** The exact messages, in order (a matcher only where the text comes from the JS engine). */
  errors: unknown[];
}

const ROWS: Row[] = [
  {
    name: 'bad JSON text',
    breakIt: (s) => JSON.stringify(s).slice(0, -1),
    // The detail in brackets is the JavaScript engine's own wording, which varies by Node version.
    errors: [expect.stringMatching(/^\(scenario\): is not valid JSON \(.+\)$/)],
  },
  { name: 'a JSON array', breakIt: () => '[1, 2]', errors: ['(scenario): must be a JSON object'] },
  { name: 'null', breakIt: () => null, errors: ['(scenario): must be a JSON object'] },
  { name: 'a number', breakIt: () => 42, errors: ['(scenario): must be a JSON object'] },
  { name: 'wrong format', breakIt: (s) => void (s.format = 'other'), errors: ['format: must be "phoenix-flow/scenario"'] },
  {
    name: 'wrong version',
    breakIt: (s) => void (s.version = 2),
    errors: ['version: must be 1: this game reads scenario format version 1'],
  },
  { name: 'missing version', breakIt: (s) => void delete s.version, errors: ['version: is required'] },
  { name: 'missing title', breakIt: (s) => void delete s.title, errors: ['title: is required'] },
  { name: 'title not text', breakIt: (s) => void (s.title = 7), errors: ['title: must be text'] },
  { name: 'bad id', breakIt: (s) => void (s.id = '9lives'), errors: ['id: must be an id: a letter, then up to 39 letters, digits, "-" or "_"'] },
  { name: 'unknown top-level field', breakIt: (s) => void (s.colour = 'red'), errors: ['colour: is not a field this format knows'] },
  {
    name: 'unknown field in a step',
    breakIt: (s) => void (s.workTypes[0].route[1].efort = 2),
    errors: ['workTypes[0].route[1].efort: is not a field this format knows'],
  },
  { name: 'horizon zero', breakIt: (s) => void (s.horizon = 0), errors: ['horizon: must be a number greater than 0'] },
  { name: 'horizon too long', breakIt: (s) => void (s.horizon = 1e6), errors: ['horizon: must be at most 100000'] },
  { name: 'warmup equal to the horizon', breakIt: (s) => void (s.warmup = 50), errors: ['warmup: must be less than the horizon (50)'] },
  { name: 'no work types', breakIt: (s) => void (s.workTypes = []), errors: ['workTypes: must have at least one work type'] },
  {
    name: 'fractional workers',
    breakIt: (s) => void (s.workCenters[0].workers = 1.5),
    errors: ['workCenters[0].workers: must be a whole number from 0 to 200'],
  },
  {
    name: 'negative workers',
    breakIt: (s) => void (s.workCenters[1].workers = -1),
    errors: ['workCenters[1].workers: must be a whole number from 0 to 200'],
  },
  {
    name: 'unknown kind of work',
    breakIt: (s) => void (s.workTypes[0].kind = 'epic'),
    errors: ['workTypes[0].kind: must be one of "business", "internal", "change", "unplanned", "custom"'],
  },
  {
    name: 'a route naming a missing center',
    breakIt: (s) => void (s.workTypes[0].route[1].center = 'test'),
    errors: ['workTypes[0].route[0].defect.foundAt: must be "same", "customer" or a center later on this route; "qa" is not', 'workTypes[0].route[1].center: names no work center: "test"'],
  },
  {
    name: 'an empty route',
    breakIt: (s) => void (s.workTypes[1].route = []),
    errors: ['workTypes[1].route: must have at least one step'],
  },
  {
    name: 'duplicate center ids',
    breakIt: (s) => void s.workCenters.push({ id: 'qa', workers: 1 }),
    errors: ['workCenters[4].id: "qa" is used by another work center'],
  },
  {
    name: 'duplicate work type ids',
    breakIt: (s) => void s.workTypes.push({ ...s.workTypes[1] }),
    errors: ['workTypes[2].id: "incident" is used by another work type'],
  },
  {
    name: 'duplicate person ids',
    breakIt: (s) => void s.people.push({ id: 'brent', centers: ['dev'] }),
    errors: ['people[1].id: "brent" is used by another person'],
  },
  {
    name: 'a center with nobody',
    breakIt: (s) => void (s.workCenters[1].workers = 0),
    errors: ['workCenters[1].workers: "qa" has nobody to do its work: give it workers or list it in a person\'s centers'],
  },
  {
    name: 'a skill nobody has',
    breakIt: (s) => void (s.people[0].skills = ['db']),
    errors: [
      'workTypes[0].route[2].skill: nobody at "ops" has the skill "infra", so this work could never finish',
      'workTypes[1].route[0].skill: nobody at "ops" has the skill "infra", so this work could never finish',
    ],
  },
  {
    name: 'a person at a missing center',
    breakIt: (s) => void s.people[0].centers.push('sales'),
    errors: ['people[0].centers[2]: names no work center: "sales"'],
  },
  {
    name: 'a person listing a center twice',
    breakIt: (s) => void s.people[0].centers.push('ops'),
    errors: ['people[0].centers[2]: lists "ops" twice'],
  },
  { name: 'a person with no centers', breakIt: (s) => void (s.people[0].centers = []), errors: ['people[0].centers: must name at least one center'] },
  { name: 'people without centers', breakIt: (s) => void delete s.people[0].centers, errors: ['people[0].centers: is required'] },
  {
    name: 'defect found at an earlier center',
    breakIt: (s) => void (s.workTypes[0].route[2].defect = { chance: 0.1, foundAt: 'dev' }),
    errors: ['workTypes[0].route[2].defect.foundAt: must be "same", "customer" or a center later on this route; "dev" is not'],
  },
  {
    name: 'defect chance above 1',
    breakIt: (s) => void (s.workTypes[0].route[0].defect.chance = 1.5),
    errors: ['workTypes[0].route[0].defect.chance: must be a probability from 0 to 1'],
  },
  {
    name: 'fixedDate without dueIn',
    breakIt: (s) => void (s.workTypes[0].classOfService = 'fixedDate'),
    errors: ['workTypes[0].dueIn: is required for the fixed-date class of service'],
  },
  {
    name: 'an absurd poisson rate',
    breakIt: (s) => void (s.workTypes[0].arrivals[0].rate = 5000),
    errors: ['workTypes: would create about 250005 work items; the limit is 200000'],
  },
  {
    name: 'a poisson rate above the limit',
    breakIt: (s) => void (s.workTypes[0].arrivals[0].rate = 20000),
    errors: ['workTypes[0].arrivals[0].rate: must be at most 10000'],
  },
  {
    name: 'a poisson source ending before it starts',
    breakIt: (s) => void Object.assign(s.workTypes[0].arrivals[0], { start: 10, end: 5 }),
    errors: ['workTypes[0].arrivals[0].end: must not be before start'],
  },
  {
    name: 'an endless interval source with no gap between arrivals',
    breakIt: (s) => void (s.workTypes[0].arrivals[0] = { type: 'interval', every: 0 }),
    errors: ['workTypes[0].arrivals[0].every: must have a mean above 0, or the source needs a count'],
  },
  {
    name: 'an interval source that would create too many items',
    breakIt: (s) => void (s.workTypes[0].arrivals[0] = { type: 'interval', every: 0.0001 }),
    errors: ['workTypes: would create about 500005 work items; the limit is 200000'],
  },
  {
    name: 'an unknown arrival type',
    breakIt: (s) => void (s.workTypes[0].arrivals[0] = { type: 'burst', count: 3 }),
    errors: ['workTypes[0].arrivals[0].type: must be an arrival source whose "type" is one of "poisson", "interval", "backlog", "scheduled"'],
  },
  {
    name: 'negative effort',
    breakIt: (s) => void (s.workTypes[0].route[1].effort = -1),
    errors: ['workTypes[0].route[1].effort: must be a number from 0 to 100000'],
  },
  {
    name: 'effort as text',
    breakIt: (s) => void (s.workTypes[0].route[1].effort = '2 days'),
    errors: ['workTypes[0].route[1].effort: must be a number or a distribution such as {"type": "exponential", "mean": 2}'],
  },
  {
    name: 'missing effort',
    breakIt: (s) => void delete s.workTypes[0].route[1].effort,
    errors: ['workTypes[0].route[1].effort: is required'],
  },
  {
    name: 'an unknown distribution',
    breakIt: (s) => void (s.workTypes[0].route[1].effort = { type: 'weibull', shape: 2 }),
    errors: ['workTypes[0].route[1].effort: must be a number or a distribution such as {"type": "exponential", "mean": 2}'],
  },
  {
    name: 'uniform with min above max',
    breakIt: (s) => void (s.workTypes[0].route[2].effort = { type: 'uniform', min: 3, max: 1 }),
    errors: ['workTypes[0].route[2].effort.max: min must not exceed max'],
  },
  {
    name: 'triangular with the mode outside [min, max]',
    breakIt: (s) => void (s.workTypes[0].route[1].effort = { type: 'triangular', min: 1, mode: 5, max: 4 }),
    errors: ['workTypes[0].route[1].effort.mode: needs min <= mode <= max and min < max'],
  },
  {
    name: 'triangular with no width',
    breakIt: (s) => void (s.workTypes[0].route[1].effort = { type: 'triangular', min: 2, mode: 2, max: 2 }),
    errors: ['workTypes[0].route[1].effort.mode: needs min <= mode <= max and min < max'],
  },
  {
    name: 'exponential with mean 0',
    breakIt: (s) => void (s.workTypes[0].route[0].effort = { type: 'exponential', mean: 0 }),
    errors: ['workTypes[0].route[0].effort.mean: must be a number greater than 0'],
  },
  {
    name: 'dice with one side',
    breakIt: (s) => void (s.workTypes[0].route[1].effort = { type: 'dice', count: 2, sides: 1 }),
    errors: ['workTypes[0].route[1].effort.sides: must be a whole number from 2 to 1000'],
  },
  {
    name: 'empirical weights not matching the values',
    breakIt: (s) => void (s.workTypes[0].route[1].effort = { type: 'empirical', values: [1, 2, 3], weights: [1, 1] }),
    errors: ['workTypes[0].route[1].effort.weights: must have one weight per value'],
  },
  {
    name: 'empirical weights all zero',
    breakIt: (s) => void (s.workTypes[0].route[1].effort = { type: 'empirical', values: [1, 2], weights: [0, 0] }),
    errors: ['workTypes[0].route[1].effort.weights: must have at least one weight above 0'],
  },
  {
    name: 'empirical with no values',
    breakIt: (s) => void (s.workTypes[0].route[1].effort = { type: 'empirical', values: [] }),
    errors: ['workTypes[0].route[1].effort.values: must list at least one value'],
  },
  {
    name: 'a WIP limit of 0',
    breakIt: (s) => void (s.workCenters[1].wipLimit = 0),
    errors: ['workCenters[1].wipLimit: must be a whole number from 1 to 200000, or null for no limit'],
  },
  {
    name: 'a drum at a missing center',
    breakIt: (s) => void (s.policy.release = { type: 'drum', center: 'bottleneck', buffer: 4 }),
    errors: ['policy.release.center: names no work center: "bottleneck"'],
  },
  {
    name: 'a drum without a buffer',
    breakIt: (s) => void (s.policy.release = { type: 'drum', center: 'ops' }),
    errors: ['policy.release.buffer: is required'],
  },
  {
    name: 'an unknown release policy',
    breakIt: (s) => void (s.policy.release = { type: 'kanban' }),
    errors: ['policy.release.type: must be a release policy whose "type" is one of "push", "conwip", "drum"'],
  },
  {
    name: 'a CONWIP limit of 0',
    breakIt: (s) => void (s.policy.release = { type: 'conwip', limit: 0 }),
    errors: ['policy.release.limit: must be a whole number from 1 to 200000'],
  },
  { name: 'people not a list', breakIt: (s) => void (s.people = {}), errors: ['people: must be a list of people'] },
  { name: 'work centers missing', breakIt: (s) => void delete s.workCenters, errors: ['workCenters: is required'] },
  {
    name: 'a change failure naming a missing incident type',
    breakIt: (s) => void (s.workCenters[3].changeFailure.incidentType = 'outage'),
    errors: ['workCenters[3].changeFailure.incidentType: names no work type: "outage"'],
  },
  {
    name: 'a release schedule on an ordinary center',
    breakIt: (s) => void (s.workCenters[2].releaseEvery = 5),
    errors: ['workCenters[2].releaseEvery: only a center of kind "deploy" has a release schedule'],
  },
  {
    name: 'a change failure on an ordinary center',
    breakIt: (s) => void (s.workCenters[2].changeFailure = { chance: 0.1 }),
    errors: ['workCenters[2].changeFailure: only a center of kind "deploy" has a change-failure rate'],
  },
  {
    name: 'a boolean as text',
    breakIt: (s) => void (s.workTypes[1].preempt = 'yes'),
    errors: ['workTypes[1].preempt: must be true or false'],
  },
  {
    name: 'an unknown dispatch rule',
    breakIt: (s) => void (s.people[0].dispatch = 'random'),
    errors: ['people[0].dispatch: must be one of "order", "fifo", "longestQueue"'],
  },
  {
    name: 'several faults at once',
    breakIt: (s) => {
      delete s.title;
      s.workCenters[0].workers = 1.5;
      s.extra = true;
    },
    errors: ['title: is required', 'workCenters[0].workers: must be a whole number from 0 to 200', 'extra: is not a field this format knows'],
  },
];

describe('parseScenario', () => {
  it('accepts the fixture every row starts from', () => {
    const r = parseScenario(valid());
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('accepts the fixture as JSON text too', () => {
    expect(parseScenario(JSON.stringify(valid())).ok).toBe(true);
  });

  it('has a broad table of broken scenarios', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ROWS)('refuses $name', ({ breakIt, errors }) => {
    const s = valid();
    const replaced = breakIt(s);
    const r = parseScenario(replaced === undefined ? s : replaced);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual(errors);
  });

  it('refuses text larger than the limit before parsing it', () => {
    const r = parseScenario(' '.repeat(1_000_001));
    expect(r).toEqual({ ok: false, errors: ['(scenario): is larger than 1000000 characters'] });
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, '', '{', 'null', '"text"', [], {}, { workTypes: 'x' }, Symbol('s'), () => 1, 1n]) {
      expect(() => parseScenario(input)).not.toThrow();
      expect(parseScenario(input).ok).toBe(false);
    }
  });

  it('does not change the value it is given', () => {
    const s = valid();
    const before = clone(s);
    parseScenario(s);
    expect(s).toEqual(before);
  });
});

describe('built-in scenarios', () => {
  it('lists the shipped scenarios', () => {
    expect(builtinIds().sort()).toEqual(['batch-size', 'brent', 'dice-game', 'finale', 'four-types', 'mm1', 'penny', 'second-way', 'utilisation', 'wip-limits']);
  });

  it.each(builtinIds())('%s parses, compiles and matches its id', (id) => {
    const r = parseScenario(BUILTIN_SCENARIOS[id]);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const s = builtinScenario(id);
    expect(s.id).toBe(id);
    expect(() => compileModel(s)).not.toThrow();
  });

  it('refuses an unknown built-in id', () => {
    expect(() => builtinScenario('nope')).toThrow('no built-in scenario "nope"');
  });
});
