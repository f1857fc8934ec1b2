/**
 * Two policies on one seed, played in lockstep: two GameSessions of the same scenario and seed
 * (so both see the same arrivals and task sizes: common random numbers), advanced to the same
 * sim time by every call, rounds started and ended together, each policy's lever settings sent
 * at each round's start exactly as StrategyPlay does. In trainer mode or sandbox a side's levers
 * can also be changed mid-run (commands stamped with the current time). No Phaser here: the
 * Compare scene only decides *when* to call advanceTo, never what happens.
 */
import { justAfter } from '../RoundBoundary';
import { computeMetrics, type RunMetrics } from '../../sim';
import type { Scenario } from '../../scenario/ScenarioSchema';
import type { LeverSpec } from '../../scenario/GameSchema';
import type { LeverValue } from '../../scenario/LeverCommands';
import type { SessionOptions } from '../GameContext';
import { GameSession } from '../GameSession';
import { roundStats, type RoundStats } from '../debrief/RoundStats';
import { describeLeverValue, type ComparePolicy } from './ComparePolicy';

export type CompareSide = 'a' | 'b';

export const SIDES: readonly CompareSide[] = ['a', 'b'];

/** A lever moved mid-run on one side, for the screen to show. */
export interface LeverChange {
  readonly at: number;
  readonly lever: string;
  readonly value: string;
}

/** One side of the comparison: its policy and its own run. */
export class PolicyRun {
  readonly session: GameSession;
  /** Settings the game refused (over budget, a one-way lever moved back), in plain words. */
  readonly refused: string[] = [];
  readonly changes: LeverChange[] = [];
  private gameStart: RunMetrics | null = null;
  private roundStart: RunMetrics | null = null;

  constructor(scenarioId: string, scenario: Scenario, seed: number, readonly policy: ComparePolicy, options: SessionOptions) {
    this.session = new GameSession(scenarioId, scenario, seed, options);
  }

  /** Sets the policy's levers for the current round and starts it. */
  startRound(): void {
    const s = this.session;
    for (const [id, value] of Object.entries(this.policy.strategy?.rounds[s.roundIndex] ?? {})) {
      const error = s.setLever(id, value);
      if (error !== null) this.refused.push(`Round ${s.roundIndex + 1}: ${error}`);
    }
    s.startRound();
    this.roundStart = computeMetrics(s.sim);
    this.gameStart ??= this.roundStart;
  }

  /** The run's metrics when the current round started (for the constraint found over the round). */
  get roundStartMetrics(): RunMetrics | null {
    return this.roundStart;
  }

  /**
   * The numbers over the whole game so far (the same roundStats the Play HUD and the debrief
   * use); once the game is over, exactly the session's game stats (what playStrategy reports).
   */
  gameSoFar(): RoundStats | null {
    const s = this.session;
    if (s.phase === 'finished') return s.gameStats();
    if (this.gameStart === null) return null;
    const start = s.rounds[0]!.start;
    const window = { index: -1, title: 'The game so far', start, end: Math.max(start, s.sim.now) };
    return roundStats(s.sim, window, this.gameStart, computeMetrics(s.sim), s.outagePerUnit);
  }
}

export class CompareRun {
  readonly a: PolicyRun;
  readonly b: PolicyRun;
  private overValue = false;

  constructor(
    readonly scenarioId: string,
    readonly scenario: Scenario,
    readonly seed: number,
    policies: readonly [ComparePolicy, ComparePolicy],
    readonly options: SessionOptions = {},
  ) {
    this.a = new PolicyRun(scenarioId, scenario, seed, policies[0], options);
    this.b = new PolicyRun(scenarioId, scenario, seed, policies[1], options);
    for (const side of this.sides) side.startRound();
  }

  get sides(): readonly [PolicyRun, PolicyRun] {
    return [this.a, this.b];
  }

  side(which: CompareSide): PolicyRun {
    return which === 'a' ? this.a : this.b;
  }

  /** The one clock: both runs are always at this sim time. */
  get time(): number {
    return this.a.session.sim.now;
  }

  /** The session both sides share the shape of (rounds, time unit, pacing). */
  get lead(): GameSession {
    return this.a.session;
  }

  get over(): boolean {
    return this.overValue;
  }

  /** Whether levers may be moved while the game plays (trainer mode or sandbox). */
  get liveLevers(): boolean {
    return this.lead.midRoundLevers && !this.overValue;
  }

  /** Levers either side can change now. */
  levers(): readonly LeverSpec[] {
    return this.liveLevers ? this.lead.levers : [];
  }

  /**
   * Advances both runs to `t` (the same time on both), ending each round and starting the next
   * on both sides together; returns true once the whole game is over.
   */
  advanceTo(t: number): boolean {
    while (!this.overValue) {
      const stop = this.lead.roundStop;
      if (this.time >= stop) {
        // Round over on both sides: a request past it moves the game into the next round.
        if (t <= stop && !this.lead.isLastRound) break;
        this.nextRound();
        continue;
      }
      const target = Math.min(t, stop);
      if (target <= this.time) break;
      for (const side of this.sides) side.session.advanceTo(target);
      if (this.sides.some((s) => s.session.sim.status !== 'running')) this.finish();
      if (target < stop) break;
    }
    return this.overValue;
  }

  /** One engine event: the earlier of the two sides' next events, played on both (never past the round). */
  step(): boolean {
    if (this.overValue) return true;
    const stop = this.lead.roundStop;
    // At a round's stop the step goes into the next round (its start, where its levers are sent).
    if (this.time >= stop) return this.advanceTo(this.lead.round.end);
    const next = Math.min(this.a.session.sim.nextEventTime, this.b.session.sim.nextEventTime);
    return this.advanceTo(Math.min(next, stop));
  }

  /** Plays the rest of the game at once (tests, and "to the end"). */
  runToEnd(): void {
    while (!this.advanceTo(Number.MAX_VALUE));
  }

  /** Changes one side's lever now (trainer mode and sandbox); returns why not, in plain words, or null. */
  changeLever(which: CompareSide, id: string, value: LeverValue): string | null {
    if (this.overValue) return 'The game is over.';
    const side = this.side(which);
    const before = side.session.appliedValue(id);
    const error = side.session.changeLeverNow(id, value);
    this.alignClocks();
    if (error === null) this.noteChange(side, id, before);
    return error;
  }

  /** Moves one side's lever one setting along (keyboard +/-); returns an error or null. */
  stepLever(which: CompareSide, id: string, delta: 1 | -1): string | null {
    if (this.overValue) return 'The game is over.';
    const side = this.side(which);
    const before = side.session.appliedValue(id);
    const error = side.session.stepLeverNow(id, delta);
    this.alignClocks();
    if (error === null) this.noteChange(side, id, before);
    return error;
  }

  /**
   * A change mid-run is stamped just after now, and its side's clock moves there (see
   * GameSession.changeLeverNow); the other side follows, so both stay at one time.
   */
  private alignClocks(): void {
    const t = Math.max(this.a.session.sim.now, this.b.session.sim.now);
    for (const side of this.sides) if (side.session.sim.now < t) side.session.advanceTo(t);
  }

  private noteChange(side: PolicyRun, id: string, before: LeverValue): void {
    const lever = side.session.levers.find((l) => l.id === id);
    const now = side.session.appliedValue(id);
    if (lever === undefined || now === before) return;
    side.changes.push({ at: this.time, lever: lever.label, value: describeLeverValue(lever, now) });
  }

  private nextRound(): void {
    for (const side of this.sides) side.session.endRound();
    if (this.sides.some((s) => s.session.phase !== 'review')) {
      this.finish();
      return;
    }
    for (const side of this.sides) {
      side.session.nextRound();
      side.startRound();
    }
  }

  private finish(): void {
    for (const side of this.sides) if (side.session.phase === 'playing') side.session.endRound();
    this.overValue = true;
  }
}
