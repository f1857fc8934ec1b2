/**
 * How share links carry JSON: deflated with fflate and written in base64url after a packing
 * mark (`1.`), in the page's fragment (which never reaches a server). Unpacking refuses payloads
 * longer than a limit and stops inflating past another, so a hand-made "zip bomb" cannot hang or
 * exhaust the page. Used by replay links (`#run=`) and play links (`#play=`); each says its own
 * refusals in its own words.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';

const PACKING = '1.';

export type Unpacked =
  | { readonly ok: true; readonly text: string }
  /** too-long: over the payload limit; newer: packed by a later version; too-big: inflates past the text limit. */
  | { readonly ok: false; readonly reason: 'too-long' | 'newer' | 'too-big' | 'damaged' };

/** `text` as a payload: `1.<base64url of its deflate>`. */
export function packText(text: string): string {
  return `${PACKING}${toBase64Url(deflateSync(strToU8(text), { level: 9 }))}`;
}

export function unpackText(payload: string, maxPayload: number, maxText: number): Unpacked {
  if (payload.length > maxPayload) return { ok: false, reason: 'too-long' };
  if (!payload.startsWith(PACKING)) return { ok: false, reason: /^\d+\./.test(payload) ? 'newer' : 'damaged' };
  const bytes = fromBase64Url(payload.slice(PACKING.length));
  if (bytes === null) return { ok: false, reason: 'damaged' };
  const text = inflateLimited(bytes, maxText);
  if (text === 'too-big') return { ok: false, reason: 'too-big' };
  if (text === null) return { ok: false, reason: 'damaged' };
  return { ok: true, text };
}

/** The value of `key` in a page address's fragment (`…#key=value`), or null. */
export function fragmentValue(address: string, key: string): string | null {
  const hash = address.includes('#') ? address.slice(address.indexOf('#') + 1) : address;
  return new URLSearchParams(hash).get(key);
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
