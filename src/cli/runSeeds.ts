/**
 * Runs one scenario for a list of seeds and keeps only a compact row per run: the same code
 * runs in a worker thread and in-process, which is what makes results independent of the
 * worker count.
 */
import type { Scenario } from '../scenario/ScenarioSchema';
import { Simulation, compileModel, computeMetrics, type Command, type RunStatus } from '../sim/index';

/** Everything a worker needs, as plain structured-clonable data. */
export interface RunJob {
  /** Already validated: workers compile it without parsing it again. */
  scenario: Scenario;
  commands: Command[];
  /** null: run to the horizon. */
  until: number | null;
}

export interface RunRow {
  seed: number;
  status: RunStatus;
  stopReason: string;
  stalled: boolean;
  done: number;
  meanLeadTime: number;
  p85LeadTime: number;
  throughput: number;
  avgWip: number;
  /** Logged events (what the hash covers). */
  events: number;
  hash: string;
}

/** Compiles the model once (it is read-only during a run) and returns a function of the seed. */
export function seedRunner(job: RunJob): (seed: number) => RunRow {
  const model = compileModel(job.scenario);
  const until = Math.min(job.until ?? model.horizon, model.horizon);
  return (seed) => {
    const sim = new Simulation(model, { seed, commands: job.commands });
    sim.advanceTo(until);
    const m = computeMetrics(sim);
    return {
      seed,
      status: sim.status,
      stopReason: sim.stopReason,
      stalled: sim.stall !== null,
      done: m.done,
      meanLeadTime: m.leadTime.mean,
      p85LeadTime: m.leadTime.p85,
      throughput: m.throughput,
      avgWip: m.avgWip,
      events: sim.log.count,
      hash: sim.hash(),
    };
  };
}

export function runSeeds(job: RunJob, seeds: readonly number[]): RunRow[] {
  return seeds.map(seedRunner(job));
}
