import { describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/index';
import { compileModel, computeMetrics, seekRun, Simulation } from '../../src/sim/index';

// Seeking back re-simulates the recipe; it must land on exactly the state the run had then.
describe('seeking to an earlier time', () => {
  const model = compileModel(builtinScenario('brent'));
  const commands = [
    { at: 10, type: 'setWipLimit' as const, center: 'dev', limit: 4 },
    { at: 20, type: 'assign' as const, person: 'brent', centers: ['ops'] },
  ];

  it('gives the same hash and metrics as the run had at that time', () => {
    const probe = new Simulation(model, { seed: 4, commands });
    probe.advanceTo(33.3);
    const atT = { hash: probe.hash(), metrics: JSON.stringify(computeMetrics(probe)) };
    probe.runToEnd();
    const back = seekRun(probe, 33.3);
    expect(back.now).toBe(33.3);
    expect(back.hash()).toBe(atT.hash);
    expect(JSON.stringify(computeMetrics(back))).toBe(atT.metrics);
  });

  it('keeps commands issued live during the run', () => {
    const live = new Simulation(model, { seed: 9 });
    live.advanceTo(12);
    live.issue({ at: 12, type: 'setFreeze', frozen: true });
    live.runToEnd();
    const again = seekRun(live, model.horizon);
    expect(again.hash()).toBe(live.hash());
  });
});
