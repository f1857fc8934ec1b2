/**
 * One game: a scenario, a seed and the player's decisions, played as rounds of one continuous
 * run. Between rounds the player sets the levers the round opens; when the round starts, every
 * lever that changed becomes engine commands stamped with the round's start time. The session
 * owns the engine run (so a game is always `scenario + seed + commands`, replayable) and keeps
 * each round's numbers for the debrief. No Phaser here.
 */
import { compileModel, computeMetrics, Simulation, type Command, type Model, type RunMetrics } from '../sim';
import type { Scenario } from '../scenario/ScenarioSchema';
import type { GoalSpec, LeverSpec } from '../scenario/GameSchema';
import { leverCommands, leverCost, leverInitial, leverValues, type LeverValue } from '../scenario/LeverCommands';
import type { Brief, SessionOptions } from './GameContext';
import { roundStats, type RoundStats } from './debrief/RoundStats';
import { capitalize } from './Format';
import { justAfter, justBefore } from './RoundBoundary';


/** A lever changed while a round played: `time` is the sim time it was asked at (the commands are stamped just after). */
export interface LiveLeverChange {
  readonly round: number;
  readonly time: number;
  readonly id: string;
  readonly value: LeverValue;
}

export interface RoundWindow {
  readonly index: number;
  readonly title: string;
  readonly start: number;
  readonly end: number;
  readonly note: string | null;
  readonly levers: readonly string[];
}

export type SessionPhase = 'planning' | 'playing' | 'review' | 'finished';

/** A round of about this many real seconds at 1x: long enough to watch, short enough for a workshop. */
const SECONDS_PER_ROUND_AT_1X = 40;

export interface GoalResult {
  readonly text: string;
  readonly value: number | null;
  readonly met: boolean;
}

export class GameSession {
  readonly model: Model;
  readonly rounds: readonly RoundWindow[];
  readonly levers: readonly LeverSpec[];
  readonly budget: number;
  /** Sim time units per real second at 1x. */
  readonly unitsPerSecond: number;
  private simValue: Simulation;
  private roundIndexValue = 0;
  private phaseValue: SessionPhase = 'planning';
  /** The settings in force (sent to the engine) and the ones the player is planning. */
  private readonly applied = new Map<string, LeverValue>();
  private readonly planned = new Map<string, LeverValue>();
  private spentValue = 0;
  private readonly commandList: Command[] = [];
  private readonly results: RoundStats[] = [];
  private metricsAtStart: RunMetrics | null = null;
  /** What a restart of the round goes back to: the commands and settings in force at its start. */
  private atRoundStart: { commands: number; spent: number; applied: Map<string, LeverValue> } | null = null;
  private metricsAtGameStart: RunMetrics | null = null;
  /** The settings in force at each round's start, for replays such as the what-if runs. */
  private readonly history: Record<string, LeverValue>[] = [];
  /** Levers changed while a round played (trainer mode, sandbox), for the same replays. */
  private readonly liveChanges: LiveLeverChange[] = [];

  constructor(
    readonly scenarioId: string,
    readonly scenario: Scenario,
    readonly seed: number,
    readonly options: SessionOptions = {},
  ) {
    this.model = compileModel(scenario);
    const g = scenario.game ?? {};
    const specs = g.rounds ?? [{ title: 'The run', length: scenario.horizon }];
    let t = 0;
    this.rounds = specs.map((r, i) => {
      const start = t;
      t = Math.min(scenario.horizon, t + r.length);
      return {
        index: i,
        title: r.title ?? `Round ${i + 1}`,
        start,
        end: t,
        note: r.note ?? null,
        levers: this.sandbox ? (g.levers ?? []).map((l) => l.id) : (r.levers ?? []),
      };
    });
    this.levers = g.levers ?? [];
    this.budget = g.budget ?? 0;
    for (const l of this.levers) {
      this.applied.set(l.id, leverInitial(l));
      this.planned.set(l.id, leverInitial(l));
    }
    const longest = Math.max(...this.rounds.map((r) => r.end - r.start));
    this.unitsPerSecond = longest / SECONDS_PER_ROUND_AT_1X;
    this.simValue = new Simulation(this.model, { seed });
  }

  get sandbox(): boolean {
    return this.options.sandbox === true;
  }

  get sim(): Simulation {
    return this.simValue;
  }

  get phase(): SessionPhase {
    return this.phaseValue;
  }

  get roundIndex(): number {
    return this.roundIndexValue;
  }

  get round(): RoundWindow {
    return this.rounds[this.roundIndexValue]!;
  }

  get isLastRound(): boolean {
    return this.roundIndexValue === this.rounds.length - 1;
  }

  get timeUnit(): string {
    return this.model.timeUnit;
  }

  get commands(): readonly Command[] {
    return this.commandList;
  }

  /** Numbers of every round played so far. */
  get roundResults(): readonly RoundStats[] {
    return this.results;
  }

  get spent(): number {
    return this.spentValue;
  }

  /** Budget left after the levers already paid for and the ones planned for this round. */
  get budgetLeft(): number {
    return this.budget - this.spentValue - this.plannedCost();
  }

  get goal(): GoalSpec | null {
    return this.scenario.game?.goal ?? null;
  }

  brief(): Brief {
    const g = this.scenario.game ?? {};
    const opened = new Set(this.rounds.flatMap((r) => r.levers));
    return {
      title: this.scenario.title,
      lesson: g.lesson ?? null,
      story: g.briefing ?? (this.scenario.description !== undefined ? [this.scenario.description] : []),
      goal: g.goal?.text ?? null,
      timeUnit: this.timeUnit,
      rounds: this.rounds.map((r) => ({ title: r.title, length: r.end - r.start })),
      levers: this.levers.filter((l) => opened.has(l.id)).map((l) => l.label),
      budget: this.budget,
      seed: this.seed,
      sandbox: this.sandbox,
    };
  }

  // ------------------------------------------------------------------ planning

  /** The levers the player may set before the current round. */
  openLevers(): LeverSpec[] {
    if (this.phaseValue !== 'planning') return [];
    const ids = new Set(this.round.levers);
    return this.levers.filter((l) => ids.has(l.id));
  }

  leverValue(id: string): LeverValue {
    return this.planned.get(id) ?? null;
  }

  /**
   * Every lever's setting at the start of each round started so far (index = round). Changes made
   * mid-round (trainer mode) are not in it: they are commands stamped at their own time.
   */
  leverHistory(): Record<string, LeverValue>[] {
    return this.history.map((h) => ({ ...h }));
  }

  /** The setting in force in the engine now. */
  appliedValue(id: string): LeverValue {
    return this.applied.get(id) ?? null;
  }

  /** Settings the lever can take now (a "once" lever already moved cannot go back). */
  allowedValues(lever: LeverSpec): LeverValue[] {
    const all = leverValues(lever);
    if (lever.kind === 'choice' && lever.once === true && this.applied.get(lever.id) !== leverInitial(lever)) {
      return [this.applied.get(lever.id) ?? null];
    }
    return all;
  }

  /** Plans a lever setting for the coming round; returns why not, in plain words, or null. */
  setLever(id: string, value: LeverValue): string | null {
    const lever = this.levers.find((l) => l.id === id);
    if (lever === undefined) return `There is no lever "${id}".`;
    if (!this.openLevers().includes(lever)) return `${lever.label} cannot be changed before this round.`;
    if (!this.allowedValues(lever).includes(value)) return `${lever.label}: that setting is not available.`;
    const before = this.planned.get(id) ?? null;
    this.planned.set(id, value);
    if (this.budgetLeft < -1e-9) {
      this.planned.set(id, before);
      return `Not enough budget: ${lever.label} costs ${leverCost(lever, value)} and ${this.budgetLeft} is left.`;
    }
    return null;
  }

  /** Moves a lever one setting along (for keyboard and arrow buttons); returns an error or null. */
  stepLever(id: string, delta: 1 | -1): string | null {
    const lever = this.levers.find((l) => l.id === id);
    if (lever === undefined) return `There is no lever "${id}".`;
    const values = this.allowedValues(lever);
    const i = values.indexOf(this.leverValue(id));
    const next = values[Math.max(0, Math.min(values.length - 1, i + delta))];
    return next === undefined || next === this.leverValue(id) ? null : this.setLever(id, next);
  }

  /** How a lever's setting reads on screen. */
  describeValue(lever: LeverSpec, value: LeverValue): string {
    if (lever.kind === 'choice') return value === null ? '—' : (lever.options[value]?.label ?? '—');
    return value === null ? (lever.off ?? 'off') : String(value);
  }

  private plannedCost(): number {
    let cost = 0;
    for (const l of this.levers) {
      const p = this.planned.get(l.id) ?? null;
      if (p !== this.applied.get(l.id)) cost += leverCost(l, p);
    }
    return cost;
  }

  // ------------------------------------------------------------------ playing

  /** Sends the planned changes to the engine, stamped with the round's start, and starts the round. */
  startRound(): void {
    if (this.phaseValue !== 'planning') return;
    const at = this.round.start;
    this.spentValue += this.plannedCost();
    for (const l of this.levers) {
      const p = this.planned.get(l.id) ?? null;
      if (p === this.applied.get(l.id)) continue;
      for (const c of leverCommands(l, p, at)) {
        this.simValue.issue(c);
        this.commandList.push(c);
      }
      this.applied.set(l.id, p);
    }
    this.metricsAtStart = computeMetrics(this.simValue);
    this.metricsAtGameStart ??= this.metricsAtStart;
    this.atRoundStart = { commands: this.commandList.length, spent: this.spentValue, applied: new Map(this.applied) };
    this.history[this.roundIndexValue] = Object.fromEntries(this.applied);
    this.phaseValue = 'playing';
  }

  /** Whether levers can be changed while the round plays (trainer mode and sandbox). */
  get midRoundLevers(): boolean {
    return this.sandbox || this.options.midRoundLevers === true;
  }

  /** Levers that can be changed now, mid-round: every lever of the scenario (a trainer's demo is not bound by the round plan). */
  liveLevers(): LeverSpec[] {
    return this.phaseValue === 'playing' && this.midRoundLevers ? [...this.levers] : [];
  }

  /**
   * Changes a lever while the round plays: its commands are stamped with the current sim time
   * and sent at once (so the run stays `scenario + seed + commands`). Costs come out of the
   * budget as between rounds. Returns why not, in plain words, or null.
   */
  changeLeverNow(id: string, value: LeverValue): string | null {
    const lever = this.levers.find((l) => l.id === id);
    if (lever === undefined) return `There is no lever "${id}".`;
    if (!this.liveLevers().includes(lever)) return `${lever.label} cannot be changed while the round plays.`;
    if (!this.allowedValues(lever).includes(value)) return `${lever.label}: that setting is not available.`;
    const before = this.applied.get(id) ?? null;
    if (value === before) return null;
    const cost = leverCost(lever, value);
    if (cost > this.budgetLeft + 1e-9) return `Not enough budget: ${lever.label} costs ${cost} and ${this.budgetLeft} is left.`;
    // Stamped just after now: a command runs before the other events of its instant when the run
    // is replayed, and those at `now` have already run (or run first, once the clock moves on).
    const asked = this.simValue.now;
    const at = justAfter(asked);
    if (at >= this.roundStop) return 'The round is over.';
    this.simValue.advanceTo(at);
    for (const c of leverCommands(lever, value, at)) {
      this.simValue.issue(c);
      this.commandList.push(c);
    }
    // Apply them now (they are due at `at`), so what the screen shows is what a replay has here.
    this.simValue.advanceTo(at);
    this.spentValue += cost;
    this.applied.set(id, value);
    this.planned.set(id, value);
    this.liveChanges.push({ round: this.roundIndexValue, time: asked, id, value });
    return null;
  }

  /** The levers changed mid-round so far, in order: replaying them at the same times gives the same commands. */
  midRoundChanges(): LiveLeverChange[] {
    return this.liveChanges.map((c) => ({ ...c }));
  }

  /** Moves a lever one setting along mid-round (keyboard hotkeys); returns an error or null. */
  stepLeverNow(id: string, delta: 1 | -1): string | null {
    const lever = this.levers.find((l) => l.id === id);
    if (lever === undefined) return `There is no lever "${id}".`;
    const values = this.allowedValues(lever);
    const current = this.appliedValue(id);
    const i = values.indexOf(current);
    const next = values[Math.max(0, Math.min(values.length - 1, i + delta))];
    return next === undefined || next === current ? null : this.changeLeverNow(id, next);
  }

  /** Re-runs the current round from its start with the same seed and decisions. */
  restartRound(): void {
    if (this.phaseValue !== 'playing') return;
    // Changes made during the round are undone: the round restarts as it was planned.
    const start = this.atRoundStart;
    for (let i = this.liveChanges.length - 1; i >= 0; i--) if (this.liveChanges[i]!.round === this.roundIndexValue) this.liveChanges.splice(i, 1);
    if (start !== null) {
      this.commandList.length = start.commands;
      this.spentValue = start.spent;
      for (const [id, v] of start.applied) {
        this.applied.set(id, v);
        this.planned.set(id, v);
      }
    }
    // The same recipe, played to just before the round (see RoundBoundary.ts): the same state.
    const sim = new Simulation(this.model, { seed: this.seed, commands: this.commandList });
    sim.advanceTo(justBefore(this.round.start));
    this.simValue = sim;
  }

  /** The last time this round plays: just before its end (the next round owns the boundary). */
  get roundStop(): number {
    return justBefore(this.round.end);
  }

  /** Advances the run, never past the end of the round; returns true when the round is over. */
  advanceTo(t: number): boolean {
    if (this.phaseValue !== 'playing') return true;
    const stop = this.roundStop;
    const target = Math.min(stop, t);
    if (target > this.simValue.now) this.simValue.advanceTo(target);
    return this.simValue.now >= stop || this.simValue.status !== 'running';
  }

  /** Closes the round and records its numbers; the session moves to review (or finished). */
  endRound(): RoundStats {
    if (this.phaseValue !== 'playing') return this.results[this.results.length - 1]!;
    this.advanceTo(this.roundStop);
    const r = this.round;
    const atEnd = computeMetrics(this.simValue);
    const stats = roundStats(this.simValue, { index: r.index, title: r.title, start: r.start, end: r.end }, this.metricsAtStart!, atEnd, this.outagePerUnit);
    this.results.push(stats);
    this.phaseValue = this.isLastRound || this.simValue.status !== 'running' ? 'finished' : 'review';
    return stats;
  }

  /** The numbers of every round played so far taken together, as one window; null before any. */
  gameStats(): RoundStats | null {
    const rs = this.results;
    if (rs.length === 0 || this.metricsAtGameStart === null) return null;
    const window = { index: -1, title: 'The whole game', start: rs[0]!.start, end: rs[rs.length - 1]!.end };
    // Read at the last round's end, whatever has been played since (a new round not yet ended).
    const end = this.phaseValue === 'playing' ? null : computeMetrics(this.simValue);
    return end === null ? null : roundStats(this.simValue, window, this.metricsAtGameStart, end, this.outagePerUnit);
  }

  /** From the debrief to the next round's planning. */
  nextRound(): void {
    if (this.phaseValue !== 'review') return;
    this.roundIndexValue++;
    for (const l of this.levers) this.planned.set(l.id, this.applied.get(l.id) ?? null);
    this.phaseValue = 'planning';
  }

  get outagePerUnit(): number {
    return this.scenario.game?.score?.outagePerUnit ?? 0;
  }

  /** The whole game's score so far: the sum of the rounds'. */
  get score(): number {
    return this.results.reduce((a, r) => a + r.score, 0);
  }

  /** The scenario's goal measured over the rounds played. */
  goalResult(): GoalResult | null {
    const g = this.goal;
    if (g === null || this.results.length === 0) return null;
    const rs = this.results;
    const done = rs.reduce((a, r) => a + r.done, 0);
    const span = rs[rs.length - 1]!.end - rs[0]!.start;
    const weighted = (f: (r: RoundStats) => number | null) => {
      let sum = 0, n = 0;
      for (const r of rs) {
        const v = f(r);
        if (v !== null) {
          sum += v * r.done;
          n += r.done;
        }
      }
      return n > 0 ? sum / n : null;
    };
    const value: number | null =
      g.metric === 'score' ? this.score
      : g.metric === 'done' ? done
      : g.metric === 'throughput' ? (span > 0 ? done / span : null)
      : g.metric === 'value' ? rs.reduce((a, r) => a + r.value, 0)
      : g.metric === 'leadTimeMean' ? weighted((r) => r.leadTimeMean)
      : rs[rs.length - 1]!.leadTimeP85;
    const met = value !== null && (g.atLeast !== undefined ? value >= g.atLeast : value <= g.atMost!);
    return { text: g.text, value, met };
  }

  /** "Round 2 of 3". */
  roundLabel(): string {
    return `Round ${this.roundIndexValue + 1} of ${this.rounds.length}`;
  }

  /** "Day 27.3" within the whole game. */
  clockLabel(): string {
    // At the round's stop the clock reads the round's end, not 19.9 for an instant before 20.
    const now = this.phaseValue === 'playing' && this.simValue.now >= this.roundStop ? this.round.end : this.simValue.now;
    return `${capitalize(this.timeUnit)} ${(Math.floor(now * 10) / 10).toFixed(1)}`;
  }
}
