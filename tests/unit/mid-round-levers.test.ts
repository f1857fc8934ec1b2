/**
 * Levers mid-round (trainer mode and sandbox): a change is a command stamped with the time it was
 * made, the run stays `scenario + seed + commands` (a fresh run of the recipe gives the same
 * hash), and restarting the round undoes the changes made during it.
 */
import { describe, expect, it } from 'vitest';
import { GameSession } from '../../src/game/GameSession';
import { parseScenario } from '../../src/scenario/parseScenario';
import { compileModel, Simulation } from '../../src/sim';
import brentFixture from '../fixtures/brent-game.json';

const parsed = parseScenario(brentFixture);
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const brent = parsed.scenario;

describe('levers mid-round', () => {
  it('are closed in an ordinary lesson game', () => {
    const s = new GameSession('brent', brent, 3);
    s.startRound();
    s.advanceTo(5);
    expect(s.liveLevers()).toEqual([]);
    expect(s.changeLeverNow('devWip', 4)).toBe('WIP limit, Development cannot be changed while the round plays.');
  });

  it('are stamped with the current time and replay to the same hash', () => {
    const s = new GameSession('brent', brent, 3, { midRoundLevers: true });
    s.startRound();
    s.advanceTo(7.5);
    expect(s.changeLeverNow('devWip', 4)).toBeNull();
    expect(s.appliedValue('devWip')).toBe(4);
    const sent = s.commands.filter((c) => c.at === s.sim.now);
    expect(sent.length).toBeGreaterThan(0);
    s.endRound();
    const again = new Simulation(compileModel(brent), { seed: 3, commands: s.commands });
    again.advanceTo(s.sim.now);
    expect(again.hash()).toBe(s.sim.hash());
  });

  it('replay exactly when made right after a single engine step (events of that instant already run)', () => {
    for (const steps of [1, 7, 40]) {
      const s = new GameSession('brent', brent, 5, { midRoundLevers: true });
      s.startRound();
      s.advanceTo(3);
      for (let i = 0; i < steps; i++) s.sim.step();
      expect(s.changeLeverNow('devWip', 2)).toBeNull();
      // At once, too: the state on screen is the replay's at that time.
      const now = new Simulation(compileModel(brent), { seed: 5, commands: s.commands });
      now.advanceTo(s.sim.now);
      expect(now.hash()).toBe(s.sim.hash());
      s.endRound();
      const again = new Simulation(compileModel(brent), { seed: 5, commands: s.commands });
      again.advanceTo(s.sim.now);
      expect(again.hash()).toBe(s.sim.hash());
    }
  });

  it('differ from the same run without the change', () => {
    const a = new GameSession('brent', brent, 3, { midRoundLevers: true });
    const b = new GameSession('brent', brent, 3, { midRoundLevers: true });
    for (const s of [a, b]) {
      s.startRound();
      s.advanceTo(4);
    }
    expect(a.changeLeverNow('devWip', 1)).toBeNull();
    a.endRound();
    b.endRound();
    expect(a.sim.hash()).not.toBe(b.sim.hash());
  });

  it('are undone by restarting the round', () => {
    const s = new GameSession('brent', brent, 3, { sandbox: true });
    s.startRound();
    const before = s.commands.length;
    s.advanceTo(6);
    expect(s.stepLeverNow('devWip', 1)).toBeNull();
    expect(s.commands.length).toBeGreaterThan(before);
    s.restartRound();
    expect(s.commands.length).toBe(before);
    expect(s.appliedValue('devWip')).toBe(s.leverValue('devWip'));
    s.endRound();
    const plain = new GameSession('brent', brent, 3, { sandbox: true });
    plain.startRound();
    plain.endRound();
    expect(s.sim.hash()).toBe(plain.sim.hash());
  });
});
