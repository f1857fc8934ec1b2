/**
 * Going back in time. A run never rewinds; seeking re-simulates the same recipe (model, seed,
 * commands) from the start up to the wanted time. Runs are deterministic and fast (a 60-day run
 * takes milliseconds), so this is exact and simpler than saving checkpoints of the whole state.
 */
import { Simulation, type RunOptions } from './Simulation';
import type { Model } from './Model';

export function seekTo(model: Model, options: RunOptions, time: number): Simulation {
  const sim = new Simulation(model, options);
  sim.advanceTo(time);
  return sim;
}

/** A fresh run at `time` with the same recipe as `run` (its seed and every command it holds). */
export function seekRun(run: Simulation, time: number, recordEvents = false): Simulation {
  return seekTo(run.model, { seed: run.seed, commands: run.commands, recordEvents }, time);
}
