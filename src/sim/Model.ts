/**
 * A validated scenario compiled for the engine: ids become array indices, distributions become
 * samplers, defaults are filled in. The engine never looks at the raw scenario again.
 */
import type { ClassOfService, Scenario, WorkKind } from '../scenario/ScenarioSchema';
import type { DispatchRule } from './DispatchRule';
import { drawsRandom, makeSampler, meanOf, type Sampler } from './Distribution';
import { LIMITS } from './Limits';

/** Smaller is served first under priority queueing. */
export const COS_RANK: Record<ClassOfService, number> = { expedite: 0, fixedDate: 1, standard: 2, intangible: 3 };
export const COS_COUNT = 4;
/** A step index meaning "found by the customer, after the route is done". */
export const FOUND_BY_CUSTOMER = -2;

export interface StepModel {
  center: number;
  effort: Sampler;
  /** The effort is random (a run only opens a random stream for steps that draw from it). */
  effortDraws: boolean;
  /** Bit mask of the skill needed (0 = anyone at the center). */
  skillMask: number;
  defectChance: number;
  /** Step index where a defect made here is found; FOUND_BY_CUSTOMER; or this step's own index. */
  foundAt: number;
  reworkFactor: number;
}

export type ArrivalModel =
  | { type: 'poisson'; rate: number; start: number; end: number }
  | { type: 'interval'; every: Sampler; /** Mean gap, for sizing a run's stores. */ meanEvery: number; start: number; count: number }
  | { type: 'backlog'; count: number; at: number }
  | { type: 'scheduled'; times: number[] };

export interface WorkTypeModel {
  index: number;
  id: string;
  name: string;
  kind: WorkKind;
  cos: ClassOfService;
  cosRank: number;
  value: number;
  dueIn: number;
  latePenalty: number;
  preempt: boolean;
  ignoresWip: boolean;
  bypassRelease: boolean;
  /** Business and internal projects are what a freeze holds back. */
  freezable: boolean;
  route: StepModel[];
  arrivals: ArrivalModel[];
}

export interface CenterModel {
  index: number;
  id: string;
  name: string;
  deploy: boolean;
  priorityQueue: boolean;
  wipLimit: number;
  processBatch: number;
  transferBatch: number;
  setupPerBatch: Sampler | null;
  setupOnSwitch: Sampler | null;
  releaseEvery: number;
  releaseOffset: number;
  failureChance: number;
  incidentType: number;
  diagnosisPerChange: number;
  /** Indices of people who can work here (anonymous workers first, then named people). */
  people: number[];
}

export interface PersonModel {
  index: number;
  id: string;
  name: string;
  named: boolean;
  centers: number[];
  skillMask: number;
  dispatch: DispatchRule;
}

export type ReleaseModel =
  | { type: 'push' }
  | { type: 'conwip'; limit: number }
  | { type: 'drum'; center: number; buffer: number };

export interface Model {
  scenario: Scenario;
  horizon: number;
  warmup: number;
  samplePeriod: number;
  throughputPeriod: number;
  timeUnit: string;
  centers: CenterModel[];
  people: PersonModel[];
  types: WorkTypeModel[];
  skills: Map<string, number>;
  release: ReleaseModel;
  freezeProjects: boolean;
}

export function skillBit(skills: Map<string, number>, name: string): number {
  let bit = skills.get(name);
  if (bit === undefined) {
    bit = skills.size;
    if (bit >= 30) throw new Error(`too many skills (at most ${LIMITS.maxSkills})`);
    skills.set(name, bit);
  }
  return 1 << bit;
}

export function compileModel(s: Scenario): Model {
  const skills = new Map<string, number>();
  const centerIndex = new Map(s.workCenters.map((c, i) => [c.id, i]));
  const typeIndex = new Map(s.workTypes.map((t, i) => [t.id, i]));
  const ci = (id: string) => {
    const i = centerIndex.get(id);
    if (i === undefined) throw new Error(`unknown work center "${id}"`);
    return i;
  };

  const centers: CenterModel[] = s.workCenters.map((c, index) => ({
    index,
    id: c.id,
    name: c.name ?? c.id,
    deploy: c.kind === 'deploy',
    priorityQueue: (c.queue ?? 'fifo') === 'priority',
    wipLimit: c.wipLimit ?? Infinity,
    processBatch: c.processBatch ?? 1,
    transferBatch: c.transferBatch ?? 1,
    setupPerBatch: c.setup?.perBatch !== undefined ? makeSampler(c.setup.perBatch) : null,
    setupOnSwitch: c.setup?.onSwitch !== undefined ? makeSampler(c.setup.onSwitch) : null,
    releaseEvery: c.releaseEvery ?? 0,
    releaseOffset: c.releaseOffset ?? 0,
    failureChance: c.changeFailure?.chance ?? 0,
    incidentType: c.changeFailure?.incidentType !== undefined ? typeIndex.get(c.changeFailure.incidentType) ?? -1 : -1,
    diagnosisPerChange: c.changeFailure?.diagnosisPerChange ?? 0,
    people: [],
  }));

  const people: PersonModel[] = [];
  s.workCenters.forEach((c, i) => {
    let mask = 0;
    for (const k of c.workerSkills ?? []) mask |= skillBit(skills, k);
    for (let w = 1; w <= (c.workers ?? 0); w++) {
      people.push({ index: people.length, id: `${c.id}-${w}`, name: `${c.name ?? c.id} ${w}`, named: false, centers: [i], skillMask: mask, dispatch: 'order' });
    }
  });
  for (const p of s.people ?? []) {
    let mask = 0;
    for (const k of p.skills ?? []) mask |= skillBit(skills, k);
    people.push({ index: people.length, id: p.id, name: p.name ?? p.id, named: true, centers: p.centers.map(ci), skillMask: mask, dispatch: p.dispatch ?? 'order' });
  }
  for (const p of people) for (const c of p.centers) centers[c]!.people.push(p.index);

  const types: WorkTypeModel[] = s.workTypes.map((t, index) => {
    const cos: ClassOfService = t.classOfService ?? (t.kind === 'unplanned' ? 'expedite' : 'standard');
    const preempt = t.preempt ?? t.kind === 'unplanned';
    const route: StepModel[] = t.route.map((st, j) => {
      let foundAt = j;
      if (st.defect) {
        const f = st.defect.foundAt;
        if (f === 'customer') foundAt = FOUND_BY_CUSTOMER;
        else if (f !== 'same') foundAt = t.route.findIndex((x, k) => k > j && x.center === f);
      }
      return {
        center: ci(st.center),
        effort: makeSampler(st.effort),
        effortDraws: drawsRandom(st.effort),
        skillMask: st.skill !== undefined ? skillBit(skills, st.skill) : 0,
        defectChance: st.defect?.chance ?? 0,
        foundAt,
        reworkFactor: st.defect?.reworkFactor ?? 1,
      };
    });
    const arrivals: ArrivalModel[] = (t.arrivals ?? []).map((a) => {
      switch (a.type) {
        case 'poisson': return { type: 'poisson', rate: a.rate, start: a.start ?? 0, end: Math.min(a.end ?? s.horizon, s.horizon) };
        case 'interval': return { type: 'interval', every: makeSampler(a.every), meanEvery: meanOf(a.every), start: a.start ?? 0, count: a.count ?? LIMITS.maxItems };
        case 'backlog': return { type: 'backlog', count: a.count, at: a.at ?? 0 };
        case 'scheduled': return { type: 'scheduled', times: a.times.slice().sort((x, y) => x - y) };
      }
    });
    return {
      index,
      id: t.id,
      name: t.name ?? t.id,
      kind: t.kind,
      cos,
      cosRank: COS_RANK[cos],
      value: t.value ?? 0,
      dueIn: t.dueIn ?? Infinity,
      latePenalty: t.latePenalty ?? 0,
      preempt,
      ignoresWip: t.ignoresWipLimits ?? preempt,
      bypassRelease: t.bypassRelease ?? t.kind === 'unplanned',
      freezable: t.kind === 'business' || t.kind === 'internal',
      route,
      arrivals,
    };
  });

  const r = s.policy?.release ?? { type: 'push' as const };
  const release: ReleaseModel =
    r.type === 'drum' ? { type: 'drum', center: ci(r.center), buffer: r.buffer } : r.type === 'conwip' ? { type: 'conwip', limit: r.limit } : { type: 'push' };

  const horizon = s.horizon;
  const warmup = s.warmup ?? 0;
  // Enough samples for smooth charts, never more than the limit.
  const samplePeriod = Math.max(s.samplePeriod ?? horizon / 200, horizon / LIMITS.maxSamples);
  return {
    scenario: s,
    horizon,
    warmup,
    samplePeriod,
    throughputPeriod: s.throughputPeriod ?? 1,
    timeUnit: s.timeUnit ?? 'day',
    centers,
    people,
    types,
    skills,
    release,
    freezeProjects: s.policy?.freezeProjects ?? false,
  };
}
