import type { StorageLike } from '../../src/game/SavedData';

/** An in-memory Storage; `fail` makes chosen operations throw like a blocked or full localStorage. */
export class FakeStorage implements StorageLike {
  readonly map = new Map<string, string>();
  fail: { get?: boolean; set?: boolean | ((key: string) => boolean); remove?: boolean } = {};

  constructor(entries: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(entries)) this.map.set(k, v);
  }

  getItem(key: string): string | null {
    if (this.fail.get) throw new DOMException('denied', 'SecurityError');
    return this.map.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    const f = this.fail.set;
    if (f === true || (typeof f === 'function' && f(key))) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(key, value);
  }

  removeItem(key: string): void {
    if (this.fail.remove) throw new DOMException('denied', 'SecurityError');
    this.map.delete(key);
  }

  snapshot(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
}

