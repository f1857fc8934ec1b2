/**
 * GameSession: rounds as windows of one run, levers turned into commands at a round's start,
 * the budget and one-way levers, restart, the score and the goal, and the promise everything
 * else rests on: a game replays exactly from scenario + seed + commands.
 *
 * The machinery is tested on a frozen copy of an earlier Brent game (three rounds of 20 days;
 * levers brentFocus, devWip, release, freeze, crossTrain; budget 30; goal: score 450), so the
 * shipped lesson can change without touching these tests. The last block checks the shipped
 * lesson's rounds, which the browser tests play.
 */
import { describe, expect, it } from 'vitest';
import { GameSession } from '../../src/game/GameSession';
import { justBefore } from '../../src/game/RoundBoundary';
import { parseScenario } from '../../src/scenario/parseScenario';
import { builtinScenario } from '../../src/scenarios';
import { compileModel, Simulation } from '../../src/sim';
import brentFixture from '../fixtures/brent-game.json';

const parsed = parseScenario(brentFixture);
if (!parsed.ok) throw new Error(`the frozen Brent game is invalid: ${parsed.errors.join('; ')}`);
const brent = parsed.scenario;
const newGame = (seed = 1, sandbox = false) => new GameSession('brent', brent, seed, { sandbox });

/** Plays the current round to its end and moves on to the next round's planning. */
function playRound(s: GameSession): void {
  s.startRound();
  s.endRound();
  if (s.phase === 'review') s.nextRound();
}

describe('GameSession', () => {
  it('lays the rounds end to end as windows of one run', () => {
    const s = newGame();
    expect(s.rounds.map((r) => [r.start, r.end])).toEqual([[0, 20], [20, 40], [40, 60]]);
    expect(s.phase).toBe('planning');
    expect(s.openLevers()).toEqual([]);
  });

  it('opens the levers each round names, and every lever in the sandbox', () => {
    const s = newGame();
    playRound(s);
    expect(s.openLevers().map((l) => l.id)).toEqual(['brentFocus', 'devWip', 'release', 'freeze']);
    expect(newGame(1, true).openLevers().map((l) => l.id)).toEqual(['brentFocus', 'devWip', 'release', 'freeze', 'crossTrain']);
  });

  it('refuses a lever the round does not open, and settings out of range', () => {
    const s = newGame();
    expect(s.setLever('devWip', 4)).toBe('WIP limit, Development cannot be changed before this round.');
    playRound(s);
    expect(s.setLever('devWip', 40)).toBe('WIP limit, Development: that setting is not available.');
    expect(s.setLever('nope', 1)).toBe('There is no lever "nope".');
  });

  it('sends only the levers that changed, stamped with the round start', () => {
    const s = newGame();
    playRound(s);
    expect(s.setLever('devWip', 4)).toBeNull();
    expect(s.setLever('brentFocus', 1)).toBeNull();
    expect(s.stepLever('release', 1)).toBeNull();
    expect(s.stepLever('release', -1)).toBeNull();
    s.startRound();
    expect(s.commands).toEqual([
      { type: 'assign', person: 'brent', centers: ['ops'], at: 20 },
      { type: 'setWipLimit', center: 'dev', limit: 4, at: 20 },
    ]);
  });

  it('turns a number lever off with null', () => {
    const s = newGame();
    playRound(s);
    s.setLever('devWip', 3);
    playRound(s);
    expect(s.stepLever('devWip', -1)).toBeNull();
    expect(s.leverValue('devWip')).toBe(2);
    s.setLever('devWip', null);
    s.startRound();
    expect(s.commands.at(-1)).toEqual({ type: 'setWipLimit', center: 'dev', limit: null, at: 40 });
  });

  it('pays for levers from the budget, once, and a one-way lever cannot go back', () => {
    const s = newGame(1, true);
    expect(s.budgetLeft).toBe(30);
    expect(s.setLever('crossTrain', 1)).toBeNull();
    expect(s.budgetLeft).toBe(10);
    s.startRound();
    s.endRound();
    s.nextRound();
    expect(s.spent).toBe(20);
    const lever = s.levers.find((l) => l.id === 'crossTrain')!;
    expect(s.allowedValues(lever)).toEqual([1]);
    expect(s.setLever('crossTrain', 0)).toBe('Brent teaches Wes: that setting is not available.');
  });

  it('refuses a lever the budget cannot pay for', () => {
    const poor = structuredClone(brent);
    poor.game!.budget = 10;
    const s = new GameSession('brent', poor, 1, { sandbox: true });
    expect(s.setLever('crossTrain', 1)).toBe('Not enough budget: Brent teaches Wes costs 20 and 10 is left.');
    expect(s.leverValue('crossTrain')).toBe(0);
  });

  it('plays every event before a round ends; the next round owns the boundary', () => {
    const s = newGame();
    s.startRound();
    expect(s.advanceTo(25)).toBe(true);
    expect(s.sim.now).toBe(justBefore(20));
    expect(s.clockLabel()).toBe('Day 20.0');
    const r = s.endRound();
    expect(r.end).toBe(20);
    expect(s.phase).toBe('review');
  });

  it('replays exactly from scenario + seed + commands, and restart replays the round', () => {
    const s = newGame(7);
    playRound(s);
    s.setLever('brentFocus', 1);
    s.setLever('devWip', 3);
    s.startRound();
    s.advanceTo(31.5);
    const fresh = new Simulation(compileModel(brent), { seed: 7, commands: s.commands });
    fresh.advanceTo(31.5);
    expect(fresh.hash()).toBe(s.sim.hash());
    const mid = s.sim.hash();
    s.restartRound();
    expect(s.sim.now).toBe(justBefore(20));
    s.advanceTo(31.5);
    expect(s.sim.hash()).toBe(mid);
  });

  it('adds the rounds up to the score and judges the goal at the end', () => {
    const s = newGame();
    playRound(s);
    playRound(s);
    s.startRound();
    s.endRound();
    expect(s.phase).toBe('finished');
    expect(s.roundResults).toHaveLength(3);
    expect(s.score).toBeCloseTo(s.roundResults.reduce((a, r) => a + r.score, 0), 9);
    const goal = s.goalResult()!;
    expect(goal.value).toBe(s.score);
    expect(goal.met).toBe(s.score >= 450);
  });

  it('gives the same game to every team with the same seed', () => {
    const play = () => {
      const s = newGame(3);
      playRound(s);
      s.setLever('brentFocus', 1);
      playRound(s);
      return s.roundResults.map((r) => r.score);
    };
    expect(play()).toEqual(play());
  });
});

describe('the shipped Brent lesson', () => {
  const lesson = builtinScenario('brent');
  const play = (seed = 1) => new GameSession('brent', lesson, seed);

  it('walks the five focusing steps in four rounds of 15 days', () => {
    const s = play();
    expect(s.rounds.map((r) => [r.start, r.end])).toEqual([[0, 15], [15, 30], [30, 45], [45, 60]]);
    expect(s.rounds.map((r) => r.levers)).toEqual([
      [],
      ['brentFocus'],
      ['brentFocus', 'release', 'devWip', 'freeze'],
      ['brentFocus', 'release', 'devWip', 'freeze', 'crossTrain'],
    ]);
  });

  it('opens one more step each round, and training Wes only in the last', () => {
    const s = play();
    expect(s.openLevers()).toEqual([]);
    playRound(s);
    expect(s.openLevers().map((l) => l.id)).toEqual(['brentFocus']);
    expect(s.setLever('release', 2)).toBe('Release of new work cannot be changed before this round.');
    expect(s.setLever('brentFocus', 1)).toBeNull();
    playRound(s);
    expect(s.openLevers().map((l) => l.id)).toEqual(['brentFocus', 'release', 'devWip', 'freeze']);
    expect(s.setLever('crossTrain', 1)).toBe('Brent teaches Wes cannot be changed before this round.');
    expect(s.setLever('release', 2)).toBeNull();
    playRound(s);
    expect(s.setLever('crossTrain', 1)).toBeNull();
    expect(s.budgetLeft).toBe(10);
    s.startRound();
    expect(s.commands).toEqual([
      { type: 'assign', person: 'brent', centers: ['ops'], at: 15 },
      { type: 'setRelease', release: { type: 'drum', center: 'ops', buffer: 10 }, at: 30 },
      { type: 'crossTrain', expert: 'brent', trainees: ['wes'], skill: 'infra', effort: 3, at: 45 },
    ]);
    s.endRound();
    expect(s.phase).toBe('finished');
    expect(s.roundResults).toHaveLength(4);
  });
});
