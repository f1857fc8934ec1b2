import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/parseScenario';
import { Simulation, compileModel } from '../src/sim/index';
const f = process.argv[2] ?? 'mm1';
const r = parseScenario(readFileSync(`src/scenarios/${f}.json`, 'utf8'));
if (!r.ok) throw new Error(r.errors.join('\n'));
const model = compileModel(r.scenario);
for (let k = 0; k < 8; k++) {
  const t0 = performance.now();
  const sim = new Simulation(model, { seed: k });
  sim.runToEnd();
  const ms = performance.now() - t0;
  console.log(f, 'events', sim.eventsProcessed, ms.toFixed(1) + 'ms', ((sim.eventsProcessed / ms) * 1000 / 1e6).toFixed(2) + 'M ev/s', 'logged/s', ((sim.log.count / ms) * 1000 / 1e6).toFixed(2) + 'M');
}
