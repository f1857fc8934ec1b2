/**
 * Workshop codes: a built-in scenario and a seed as a code a team can copy from a projector,
 * e.g. `BRENT-5G7R-K`. The tag names the scenario; the middle is the seed in base 31 (at least
 * four characters); the last character is a check, so a typo is reported instead of starting
 * another game. Reading ignores case, spaces and dashes. Pure: no DOM, no storage.
 *
 *   workshopCode('brent', 4821)              // 'BRENT-2A5P-…'
 *   readWorkshopCode(' brent 2a5p … ')       // { ok: true, scenarioId: 'brent', seed: 4821 }
 */
import { checkHolds, checkValue, CODE_BASE, codeChar, codeValue, CONFUSABLE } from './CodeAlphabet';
import { SCENARIO_TAGS, tagIndex, tagOf } from './ScenarioTags';

/** The largest seed a code carries; the same bound as a typed seed. */
export const MAX_CODE_SEED = 999_999_999;
const MIN_SEED_CHARS = 4;

export type WorkshopCodeResult =
  | { readonly ok: true; readonly scenarioId: string; readonly seed: number; readonly code: string }
  | { readonly ok: false; readonly message: string };

export const TYPO_MESSAGE = 'That code has a typo: check it against the screen.';

/** The code for a built-in scenario and seed, or null when the scenario has no tag or the seed is out of range. */
export function workshopCode(scenarioId: string, seed: number): string | null {
  const tag = tagOf(scenarioId);
  if (tag === null || !Number.isInteger(seed) || seed < 0 || seed > MAX_CODE_SEED) return null;
  const digits: number[] = [];
  for (let s = seed; s > 0; s = Math.floor(s / CODE_BASE)) digits.unshift(s % CODE_BASE);
  while (digits.length < MIN_SEED_CHARS) digits.unshift(0);
  const check = checkValue([tagIndex(scenarioId), ...digits]);
  return `${tag.tag}-${digits.map(codeChar).join('')}-${codeChar(check)}`;
}

/** Reads what a team typed; a plain message when it cannot be used. Never throws. */
export function readWorkshopCode(typed: string): WorkshopCodeResult {
  if (typeof typed !== 'string') return { ok: false, message: 'Type the workshop code shown on the screen.' };
  const text = typed.toUpperCase().replace(/[\s\-_.·]+/g, '');
  if (text === '') return { ok: false, message: 'Type the workshop code shown on the screen.' };
  if (text.length > 40) return { ok: false, message: 'That is too long for a workshop code: it looks like BRENT-5G7R-K.' };
  const tag = SCENARIO_TAGS.find((t) => text.startsWith(t.tag));
  if (tag === undefined) {
    if (/^[A-Z]*$/.test(text)) return { ok: false, message: 'That is only part of a code: it looks like BRENT-5G7R-K.' };
    return { ok: false, message: `${TYPO_MESSAGE} It should start with the name of a lesson, such as BRENT.` };
  }
  const rest = text.slice(tag.tag.length);
  if (CONFUSABLE.test(rest)) return { ok: false, message: `${TYPO_MESSAGE} Codes never use 0, O, 1, I or L.` };
  if (![...rest].every((c) => codeValue(c) >= 0)) return { ok: false, message: `${TYPO_MESSAGE} It has a character codes never use.` };
  if (rest.length < MIN_SEED_CHARS + 1) return { ok: false, message: `${TYPO_MESSAGE} It is too short.` };
  const digits = [...rest.slice(0, -1)].map(codeValue);
  const check = codeValue(rest.slice(-1));
  if (!checkHolds([tagIndex(tag.id), ...digits, check])) return { ok: false, message: TYPO_MESSAGE };
  // A longer form than needed (leading zeros) is never written by the game: a slip of the keyboard.
  if (digits.length > MIN_SEED_CHARS && digits[0] === 0) return { ok: false, message: TYPO_MESSAGE };
  let seed = 0;
  for (const d of digits) seed = seed * CODE_BASE + d;
  if (seed > MAX_CODE_SEED) return { ok: false, message: `That code's seed is larger than any game uses (${MAX_CODE_SEED.toLocaleString('en-US')}): check it against the screen.` };
  return { ok: true, scenarioId: tag.id, seed, code: workshopCode(tag.id, seed)! };
}
