/**
 * Real-time pacing for one engine run, SimPy's `rt` in miniature: it only decides *when* the
 * engine advances (so many sim time units per real second, times the speed) and never what
 * happens. Phaser-free: a scene calls `tick(deltaMs)` from its update loop and draws `view`.
 */
import { compileModel, computeMetrics, Simulation, takeSnapshot, type Model, type Snapshot } from '../sim';
import { builtinScenario } from '../scenarios';
import { summarizeRun, type RunSummary } from './RunSummary';

/** Speeds the number keys 1..4 select. */
export const SPEEDS = [1, 2, 4, 16] as const;
export type Speed = (typeof SPEEDS)[number];

export interface LiveRunOptions {
  scenarioId: string;
  seed: number;
  /** Sim time units per real second at 1x. */
  unitsPerSecond: number;
  /** A longer frame (a hidden tab, a debugger pause) counts as this long, so the run never jumps. */
  maxFrameMs?: number;
}

export interface LiveView {
  readonly snapshot: Snapshot;
  readonly summary: RunSummary;
}

export interface PlaybackState {
  readonly scenarioId: string;
  readonly seed: number;
  readonly speed: Speed;
  readonly paused: boolean;
  readonly finished: boolean;
  readonly unitsPerSecond: number;
}

export class LiveRunDriver {
  readonly scenarioId: string;
  readonly seed: number;
  readonly unitsPerSecond: number;
  private readonly maxFrameMs: number;
  private readonly model: Model;
  private sim: Simulation;
  private speedValue: Speed = 1;
  private pausedValue = false;
  private cached: LiveView | null = null;
  private cachedKey = '';

  constructor(options: LiveRunOptions) {
    this.scenarioId = options.scenarioId;
    this.seed = options.seed;
    this.unitsPerSecond = options.unitsPerSecond;
    this.maxFrameMs = options.maxFrameMs ?? 250;
    this.model = compileModel(builtinScenario(options.scenarioId));
    this.sim = new Simulation(this.model, { seed: this.seed });
  }

  get speed(): Speed {
    return this.speedValue;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  get finished(): boolean {
    return this.sim.status !== 'running';
  }

  get playback(): PlaybackState {
    return {
      scenarioId: this.scenarioId,
      seed: this.seed,
      speed: this.speedValue,
      paused: this.pausedValue,
      finished: this.finished,
      unitsPerSecond: this.unitsPerSecond,
    };
  }

  togglePause(): void {
    this.pausedValue = !this.pausedValue;
  }

  setSpeed(speed: Speed): void {
    this.speedValue = speed;
  }

  /** A fresh run of the same scenario and seed; speed is kept, pause is lifted. */
  restart(): void {
    this.sim = new Simulation(this.model, { seed: this.seed });
    this.pausedValue = false;
    this.cached = null;
  }

  /** Advances the engine by the sim time that `deltaMs` of real time is worth; returns whether the clock moved. */
  tick(deltaMs: number): boolean {
    if (this.pausedValue || this.finished || !(deltaMs > 0)) return false;
    const ms = Math.min(deltaMs, this.maxFrameMs);
    const before = this.sim.now;
    const target = Math.min(this.model.horizon, before + (ms / 1000) * this.unitsPerSecond * this.speedValue);
    this.sim.advanceTo(target);
    return this.sim.now !== before;
  }

  /** The snapshot and summary at the current sim time, computed once per engine state. */
  get view(): LiveView {
    const key = `${this.sim.now}|${this.sim.eventsProcessed}|${this.sim.status}`;
    if (this.cached === null || key !== this.cachedKey) {
      const snapshot = takeSnapshot(this.sim);
      const metrics = computeMetrics(this.sim);
      const scenario = this.model.scenario;
      const run = { scenarioId: this.scenarioId, title: scenario.title, seed: this.seed, timeUnit: this.model.timeUnit };
      this.cached = { snapshot, summary: summarizeRun(run, snapshot, metrics) };
      this.cachedKey = key;
    }
    return this.cached;
  }

  /** Names and kinds of the scenario's work types, for legends. */
  get workTypes(): readonly { id: string; name: string; kind: string }[] {
    return this.model.types.map((t) => ({ id: t.id, name: t.name, kind: t.kind }));
  }
}

/** The event-log hash of a fresh run, for cross-environment determinism checks. */
export function headlessRunHash(scenarioId: string, seed: number, until?: number): string {
  const model = compileModel(builtinScenario(scenarioId));
  const sim = new Simulation(model, { seed });
  sim.advanceTo(until ?? model.horizon);
  return sim.hash();
}
