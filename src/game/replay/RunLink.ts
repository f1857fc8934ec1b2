/**
 * A run as a share link: the recipe's JSON, deflated with fflate and written in base64url after
 * `#run=1.` (the fragment never reaches a server, and `1.` says how it was packed). Decoding
 * refuses links longer than MAX_LINK_CHARS and stops inflating past MAX_RUN_TEXT bytes, so a
 * hand-made "zip bomb" cannot hang or exhaust the page.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { MAX_RUN_TEXT, recipeFromText, type RecipeResult, type RunRecipe } from './RunRecipe';

export const LINK_KEY = 'run';
const PACKING = '1.';
/** Longest link payload accepted (browsers and chat tools cope with far longer, but a run needs a few kB). */
export const MAX_LINK_CHARS = 200_000;

/** The link that opens `recipe`: `base` (the page's address without its fragment) + `#run=1.<payload>`. */
export function runLink(recipe: RunRecipe, base: string): string {
  const json = JSON.stringify(recipe);
  const packed = deflateSync(strToU8(json), { level: 9 });
  return `${base.split('#')[0]}#${LINK_KEY}=${PACKING}${toBase64Url(packed)}`;
}

/** The run payload in a page address or fragment, or null if it has none. */
export function linkPayload(address: string): string | null {
  const hash = address.includes('#') ? address.slice(address.indexOf('#') + 1) : address;
  const params = new URLSearchParams(hash);
  return params.get(LINK_KEY);
}

/** Reads a run from a link's payload (the part after `#run=`); never throws. */
export function recipeFromLink(payload: string): RecipeResult {
  const damaged = { ok: false as const, message: 'That replay link is damaged: it may have been cut short or edited. Ask for the link again, or use the run file.' };
  if (payload.length > MAX_LINK_CHARS) return { ok: false, message: `That replay link is too long (${payload.length.toLocaleString('en')} characters; at most ${MAX_LINK_CHARS.toLocaleString('en')}).` };
  if (!payload.startsWith(PACKING)) {
    return /^\d+\./.test(payload)
      ? { ok: false, message: 'That replay link was made by a newer Phoenix Flow: open it in the newer version.' }
      : damaged;
  }
  const bytes = fromBase64Url(payload.slice(PACKING.length));
  if (bytes === null) return damaged;
  const text = inflateLimited(bytes, MAX_RUN_TEXT);
  if (text === 'too-big') return { ok: false, message: 'That replay link unpacks to more than a run can hold; it was not opened.' };
  if (text === null) return damaged;
  return recipeFromText(text);
}

function inflateLimited(bytes: Uint8Array, limit: number): string | null | 'too-big' {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooBig = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) tooBig = true;
    else chunks.push(chunk);
  });
  try {
    // Feed in slices so an oversized stream is noticed early rather than after inflating it all.
    for (let i = 0; i < bytes.length && !tooBig; i += 4096) inflater.push(bytes.subarray(i, i + 4096), i + 4096 >= bytes.length);
  } catch {
    return null;
  }
  if (tooBig) return 'too-big';
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  try {
    return strFromU8(all);
  } catch {
    return null;
  }
}

/** base64url (RFC 4648 §5, no padding) through the platform's btoa/atob, present in browsers and Node. */
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}
