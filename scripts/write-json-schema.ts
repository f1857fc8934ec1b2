/**
 * Writes docs/scenario.schema.json, a JSON Schema (draft 2020-12) of scenario format v1, generated
 * from the zod schema the game itself parses with (src/scenario/ScenarioSchema.ts). Editors such
 * as VS Code use it to check and autocomplete scenario files as a trainer types.
 *
 *   npm run schema              writes the file
 *   npm run schema -- --check   exits 1 if the committed file differs from what would be written
 *
 * The JSON Schema checks the shape of a file only. Rules that need more than one field (min <= max,
 * a route naming an existing work center, ...) are checked by the game when it loads the file.
 * Descriptions are added here, per field, so that an editor shows them on hover; the test in
 * tests/unit/docs.test.ts fails if a field has none.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { Distribution, Id, ReleasePolicy, SCENARIO_FORMAT, SCENARIO_VERSION, ScenarioSchema } from '../src/scenario/ScenarioSchema';
import { LIMITS } from '../src/sim/Limits';
import {
  ChoiceLever,
  CommandTemplate,
  GameSection,
  GOAL_METRICS,
  Goal,
  Lever,
  LeverOption,
  MetricRef,
  NumberLever,
  Proof,
  PROOF_METRICS,
  ProofSide,
  Round,
  Strategy,
} from '../src/scenario/GameSchema';

export const SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/scenario.schema.json');
export const SCHEMA_ID = `urn:phoenix-flow:scenario:v${SCENARIO_VERSION}`;

type Json = Record<string, unknown>;

// ---------- the parts of the zod schema that become named definitions ----------
// Only the top-level schema and a few parts are exported from src, so reach the others through it.
const shape = ScenarioSchema.shape;
const WorkType = shape.workTypes.element;
const Step = WorkType.shape.route.element;
const Defect = Step.shape.defect.unwrap();
const Arrival = WorkType.shape.arrivals.unwrap().element;
const WorkCenter = shape.workCenters.element;
const Setup = WorkCenter.shape.setup.unwrap();
const ChangeFailure = WorkCenter.shape.changeFailure.unwrap();
const Person = shape.people.unwrap().element;
const Policy = shape.policy.unwrap();
const [Poisson, Interval, Backlog, Scheduled] = Arrival.options;
const DistributionObject = Distribution.options[1];
const [Constant, Uniform, Exponential, Triangular, LogNormal, Gamma, Dice, Empirical] = DistributionObject.options;
const [Push, Conwip, Drum] = ReleasePolicy.options;
const LeverId = ChoiceLever.shape.id;
const GameScore = GameSection.shape.score.unwrap();

/**
 * Descriptions live on the fields (the properties that use a definition), not on shared
 * definitions like Id or Distribution, so that an editor shows the field's own meaning.
 * `about` is only given to definitions that are list items or alternatives of a choice.
 */
interface DefDoc {
  schema: z.ZodType;
  about?: string;
  fields?: Record<string, string>;
}

const D = LIMITS.maxDuration;
const H = LIMITS.maxHorizon;

const DURATION = 'a number (a constant) or a distribution object';

const METRIC_DOC =
  `What is measured, one of ${PROOF_METRICS.map((m) => `"${m}"`).join(', ')}. Over the whole game or one round: "score" (value less late penalties and outage time), "value", "done" (items done), "throughput" (items done per time unit), ` +
  '"leadTimeMean", "leadTimeP85", "avgWip" (time-average items at work centers), "flowEfficiency" (work time over lead time, 0 to 1), "queueTime"/"serviceTime" (mean wait/work time at a center), "utilisation" (a center\'s busy share, 0 to 1), "personBusy" (a person\'s busy share, 0 to 1), ' +
  '"deployments", "changeFailureRate" (failed over all deployments), "timeToRestore" (mean lead time of incidents), "leadTimeForChanges" (release to done, through a deploy center), "outageTime" (time incidents were open), "reworks" (items sent back), "lateItems".';
const METRIC_CENTER = 'Id of the work center the number is about; required for "queueTime", "serviceTime" and "utilisation".';
const METRIC_PERSON = 'Id of the named person the number is about; required for "personBusy".';

const DEFS: Record<string, DefDoc> = {
  Id: { schema: Id },
  Distribution: { schema: Distribution },
  ConstantDistribution: {
    schema: Constant,
    about: 'Always the same duration. A plain number means the same thing.',
    fields: { type: '"constant"', value: `The duration, from 0 to ${D}.` },
  },
  UniformDistribution: {
    schema: Uniform,
    about: 'Any duration between min and max, all equally likely.',
    fields: { type: '"uniform"', min: 'Shortest duration (0 or more).', max: 'Longest duration; must not be less than min.' },
  },
  ExponentialDistribution: {
    schema: Exponential,
    about: 'Memoryless, highly variable durations: mostly short, now and then very long. Its standard deviation equals its mean.',
    fields: { type: '"exponential"', mean: 'Average duration (greater than 0).' },
  },
  TriangularDistribution: {
    schema: Triangular,
    about: 'A three-point estimate: shortest, most likely and longest. Needs min <= mode <= max and min < max.',
    fields: { type: '"triangular"', min: 'Shortest duration.', mode: 'Most likely duration.', max: 'Longest duration.' },
  },
  LognormalDistribution: {
    schema: LogNormal,
    about: 'Skewed durations with a long tail, typical of knowledge work. mean and sd describe the duration itself, not its logarithm.',
    fields: { type: '"lognormal"', mean: 'Average duration (greater than 0).', sd: 'Standard deviation of the duration (greater than 0).' },
  },
  GammaDistribution: {
    schema: Gamma,
    about: 'Skewed durations, lighter-tailed than lognormal. mean and sd describe the duration itself.',
    fields: { type: '"gamma"', mean: 'Average duration (greater than 0).', sd: 'Standard deviation of the duration (greater than 0).' },
  },
  DiceDistribution: {
    schema: Dice,
    about: 'Roll `count` dice with `sides` sides, add them up, multiply by `scale`. One six-sided die: {"type": "dice", "count": 1, "sides": 6}.',
    fields: {
      type: '"dice"',
      count: 'Number of dice, 1 to 100.',
      sides: 'Sides on each die, 2 to 1000.',
      scale: 'Time units per pip. Default 1.',
    },
  },
  EmpiricalDistribution: {
    schema: Empirical,
    about: 'Picks one of the listed durations, each equally likely or in proportion to its weight.',
    fields: {
      type: '"empirical"',
      values: 'The durations to choose from (1 to 1000 of them).',
      weights: 'Optional relative weights, one per value; at least one must be above 0. Default: all equal.',
    },
  },
  PoissonArrival: {
    schema: Poisson,
    about: 'Random arrivals at an average rate: the time between two items is exponential.',
    fields: {
      type: '"poisson"',
      rate: `Average number of items per time unit (greater than 0, at most ${LIMITS.maxRate}).`,
      start: 'Time of the first possible arrival. Default 0.',
      end: 'No arrivals at or after this time. Default: the horizon. Must not be before start.',
    },
  },
  IntervalArrival: {
    schema: Interval,
    about: 'One item at `start`, then one after every `every` time units.',
    fields: {
      type: '"interval"',
      every: `Time between two arrivals: ${DURATION}.`,
      start: 'Time of the first arrival. Default 0.',
      count: 'Stop after this many items. Default: no limit other than the horizon.',
    },
  },
  BacklogArrival: {
    schema: Backlog,
    about: 'A pile of `count` items, all arriving at once at time `at`.',
    fields: { type: '"backlog"', count: `Number of items, 1 to ${LIMITS.maxItems}.`, at: 'Time they arrive. Default 0.' },
  },
  ScheduledArrival: {
    schema: Scheduled,
    about: 'One item at each listed time (in any order; times after the horizon are ignored).',
    fields: { type: '"scheduled"', times: 'Arrival times, 0 or more.' },
  },
  Arrival: { schema: Arrival },
  WorkType: {
    schema: WorkType,
    about: 'A kind of work item: how items arrive, the route they follow, and how they are ranked.',
    fields: {
      id: 'Unique id of this work type; routes, commands and change failures refer to it.',
      name: 'Name shown in the game (up to 60 characters). Default: the id.',
      kind:
        'One of the four types of work, or "custom". "business" and "internal" are projects (held back by a project freeze); "change" is a change; "unplanned" is an incident (by default it is expedited, jumps queues, interrupts other work, ignores WIP limits and skips the release policy).',
      classOfService:
        'Ranking when work is released and at centers with "queue": "priority": "expedite" first, then "fixedDate" (earliest due date first), then "standard", then "intangible". Default: "expedite" for kind "unplanned", otherwise "standard".',
      value: 'Value earned for each item done after the warm-up (may be negative). Default 0.',
      dueIn: 'Each item is due this long after it arrives; later than that it is late. Required for "fixedDate". Default: never due.',
      latePenalty: 'Value lost for each item that finishes late. Default 0.',
      preempt:
        'Items jump to the front of every queue and, when nobody who could do them is free, interrupt someone doing ordinary work; the interrupted work resumes later where it stopped. Default: true for kind "unplanned", otherwise false.',
      ignoresWipLimits: 'Items enter centers even when they are full and do not count against WIP limits. Default: the value of preempt.',
      bypassRelease:
        'Items skip the backlog and the release policy (CONWIP, drum, freeze) and go straight to their first step. Default: true for kind "unplanned", otherwise false.',
      arrivals: 'Up to 8 sources of new items. Default: none (for example an incident type that only change failures create).',
      route: `The steps every item goes through, in order (1 to ${LIMITS.maxRouteSteps}). A route may visit a center more than once.`,
    },
  },
  Step: {
    schema: Step,
    about: 'One step of a route: which center does it and how much work it takes.',
    fields: {
      center: 'Id of the work center that does this step.',
      effort: `Work time of this step for one item: ${DURATION}. Drawn once per item when it arrives.`,
      skill: 'Only people with this skill can do this step. Default: anyone at the center.',
      defect: 'A chance that this step makes a defect, and where it is found.',
    },
  },
  Defect: {
    schema: Defect,
    fields: {
      chance: 'Probability (0 to 1) that an item leaves this step, the first time, with a defect.',
      foundAt:
        '"same": caught as the step finishes and redone at once; the id of a center later on the route: found when the item finishes there, then sent back to this step and through the route again; "customer": found after the last step (an escaped defect), then sent back.',
      reworkFactor: 'The repair takes this fraction of the step\'s original effort (0 to 10). Default 1.',
    },
  },
  WorkCenter: {
    schema: WorkCenter,
    about: 'A desk or team with a queue: Development, QA, Operations, a release desk.',
    fields: {
      id: 'Unique id of this center; routes and people refer to it.',
      name: 'Name shown in the game (up to 40 characters). Default: the id.',
      kind: '"work" (default), or "deploy": a center whose completions are deployments (release trains, change failures).',
      workers: `Number of interchangeable workers who only work here (0 to ${LIMITS.maxWorkersPerCenter}). Default 0; then named people must serve the center.`,
      workerSkills: 'Skills those workers have. Default: none.',
      queue: '"fifo" (default): first come, first served, with incidents first; "priority": served by class of service.',
      wipLimit: 'Most items the center may hold at once (waiting, in work, or finished and waiting to move on). null or absent: no limit.',
      processBatch: 'A person works on up to this many waiting items of the same type and step together; they finish together. Default 1.',
      transferBatch: 'Finished items wait here until this many are finished, then move on together. Default 1.',
      setup: 'Setup time added to jobs at this center.',
      releaseEvery: 'Deploy centers only: deploy every this many time units, all waiting changes at once (a release train). Default: deploy continuously.',
      releaseOffset: 'Deploy centers only: time of the first release train. Default: releaseEvery.',
      changeFailure: 'Deploy centers only: the chance a change breaks production, and the incident that follows.',
    },
  },
  Setup: {
    schema: Setup,
    fields: {
      perBatch: `Setup before every job (every item, process batch or deployment): ${DURATION}.`,
      onSwitch: `Extra setup when a person switches to a different work type at this center: ${DURATION}.`,
    },
  },
  ChangeFailure: {
    schema: ChangeFailure,
    fields: {
      chance: 'Probability (0 to 1) that one change breaks production; a deployment of n changes fails if any of them does.',
      incidentType: 'Id of the work type created as an incident when a deployment fails. Default: none.',
      diagnosisPerChange: 'Extra effort on the incident\'s first step for every change in the failed deployment. Default 0.',
    },
  },
  Person: {
    schema: Person,
    about: 'A named person who may work at several centers (Brent).',
    fields: {
      id: 'Unique id of this person; commands refer to it.',
      name: 'Name shown in the game (up to 40 characters). Default: the id.',
      centers: 'Ids of the centers this person works at. With dispatch "order", earlier centers come first.',
      skills: 'Skills this person has. Default: none.',
      dispatch:
        'How the person picks among centers with work: "order" (default): first listed center; "fifo": the item that has waited longest; "longestQueue": the center with the longest queue. Incidents always come first.',
    },
  },
  PushRelease: {
    schema: Push,
    about: 'Release new work as soon as its first center has room.',
    fields: { type: '"push"' },
  },
  ConwipRelease: {
    schema: Conwip,
    about: 'Constant WIP: release new work only while fewer than `limit` released items are unfinished.',
    fields: { type: '"conwip"', limit: 'Most released, unfinished items in the system.' },
  },
  DrumRelease: {
    schema: Drum,
    about: 'Drum-buffer-rope: release work that goes through the drum (the constraint) only while fewer than `buffer` items are on their way to it.',
    fields: { type: '"drum"', center: 'Id of the constraint center that sets the pace.', buffer: 'Most items released but not yet through the drum.' },
  },
  ReleasePolicy: { schema: ReleasePolicy },
  Policy: {
    schema: Policy,
    fields: {
      release: 'When work leaves the backlog: {"type": "push"} (default), {"type": "conwip", "limit": n} or {"type": "drum", "center": id, "buffer": n}.',
      freezeProjects: 'Start with a project freeze: business and internal work stays in the backlog. Default false.',
    },
  },

  // ---------- the game section (src/scenario/GameSchema.ts) ----------
  GameSection: {
    schema: GameSection,
    fields: {
      lesson: 'The lesson\'s name, e.g. "Batch size" (up to 80 characters). A scenario with neither lesson nor order is a sandbox model.',
      order: 'Place in the campaign, 1 to 99 (1 = first lesson). Default: not in the campaign.',
      tagline: 'One line for the scenario list (up to 160 characters).',
      briefing: 'The story shown before the first round, paragraph by paragraph (up to 12 paragraphs of 1200 characters). Default: the scenario\'s description.',
      goal: 'What the player aims for, with exactly one of atLeast and atMost. Default: no goal.',
      rounds:
        'The rounds, 1 to 8, played one after the other in one continuous run. Their lengths together must not exceed the horizon. Default: one round as long as the horizon.',
      levers: 'The settings a player may change between rounds, up to 16. Each setting becomes decisions (commands) at the start of a round. Default: none.',
      budget: 'Money for levers with a cost, 0 to 1000000. Default 0.',
      score: 'How the score counts outages.',
      takeaway: 'What the debrief says the lesson is, in plain words (up to 600 characters).',
      questions: 'Questions a trainer asks after the game (up to 8, each up to 300 characters).',
      notes: 'Presenter notes for a facilitator (up to 2000 characters).',
      minutes: 'About how long a group needs for the lesson, briefing and debrief included, 1 to 600 minutes (for the facilitator guide).',
      evidence:
        'Up to 6 numbers the debrief puts side by side, round by round, to show the lesson in the player\'s own numbers; the facilitator guide and "npm run sim -- prove" tabulate them too, with the score when the list leaves it out. Default: the debrief\'s usual numbers; in the guide and prove, the score, throughput, mean lead time and average WIP.',
      strategies:
        'Ways to play, written down (up to 8): the lever settings chosen before each round. Proofs, the facilitator guide and the debrief\'s same-seed comparison play them.',
      proofs: 'The lesson\'s claims (up to 12), each checked over many seeds with common random numbers by the tests and "npm run sim -- prove".',
    },
  },
  GameScore: {
    schema: GameScore,
    fields: {
      outagePerUnit:
        'Points lost for each time unit an incident (unplanned work) stays open. Score = value of items done - late penalties - outagePerUnit x outage time. Default 0.',
    },
  },
  Goal: {
    schema: Goal,
    fields: {
      text: 'The goal as the player reads it (up to 240 characters).',
      metric:
        `What is measured, one of ${GOAL_METRICS.map((m) => `"${m}"`).join(', ')}: "score" (value of items done, less late penalties and outage time), "done" (items done), ` +
        '"throughput" (items done per time unit), "value" (value less late penalties), "leadTimeMean" (mean lead time of the items done), "leadTimeP85" (85th percentile lead time in the last round).',
      atLeast: 'The goal is met when the metric is at least this. Give exactly one of atLeast and atMost (the game checks this when it loads the file).',
      atMost: 'The goal is met when the metric is at most this (for lead times). Give exactly one of atLeast and atMost.',
    },
  },
  Round: {
    schema: Round,
    about: 'A window of sim time in the one continuous run. Before it starts, the player may change the levers it opens.',
    fields: {
      title: 'Title of the round (up to 80 characters). Default: "Round n".',
      length: 'How long the round lasts, in time units (0.001 to 100000). The next round starts where this one ends.',
      note: 'A line for the round\'s planning screen (up to 400 characters).',
      levers: 'Ids of the levers the player may change before this round (up to 16). Default: none; the round is played as it stands.',
    },
  },
  LeverId: { schema: LeverId },
  Lever: { schema: Lever },
  ChoiceLever: {
    schema: ChoiceLever,
    about: 'A lever with 2 to 8 named options; choosing an option sends its commands.',
    fields: {
      id: 'Unique id of this lever; rounds refer to it.',
      kind: '"choice"',
      label: 'Name shown in the game (up to 60 characters).',
      help: 'A line shown under the lever (up to 240 characters).',
      options: 'The options, 2 to 8, in the order shown.',
      initial: 'Index (from 0) of the option in force at the start; its commands are not sent, because the scenario already says so. Default 0.',
      once: 'Once a different option is chosen, the lever is locked (an investment, a cross-training). Default false.',
    },
  },
  LeverOption: {
    schema: LeverOption,
    about: 'One option of a choice lever.',
    fields: {
      label: 'Name of the option (up to 60 characters).',
      help: 'A line shown under the option (up to 240 characters).',
      commands: 'The commands sent when the player switches to this option (up to 12; may be empty).',
      cost: 'Paid from the budget when the player switches to this option, 0 to 1000000. Default 0.',
    },
  },
  NumberLever: {
    schema: NumberLever,
    about: 'A lever set to a whole number (a WIP limit, a batch size), or to "off" when it has an off label.',
    fields: {
      id: 'Unique id of this lever; rounds refer to it.',
      kind: '"number"',
      label: 'Name shown in the game (up to 60 characters).',
      help: 'A line shown under the lever (up to 240 characters).',
      commands: 'The commands sent when the value changes (1 to 12). Every "$value" string in them is replaced by the chosen number, or by null for "off".',
      min: 'Smallest value, 0 to 100000.',
      max: 'Largest value, 1 to 100000; must be at least min.',
      step: 'Distance between two values, 1 to 1000. Default 1.',
      initial: 'The value in force at the start, from min to max, or null for "off" (needs an off label). Its commands are not sent.',
      off: 'Label of the null setting, e.g. "no limit" (up to 30 characters). Without it, the lever cannot be switched off.',
    },
  },
  MetricRef: {
    schema: MetricRef,
    about: 'One number of a round or of the whole game, such as {"metric": "queueTime", "center": "ops"}.',
    fields: { metric: METRIC_DOC, center: METRIC_CENTER, person: METRIC_PERSON },
  },
  Strategy: {
    schema: Strategy,
    about: 'A way to play the game, written down: the lever settings chosen before each round.',
    fields: {
      id: 'Unique id of this strategy; proofs refer to it.',
      label: 'Name shown in the debrief and the facilitator guide (up to 60 characters).',
      description: 'What the strategy does and why, in a line (up to 240 characters).',
      rounds:
        'One object per round (up to 8), in order: lever id -> setting (the option index, from 0, for a choice lever; the number, or null for "off", for a number lever). A round may only set levers it opens; levers it does not mention keep their setting. Missing rounds change nothing.',
    },
  },
  Proof: {
    schema: Proof,
    about: 'A lesson claim: side a against side b on one metric, checked over many seeds where both sides see the same work.',
    fields: {
      claim: 'The claim in a plain sentence (up to 240 characters), shown with PASS or FAIL.',
      metric: METRIC_DOC,
      center: METRIC_CENTER,
      person: METRIC_PERSON,
      a: 'The side that should come out lower, higher or similar.',
      b: 'The side it is compared with.',
      expect: '"lower" or "higher": a\'s mean over the seeds must be below (above) b\'s mean; "similar": the two means differ by at most tolerance x b\'s mean.',
      ratio: 'With "lower"/"higher": a must beat b by this factor (a x ratio <= b, or a >= b x ratio), 1 to 1000. Default 1.',
      everySeed: 'With "lower"/"higher": a must also beat b in every single seed, not just on average. Default false.',
      tolerance: 'Required with "similar", and only with it: how far apart the means may be, as a share of b\'s mean (0.05 = 5%), 0 to 10.',
    },
  },
  ProofSide: {
    schema: ProofSide,
    fields: {
      strategy: 'Id of one of the scenario\'s strategies.',
      round: 'Measure this round only (1 = the first). Default: the whole game.',
    },
  },
  CommandTemplate: {
    schema: CommandTemplate,
    about:
      'A decision without its time, such as {"type": "setWipLimit", "center": "dev", "limit": 3}: it needs a "type" and must not have "at", because the game stamps it with the start of the round. The game checks it against the model when it loads the file.',
  },
};

/** The named definitions of the JSON Schema and the zod schemas they come from (for tests). */
export const SCHEMA_DEFINITIONS: Readonly<Record<string, z.ZodType>> = Object.fromEntries(
  Object.entries(DEFS).map(([id, d]) => [id, d.schema]),
);

const ROOT_FIELDS: Record<string, string> = {
  format: `Always "${SCENARIO_FORMAT}".`,
  version: `Scenario format version; this game reads ${SCENARIO_VERSION}.`,
  id: 'Short id of the scenario: a letter, then up to 39 letters, digits, "-" or "_".',
  title: 'Title shown to players (up to 80 characters).',
  description: 'Briefing shown to players (up to 2000 characters).',
  timeUnit: 'Name of the time unit, for labels only ("day", "hour"). Default "day".',
  horizon: `Length of a run in time units (greater than 0, at most ${H}).`,
  warmup: 'Statistics leave out the time before this (and items that arrived before it). Default 0; must be less than the horizon.',
  samplePeriod: `Time between two points of the charts. Default: horizon / 200; never more than ${LIMITS.maxSamples} points.`,
  throughputPeriod: 'Width of each bar of the throughput chart, in time units. Default 1.',
  workTypes: `The kinds of work (1 to ${LIMITS.maxWorkTypes}).`,
  workCenters: `The work centers (1 to ${LIMITS.maxCenters}).`,
  people: `Named people who may work at several centers (up to ${LIMITS.maxPeople}). Default: none.`,
  policy: 'Release policy and project freeze at the start of a run. Decisions can change them during a run.',
  game: 'The game around the model: briefing, goal, rounds, levers (as decisions), budget, score and debrief text. The simulation ignores it.',
};

const ROOT_DESCRIPTION =
  `A Phoenix Flow scenario, format "${SCENARIO_FORMAT}" version ${SCENARIO_VERSION}: work types, their routes through work centers, people and policies. ` +
  'This schema checks the shape of a file; the game also checks that the parts fit together (see docs/scenario-format.md).';

/** The JSON Schema of the scenario format, as a plain object. */
export function buildScenarioJsonSchema(): Json {
  const registry = z.registry<{ id?: string; description?: string }>();
  for (const [id, d] of Object.entries(DEFS)) registry.add(d.schema, d.about !== undefined ? { id, description: d.about } : { id });
  const generated = z.toJSONSchema(ScenarioSchema, {
    target: 'draft-2020-12',
    // The shape of what a trainer writes (optional fields stay optional); the same as 'output'
    // today, as the format has no defaults or transforms in the schema itself.
    io: 'input',
    metadata: registry,
    unrepresentable: 'throw',
    cycles: 'throw',
    reused: 'inline',
  }) as Json;

  const defs = (generated.$defs ?? {}) as Record<string, Json>;
  const describe = (where: string, target: Json, fields: Record<string, string>) => {
    const props = (target.properties ?? {}) as Record<string, Json>;
    for (const [name, text] of Object.entries(fields)) {
      const p = props[name];
      if (p === undefined) throw new Error(`${where}: describes "${name}", which the schema does not have`);
      p.description = text;
    }
  };
  describe('(scenario)', generated, ROOT_FIELDS);
  for (const [id, d] of Object.entries(DEFS)) {
    const def = defs[id];
    if (def === undefined) throw new Error(`definition "${id}" is missing from the generated schema`);
    if (d.fields) describe(id, def, d.fields);
  }

  // A stable, readable key order: identity first, then the body, then the definitions.
  // Definitions in the order of DEFS above, so the file reads top-down and diffs stay small.
  const { $schema, ...body } = generated;
  delete body.$defs;
  const ordered: Record<string, Json> = {};
  for (const id of Object.keys(DEFS)) ordered[id] = defs[id]!;
  for (const [id, def] of Object.entries(defs)) if (!(id in ordered)) ordered[id] = def;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: `Phoenix Flow scenario (format version ${SCENARIO_VERSION})`,
    description: ROOT_DESCRIPTION,
    ...body,
    $defs: ordered,
  };
}

/** The file's exact text. */
export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`;
}

function main(argv: readonly string[]): number {
  const text = renderScenarioJsonSchema();
  const shown = 'docs/scenario.schema.json';
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      console.error(`${shown} is missing: run "npm run schema" to write it`);
      return 1;
    }
    if (current !== text) {
      console.error(`${shown} is out of date with src/scenario/ScenarioSchema.ts: run "npm run schema" and commit the result`);
      return 1;
    }
    console.log(`${shown} is up to date`);
    return 0;
  }
  writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${shown} (${text.length} characters)`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
