/**
 * fast-check generators for valid scenarios and valid command lists. Every part is drawn with
 * the parts it must agree with in view (routes name existing centers, skills are held by
 * someone at the center, incidents exist for a change-failure rate...), so the engine sees the
 * whole range of models a trainer could write, kept small enough to run in milliseconds.
 * A test asserts the generator only ever makes scenarios parseScenario accepts.
 */
import fc from 'fast-check';
import type { Command } from '../../src/sim/Command';
import type { RawScenario } from './sim';

export interface GeneratedCase {
  scenario: RawScenario;
  commands: Command[];
  seed: number;
}

type Gen = fc.GeneratorValue;

const SKILLS = ['infra', 'db', 'sec'] as const;
const KINDS = ['business', 'internal', 'change', 'unplanned', 'custom'] as const;
const CLASSES = ['expedite', 'fixedDate', 'standard', 'intangible'] as const;
const DISPATCH = ['order', 'fifo', 'longestQueue'] as const;

// Unbiased draws: fast-check's default bias towards extremes would make every "30% of the
// time" feature appear most of the time. Shrinking still goes towards the minimum.
const unbiasedInt = (c: { min: number; max: number }) => fc.noBias(fc.integer(c));
const int = (g: Gen, min: number, max: number): number => g(unbiasedInt, { min, max });
const pick = <T>(g: Gen, xs: readonly T[]): T => xs[int(g, 0, xs.length - 1)]!;
const chance = (g: Gen, p: number): boolean => int(g, 0, 999) < p * 1000;
/** Uniform in value (fc.double is uniform over representable doubles, mostly tiny ones), to 3 decimals. */
const num = (g: Gen, min: number, max: number): number => Math.min(max, Math.max(min, Math.round((min + ((max - min) * int(g, 0, 100_000)) / 100_000) * 1000) / 1000));
const subset = <T>(g: Gen, xs: readonly T[], minLength = 0): T[] => {
  const out = xs.filter(() => chance(g, 0.5));
  for (let i = 0; out.length < minLength && i < xs.length; i++) if (!out.includes(xs[i]!)) out.push(xs[i]!);
  return out;
};

/** A duration with mean at most about `scale` (so loads stay sane). */
function duration(g: Gen, scale: number): unknown {
  switch (int(g, 0, 8)) {
    case 0: return num(g, 0, scale);
    case 1: return { type: 'constant', value: num(g, 0, scale) };
    case 2: {
      const a = num(g, 0, scale), b = num(g, 0, scale);
      return { type: 'uniform', min: Math.min(a, b), max: Math.max(a, b) };
    }
    case 3: return { type: 'exponential', mean: num(g, 0.01, scale) };
    case 4: {
      const [min, mode, max] = [num(g, 0, scale), num(g, 0, scale), num(g, 0, scale)].sort((x, y) => x - y) as [number, number, number];
      return { type: 'triangular', min, mode, max: max > min ? max : min + 0.5 };
    }
    case 5: return { type: 'lognormal', mean: num(g, 0.01, scale), sd: num(g, 0.01, scale) };
    case 6: return { type: 'gamma', mean: num(g, 0.01, scale), sd: num(g, 0.01, scale) };
    case 7: {
      const count = int(g, 1, 3), sides = int(g, 2, 6);
      return { type: 'dice', count, sides, scale: num(g, 0.01, (2 * scale) / (count * (sides + 1))) };
    }
    default: {
      const n = int(g, 1, 4);
      const values = Array.from({ length: n }, () => num(g, 0, scale));
      const weights = Array.from({ length: n }, () => int(g, 0, 3));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      return chance(g, 0.5) ? { type: 'empirical', values } : { type: 'empirical', values, weights };
    }
  }
}

function arrivals(g: Gen, horizon: number): unknown[] {
  const n = int(g, 1, 2);
  return Array.from({ length: n }, () => {
    switch (int(g, 0, 3)) {
      case 0: {
        const start = chance(g, 0.3) ? num(g, 0, horizon / 2) : undefined;
        return { type: 'poisson', rate: num(g, 0.05, 3), ...(start !== undefined ? { start } : {}), ...(chance(g, 0.2) ? { end: horizon * 2 } : {}) };
      }
      case 1: return { type: 'interval', every: duration(g, 4), start: num(g, 0, horizon), count: int(g, 1, 15) };
      case 2: return { type: 'backlog', count: int(g, 1, 20), at: num(g, 0, horizon / 2) };
      default: return { type: 'scheduled', times: Array.from({ length: int(g, 0, 8) }, () => num(g, 0, horizon * 1.2)) };
    }
  });
}

interface CenterSketch {
  id: string;
  deploy: boolean;
  workers: number;
  workerSkills: string[];
}

/** Builds one valid scenario and a valid list of commands for it. */
function build(g: Gen): GeneratedCase {
  const horizon = int(g, 5, 40);
  const nCenters = int(g, 1, 5);
  const hasDeploy = nCenters > 1 && chance(g, 0.35);

  const sketches: CenterSketch[] = Array.from({ length: nCenters }, (_, i) => ({
    id: `c${i}`,
    deploy: hasDeploy && i === nCenters - 1,
    workers: int(g, 0, 3),
    workerSkills: subset(g, SKILLS),
  }));

  // Named people, each with centers and skills.
  const people = Array.from({ length: int(g, 0, 3) }, (_, i) => ({
    id: `p${i}`,
    centers: subset(g, sketches.map((c) => c.id), 1),
    skills: subset(g, SKILLS),
    dispatch: pick(g, DISPATCH),
  }));
  // Every center needs somebody.
  for (const c of sketches) if (c.workers === 0 && !people.some((p) => p.centers.includes(c.id))) c.workers = 1;
  const skillsAt = (center: string): Set<string> => {
    const c = sketches.find((x) => x.id === center)!;
    const out = new Set<string>(c.workers > 0 ? c.workerSkills : []);
    for (const p of people) if (p.centers.includes(center)) for (const k of p.skills) out.add(k);
    return out;
  };

  // Work types; an unplanned type may exist to receive change failures.
  const nTypes = int(g, 1, 4);
  const ordinaryCenters = sketches.filter((c) => !c.deploy).map((c) => c.id);
  const deployId = hasDeploy ? sketches[nCenters - 1]!.id : null;
  const workTypes = Array.from({ length: nTypes }, (_, i) => {
    const kind = pick(g, KINDS);
    const steps = int(g, 1, 4);
    const route: Array<Record<string, unknown>> = [];
    for (let j = 0; j < steps; j++) {
      const center = pick(g, ordinaryCenters);
      const step: Record<string, unknown> = { center, effort: duration(g, 1.5) };
      const able = [...skillsAt(center)];
      if (able.length > 0 && chance(g, 0.3)) step.skill = pick(g, able);
      route.push(step);
    }
    // Changes go out through the deploy center, if there is one.
    if (deployId !== null && (kind === 'change' || chance(g, 0.3))) route.push({ center: deployId, effort: duration(g, 0.2) });
    // Defects: found at the same step, by the customer, or at a later center on the route.
    route.forEach((step, j) => {
      if (!chance(g, 0.25)) return;
      const later = route.slice(j + 1).map((x) => x.center as string);
      const foundAt = pick(g, ['same', 'customer', ...later]);
      step.defect = { chance: num(g, 0, 0.6), foundAt, ...(chance(g, 0.5) ? { reworkFactor: num(g, 0, 1.5) } : {}) };
    });
    const cos = chance(g, 0.5) ? pick(g, CLASSES) : undefined;
    const type: Record<string, unknown> = { id: `t${i}`, kind, route };
    if (cos !== undefined) type.classOfService = cos;
    if (cos === 'fixedDate' || chance(g, 0.3)) type.dueIn = num(g, 0.5, horizon);
    if (chance(g, 0.3)) type.latePenalty = num(g, 0, 5);
    if (chance(g, 0.3)) type.value = num(g, -5, 20);
    if (chance(g, 0.25)) type.preempt = chance(g, 0.5);
    if (chance(g, 0.2)) type.ignoresWipLimits = chance(g, 0.5);
    if (chance(g, 0.2)) type.bypassRelease = chance(g, 0.5);
    // Some types only ever come from failed deployments.
    if (!(kind === 'unplanned' && hasDeploy && chance(g, 0.3))) type.arrivals = arrivals(g, horizon);
    return type;
  });
  const unplanned = workTypes.filter((t) => t.kind === 'unplanned').map((t) => t.id as string);

  const workCenters = sketches.map((c) => {
    const center: Record<string, unknown> = { id: c.id, workers: c.workers };
    if (c.workerSkills.length > 0) center.workerSkills = c.workerSkills;
    if (chance(g, 0.3)) center.queue = pick(g, ['fifo', 'priority']);
    if (chance(g, 0.5)) center.wipLimit = chance(g, 0.1) ? null : int(g, 1, 4);
    if (chance(g, 0.2)) center.processBatch = int(g, 1, 4);
    if (chance(g, 0.2)) center.transferBatch = int(g, 1, 4);
    if (chance(g, 0.25)) {
      const setup: Record<string, unknown> = {};
      if (chance(g, 0.6)) setup.perBatch = duration(g, 0.5);
      if (chance(g, 0.6)) setup.onSwitch = duration(g, 0.5);
      center.setup = setup;
    }
    if (c.deploy) {
      center.kind = 'deploy';
      if (chance(g, 0.6)) center.releaseEvery = num(g, 0.5, 10);
      if (chance(g, 0.3)) center.releaseOffset = num(g, 0, 5);
      if (chance(g, 0.6)) {
        center.changeFailure = {
          chance: num(g, 0, 1),
          ...(unplanned.length > 0 && chance(g, 0.8) ? { incidentType: pick(g, unplanned) } : {}),
          ...(chance(g, 0.5) ? { diagnosisPerChange: num(g, 0, 0.5) } : {}),
        };
      }
    }
    return center;
  });

  const release = pick(g, [
    { type: 'push' },
    { type: 'conwip', limit: int(g, 1, 10) },
    { type: 'drum', center: pick(g, sketches.map((c) => c.id)), buffer: int(g, 1, 8) },
  ]);
  const policy: Record<string, unknown> = { release };
  if (chance(g, 0.15)) policy.freezeProjects = true;

  const scenario: RawScenario = {
    format: 'phoenix-flow/scenario',
    version: 1,
    id: 'generated',
    title: 'Generated',
    horizon,
    workTypes,
    workCenters,
    policy,
  };
  if (people.length > 0) scenario.people = people;
  if (chance(g, 0.3)) scenario.warmup = num(g, 0, horizon * 0.9);
  if (chance(g, 0.2)) scenario.samplePeriod = num(g, 0.1, 5);

  const usedSkills = new Set<string>();
  for (const c of workCenters) for (const k of (c.workerSkills as string[] | undefined) ?? []) usedSkills.add(k);
  for (const p of people) for (const k of p.skills) usedSkills.add(k);
  for (const t of workTypes) for (const st of t.route as Array<{ skill?: string }>) if (st.skill) usedSkills.add(st.skill);

  const commands = Array.from({ length: int(g, 0, 6) }, () =>
    command(g, { horizon, centers: sketches, people: people.map((p) => p.id), types: workTypes, skills: [...usedSkills] }),
  ).filter((c): c is Command => c !== null);

  return { scenario, commands, seed: int(g, 0, 1_000_000) };
}

interface CommandContext {
  horizon: number;
  centers: CenterSketch[];
  people: string[];
  types: Array<Record<string, unknown>>;
  skills: string[];
}

function command(g: Gen, cx: CommandContext): Command | null {
  const at = chance(g, 0.1) ? 0 : num(g, 0, cx.horizon);
  const centerIds = cx.centers.map((c) => c.id);
  const center = pick(g, centerIds);
  switch (int(g, 0, 9)) {
    case 0: return { type: 'setWipLimit', at, center, limit: chance(g, 0.2) ? null : int(g, 1, 6) };
    case 1: return { type: 'setBatch', at, center, ...(chance(g, 0.5) ? { processBatch: int(g, 1, 4) } : {}), ...(chance(g, 0.5) ? { transferBatch: int(g, 1, 4) } : {}) };
    case 2:
      return {
        type: 'setRelease',
        at,
        release: pick(g, [{ type: 'push' as const }, { type: 'conwip' as const, limit: int(g, 1, 10) }, { type: 'drum' as const, center, buffer: int(g, 1, 8) }]),
      };
    case 3: return { type: 'setFreeze', at, frozen: chance(g, 0.5) };
    case 4:
      if (cx.people.length === 0) return null;
      return {
        type: 'assign',
        at,
        person: pick(g, cx.people),
        centers: chance(g, 0.3) ? null : subset(g, centerIds),
        ...(chance(g, 0.4) ? { workTypes: chance(g, 0.3) ? null : subset(g, cx.types.map((t) => t.id as string)) } : {}),
      };
    case 5:
      if (cx.people.length === 0) return null;
      return { type: 'setDispatch', at, person: pick(g, cx.people), rule: pick(g, DISPATCH) };
    case 6: return { type: 'invest', at, center, setupFactor: num(g, 0, 1), failureFactor: num(g, 0, 1) };
    case 7:
      if (cx.people.length === 0 || cx.skills.length === 0) return null;
      return {
        type: 'crossTrain',
        at,
        expert: pick(g, cx.people),
        trainees: subset(g, cx.people, 1),
        skill: pick(g, cx.skills),
        ...(chance(g, 0.5) ? { centers: subset(g, centerIds) } : {}),
        effort: num(g, 0, 3),
      };
    case 8: {
      const t = pick(g, cx.types);
      const route = t.route as Array<{ center: string }>;
      const step = int(g, 0, route.length - 1);
      return { type: 'setDetection', at, workType: t.id as string, step, foundAt: pick(g, ['same', 'customer', ...route.slice(step + 1).map((s) => s.center)]) };
    }
    default: {
      const deploy = cx.centers.find((c) => c.deploy);
      if (deploy === undefined) return null;
      return { type: 'setReleaseEvery', at, center: deploy.id, every: chance(g, 0.4) ? null : num(g, 0.5, 10) };
    }
  }
}

/** A valid scenario, a valid command list for it, and a seed. */
export const generatedCase: fc.Arbitrary<GeneratedCase> = fc.gen().map(build);
