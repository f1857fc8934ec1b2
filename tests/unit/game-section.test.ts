/**
 * The scenario's `game` section: a trainer's mistake in rounds, levers or goal is refused at load
 * time with plain words and the path at fault, never found mid-game. Each row starts from a valid
 * copy of the Brent lesson, breaks one thing, and pins the full list of messages parseScenario
 * gives. Then the lever helpers that turn a setting into engine commands, and the built-ins.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario';
import { leverCommands, leverCost, leverInitial, leverValues } from '../../src/scenario/LeverCommands';
import type { LeverSpec } from '../../src/scenario/GameSchema';
import { BUILTIN_SCENARIOS, builtinIds } from '../../src/scenarios/index';
import brentFixture from '../fixtures/brent-game.json';
import { checkCommand, compileModel } from '../../src/sim/index';

/** Rows poke at arbitrary JSON, so the fixture is deliberately untyped. */
type Json = any;

/**
 * A fresh copy of a frozen Brent game (horizon 60; three rounds of 20; levers brentFocus, devWip,
 * release, freeze, crossTrain), kept apart from the shipped lesson so the lesson can change.
 */
function brent(): Json {
  return structuredClone(brentFixture) as Json;
}

const lever = (s: Json, id: string): Json => s.game.levers.find((l: Json) => l.id === id);

interface Row {
  name: string;
  edit: (s: Json) => void;
  errors: string[];
}

const rows: Row[] = [
  {
    name: 'rounds longer than the horizon',
    edit: (s) => (s.game.rounds[2].length = 25),
    errors: ['game.rounds: must fit in the horizon: the rounds last 65 but the horizon is 60'],
  },
  {
    name: 'a round naming an unknown lever',
    edit: (s) => (s.game.rounds[1].levers[0] = 'x'),
    errors: ['game.rounds[1].levers[0]: names no lever: "x"'],
  },
  {
    name: 'a duplicate lever id',
    edit: (s) => s.game.levers.push({ ...structuredClone(lever(s, 'freeze')), label: 'Freeze again' }),
    errors: ['game.levers[5].id: "freeze" is used by another lever'],
  },
  {
    name: 'a lever id that is not an id',
    edit: (s) => (lever(s, 'freeze').id = '1freeze'),
    errors: ['game.levers[3].id: must be an id: a letter, then up to 39 letters, digits, "-" or "_"'],
  },
  {
    name: 'a number lever with min above max',
    edit: (s) => (lever(s, 'devWip').min = 13),
    errors: ['game.levers[1].max: must be at least min'],
  },
  {
    name: 'a number lever starting outside its range',
    edit: (s) => (lever(s, 'devWip').initial = 20),
    errors: ['game.levers[1].initial: must be from min (1) to max (12)'],
  },
  {
    name: 'a number lever starting "off" without an "off" label',
    edit: (s) => delete lever(s, 'devWip').off,
    errors: ['game.levers[1].initial: can be null (off) only when the lever has an "off" label'],
  },
  {
    name: 'a number lever whose range the engine refuses (a WIP limit of 0)',
    edit: (s) => {
      const l = lever(s, 'devWip');
      delete l.off;
      l.initial = 1;
      l.min = 0;
    },
    errors: ['game.levers[1].commands[0]: limit: must be a whole number from 1 to 200000, or null'],
  },
  {
    name: 'a choice lever starting on an option it does not have',
    edit: (s) => (lever(s, 'brentFocus').initial = 2),
    errors: ['game.levers[0].initial: must name one of the 2 options (0 to 1)'],
  },
  {
    name: 'a choice lever with one option',
    edit: (s) => lever(s, 'freeze').options.pop(),
    errors: ['game.levers[3].options: must offer at least 2 options'],
  },
  {
    name: 'a lever of an unknown kind',
    edit: (s) => (lever(s, 'freeze').kind = 'toggle'),
    errors: ['game.levers[3].kind: must be a lever whose "kind" is "choice" or "number"'],
  },
  {
    name: 'a number lever command naming an unknown center',
    edit: (s) => (lever(s, 'devWip').commands[0].center = 'qa2'),
    errors: ['game.levers[1].commands[0]: center: names no work center: "qa2"'],
  },
  {
    name: 'a choice option command naming an unknown center',
    edit: (s) => (lever(s, 'release').options[2].commands[0].release.center = 'qa2'),
    errors: ['game.levers[2].options[2].commands[0]: release.center: names no work center: "qa2"'],
  },
  {
    name: 'a choice option command naming an unknown person',
    edit: (s) => (lever(s, 'brentFocus').options[1].commands[0].person = 'patty'),
    errors: ['game.levers[0].options[1].commands[0]: person: names no named person: "patty"'],
  },
  {
    name: 'a command of a type the engine does not know',
    edit: (s) => (lever(s, 'freeze').options[1].commands[0].type = 'freezeAll'),
    errors: ['game.levers[3].options[1].commands[0]: type: names no command: "freezeAll"'],
  },
  {
    name: 'a command with "at"',
    edit: (s) => (lever(s, 'devWip').commands[0].at = 5),
    errors: ['game.levers[1].commands[0]: must not have "at": the game stamps the round start'],
  },
  {
    name: 'a command without "type"',
    edit: (s) => delete lever(s, 'devWip').commands[0].type,
    errors: ['game.levers[1].commands[0]: must have a "type", e.g. "setWipLimit"'],
  },
  {
    name: 'a command that is not an object',
    edit: (s) => (lever(s, 'devWip').commands[0] = 'setWipLimit'),
    errors: ['game.levers[1].commands[0]: must be a command object such as { "type": "setWipLimit", ... }'],
  },
  {
    name: 'a goal with both atLeast and atMost',
    edit: (s) => (s.game.goal.atMost = 900),
    errors: ['game.goal: must have exactly one of "atLeast" and "atMost"'],
  },
  {
    name: 'a goal with neither atLeast nor atMost',
    edit: (s) => delete s.game.goal.atLeast,
    errors: ['game.goal: must have exactly one of "atLeast" and "atMost"'],
  },
  {
    name: 'a goal on an unknown metric',
    edit: (s) => (s.game.goal.metric = 'profit'),
    errors: ['game.goal.metric: must be one of "score", "done", "throughput", "leadTimeMean", "leadTimeP85", "value"'],
  },
  {
    name: 'a round of length 0',
    edit: (s) => (s.game.rounds[0].length = 0),
    errors: ['game.rounds[0].length: must be a number from 0.001 to 100000'],
  },
  {
    name: 'no rounds at all in the list',
    edit: (s) => (s.game.rounds = []),
    errors: ['game.rounds: must have at least one round'],
  },
  {
    name: 'a negative budget',
    edit: (s) => (s.game.budget = -5),
    errors: ['game.budget: must be a number from 0 to 1000000'],
  },
  {
    name: 'an unknown field in game',
    edit: (s) => (s.game.foo = 1),
    errors: ['game.foo: is not a field this format knows'],
  },
  {
    name: 'an unknown field in a lever',
    edit: (s) => (lever(s, 'devWip').default = 3),
    errors: ['game.levers[1].default: is not a field this format knows'],
  },
  {
    name: 'a strategy setting a lever its round does not open',
    edit: (s) => (s.game.strategies = [{ id: 'early', label: 'Early', rounds: [{ devWip: 4 }] }]),
    errors: ['game.strategies[0].rounds[0].devWip: "devWip" is not open before round 1'],
  },
  {
    name: 'a strategy setting a value the lever does not have',
    edit: (s) => (s.game.strategies = [{ id: 'big', label: 'Big', rounds: [{}, { devWip: 40 }] }]),
    errors: ['game.strategies[0].rounds[1].devWip: 40 is not a setting of "devWip"'],
  },
  {
    name: 'a strategy naming no lever, and two strategies with one id',
    edit: (s) =>
      (s.game.strategies = [
        { id: 'a', label: 'A', rounds: [{}, { nosuch: 1 }] },
        { id: 'a', label: 'A again', rounds: [] },
      ]),
    errors: ['game.strategies[0].rounds[1].nosuch: names no lever: "nosuch"', 'game.strategies[1].id: "a" is used by another strategy'],
  },
  {
    name: 'a proof naming an unknown strategy, a round past the last, and no center for queueTime',
    edit: (s) => {
      s.game.strategies = [{ id: 'a', label: 'A', rounds: [] }];
      s.game.proofs = [{ claim: 'c', metric: 'queueTime', a: { strategy: 'a', round: 4 }, b: { strategy: 'b' }, expect: 'lower' }];
    },
    errors: [
      'game.proofs[0].center: is required for "queueTime"',
      'game.proofs[0].a.round: must be a round of the game (1 to 3)',
      'game.proofs[0].b.strategy: names no strategy: "b"',
    ],
  },
  {
    name: 'a "similar" proof without a tolerance',
    edit: (s) => {
      s.game.strategies = [{ id: 'a', label: 'A', rounds: [] }];
      s.game.proofs = [{ claim: 'c', metric: 'throughput', a: { strategy: 'a' }, b: { strategy: 'a' }, expect: 'similar' }];
    },
    errors: ['game.proofs[0]: "tolerance" goes with "expect": "similar", and only with it'],
  },
  {
    name: 'evidence about a person who is not in the scenario',
    edit: (s) => (s.game.evidence = [{ metric: 'personBusy', person: 'bill' }]),
    errors: ['game.evidence[0].person: names no person: "bill"'],
  },
];

describe('a malformed game section is refused with the path at fault', () => {
  it('the fixture itself is valid', () => {
    const r = parseScenario(brent());
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const s = brent();
    row.edit(s);
    const r = parseScenario(s);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual(row.errors);
  });

  it('a WIP limit of 0 on a lever that can also be "off" is refused too', () => {
    const s = brent();
    lever(s, 'devWip').min = 0;
    const r = parseScenario(s);
    expect(r.ok ? [] : r.errors).toEqual(['game.levers[1].commands[0]: limit: must be a whole number from 1 to 200000, or null']);
  });

  it('rounds may end before the horizon', () => {
    const s = brent();
    s.game.rounds[2].length = 5;
    expect(parseScenario(s).ok).toBe(true);
  });
});

describe('leverCommands', () => {
  const wip: LeverSpec = {
    id: 'devWip',
    kind: 'number',
    label: 'WIP limit, Development',
    commands: [
      { type: 'setWipLimit', center: 'dev', limit: '$value' },
      { type: 'setBatch', center: 'dev', processBatch: 1, note: ['$value', { deep: '$value' }, 'value'] },
    ],
    min: 1,
    max: 12,
    initial: null,
    off: 'no limit',
  };
  const release: LeverSpec = {
    id: 'release',
    kind: 'choice',
    label: 'Release',
    options: [
      { label: 'Push', commands: [{ type: 'setRelease', release: { type: 'push' } }] },
      {
        label: 'Cap',
        cost: 5,
        commands: [
          { type: 'setRelease', release: { type: 'conwip', limit: 12 } },
          { type: 'setFreeze', frozen: true },
        ],
      },
    ],
  };

  it('a number lever fills every "$value", however deep, and stamps the round start', () => {
    expect(leverCommands(wip, 4, 20)).toEqual([
      { type: 'setWipLimit', center: 'dev', limit: 4, at: 20 },
      { type: 'setBatch', center: 'dev', processBatch: 1, note: [4, { deep: 4 }, 'value'], at: 20 },
    ]);
  });

  it('a number lever set to "off" sends null', () => {
    expect(leverCommands(wip, null, 40)[0]).toEqual({ type: 'setWipLimit', center: 'dev', limit: null, at: 40 });
  });

  it('a choice lever sends the chosen option\'s commands, each stamped with `at`', () => {
    expect(leverCommands(release, 1, 20)).toEqual([
      { type: 'setRelease', release: { type: 'conwip', limit: 12 }, at: 20 },
      { type: 'setFreeze', frozen: true, at: 20 },
    ]);
    expect(leverCommands(release, 0, 0)).toEqual([{ type: 'setRelease', release: { type: 'push' }, at: 0 }]);
    expect(leverCommands(release, 2, 0)).toEqual([]);
    expect(leverCommands(release, null, 0)).toEqual([]);
  });

  it('never changes the lever it reads', () => {
    const before = structuredClone(release);
    const sent = leverCommands(release, 1, 20);
    (sent[0] as Json).release.limit = 99;
    leverCommands(wip, 7, 0);
    expect(release).toEqual(before);
    expect(wip.kind === 'number' && wip.commands[0]!.limit).toBe('$value');
  });

  it('the commands of the Brent lesson pass the engine\'s own check at every setting', () => {
    const s = parseScenario(brent());
    if (!s.ok) throw new Error(s.errors.join('\n'));
    const model = compileModel(s.scenario);
    for (const l of s.scenario.game!.levers!) {
      for (const v of leverValues(l)) for (const c of leverCommands(l, v, 20)) expect(checkCommand(model, c), `${l.id} = ${v}`).toBeNull();
    }
  });
});

describe('leverValues, leverInitial, leverCost', () => {
  const number = (extra: Partial<Extract<LeverSpec, { kind: 'number' }>>): LeverSpec => ({
    id: 'n',
    kind: 'number',
    label: 'N',
    commands: [{ type: 'setWipLimit', center: 'dev', limit: '$value' }],
    min: 1,
    max: 5,
    initial: 1,
    ...extra,
  });

  it('lists "off" first, then min to max', () => {
    expect(leverValues(number({ off: 'no limit' }))).toEqual([null, 1, 2, 3, 4, 5]);
    expect(leverValues(number({}))).toEqual([1, 2, 3, 4, 5]);
  });

  it('walks in steps and never passes max', () => {
    expect(leverValues(number({ min: 2, max: 11, step: 3 }))).toEqual([2, 5, 8, 11]);
    expect(leverValues(number({ min: 2, max: 10, step: 3 }))).toEqual([2, 5, 8]);
    expect(leverValues(number({ min: 4, max: 4 }))).toEqual([4]);
  });

  it('a choice lever lists its option indexes', () => {
    const s = brent();
    expect(leverValues(lever(s, 'release'))).toEqual([0, 1, 2]);
  });

  it('the initial setting: a choice lever defaults to its first option, a number lever to its initial', () => {
    const s = brent();
    expect(leverInitial(lever(s, 'release'))).toBe(0);
    expect(leverInitial({ ...lever(s, 'release'), initial: 2 })).toBe(2);
    expect(leverInitial(lever(s, 'devWip'))).toBeNull();
    expect(leverInitial(number({ initial: 3 }))).toBe(3);
  });

  it('only a choice option costs anything', () => {
    const s = brent();
    expect(leverCost(lever(s, 'crossTrain'), 1)).toBe(20);
    expect(leverCost(lever(s, 'crossTrain'), 0)).toBe(0);
    expect(leverCost(lever(s, 'crossTrain'), null)).toBe(0);
    expect(leverCost(lever(s, 'devWip'), 5)).toBe(0);
  });
});

describe('built-in scenarios', () => {
  const withGame = builtinIds().filter((id) => (BUILTIN_SCENARIOS[id] as Json).game !== undefined);

  it('at least the Brent lesson has a game section', () => {
    expect(withGame).toContain('brent');
  });

  it.each(withGame)('%s: its game section parses, and its rounds fit its horizon', (id) => {
    const r = parseScenario(BUILTIN_SCENARIOS[id]);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    const g = r.scenario.game!;
    const total = (g.rounds ?? []).reduce((a, x) => a + x.length, 0);
    expect(total).toBeLessThanOrEqual(r.scenario.horizon);
    const ids = new Set((g.levers ?? []).map((l) => l.id));
    for (const round of g.rounds ?? []) for (const l of round.levers ?? []) expect(ids.has(l), `${id}: ${l}`).toBe(true);
  });
});
