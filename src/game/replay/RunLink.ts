/**
 * A run as a share link: the recipe's JSON packed after `#run=` (LinkPacking: deflate and
 * base64url behind `1.`, which says how it was packed). Decoding refuses links longer than
 * MAX_LINK_CHARS and stops inflating past MAX_RUN_TEXT bytes.
 */
import { fragmentValue, packText, unpackText } from '../LinkPacking';
import { MAX_RUN_TEXT, recipeFromText, type RecipeResult, type RunRecipe } from './RunRecipe';

export const LINK_KEY = 'run';
/** Longest link payload accepted (browsers and chat tools cope with far longer, but a run needs a few kB). */
export const MAX_LINK_CHARS = 200_000;

/** The link that opens `recipe`: `base` (the page's address without its fragment) + `#run=1.<payload>`. */
export function runLink(recipe: RunRecipe, base: string): string {
  return `${base.split('#')[0]}#${LINK_KEY}=${packText(JSON.stringify(recipe))}`;
}

/** The run payload in a page address or fragment, or null if it has none. */
export function linkPayload(address: string): string | null {
  return fragmentValue(address, LINK_KEY);
}

/** Reads a run from a link's payload (the part after `#run=`); never throws. */
export function recipeFromLink(payload: string): RecipeResult {
  const u = unpackText(payload, MAX_LINK_CHARS, MAX_RUN_TEXT);
  if (u.ok) return recipeFromText(u.text);
  switch (u.reason) {
    case 'too-long':
      return { ok: false, message: `That replay link is too long (${payload.length.toLocaleString('en')} characters; at most ${MAX_LINK_CHARS.toLocaleString('en')}).` };
    case 'newer':
      return { ok: false, message: 'That replay link was made by a newer Phoenix Flow: open it in the newer version.' };
    case 'too-big':
      return { ok: false, message: 'That replay link unpacks to more than a run can hold; it was not opened.' };
    case 'damaged':
      return { ok: false, message: 'That replay link is damaged: it may have been cut short or edited. Ask for the link again, or use the run file.' };
  }
}
