/**
 * A run as a portable recipe: the scenario (a built-in id, or the whole scenario for a trainer's
 * own model), the seed, every decision (engine commands stamped with sim time), how far it was
 * played and the event-log hash it reached. The same recipe is a downloadable JSON file and,
 * compressed, a share link (RunLink.ts). Opening one re-runs the engine and compares hashes, so
 * "this is the same run" is checked, never assumed (RunCheck.ts).
 *
 *   { "format": "phoenix-flow/run", "version": 1, "scenario": "brent", "seed": 7,
 *     "commands": [{ "type": "setWipLimit", "center": "dev", "limit": 4, "at": 15 }],
 *     "until": 30, "hash": "9f3c0e2a41b7d655", "title": "Brent, rounds 1–2" }
 */
import { z } from 'zod';
import type { Command } from '../../sim';
import type { GameSession } from '../GameSession';
import { BUILTIN_SCENARIOS } from '../../scenarios';

export const RUN_FORMAT = 'phoenix-flow/run';
/** Bump when a recipe's meaning changes; older readers then refuse newer files plainly. */
export const RUN_VERSION = 1;
/** The largest run file accepted, in characters (a recipe is a few kB; an inline scenario more). */
export const MAX_RUN_TEXT = 1_000_000;
export const MAX_SEED = 999_999_999;

export interface RunRecipe {
  readonly format: typeof RUN_FORMAT;
  readonly version: typeof RUN_VERSION;
  /** A built-in scenario's id, or a whole scenario (validated like any scenario file when opened). */
  readonly scenario: string | Record<string, unknown>;
  readonly seed: number;
  readonly commands: readonly Command[];
  /** The sim time the run was played to. */
  readonly until: number;
  /** Event-log hash at `until`, as the recording game computed it. */
  readonly hash: string;
  /** A name to show (the lesson and how far it went); shown as text only. */
  readonly title?: string;
}

/**
 * The outer shape only. Commands are checked against the model when the run is opened (they need
 * the scenario), and the scenario by the scenario parser, each with its own plain messages.
 */
const RecipeSchema = z.strictObject({
  format: z.literal(RUN_FORMAT),
  version: z.literal(RUN_VERSION),
  scenario: z.union([z.string().min(1).max(80), z.record(z.string(), z.unknown())]),
  seed: z.number().int().min(0).max(MAX_SEED),
  commands: z.array(z.unknown()).max(10_000),
  until: z.number().min(0).max(1e9),
  hash: z.string().regex(/^[0-9a-f]{16}$/),
  title: z.string().max(120).optional(),
});

export type RecipeResult = { readonly ok: true; readonly recipe: RunRecipe } | { readonly ok: false; readonly message: string };

/** The recipe of the session's run so far: its scenario, seed, decisions and where it stands now. */
export function recipeOfSession(session: GameSession): RunRecipe {
  const played = session.roundResults.length;
  const title = `${session.scenario.title}${played > 0 ? `, ${played === 1 ? 'round 1' : `rounds 1–${played}`}` : ''}, seed ${session.seed}`;
  return {
    format: RUN_FORMAT,
    version: RUN_VERSION,
    // A built-in lesson by its id; a scenario from a file travels whole, so the link plays anywhere.
    scenario: Object.hasOwn(BUILTIN_SCENARIOS, session.scenarioId) ? session.scenarioId : (structuredClone(session.scenario) as unknown as Record<string, unknown>),
    seed: session.seed,
    commands: session.commands.map((c) => ({ ...c })),
    until: session.sim.now,
    hash: session.sim.hash(),
    title: title.slice(0, 120),
  };
}

/** A recipe as the text of a downloadable file. */
export function recipeToText(recipe: RunRecipe): string {
  return `${JSON.stringify(recipe, null, 2)}\n`;
}

/** Reads a recipe from a file's text (or a link's decoded text); never throws. */
export function recipeFromText(text: string): RecipeResult {
  if (text.length > MAX_RUN_TEXT) return { ok: false, message: `That run is too large (${text.length.toLocaleString('en')} characters; at most ${MAX_RUN_TEXT.toLocaleString('en')}).` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'That is not a Phoenix Flow run: it is not valid JSON.' };
  }
  return recipeFromValue(value);
}

export function recipeFromValue(value: unknown): RecipeResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'That is not a Phoenix Flow run.' };
  const v = value as { format?: unknown; version?: unknown };
  if (v.format !== RUN_FORMAT) return { ok: false, message: 'That is not a Phoenix Flow run (its "format" is missing or different).' };
  if (v.version !== RUN_VERSION) {
    const newer = typeof v.version === 'number' && v.version > RUN_VERSION;
    return {
      ok: false,
      message: newer
        ? `That run was saved by a newer Phoenix Flow (run format ${v.version}); this one reads format ${RUN_VERSION}. Open it in the newer version.`
        : `That run uses run format ${JSON.stringify(v.version) ?? 'missing'}, which this version cannot read (it reads format ${RUN_VERSION}).`,
    };
  }
  const parsed = RecipeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.length > 0 ? issue.path.join('.') : '(run)';
    return { ok: false, message: `That run file is damaged: ${path}: ${issue.message}.` };
  }
  return { ok: true, recipe: parsed.data as RunRecipe };
}
