import { builtinScenario } from '/work/main/src/scenarios/index';
import { Simulation, compileModel } from '/work/main/src/sim/index';
const s = builtinScenario(process.argv[2] ?? 'brent');
s.horizon = Number(process.argv[3] ?? 5000);
const model = compileModel(s);
for (let k = 0; k < 4; k++) {
  const t0 = performance.now();
  const sim = new Simulation(model, { seed: k });
  sim.runToEnd();
  const ms = performance.now() - t0;
  console.log('events', sim.eventsProcessed, 'logged', sim.log.count, ms.toFixed(0) + 'ms', (sim.eventsProcessed / ms / 1000).toFixed(2) + 'M cal/s', (sim.log.count / ms / 1000).toFixed(2) + 'M log/s', sim.stall?.message ?? '');
}
