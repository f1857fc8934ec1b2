/**
 * Small helpers shared by the engine tests: build a run from scenario JSON in one line, and
 * count where every item is. Scenarios always go through parseScenario, the same door the game
 * uses, so a test can never feed the engine something a trainer could not write.
 */
import { parseScenario } from '../../src/scenario/parseScenario';
import type { Scenario } from '../../src/scenario/ScenarioSchema';
import { compileModel, type Model } from '../../src/sim/Model';
import { Simulation, type RunOptions } from '../../src/sim/Simulation';
import { ItemState } from '../../src/sim/WorkItem';

/** A scenario as plain JSON, before validation (tests build and break these freely). */
export type RawScenario = Record<string, unknown>;

/** Parses or throws with every error, so a broken test fixture says what is wrong with it. */
export function mustParse(raw: unknown): Scenario {
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(`test scenario is invalid:\n  ${r.errors.join('\n  ')}`);
  return r.scenario;
}

export function modelOf(raw: unknown): Model {
  return compileModel(mustParse(raw));
}

export function simOf(raw: unknown, options: Partial<RunOptions> = {}): Simulation {
  return new Simulation(modelOf(raw), { seed: 1, ...options });
}

/** Runs to the horizon and returns the finished simulation. */
export function runOf(raw: unknown, options: Partial<RunOptions> = {}): Simulation {
  const sim = simOf(raw, options);
  sim.runToEnd();
  return sim;
}

/** A deep copy to edit without touching the shared fixture (built-in JSON modules are shared). */
export function clone<T>(x: T): T {
  return structuredClone(x);
}

/** The smallest useful scenario: one work type, one center with one worker. */
export function tinyScenario(): RawScenario {
  return {
    format: 'phoenix-flow/scenario',
    version: 1,
    id: 'tiny',
    title: 'Tiny',
    horizon: 100,
    workTypes: [
      {
        id: 'job',
        kind: 'business',
        arrivals: [{ type: 'poisson', rate: 0.5 }],
        route: [{ center: 'desk', effort: 1 }],
      },
    ],
    workCenters: [{ id: 'desk', workers: 1 }],
  };
}

export interface StateCounts {
  backlog: number;
  queued: number;
  inService: number;
  batching: number;
  blocked: number;
  done: number;
  suspended: number;
}

export function countStates(sim: Simulation): StateCounts {
  const n: StateCounts = { backlog: 0, queued: 0, inService: 0, batching: 0, blocked: 0, done: 0, suspended: 0 };
  for (const it of sim.items) {
    switch (it.state) {
      case ItemState.Backlog: n.backlog++; break;
      case ItemState.Queued: n.queued++; break;
      case ItemState.InService: n.inService++; break;
      case ItemState.Batching: n.batching++; break;
      case ItemState.Blocked: n.blocked++; break;
      case ItemState.Done: n.done++; break;
      case ItemState.Suspended: n.suspended++; break;
      default: throw new Error(`item ${it.id} has an unknown state ${String(it.state)}`);
    }
  }
  return n;
}

/** Items of one work type (by id), in creation order. */
export function itemsOfType(sim: Simulation, typeId: string) {
  const t = sim.model.types.findIndex((x) => x.id === typeId);
  if (t < 0) throw new Error(`no work type ${typeId}`);
  return sim.items.filter((it) => it.type === t);
}

/** The per-step efforts drawn for an item when it arrived. */
export function effortsOf(sim: Simulation, itemId: number): number[] {
  const it = sim.items[itemId]!;
  const n = sim.model.types[it.type]!.route.length;
  return Array.from(sim.efforts.data.subarray(it.effortBase, it.effortBase + n));
}
