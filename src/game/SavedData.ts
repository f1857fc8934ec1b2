/**
 * Versioned records in localStorage, read defensively. A record is `{ "version": N, "values": ... }`
 * under one key. Reading never throws: storage that is missing or refuses access (private modes,
 * blocked cookies) reads as "unavailable"; a record that cannot be used (not JSON, another
 * version, the wrong shape) is moved aside to a backup key — copied, checked, and only then removed
 * from its own key — so nothing the player saved is ever deleted, and no other key is touched.
 * If it cannot be moved aside, it is left where it is and the caller must not write over it.
 */
import type { z } from 'zod';

/** The part of the Web Storage API used here; tests pass a fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or null where it does not exist or may not be touched. */
export function browserStorage(): StorageLike | null {
  try {
    const s = (globalThis as { localStorage?: StorageLike }).localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

export type ReadResult<T> =
  /** Nothing saved yet. */
  | { readonly status: 'missing' }
  | { readonly status: 'ok'; readonly values: T }
  /** There is a record but it cannot be used; `backupKey` says where it went (null: left in place). */
  | { readonly status: 'unreadable'; readonly reason: string; readonly backupKey: string | null }
  /** Storage could not be read at all. */
  | { readonly status: 'unavailable' };

/** How many backup slots to try (`key.backup-1` ... `key.backup-20`) before giving up. */
const BACKUP_SLOTS = 20;

export function backupKeys(key: string): string[] {
  return Array.from({ length: BACKUP_SLOTS }, (_, i) => `${key}.backup-${i + 1}`);
}

export function readVersioned<S extends z.ZodType>(storage: StorageLike | null, key: string, version: number, schema: S): ReadResult<z.infer<S>> {
  if (storage === null) return { status: 'unavailable' };
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { status: 'unavailable' };
  }
  if (raw === null) return { status: 'missing' };
  const reason = problemWith(raw, version, schema);
  if (reason.ok) return { status: 'ok', values: reason.values };
  return { status: 'unreadable', reason: reason.reason, backupKey: moveAside(storage, key, raw) };
}

/** Writes `{ version, values }`; false if the storage refused (full, blocked). */
export function writeVersioned(storage: StorageLike | null, key: string, version: number, values: unknown): boolean {
  if (storage === null) return false;
  try {
    storage.setItem(key, JSON.stringify({ version, values }));
    return true;
  } catch {
    return false;
  }
}

function problemWith<S extends z.ZodType>(raw: string, version: number, schema: S): { ok: true; values: z.infer<S> } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'not a saved record' };
  const record = data as { version?: unknown; values?: unknown };
  if (record.version !== version) return { ok: false, reason: `version ${JSON.stringify(record.version) ?? 'missing'}, expected ${version}` };
  const parsed = schema.safeParse(record.values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue && issue.path.length > 0 ? `values.${issue.path.join('.')}` : 'values';
    return { ok: false, reason: `${path}: ${issue?.message ?? 'wrong shape'}` };
  }
  return { ok: true, values: parsed.data };
}

/** Copies `raw` to the first free backup key, checks the copy, then removes the original. */
function moveAside(storage: StorageLike, key: string, raw: string): string | null {
  for (const backup of backupKeys(key)) {
    try {
      if (storage.getItem(backup) !== null) continue;
      storage.setItem(backup, raw);
      if (storage.getItem(backup) !== raw) return null;
      storage.removeItem(key);
      return backup;
    } catch {
      return null;
    }
  }
  return null;
}
