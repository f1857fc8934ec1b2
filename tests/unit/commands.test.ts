/**
 * A decision from a link, a file or the UI is checked against the model before it can touch a
 * run: a bad one is refused whole, with a plain message, never half-applied.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/sim/Command';
import { checkCommand } from '../../src/sim/CommandCheck';
import { Simulation } from '../../src/sim/Simulation';
import { compileModel } from '../../src/sim/Model';
import { builtinScenario } from '../../src/scenarios/index';

// Brent has every kind of part a command can name: a named person, skills, a deploy center.
const model = compileModel(builtinScenario('brent'));

/** Commands arrive as untrusted JSON, so the table may hold shapes the type would forbid. */
const cmd = (c: Record<string, unknown>) => c as unknown as Command;

const BAD: Array<[string, Command, string]> = [
  ['an unknown command type', cmd({ type: 'fireBrent', at: 1 }), 'type: names no command: "fireBrent"'],
  ['a time before 0', cmd({ type: 'setFreeze', at: -1, frozen: true }), 'at: must be a time from 0 to the horizon (60)'],
  ['a time beyond the horizon', cmd({ type: 'setFreeze', at: 61, frozen: true }), 'at: must be a time from 0 to the horizon (60)'],
  ['a time that is not a number', cmd({ type: 'setFreeze', at: '5', frozen: true }), 'at: must be a time from 0 to the horizon (60)'],
  ['a NaN time', cmd({ type: 'setFreeze', at: NaN, frozen: true }), 'at: must be a time from 0 to the horizon (60)'],
  ['a WIP limit at an unknown center', cmd({ type: 'setWipLimit', at: 1, center: 'sales', limit: 3 }), 'center: names no work center: "sales"'],
  ['a WIP limit of 0', cmd({ type: 'setWipLimit', at: 1, center: 'dev', limit: 0 }), 'limit: must be a whole number from 1 to 200000, or null'],
  ['a fractional WIP limit', cmd({ type: 'setWipLimit', at: 1, center: 'dev', limit: 2.5 }), 'limit: must be a whole number from 1 to 200000, or null'],
  ['a WIP limit given as text', cmd({ type: 'setWipLimit', at: 1, center: 'dev', limit: '3' }), 'limit: must be a whole number from 1 to 200000, or null'],
  ['a process batch of 0', cmd({ type: 'setBatch', at: 1, center: 'qa', processBatch: 0 }), 'processBatch: must be a whole number from 1 to 1000'],
  ['a transfer batch too big', cmd({ type: 'setBatch', at: 1, center: 'qa', transferBatch: 1001 }), 'transferBatch: must be a whole number from 1 to 1000'],
  ['a batch at an unknown center', cmd({ type: 'setBatch', at: 1, center: 'x', transferBatch: 2 }), 'center: names no work center: "x"'],
  ['a release policy that is not one', cmd({ type: 'setRelease', at: 1, release: null }), 'release: must be a release policy'],
  ['an unknown release type', cmd({ type: 'setRelease', at: 1, release: { type: 'kanban' } }), 'release.type: must be one of "push", "conwip", "drum"'],
  ['a CONWIP limit of 0', cmd({ type: 'setRelease', at: 1, release: { type: 'conwip', limit: 0 } }), 'release.limit: must be a whole number of at least 1'],
  ['a drum at an unknown center', cmd({ type: 'setRelease', at: 1, release: { type: 'drum', center: 'x', buffer: 3 } }), 'release.center: names no work center: "x"'],
  ['a drum without a buffer', cmd({ type: 'setRelease', at: 1, release: { type: 'drum', center: 'ops' } }), 'release.buffer: must be a whole number of at least 1'],
  ['a freeze that is not a boolean', cmd({ type: 'setFreeze', at: 1, frozen: 'yes' }), 'frozen: must be true or false'],
  ['assigning an unknown person', cmd({ type: 'assign', at: 1, person: 'nobody', centers: ['ops'] }), 'person: names no named person: "nobody"'],
  // Anonymous workers have generated ids but cannot be given decisions.
  ['assigning an anonymous worker', cmd({ type: 'assign', at: 1, person: 'ops-1', centers: ['ops'] }), 'person: names no named person: "ops-1"'],
  ['assigning to an unknown center', cmd({ type: 'assign', at: 1, person: 'brent', centers: ['ops', 'x'] }), 'centers: names no work center: "x"'],
  ['assigning centers that are not a list', cmd({ type: 'assign', at: 1, person: 'brent', centers: 'ops' }), 'centers: must be a list of center ids, or null'],
  ['assigning an unknown work type', cmd({ type: 'assign', at: 1, person: 'brent', centers: null, workTypes: ['epic'] }), 'workTypes: names no work type: "epic"'],
  ['an unknown dispatch rule', cmd({ type: 'setDispatch', at: 1, person: 'brent', rule: 'random' }), 'rule: must be one of order, fifo, longestQueue'],
  ['an investment above 1', cmd({ type: 'invest', at: 1, center: 'release', setupFactor: 1.5 }), 'setupFactor: must be a number from 0 to 1'],
  ['a negative failure factor', cmd({ type: 'invest', at: 1, center: 'release', failureFactor: -0.1 }), 'failureFactor: must be a number from 0 to 1'],
  ['cross-training from an unknown expert', cmd({ type: 'crossTrain', at: 1, expert: 'nobody', trainees: ['brent'], skill: 'infra', effort: 1 }), 'expert: names no named person: "nobody"'],
  ['cross-training nobody', cmd({ type: 'crossTrain', at: 1, expert: 'brent', trainees: [], skill: 'infra', effort: 1 }), 'trainees: must list at least one person'],
  ['cross-training an unknown skill', cmd({ type: 'crossTrain', at: 1, expert: 'brent', trainees: ['brent'], skill: 'db', effort: 1 }), 'skill: names no skill of this scenario: "db"'],
  ['cross-training with negative effort', cmd({ type: 'crossTrain', at: 1, expert: 'brent', trainees: ['brent'], skill: 'infra', effort: -1 }), 'effort: must be a number from 0 to 100000'],
  ['detection for an unknown work type', cmd({ type: 'setDetection', at: 1, workType: 'epic', step: 0, foundAt: 'same' }), 'workType: names no work type: "epic"'],
  ['detection at a step off the route', cmd({ type: 'setDetection', at: 1, workType: 'feature', step: 5, foundAt: 'same' }), 'step: must be a step index from 0 to 4'],
  ['detection at an earlier center', cmd({ type: 'setDetection', at: 1, workType: 'feature', step: 2, foundAt: 'dev' }), 'foundAt: must be "same", "customer" or a center later on the route'],
  ['a release schedule at an ordinary center', cmd({ type: 'setReleaseEvery', at: 1, center: 'ops', every: 2 }), 'center: "ops" is not a deploy center'],
  ['a release schedule of 0', cmd({ type: 'setReleaseEvery', at: 1, center: 'release', every: 0 }), 'every: must be a number greater than 0, or null'],
];

const GOOD: Command[] = [
  { type: 'setWipLimit', at: 0, center: 'dev', limit: 3 },
  { type: 'setWipLimit', at: 60, center: 'dev', limit: null },
  { type: 'setBatch', at: 1, center: 'qa', processBatch: 2, transferBatch: 5 },
  { type: 'setRelease', at: 1, release: { type: 'drum', center: 'ops', buffer: 4 } },
  { type: 'setRelease', at: 1, release: { type: 'conwip', limit: 10 } },
  { type: 'setRelease', at: 1, release: { type: 'push' } },
  { type: 'setFreeze', at: 1, frozen: true },
  { type: 'assign', at: 1, person: 'brent', centers: ['ops'], workTypes: ['incident'] },
  { type: 'assign', at: 1, person: 'brent', centers: null, workTypes: null },
  { type: 'setDispatch', at: 1, person: 'brent', rule: 'longestQueue' },
  { type: 'invest', at: 1, center: 'release', setupFactor: 0.5, failureFactor: 0 },
  { type: 'crossTrain', at: 1, expert: 'brent', trainees: ['brent'], skill: 'infra', centers: ['qa'], effort: 2 },
  { type: 'setDetection', at: 1, workType: 'feature', step: 1, foundAt: 'same' },
  { type: 'setDetection', at: 1, workType: 'feature', step: 1, foundAt: 'customer' },
  { type: 'setDetection', at: 1, workType: 'feature', step: 0, foundAt: 'qa' },
  { type: 'setReleaseEvery', at: 1, center: 'release', every: null },
  { type: 'setReleaseEvery', at: 1, center: 'release', every: 2.5 },
];

describe('checkCommand', () => {
  it.each(BAD)('refuses %s', (_name, c, message) => {
    expect(checkCommand(model, c)).toBe(message);
  });

  it.each(GOOD.map((c) => [c.type, c] as const))('accepts a valid %s', (_type, c) => {
    expect(checkCommand(model, c)).toBeNull();
  });

  it('refuses something that is not an object', () => {
    expect(checkCommand(model, null as unknown as Command)).toBe('must be an object');
  });
});

describe('Simulation and bad commands', () => {
  it.each(BAD)('the constructor throws a RangeError for %s', (_name, c, message) => {
    const make = () => new Simulation(model, { seed: 1, commands: [GOOD[0]!, c] });
    expect(make).toThrow(RangeError);
    // The message names the command's place in the list, its type and the problem.
    expect(make).toThrow(`commands[1] (${String(c.type)}): ${message}`);
  });

  it('accepts a list of valid commands', () => {
    expect(() => new Simulation(model, { seed: 1, commands: GOOD })).not.toThrow();
  });

  it('refuses more commands than the limit', () => {
    const many = Array.from({ length: 10_001 }, () => GOOD[6]!);
    expect(() => new Simulation(model, { seed: 1, commands: many })).toThrow('a run takes at most 10000 commands');
  });

  it('issue() refuses an invalid command with its message', () => {
    const sim = new Simulation(model, { seed: 1 });
    const c = cmd({ type: 'setWipLimit', at: 1, center: 'sales', limit: 3 });
    expect(() => sim.issue(c)).toThrow(new RangeError('setWipLimit: center: names no work center: "sales"'));
  });

  it('issue() refuses a command in the past and leaves the run untouched', () => {
    const sim = new Simulation(model, { seed: 1 });
    sim.advanceTo(10);
    const hash = sim.hash();
    expect(() => sim.issue({ type: 'setFreeze', at: 9.5, frozen: true })).toThrow(new RangeError('setFreeze: at 9.5 is before the current time 10'));
    expect(sim.commands).toEqual([]);
    expect(sim.hash()).toBe(hash);
    sim.runToEnd();
    expect(sim.frozen).toBe(false);
  });

  it('issue() at the current time takes effect', () => {
    const sim = new Simulation(model, { seed: 1 });
    sim.advanceTo(10);
    sim.issue({ type: 'setFreeze', at: 10, frozen: true });
    sim.advanceTo(10);
    expect(sim.frozen).toBe(true);
  });

  it('issuing a command live gives the same run as listing it up front', () => {
    const c: Command = { type: 'setWipLimit', at: 20, center: 'dev', limit: 2 };
    const upFront = new Simulation(model, { seed: 3, commands: [c] });
    upFront.runToEnd();
    const live = new Simulation(model, { seed: 3 });
    live.advanceTo(15);
    live.issue(c);
    live.runToEnd();
    expect(live.hash()).toBe(upFront.hash());
    expect(live.commands).toEqual(upFront.commands);
  });
});
