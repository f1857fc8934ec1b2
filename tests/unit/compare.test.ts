/**
 * Compare: two policies on one seed in lockstep. Both runs are always at the same sim time, see
 * the same work (identical policies give identical hashes, different ones do not), and at the
 * end each side's numbers are exactly a plain playStrategy of its policy on that seed.
 */
import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios';
import { compileModel, Simulation } from '../../src/sim';
import { playStrategy } from '../../src/game/lessons/StrategyPlay';
import { justBefore } from '../../src/game/RoundBoundary';
import { CompareRun } from '../../src/game/compare/CompareRun';
import { AS_IT_STANDS, comparePolicies, defaultPolicyPair, policySummary, type ComparePolicy } from '../../src/game/compare/ComparePolicy';
import { compareNumbers, sideNumbers } from '../../src/game/compare/CompareNumbers';

const brent = builtinScenario('brent');
const policies = comparePolicies(brent);
const byId = (id: string): ComparePolicy => policies.find((p) => p.id === id)!;
const lastEnd = (s = brent) => s.game!.rounds!.reduce((t, r) => t + r.length, 0);

describe('policies', () => {
  it('list the scenario as it stands, then the strategies; the default pair is the first and last strategy', () => {
    expect(policies[0]).toBe(AS_IT_STANDS);
    expect(policies.slice(1).map((p) => p.id)).toEqual(brent.game!.strategies!.map((s) => s.id));
    const [a, b] = defaultPolicyPair(policies);
    expect(policies[a]!.id).toBe(brent.game!.strategies![0]!.id);
    expect(policies[b]!.id).toBe(brent.game!.strategies!.at(-1)!.id);
    expect(defaultPolicyPair(comparePolicies(builtinScenario('mm1')))).toEqual([0, 0]);
  });

  it('say in words which levers move in which round', () => {
    expect(policySummary(brent, AS_IT_STANDS)).toEqual(['No lever is moved: every round plays as the scenario stands.']);
    const lines = policySummary(brent, byId('exploit'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^Round 2: Brent works on → /);
  });
});

describe('lockstep', () => {
  it('keeps both sides at the same time through every round, by clock slices and by single steps', () => {
    const run = new CompareRun('brent', brent, 4, [byId('asItIs'), byId('fiveSteps')]);
    let t = 0;
    let calls = 0;
    while (!run.over) {
      // Uneven slices, with single events in between, across every round boundary.
      if (calls % 7 === 3) run.step();
      else run.advanceTo((t += 0.37 + (calls % 5) * 0.21));
      calls++;
      expect(run.a.session.sim.now).toBe(run.b.session.sim.now);
      expect(run.a.session.roundIndex).toBe(run.b.session.roundIndex);
      expect(run.a.session.phase).toBe(run.b.session.phase);
    }
    expect(run.time).toBe(justBefore(lastEnd()));
    expect(run.a.session.phase).toBe('finished');
    expect(run.a.session.roundResults).toHaveLength(brent.game!.rounds!.length);
  });

  it('steps one event at a time: the earlier of the two sides, never past a round', () => {
    const run = new CompareRun('brent', brent, 2, [byId('asItIs'), byId('exploit')]);
    const next = Math.min(run.a.session.sim.nextEventTime, run.b.session.sim.nextEventTime);
    run.step();
    expect(run.time).toBe(next);
    expect(run.b.session.sim.now).toBe(next);
  });
});

describe('common random numbers', () => {
  it('identical policies give identical runs; different policies differ', () => {
    const same = new CompareRun('brent', brent, 9, [byId('exploit'), byId('exploit')]);
    same.runToEnd();
    expect(same.a.session.sim.hash()).toBe(same.b.session.sim.hash());
    const diff = new CompareRun('brent', brent, 9, [byId('asItIs'), byId('fiveSteps')]);
    diff.runToEnd();
    expect(diff.a.session.sim.hash()).not.toBe(diff.b.session.sim.hash());
    // The same arrivals: the first round (no lever moved yet) is the same on both sides.
    expect(diff.a.session.roundResults[0]).toEqual(diff.b.session.roundResults[0]);
  });

  it("at the end each side's numbers equal a plain playStrategy of its policy on the seed", () => {
    for (const seed of [1, 17]) {
      const run = new CompareRun('brent', brent, seed, [byId('subordinate'), AS_IT_STANDS]);
      let t = 0;
      while (!run.advanceTo((t += 1.3)));
      for (const side of run.sides) {
        const plain = playStrategy(brent, side.policy.strategy, seed);
        expect(side.session.commands).toEqual(plain.commands);
        expect(side.session.roundResults).toEqual(plain.rounds);
        expect(side.gameSoFar()).toEqual(plain.game);
        const fresh = new Simulation(compileModel(brent), { seed, commands: plain.commands });
        fresh.advanceTo(justBefore(lastEnd()));
        expect(side.session.sim.hash()).toBe(fresh.hash());
      }
    }
  });
});

describe('levers mid-run', () => {
  it('are closed in ordinary lesson play', () => {
    const run = new CompareRun('brent', brent, 3, [AS_IT_STANDS, AS_IT_STANDS]);
    run.advanceTo(5);
    expect(run.liveLevers).toBe(false);
    expect(run.levers()).toEqual([]);
    expect(run.stepLever('b', 'devWip', 1)).not.toBeNull();
    expect(run.b.session.commands).toEqual(run.a.session.commands);
  });

  it('in trainer mode change one side only, stamped with the current time, and replay to the same hash', () => {
    const run = new CompareRun('brent', brent, 3, [AS_IT_STANDS, AS_IT_STANDS], { midRoundLevers: true });
    run.advanceTo(7.25);
    expect(run.levers().map((l) => l.id)).toContain('devWip');
    expect(run.changeLever('b', 'devWip', 3)).toBeNull();
    // Stamped now: 7.25, or the next double after it (see GameSession.changeLeverNow), the same on both sides.
    const now = run.time;
    expect(now - 7.25).toBeLessThan(1e-12);
    expect(run.b.session.sim.now).toBe(now);
    const stamped = run.b.session.commands.filter((c) => c.at === now);
    expect(stamped.length).toBeGreaterThan(0);
    expect(run.a.session.commands.some((c) => c.at === now)).toBe(false);
    expect(run.b.changes).toEqual([{ at: now, lever: expect.any(String), value: '3' }]);
    run.runToEnd();
    expect(run.a.session.sim.hash()).not.toBe(run.b.session.sim.hash());
    const fresh = new Simulation(compileModel(brent), { seed: 3, commands: run.b.session.commands });
    fresh.advanceTo(run.time);
    expect(fresh.hash()).toBe(run.b.session.sim.hash());
  });
});

describe('a change right after a step', () => {
  it('replays exactly: the events of that instant first, then the change', () => {
    for (const seed of [1, 2, 3]) {
      const run = new CompareRun('brent', brent, seed, [AS_IT_STANDS, AS_IT_STANDS], { midRoundLevers: true });
      for (let i = 0; i < 40; i++) run.step();
      expect(run.stepLever('a', 'brentFocus', 1)).toBeNull();
      expect(run.changeLever('a', 'devWip', 2)).toBeNull();
      run.runToEnd();
      const fresh = new Simulation(compileModel(brent), { seed, commands: run.a.session.commands });
      fresh.advanceTo(run.time);
      expect(fresh.hash()).toBe(run.a.session.sim.hash());
    }
  });
});

describe('the differences strip', () => {
  it('marks B against A as better or worse in words and arrows, by the direction that counts', () => {
    const a = sideNumbers('A', 10, 0, 'x', 12, null);
    const b = { ...a, wip: 8, done: 30, throughput: 1.5, leadTimeMean: 4, leadTimeP85: 9, score: 50 };
    const a2 = { ...a, done: 20, throughput: 1, leadTimeMean: 5, leadTimeP85: 9, score: 70 };
    const rows = compareNumbers(a2, b, 'day');
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.wip!.diff).toBe('▼ 4 better');
    expect(by.done!.diff).toBe('▲ 10 better');
    expect(by.throughput!.verdict).toBe('better');
    expect(by.leadTimeMean!.diff).toBe('▼ 1.0 day better');
    expect(by.leadTimeP85!.diff).toBe('same');
    expect(by.score!.diff).toBe('▼ 20 worse');
    expect(compareNumbers(a, b, 'day').find((r) => r.key === 'leadTimeMean')!.verdict).toBeNull();
  });
});
