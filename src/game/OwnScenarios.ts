/**
 * Scenarios a trainer wrote and opened in the game (a scenario file picked or dropped on Scenario
 * select), kept in this browser in their own versioned localStorage record
 * (`phoenix-flow/scenarios`, `{ version: 1, values: { scenarios: [...] } }`). Each is kept as the
 * file's JSON, exactly as written, and checked by the same parser as a built-in lesson and the
 * command line, so a file that opens here runs the same anywhere.
 *
 * Their ids are the scenario's own id behind `yours.` ("yours.my-model"): a scenario id cannot hold
 * a dot, so no file can take a built-in lesson's place. Opening a file with the id of one kept
 * already replaces it (the trainer edited the file). Like the other records: one that cannot be
 * read is moved aside, never deleted; a kept scenario this version no longer accepts stays kept and
 * is listed with its first error; if the browser refuses to save, the scenario is open for this
 * visit only, and the player is told.
 */
import { z } from 'zod';
import { parseScenario } from '../scenario/parseScenario';
import type { Scenario } from '../scenario/ScenarioSchema';
import { count } from './Format';
import { browserStorage, readVersioned, writeVersioned, type StorageLike } from './SavedData';

export const OWN_SCENARIOS_KEY = 'phoenix-flow/scenarios';
export const OWN_SCENARIOS_VERSION = 1;
/** How many scenarios a browser keeps; a thirteenth is refused until one is removed. */
export const MAX_OWN_SCENARIOS = 12;
/** The largest scenario file taken, in characters (the built-in lessons are about 10,000). */
export const MAX_OWN_SCENARIO_TEXT = 200_000;
export const OWN_PREFIX = 'yours.';

export function isOwnScenarioId(id: string): boolean {
  return id.startsWith(OWN_PREFIX);
}

export interface OwnScenario {
  /** `yours.<the scenario's id>`. */
  readonly id: string;
  /** The file it came from, as the player named it (shown, never used as a path). */
  readonly fileName: string;
  /** When it was opened, as an ISO date (shown only). */
  readonly addedAt: string;
  /** The file's JSON as written. */
  readonly value: Record<string, unknown>;
  /** The checked scenario, or null when this version does not accept it (see `errors`). */
  readonly scenario: Scenario | null;
  readonly errors: readonly string[];
  /** False when the browser would not save it: it lasts for this visit only. */
  readonly saved: boolean;
}

export type AddResult =
  | { readonly ok: true; readonly id: string; readonly message: string }
  | { readonly ok: false; readonly message: string; readonly errors: readonly string[] };

const StoredSchema = z.strictObject({
  fileName: z.string().max(200),
  addedAt: z.string().max(40),
  value: z.record(z.string(), z.unknown()),
});
const RecordSchema = z.strictObject({ scenarios: z.array(StoredSchema).max(MAX_OWN_SCENARIOS) });
type Stored = z.infer<typeof StoredSchema>;

export const OWN_UNREADABLE_NOTICE = 'Your saved scenarios could not be read and were set aside (nothing was deleted); open the files again to add them.';
export const OWN_STUCK_NOTICE = 'Your saved scenarios could not be read; scenarios opened now last for this visit only.';

export class OwnScenarios {
  private entries: OwnScenario[] = [];
  private noticeValue: string | null = null;
  private canSave: boolean;

  static load(storage: StorageLike | null = browserStorage()): OwnScenarios {
    return new OwnScenarios(storage);
  }

  constructor(private readonly storage: StorageLike | null = browserStorage()) {
    const r = readVersioned(storage, OWN_SCENARIOS_KEY, OWN_SCENARIOS_VERSION, RecordSchema);
    this.canSave = storage !== null;
    if (r.status === 'ok') {
      const seen = new Set<string>();
      for (const s of r.values.scenarios) {
        const entry = checked(s, true);
        // A hand-edited record could hold one id twice: the later one would never be reachable.
        if (seen.has(entry.id)) continue;
        seen.add(entry.id);
        this.entries.push(entry);
      }
    } else if (r.status === 'unreadable') {
      this.noticeValue = r.backupKey !== null ? OWN_UNREADABLE_NOTICE : OWN_STUCK_NOTICE;
      this.canSave = r.backupKey !== null;
    } else if (r.status === 'unavailable') this.canSave = false;
  }

  /** In the order they were first opened. */
  get list(): readonly OwnScenario[] {
    return this.entries;
  }

  get persistent(): boolean {
    return this.canSave;
  }

  get(id: string): OwnScenario | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /** The checked scenario of an id, or null (unknown id, or one this version does not accept). */
  scenario(id: string): Scenario | null {
    return this.get(id)?.scenario ?? null;
  }

  /** The notice about the saved record, once, or null. */
  takeNotice(): string | null {
    const n = this.noticeValue;
    this.noticeValue = null;
    return n;
  }

  /**
   * Checks a scenario file's text and keeps it. A refusal carries every error the parser found
   * (`path: message`), for the player to fix the file; `message` says it in one line.
   */
  add(fileName: string, text: string, addedAt: string): AddResult {
    const name = fileName.slice(0, 200);
    if (text.length > MAX_OWN_SCENARIO_TEXT) {
      return { ok: false, message: `"${name}" is too large for a scenario (${text.length.toLocaleString('en')} characters; at most ${MAX_OWN_SCENARIO_TEXT.toLocaleString('en')}).`, errors: [] };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { ok: false, message: `"${name}" is not a scenario: it is not valid JSON.`, errors: [`(file): ${(e as Error).message}`] };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, message: `"${name}" is not a scenario: a scenario file holds one JSON object.`, errors: [] };
    }
    const record = value as Record<string, unknown>;
    if (record.format === 'phoenix-flow/run') {
      return { ok: false, message: `"${name}" is a run (a replay), not a scenario: open it from Replays on the title screen.`, errors: [] };
    }
    const parsed = parseScenario(record);
    if (!parsed.ok) {
      return { ok: false, message: `"${name}" is not a scenario this game can play: ${count(parsed.errors.length, 'problem')} to fix.`, errors: parsed.errors };
    }
    const id = OWN_PREFIX + parsed.scenario.id;
    const existing = this.entries.findIndex((e) => e.id === id);
    if (existing < 0 && this.entries.length >= MAX_OWN_SCENARIOS) {
      return { ok: false, message: `This browser keeps ${MAX_OWN_SCENARIOS} of your scenarios already: remove one (Delete) to make room.`, errors: [] };
    }
    const stored: Stored = { fileName: name, addedAt, value: record };
    const next = [...this.entries];
    const entry = { ...checked(stored, false), scenario: parsed.scenario };
    if (existing >= 0) next[existing] = entry;
    else next.push(entry);
    const saved = this.write(next);
    this.entries = next.map((e) => (e === entry ? { ...e, saved } : e));
    const what = `"${parsed.scenario.title}" from ${name}`;
    const verb = existing >= 0 ? 'replaced the earlier one of the same id' : 'added';
    return {
      ok: true,
      id,
      message: saved ? `Opened ${what}: ${verb}, and kept in this browser.` : `Opened ${what} for this visit only: this browser is not saving it. Keep the file.`,
    };
  }

  /** Forgets a scenario; returns a line for the player. */
  remove(id: string): string {
    const entry = this.get(id);
    if (entry === undefined) return 'There is no such scenario to remove.';
    const next = this.entries.filter((e) => e !== entry);
    if (entry.saved && !this.write(next)) return `"${titleOf(entry)}" could not be removed: this browser is not saving changes.`;
    this.entries = next;
    return `Removed "${titleOf(entry)}" from this browser. Open ${entry.fileName} again to bring it back.`;
  }

  /** Saves the entries that were saved before plus `next`'s new one; false if the storage refused. */
  private write(next: readonly OwnScenario[]): boolean {
    if (!this.canSave) return false;
    const kept = next.filter((e) => e.saved || !this.entries.includes(e));
    return writeVersioned(this.storage, OWN_SCENARIOS_KEY, OWN_SCENARIOS_VERSION, {
      scenarios: kept.map((e): Stored => ({ fileName: e.fileName, addedAt: e.addedAt, value: e.value })),
    });
  }
}

/** The name to show: the scenario's title, or for one that no longer opens, its file's name. */
export function titleOf(e: OwnScenario): string {
  return e.scenario?.title ?? (typeof e.value.title === 'string' ? e.value.title.slice(0, 80) : e.fileName);
}

function checked(s: Stored, saved: boolean): OwnScenario {
  const parsed = parseScenario(s.value);
  const rawId = typeof s.value.id === 'string' ? s.value.id.slice(0, 40) : s.fileName;
  return parsed.ok
    ? { id: OWN_PREFIX + parsed.scenario.id, fileName: s.fileName, addedAt: s.addedAt, value: s.value, scenario: parsed.scenario, errors: [], saved }
    : { id: OWN_PREFIX + rawId, fileName: s.fileName, addedAt: s.addedAt, value: s.value, scenario: null, errors: parsed.errors, saved };
}
