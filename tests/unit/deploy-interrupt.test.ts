/**
 * A deployment an incident interrupts at a release-train center resumes as soon as someone is
 * free; it does not wait for the next train (which, with no new changes, might never come).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario';
import { compileModel, Simulation } from '../../src/sim';

function run(people: unknown[], workCenters: unknown[]) {
  const r = parseScenario({
    format: 'phoenix-flow/scenario', version: 1, id: 'interrupt', title: 'interrupt', horizon: 40,
    workTypes: [
      { id: 'change', kind: 'change', arrivals: [{ type: 'scheduled', times: [1, 2, 3] }], route: [{ center: 'release', effort: 1 }] },
      { id: 'incident', kind: 'unplanned', arrivals: [{ type: 'scheduled', times: [10.5] }], route: [{ center: 'ops', effort: 0.5 }] },
    ],
    workCenters,
    people,
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  const sim = new Simulation(compileModel(r.scenario), { seed: 1 });
  sim.advanceTo(40);
  return sim;
}

describe('an interrupted deployment', () => {
  it('resumes when the person is free again, without waiting for another train', () => {
    const sim = run([{ id: 'brent', centers: ['ops', 'release'] }], [{ id: 'release', kind: 'deploy', releaseEvery: 10 }, { id: 'ops' }]);
    // The train leaves at 10 with the three changes; the incident takes Brent 10.5 to 11; the deployment then finishes.
    expect(Array.from(sim.deployments)).toEqual([13.5, 3, 0]);
    expect(sim.items.filter((i) => i.type === 0).map((i) => i.done)).toEqual([13.5, 13.5, 13.5]);
  });

  it('also at a center with a single queue lane (no preempting work types)', () => {
    const sim = run([{ id: 'brent', centers: ['release', 'ops'] }], [{ id: 'ops' }, { id: 'release', kind: 'deploy', releaseEvery: 10 }]);
    expect(sim.items.every((i) => i.done >= 0)).toBe(true);
  });
});
