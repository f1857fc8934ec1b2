/**
 * Scenario format v1: the schema every scenario file (built-in lesson or a trainer's own) must pass.
 * The shape is checked here with zod; references between parts (a route naming a work center, ...)
 * are checked in ScenarioReferences.ts. Error wording lives next to each field so that a trainer
 * reads "must be a whole number of at least 1", not a library's jargon.
 */
import { z } from 'zod';
import { LIMITS } from '../sim/Limits';
import { DISPATCH_RULES } from '../sim/DispatchRule';
import { GameSection } from './GameSchema';
import { Id, missing, nonNegative, numberIn, oneOf, positive, probability, Text, wholeIn } from './SchemaParts';

export { DISPATCH_RULES };

export { Id };

// ---------- distributions ----------
const MAX_DURATION = LIMITS.maxDuration;

const Constant = z.strictObject({ type: z.literal('constant'), value: nonNegative(MAX_DURATION) });
const Uniform = z
  .strictObject({ type: z.literal('uniform'), min: nonNegative(MAX_DURATION), max: nonNegative(MAX_DURATION) })
  .refine((d) => d.min <= d.max, { error: 'min must not exceed max', path: ['max'] });
const Exponential = z.strictObject({ type: z.literal('exponential'), mean: positive(MAX_DURATION) });
const Triangular = z
  .strictObject({
    type: z.literal('triangular'),
    min: nonNegative(MAX_DURATION),
    mode: nonNegative(MAX_DURATION),
    max: nonNegative(MAX_DURATION),
  })
  .refine((d) => d.min <= d.mode && d.mode <= d.max && d.min < d.max, {
    error: 'needs min <= mode <= max and min < max',
    path: ['mode'],
  });
const LogNormal = z.strictObject({
  type: z.literal('lognormal'),
  mean: positive(MAX_DURATION),
  sd: positive(MAX_DURATION),
});
const Gamma = z.strictObject({ type: z.literal('gamma'), mean: positive(MAX_DURATION), sd: positive(MAX_DURATION) });
const Dice = z.strictObject({
  type: z.literal('dice'),
  count: wholeIn(1, 100),
  sides: wholeIn(2, 1000),
  scale: positive(MAX_DURATION).optional(),
});
const Empirical = z
  .strictObject({
    type: z.literal('empirical'),
    values: z
      .array(nonNegative(MAX_DURATION), { error: missing('a list of numbers') })
      .min(1, { error: 'must list at least one value' })
      .max(1000, { error: 'must list at most 1000 values' }),
    weights: z.array(nonNegative(1e9), { error: 'must be a list of numbers' }).optional(),
  })
  .refine((d) => d.weights === undefined || d.weights.length === d.values.length, {
    error: 'must have one weight per value',
    path: ['weights'],
  })
  .refine((d) => d.weights === undefined || d.weights.some((w) => w > 0), {
    error: 'must have at least one weight above 0',
    path: ['weights'],
  });

const DistributionObject = z.discriminatedUnion(
  'type',
  [Constant, Uniform, Exponential, Triangular, LogNormal, Gamma, Dice, Empirical],
  {
    error: (iss) =>
      iss.input === undefined
        ? 'is required'
        : 'must be a number or a distribution whose "type" is one of "constant", "uniform", "exponential", "triangular", "lognormal", "gamma", "dice", "empirical"',
  },
);

/** A duration: a plain number means a constant. */
export const Distribution = z.union([nonNegative(MAX_DURATION), DistributionObject], {
  error: (iss) =>
    iss.input === undefined
      ? 'is required'
      : typeof iss.input === 'number'
        ? `must be a number from 0 to ${MAX_DURATION}`
        : 'must be a number or a distribution such as {"type": "exponential", "mean": 2}',
});

// ---------- arrivals ----------
const Poisson = z.strictObject({
  type: z.literal('poisson'),
  rate: positive(LIMITS.maxRate),
  start: nonNegative(LIMITS.maxHorizon).optional(),
  end: nonNegative(LIMITS.maxHorizon).optional(),
});
const Interval = z.strictObject({
  type: z.literal('interval'),
  every: Distribution,
  start: nonNegative(LIMITS.maxHorizon).optional(),
  count: wholeIn(1, LIMITS.maxItems).optional(),
});
const Backlog = z.strictObject({
  type: z.literal('backlog'),
  count: wholeIn(1, LIMITS.maxItems),
  at: nonNegative(LIMITS.maxHorizon).optional(),
});
const Scheduled = z.strictObject({
  type: z.literal('scheduled'),
  times: z
    .array(nonNegative(LIMITS.maxHorizon), { error: missing('a list of times') })
    .max(LIMITS.maxItems, { error: `must list at most ${LIMITS.maxItems} times` }),
});
const Arrival = z.discriminatedUnion('type', [Poisson, Interval, Backlog, Scheduled], {
  error: (iss) =>
    iss.input === undefined
      ? 'is required'
      : 'must be an arrival source whose "type" is one of "poisson", "interval", "backlog", "scheduled"',
});

// ---------- work ----------
export const WORK_KINDS = ['business', 'internal', 'change', 'unplanned', 'custom'] as const;
export const CLASSES_OF_SERVICE = ['expedite', 'fixedDate', 'standard', 'intangible'] as const;

const Defect = z.strictObject({
  chance: probability,
  /** A later center on the route, "same" (caught at the source) or "customer". */
  foundAt: z.string({ error: missing('a center id, "same" or "customer"') }),
  reworkFactor: numberIn(0, 10, 'a number from 0 to 10').optional(),
});

const Step = z.strictObject({
  center: Id,
  effort: Distribution,
  skill: Id.optional(),
  defect: Defect.optional(),
});

const WorkType = z.strictObject({
  id: Id,
  name: Text(60).optional(),
  kind: oneOf(WORK_KINDS),
  classOfService: oneOf(CLASSES_OF_SERVICE).optional(),
  value: numberIn(-1e6, 1e6).optional(),
  dueIn: positive(LIMITS.maxHorizon).optional(),
  latePenalty: nonNegative(1e6).optional(),
  preempt: z.boolean({ error: 'must be true or false' }).optional(),
  ignoresWipLimits: z.boolean({ error: 'must be true or false' }).optional(),
  bypassRelease: z.boolean({ error: 'must be true or false' }).optional(),
  arrivals: z
    .array(Arrival, { error: missing('a list of arrival sources') })
    .max(8, { error: 'must list at most 8 arrival sources' })
    .optional(),
  route: z
    .array(Step, { error: missing('a list of steps') })
    .min(1, { error: 'must have at least one step' })
    .max(LIMITS.maxRouteSteps, { error: `must have at most ${LIMITS.maxRouteSteps} steps` }),
});

const Setup = z.strictObject({ perBatch: Distribution.optional(), onSwitch: Distribution.optional() });

const ChangeFailure = z.strictObject({
  chance: probability,
  incidentType: Id.optional(),
  diagnosisPerChange: nonNegative(MAX_DURATION).optional(),
});

const WorkCenter = z.strictObject({
  id: Id,
  name: Text(40).optional(),
  kind: oneOf(['work', 'deploy'] as const).optional(),
  workers: wholeIn(0, LIMITS.maxWorkersPerCenter).optional(),
  workerSkills: z.array(Id).max(LIMITS.maxSkills).optional(),
  queue: oneOf(['fifo', 'priority'] as const).optional(),
  wipLimit: z
    .number({ error: `must be a whole number from 1 to ${LIMITS.maxItems}, or null for no limit` })
    .int({ error: `must be a whole number from 1 to ${LIMITS.maxItems}, or null for no limit` })
    .min(1, { error: `must be a whole number from 1 to ${LIMITS.maxItems}, or null for no limit` })
    .max(LIMITS.maxItems, { error: `must be a whole number from 1 to ${LIMITS.maxItems}, or null for no limit` })
    .nullable()
    .optional(),
  processBatch: wholeIn(1, 1000).optional(),
  transferBatch: wholeIn(1, 1000).optional(),
  setup: Setup.optional(),
  releaseEvery: positive(LIMITS.maxHorizon).optional(),
  releaseOffset: nonNegative(LIMITS.maxHorizon).optional(),
  changeFailure: ChangeFailure.optional(),
});


const Person = z.strictObject({
  id: Id,
  name: Text(40).optional(),
  centers: z.array(Id, { error: missing('a list of center ids') }).min(1, { error: 'must name at least one center' }),
  skills: z.array(Id).max(LIMITS.maxSkills).optional(),
  dispatch: oneOf(DISPATCH_RULES).optional(),
});

export const ReleasePolicy = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('push') }),
    z.strictObject({ type: z.literal('conwip'), limit: wholeIn(1, LIMITS.maxItems) }),
    z.strictObject({ type: z.literal('drum'), center: Id, buffer: wholeIn(1, LIMITS.maxItems) }),
  ],
  { error: 'must be a release policy whose "type" is one of "push", "conwip", "drum"' },
);

const Policy = z.strictObject({
  release: ReleasePolicy.optional(),
  freezeProjects: z.boolean({ error: 'must be true or false' }).optional(),
});

export const SCENARIO_FORMAT = 'phoenix-flow/scenario';
export const SCENARIO_VERSION = 1;

export const ScenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT, { error: `must be "${SCENARIO_FORMAT}"` }),
  version: z.literal(SCENARIO_VERSION, {
    error: (iss) =>
      iss.input === undefined
        ? 'is required'
        : `must be ${SCENARIO_VERSION}: this game reads scenario format version ${SCENARIO_VERSION}`,
  }),
  id: Id,
  title: Text(80),
  description: Text(2000).optional(),
  timeUnit: Text(20).optional(),
  horizon: positive(LIMITS.maxHorizon),
  warmup: nonNegative(LIMITS.maxHorizon).optional(),
  samplePeriod: positive(LIMITS.maxHorizon).optional(),
  throughputPeriod: positive(LIMITS.maxHorizon).optional(),
  workTypes: z
    .array(WorkType, { error: missing('a list of work types') })
    .min(1, { error: 'must have at least one work type' })
    .max(LIMITS.maxWorkTypes, { error: `must have at most ${LIMITS.maxWorkTypes} work types` }),
  workCenters: z
    .array(WorkCenter, { error: missing('a list of work centers') })
    .min(1, { error: 'must have at least one work center' })
    .max(LIMITS.maxCenters, { error: `must have at most ${LIMITS.maxCenters} work centers` }),
  people: z
    .array(Person, { error: missing('a list of people') })
    .max(LIMITS.maxPeople, { error: `must have at most ${LIMITS.maxPeople} people` })
    .optional(),
  policy: Policy.optional(),
  /** The game around the model (briefing, goal, rounds, levers, score); the engine ignores it. */
  game: GameSection.optional(),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type DistributionSpec = z.infer<typeof Distribution>;
export type ArrivalSpec = z.infer<typeof Arrival>;
export type WorkTypeSpec = z.infer<typeof WorkType>;
export type StepSpec = z.infer<typeof Step>;
export type WorkCenterSpec = z.infer<typeof WorkCenter>;
export type PersonSpec = z.infer<typeof Person>;
export type ReleasePolicySpec = z.infer<typeof ReleasePolicy>;
export type WorkKind = (typeof WORK_KINDS)[number];
export type ClassOfService = (typeof CLASSES_OF_SERVICE)[number];
export type { DispatchRule } from '../sim/DispatchRule';
