/**
 * Saves a file from the browser: the data as a Blob, an object URL, a temporary
 * `<a download="name">` clicked once. The URL is revoked a little later, not at once: a browser
 * may still be reading it after the click returns. The last file saved is remembered (name and
 * size only) for the read-only test hook and the debrief's confirmation line.
 */

export interface SavedFile {
  readonly name: string;
  readonly bytes: number;
  readonly type: string;
}

/** How long an object URL stays alive after its click. */
const REVOKE_AFTER_MS = 30_000;

let last: SavedFile | null = null;

/** The last file saved in this page, or null. */
export function lastSavedFile(): SavedFile | null {
  return last;
}

/** Offers `data` as a download called `name`; returns what was saved. */
export function saveFile(name: string, data: string | Blob, type = 'application/octet-stream'): SavedFile {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
  last = { name, bytes: blob.size, type: blob.type || type };
  return last;
}

export const MIME = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  png: 'image/png',
} as const;
