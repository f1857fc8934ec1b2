import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/scenario/parseScenario';
import { Simulation, compileModel, computeMetrics, takeSnapshot } from '../src/sim/index';
const load = (f: string) => { const r = parseScenario(readFileSync(`src/scenarios/${f}.json`, 'utf8')); if (!r.ok) throw new Error(r.errors.join('\n')); return r.scenario; };
const penny = load('penny');
for (const b of [20, 5, 1]) {
  const s = structuredClone(penny); s.workCenters.forEach((c) => { if (c.transferBatch) c.transferBatch = b; });
  const sim = new Simulation(compileModel(s), { seed: 7 }); sim.runToEnd();
  const m = computeMetrics(sim);
  const firstDone = Math.min(...sim.items.map(i => i.done));
  console.log('penny batch', b, 'first', firstDone.toFixed(1), 'last', Math.max(...sim.items.map(i => i.done)).toFixed(1), 'mean lead', m.leadTime.mean.toFixed(1), 'hash', sim.hash());
}
const brent = load('brent');
const runs: [string, any[]][] = [
  ['push', []],
  ['wip dev 4', [{ at: 0, type: 'setWipLimit', center: 'dev', limit: 4 }]],
  ['conwip 12', [{ at: 0, type: 'setRelease', release: { type: 'conwip', limit: 12 } }]],
  ['drum ops 4', [{ at: 0, type: 'setRelease', release: { type: 'drum', center: 'ops', buffer: 4 } }]],
  ['brent ops only', [{ at: 0, type: 'assign', person: 'brent', centers: ['ops'] }]],
  ['freeze', [{ at: 10, type: 'setFreeze', frozen: true }]],
  ['deploy continuous', [{ at: 0, type: 'setReleaseEvery', center: 'release', every: null }]],
  ['invest', [{ at: 0, type: 'invest', center: 'release', setupFactor: 0.2, failureFactor: 0.2 }]],
  ['shift-left', [{ at: 0, type: 'setDetection', workType: 'feature', step: 1, foundAt: 'same' }]],
];
for (const [name, cmds] of runs) {
  const sim = new Simulation(compileModel(brent), { seed: 3, commands: cmds }); sim.runToEnd();
  const m = computeMetrics(sim);
  const arrivals = sim.items.filter(i => sim.model.types[i.type]!.id === 'feature').slice(0, 5).map(i => i.created.toFixed(3)).join(',');
  console.log(name.padEnd(18), 'done', m.done, 'lead', m.leadTime.mean.toFixed(2), 'p85', m.leadTime.p85.toFixed(2), 'wip', m.avgWip.toFixed(1), 'tp', m.throughput.toFixed(2), 'brent', m.people.find(p => p.id === 'brent')!.utilisation.toFixed(2), 'cfr', m.delivery.changeFailureRate.toFixed(2), 'ttr', m.delivery.timeToRestore.toFixed(2), 'ltc', m.delivery.leadTimeForChanges.toFixed(2), 'rework', m.reworks, 'arr', arrivals, sim.stall?.message ?? '');
}
// cross-train
const sim = new Simulation(compileModel(brent), { seed: 3, commands: [{ at: 5, type: 'crossTrain', expert: 'brent', trainees: ['brent'], skill: 'infra', effort: 2 }] });
sim.advanceTo(6); const snap = takeSnapshot(sim); console.log('t=6 brent', JSON.stringify(snap.people.find(p => p.id === 'brent'))); sim.runToEnd(); console.log('crossTrain done', computeMetrics(sim).done);
