/**
 * A center's utilisation is busy person-time over the person-time of the people allowed to work
 * there at the time: a person an `assign` sends elsewhere stops counting at once, and a trainee
 * counts from the moment the cross-training ends. So a desk with one busy person reads 100%, not
 * 50%, while its other person is kept away.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario';
import { compileModel, computeMetrics, Simulation, type Command } from '../../src/sim';
import { roundStats } from '../../src/game/debrief/RoundStats';

function sim(commands: Command[]) {
  const r = parseScenario({
    format: 'phoenix-flow/scenario', version: 1, id: 'staff', title: 'staff', horizon: 100,
    workTypes: [{ id: 'job', kind: 'business', arrivals: [{ type: 'backlog', count: 500 }], route: [{ center: 'desk', effort: 1 }] }],
    workCenters: [{ id: 'desk', workers: 1 }, { id: 'other' }],
    people: [{ id: 'sam', name: 'Sam', centers: ['desk', 'other'] }],
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return new Simulation(compileModel(r.scenario), { seed: 1, commands });
}

describe('utilisation counts the people allowed at a center', () => {
  it('with both people at the desk, both busy: 100%', () => {
    const s = sim([]);
    s.advanceTo(100);
    expect(computeMetrics(s).centers[0]!.utilisation).toBeCloseTo(1, 9);
  });

  it('with Sam sent elsewhere from day 50, the desk (one worker, always busy) still reads 100%', () => {
    const s = sim([{ at: 50, type: 'assign', person: 'sam', centers: ['other'] }]);
    const at50 = (() => {
      s.advanceTo(50);
      return computeMetrics(s);
    })();
    s.advanceTo(100);
    const end = computeMetrics(s);
    const desk = end.centers[0]!;
    expect(desk.utilisation).toBeCloseTo(1, 9);
    expect(desk.staffedTime).toBeCloseTo(2 * 50 + 1 * 50, 9);
    // And over the window 50..100 alone, as a debrief round reads it.
    const r = roundStats(s, { index: 1, title: 'r2', start: 50, end: 100 }, at50, end, 0);
    expect(r.utilisation[0]!.value).toBeCloseTo(1, 9);
  });
});
