/**
 * Where a replay stands, and how it moves: to any sim time, or one engine event forward or back.
 * Forward is the engine running on; back is re-simulation of the same recipe from the start (the
 * engine never rewinds, and a 60-day run re-plays in a few milliseconds — `npm run bench` measures
 * a seek). Each move returns a fresh state; the scene only draws `sim`.
 *
 *   const cursor = new ReplayCursor(run.model, run.recipe.seed, run.commands, run.recipe.until);
 *   cursor.seek(12.5); cursor.stepBack(); cursor.sim.now
 */
import { Simulation, type Command, type Model } from '../../sim';

export class ReplayCursor {
  private simValue: Simulation;

  constructor(
    readonly model: Model,
    readonly seed: number,
    readonly commands: readonly Command[],
    /** The last time of the replay (where the recording stopped). */
    readonly end: number,
  ) {
    this.simValue = this.fresh();
  }

  get sim(): Simulation {
    return this.simValue;
  }

  get time(): number {
    return this.simValue.now;
  }

  /** Engine events processed so far: the replay's position, event by event. */
  get event(): number {
    return this.simValue.eventsProcessed;
  }

  get atEnd(): boolean {
    return this.simValue.now >= this.end;
  }

  /** Moves to sim time `t` (clamped to the replay), forward by running on, back by re-running. */
  seek(t: number): void {
    const target = Math.max(0, Math.min(this.end, Number.isFinite(t) ? t : 0));
    if (target < this.simValue.now) this.simValue = this.fresh();
    if (target > this.simValue.now) this.simValue.advanceTo(target);
  }

  /** One engine event forward; false at the end of the replay. */
  stepForward(): boolean {
    const sim = this.simValue;
    if (sim.nextEventTime > this.end) {
      if (sim.now < this.end) sim.advanceTo(this.end);
      return false;
    }
    return sim.step();
  }

  /** One engine event back (to the state just after the event before); false at the start. */
  stepBack(): boolean {
    const target = this.simValue.eventsProcessed - 1;
    if (target < 0) return false;
    const sim = this.fresh();
    while (sim.eventsProcessed < target && sim.step()) {
      // re-run up to the event before
    }
    this.simValue = sim;
    return true;
  }

  private fresh(): Simulation {
    return new Simulation(this.model, { seed: this.seed, commands: this.commands });
  }
}
