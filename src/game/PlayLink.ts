/**
 * A link that invites a team to play a trainer's own scenario on a chosen seed: the scenario (as
 * its file holds it) and the seed, packed after `#play=` like a replay link. Opening it keeps the
 * scenario among the team's own (OwnScenarios, where it is checked like any file) and goes to its
 * briefing, so a room plays a model nobody had to install, everyone on the same seed.
 *
 *   { "format": "phoenix-flow/play", "version": 1, "seed": 7, "scenario": { ...the scenario file... } }
 */
import { z } from 'zod';
import { fragmentValue, packText, unpackText } from './LinkPacking';
import { MAX_OWN_SCENARIO_TEXT } from './OwnScenarios';
import { MAX_SEED } from './replay/RunRecipe';

export const PLAY_KEY = 'play';
export const PLAY_FORMAT = 'phoenix-flow/play';
export const PLAY_VERSION = 1;
/** Longest payload accepted: a packed scenario is a few kB. */
export const MAX_PLAY_LINK_CHARS = 200_000;

export interface PlayInvite {
  readonly seed: number;
  /** The scenario file's JSON; checked when it is kept (OwnScenarios.add). */
  readonly scenario: Record<string, unknown>;
}

export type InviteResult = { readonly ok: true; readonly invite: PlayInvite } | { readonly ok: false; readonly message: string };

const InviteSchema = z.strictObject({
  format: z.literal(PLAY_FORMAT),
  version: z.literal(PLAY_VERSION),
  seed: z.number().int().min(0).max(MAX_SEED),
  scenario: z.record(z.string(), z.unknown()),
});

/** `base` (the page's address without its fragment) + `#play=1.<payload>`. */
export function playLink(scenario: Record<string, unknown>, seed: number, base: string): string {
  const invite = { format: PLAY_FORMAT, version: PLAY_VERSION, seed, scenario };
  return `${base.split('#')[0]}#${PLAY_KEY}=${packText(JSON.stringify(invite))}`;
}

/** The play payload in a page address, or null if it has none. */
export function playPayload(address: string): string | null {
  return fragmentValue(address, PLAY_KEY);
}

/** Reads an invitation from a link's payload (the part after `#play=`); never throws. */
export function inviteFromLink(payload: string): InviteResult {
  const damaged = { ok: false as const, message: 'That link to play is damaged: it may have been cut short or edited. Ask for the link again, or for the scenario file.' };
  const u = unpackText(payload, MAX_PLAY_LINK_CHARS, MAX_OWN_SCENARIO_TEXT + 200);
  if (!u.ok) {
    if (u.reason === 'newer') return { ok: false, message: 'That link to play was made by a newer Phoenix Flow: open it in the newer version.' };
    if (u.reason === 'too-long' || u.reason === 'too-big') return { ok: false, message: 'That link to play holds more than a scenario can; it was not opened.' };
    return damaged;
  }
  let value: unknown;
  try {
    value = JSON.parse(u.text);
  } catch {
    return damaged;
  }
  const v = value as { format?: unknown; version?: unknown } | null;
  if (typeof v === 'object' && v !== null && v.format === PLAY_FORMAT && typeof v.version === 'number' && v.version > PLAY_VERSION) {
    return { ok: false, message: `That link to play was made by a newer Phoenix Flow (format ${v.version}): open it in the newer version.` };
  }
  const parsed = InviteSchema.safeParse(value);
  return parsed.success ? { ok: true, invite: { seed: parsed.data.seed, scenario: parsed.data.scenario } } : damaged;
}
