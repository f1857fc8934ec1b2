/**
 * The `game` part of a scenario: what the game screens and trainers need around the model, as
 * data. The story (briefing), the goal, the rounds and their length, the levers a player may pull
 * between rounds (each one becomes sim-time-stamped engine commands), a budget for investments,
 * how the score counts outages, and the lesson the debrief states. The engine never reads it.
 */
import { z } from 'zod';
import { missing, numberIn, Text, wholeIn } from './SchemaParts';

const LeverId = z
  .string({ error: missing('a text id') })
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, { error: 'must be an id: a letter, then up to 39 letters, digits, "-" or "_"' });

/**
 * A command without its time: the game stamps it with the start of the round it is chosen for.
 * Its fields are checked against the model when the scenario loads (GameReferences.ts).
 */
export const CommandTemplate = z
  .record(z.string(), z.unknown(), { error: 'must be a command object such as { "type": "setWipLimit", ... }' })
  .refine((c) => typeof c['type'] === 'string', { error: 'must have a "type", e.g. "setWipLimit"' })
  .refine((c) => !('at' in c), { error: 'must not have "at": the game stamps the round start' });

export const LeverOption = z.strictObject({
  label: Text(60),
  /** Shown under the option. */
  help: Text(240).optional(),
  commands: z.array(CommandTemplate).max(12, { error: 'must have at most 12 commands' }),
  /** Paid once from the budget when chosen. */
  cost: numberIn(0, 1e6).optional(),
});

export const ChoiceLever = z.strictObject({
  id: LeverId,
  kind: z.literal('choice'),
  label: Text(60),
  help: Text(240).optional(),
  options: z
    .array(LeverOption, { error: missing('a list of options') })
    .min(2, { error: 'must offer at least 2 options' })
    .max(8, { error: 'must offer at most 8 options' }),
  /** Option in force at the start: its commands are not sent (the scenario already says so). */
  initial: wholeIn(0, 7).optional(),
  /** Once a different option is chosen it cannot be undone (an investment, a cross-training). */
  once: z.boolean({ error: 'must be true or false' }).optional(),
});

export const NumberLever = z.strictObject({
  id: LeverId,
  kind: z.literal('number'),
  label: Text(60),
  help: Text(240).optional(),
  /** Commands with the string "$value" where the chosen number (or null for "off") goes. */
  commands: z
    .array(CommandTemplate, { error: missing('a list of commands') })
    .min(1, { error: 'must have at least one command' })
    .max(12, { error: 'must have at most 12 commands' }),
  min: wholeIn(0, 100000),
  max: wholeIn(1, 100000),
  step: wholeIn(1, 1000).optional(),
  /** The value in force at the start; null means "off" (no limit). */
  initial: z.union([wholeIn(0, 100000), z.null()], { error: 'must be a whole number or null (off)' }),
  /** Label of the null setting, e.g. "no limit"; without it the lever cannot be switched off. */
  off: Text(30).optional(),
});

export const Lever = z.discriminatedUnion('kind', [ChoiceLever, NumberLever], {
  error: 'must be a lever whose "kind" is "choice" or "number"',
});

export const Round = z.strictObject({
  title: Text(80).optional(),
  /** Sim time the round lasts; rounds follow each other in one continuous run. */
  length: numberIn(0.001, 100000),
  /** A line for the round's planning screen. */
  note: Text(400).optional(),
  /** Ids of the levers open before this round; none means the round is played as it stands. */
  levers: z.array(LeverId).max(16).optional(),
});

export const GOAL_METRICS = ['score', 'done', 'throughput', 'leadTimeMean', 'leadTimeP85', 'value'] as const;

export const Goal = z
  .strictObject({
    text: Text(240),
    /** What the goal is measured on, over the whole game (all rounds). */
    metric: z.enum(GOAL_METRICS, { error: `must be one of ${GOAL_METRICS.map((m) => `"${m}"`).join(', ')}` }),
    atLeast: numberIn(-1e9, 1e9).optional(),
    atMost: numberIn(-1e9, 1e9).optional(),
  })
  .refine((g) => (g.atLeast === undefined) !== (g.atMost === undefined), {
    error: 'must have exactly one of "atLeast" and "atMost"',
  });

/**
 * A way to play the game, written down: the lever settings chosen before each round (lever id ->
 * option index for a choice lever, the number or null for a number lever). Levers a round does
 * not mention keep their setting. Lesson proofs, the facilitator guide and the debrief play the
 * scenario's strategies on the player's seed.
 */
export const Strategy = z.strictObject({
  id: LeverId,
  label: Text(60),
  description: Text(240).optional(),
  rounds: z
    .array(z.record(LeverId, z.union([z.number().int(), z.null()], { error: 'must be a whole number, or null for "off"' })), {
      error: missing('a list with one object of lever settings per round'),
    })
    .max(8, { error: 'must have at most 8 rounds' }),
});

/** What a proof can measure, per round or over the whole game (see RoundStats). */
export const PROOF_METRICS = [
  'score', 'value', 'done', 'throughput', 'leadTimeMean', 'leadTimeP85', 'avgWip', 'flowEfficiency',
  'queueTime', 'serviceTime', 'utilisation', 'personBusy',
  'deployments', 'changeFailureRate', 'timeToRestore', 'leadTimeForChanges', 'outageTime', 'reworks', 'lateItems',
] as const;

const MetricName = z.enum(PROOF_METRICS, { error: `must be one of ${PROOF_METRICS.map((m) => `"${m}"`).join(', ')}` });

/** A number of a round or game: the metric, and the center or person it is about where it needs one. */
export const MetricRef = z.strictObject({
  metric: MetricName,
  /** The work center, for queueTime, serviceTime and utilisation. */
  center: LeverId.optional(),
  /** The person, for personBusy. */
  person: LeverId.optional(),
});

/** One side of a proof: a strategy, over the whole game or in one round (1 = the first). */
export const ProofSide = z.strictObject({
  strategy: LeverId,
  round: wholeIn(1, 8).optional(),
});

/**
 * A lesson claim the scenario must show over many seeds with common random numbers: side `a`
 * against side `b` on one metric. "lower"/"higher": a's mean is below b's mean divided by `ratio`
 * (or above b's mean times `ratio`); with `everySeed`, a also beats b in every single seed.
 * "similar": the means differ by at most `tolerance` of b's mean.
 */
export const Proof = z
  .strictObject({
    claim: Text(240),
    metric: MetricName,
    center: LeverId.optional(),
    person: LeverId.optional(),
    a: ProofSide,
    b: ProofSide,
    expect: z.enum(['lower', 'higher', 'similar'], { error: 'must be "lower", "higher" or "similar"' }),
    ratio: numberIn(1, 1000).optional(),
    everySeed: z.boolean({ error: 'must be true or false' }).optional(),
    tolerance: numberIn(0, 10).optional(),
  })
  .refine((p) => (p.expect === 'similar') === (p.tolerance !== undefined), {
    error: '"tolerance" goes with "expect": "similar", and only with it',
  });

export const GameSection = z.strictObject({
  /** The lesson's name, e.g. "Batch size". */
  lesson: Text(80).optional(),
  /** Place in the campaign (1 = first lesson); scenarios without one are for the sandbox. */
  order: wholeIn(1, 99).optional(),
  /** One line for the scenario list. */
  tagline: Text(160).optional(),
  /** The story, paragraph by paragraph. */
  briefing: z.array(Text(1200)).max(12, { error: 'must have at most 12 paragraphs' }).optional(),
  goal: Goal.optional(),
  rounds: z.array(Round).min(1, { error: 'must have at least one round' }).max(8, { error: 'must have at most 8 rounds' }).optional(),
  levers: z.array(Lever).max(16, { error: 'must have at most 16 levers' }).optional(),
  /** Money for levers with a cost. */
  budget: numberIn(0, 1e6).optional(),
  score: z
    .strictObject({
      /** Points lost per time unit an incident stays open. */
      outagePerUnit: numberIn(0, 1e6).optional(),
    })
    .optional(),
  /** What the debrief says the lesson is, in plain words. */
  takeaway: Text(600).optional(),
  /** Questions a trainer asks after the round. */
  questions: z.array(Text(300)).max(8).optional(),
  /** Presenter notes for a facilitator. */
  notes: Text(2000).optional(),
  /** About how long a group needs for the lesson, briefing and debrief included (facilitator guide). */
  minutes: wholeIn(1, 600).optional(),
  /** The numbers the debrief puts side by side to show the lesson (default: throughput, lead time, WIP). */
  evidence: z.array(MetricRef).max(6, { error: 'must have at most 6 numbers' }).optional(),
  /** Ways to play, for proofs, the facilitator guide and the debrief's "same seed" comparison. */
  strategies: z.array(Strategy).max(8, { error: 'must have at most 8 strategies' }).optional(),
  /** The lesson's claims, checked over many seeds by the tests and `npm run sim -- prove`. */
  proofs: z.array(Proof).max(12, { error: 'must have at most 12 proofs' }).optional(),
});

export type GameSectionSpec = z.infer<typeof GameSection>;
export type LeverSpec = z.infer<typeof Lever>;
export type RoundSpec = z.infer<typeof Round>;
export type GoalSpec = z.infer<typeof Goal>;
export type GoalMetric = (typeof GOAL_METRICS)[number];
export type StrategySpec = z.infer<typeof Strategy>;
export type ProofSpec = z.infer<typeof Proof>;
export type ProofMetric = (typeof PROOF_METRICS)[number];
export type MetricRefSpec = z.infer<typeof MetricRef>;
