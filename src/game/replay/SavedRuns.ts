/**
 * The player's saved runs, newest first, in their own versioned localStorage record
 * (`phoenix-flow/runs`, `{ version: 1, values: { runs: [...] } }`). Like the settings and the
 * campaign: a record that cannot be read is moved aside to a backup key (never deleted) and
 * reported once; other keys are never touched. At most MAX_SAVED_RUNS are kept — saving one more
 * drops the oldest, and says so.
 */
import { z } from 'zod';
import { browserStorage, readVersioned, writeVersioned, type StorageLike } from '../SavedData';
import { recipeFromValue, type RunRecipe } from './RunRecipe';

export const RUNS_KEY = 'phoenix-flow/runs';
export const RUNS_VERSION = 1;
export const MAX_SAVED_RUNS = 20;

export interface SavedRun {
  readonly name: string;
  /** When it was saved, as an ISO date (shown to the player; not part of any simulation). */
  readonly savedAt: string;
  readonly recipe: RunRecipe;
}

const SavedRunSchema = z.strictObject({
  name: z.string().max(120),
  savedAt: z.string().max(40),
  recipe: z.custom<RunRecipe>((v) => recipeFromValue(v).ok, { message: 'not a readable run' }),
});
const RunsSchema = z.strictObject({ runs: z.array(SavedRunSchema).max(MAX_SAVED_RUNS) });

export const RUNS_UNREADABLE_NOTICE = 'Saved replays could not be read and were set aside (nothing was deleted); the list starts empty.';
export const RUNS_STUCK_NOTICE = 'Saved replays could not be read; new ones will not be saved this visit.';

export class SavedRuns {
  private list: SavedRun[] = [];
  private noticeValue: string | null = null;
  private canSave: boolean;

  static load(storage: StorageLike | null = browserStorage()): SavedRuns {
    return new SavedRuns(storage);
  }

  constructor(private readonly storage: StorageLike | null = browserStorage()) {
    const r = readVersioned(storage, RUNS_KEY, RUNS_VERSION, RunsSchema);
    this.canSave = storage !== null;
    if (r.status === 'ok') this.list = [...r.values.runs];
    else if (r.status === 'unreadable') {
      this.noticeValue = r.backupKey !== null ? RUNS_UNREADABLE_NOTICE : RUNS_STUCK_NOTICE;
      this.canSave = r.backupKey !== null;
    } else if (r.status === 'unavailable') this.canSave = false;
  }

  get runs(): readonly SavedRun[] {
    return this.list;
  }

  get persistent(): boolean {
    return this.canSave;
  }

  /** The notice, once, or null. */
  takeNotice(): string | null {
    const n = this.noticeValue;
    this.noticeValue = null;
    return n;
  }

  /**
   * Saves a run at the top of the list (the same recipe saved again moves to the top). Returns a
   * line for the player: what happened, including a dropped oldest run or a refusal to save.
   */
  save(recipe: RunRecipe, name: string, savedAt: string): string {
    const same = (r: SavedRun) => r.recipe.hash === recipe.hash && r.recipe.seed === recipe.seed && r.recipe.until === recipe.until && JSON.stringify(r.recipe.scenario) === JSON.stringify(recipe.scenario);
    const rest = this.list.filter((r) => !same(r));
    const next = [{ name: name.slice(0, 120), savedAt, recipe }, ...rest];
    const dropped = next.length > MAX_SAVED_RUNS ? next[next.length - 1]! : null;
    const kept = next.slice(0, MAX_SAVED_RUNS);
    if (!this.canSave || !writeVersioned(this.storage, RUNS_KEY, RUNS_VERSION, { runs: kept })) {
      return 'This browser is not keeping saved data, so the replay was not saved: download the run file instead.';
    }
    this.list = kept;
    return dropped !== null ? `Saved. The oldest replay ("${dropped.name}") made room for it.` : 'Saved in this browser.';
  }

  /** Removes the run at `index`; returns whether it was removed and saved. */
  remove(index: number): boolean {
    if (index < 0 || index >= this.list.length) return false;
    const kept = this.list.filter((_, i) => i !== index);
    if (!this.canSave || !writeVersioned(this.storage, RUNS_KEY, RUNS_VERSION, { runs: kept })) return false;
    this.list = kept;
    return true;
  }
}
