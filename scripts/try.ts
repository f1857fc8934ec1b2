import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/parseScenario';
import { Simulation, compileModel, computeMetrics } from '../src/sim/index';
for (const f of ['brent','mm1','penny']) {
  const r = parseScenario(readFileSync(`src/scenarios/${f}.json`, 'utf8'));
  if (!r.ok) { console.log(f, r.errors); continue; }
  const model = compileModel(r.scenario);
  const t0 = performance.now();
  const sim = new Simulation(model, { seed: 1 });
  sim.runToEnd();
  const ms = performance.now() - t0;
  const mt = computeMetrics(sim);
  console.log(f, sim.status, sim.stall, 'events', sim.eventsProcessed, 'log', sim.log.count, ms.toFixed(1)+'ms', 'hash', sim.hash());
  console.log('  created', mt.created, 'done', mt.done, 'lead', mt.leadTime.mean.toFixed(3), 'p85', mt.leadTime.p85.toFixed(2), 'tp', mt.throughput.toFixed(3), 'avgWip', mt.avgWip.toFixed(2), 'L/(λW)', (mt.avgWip/(mt.throughput*mt.leadTime.mean)).toFixed(3));
  console.log('  util', mt.centers.map(c=>c.id+':'+c.utilisation.toFixed(2)).join(' '), mt.people.filter(p=>p.id==='brent').map(p=>'brent:'+p.utilisation.toFixed(2)).join(''));
  console.log('  delivery', JSON.stringify(mt.delivery));
}
