/**
 * The player's settings: default play speed, reduced motion, high contrast, hints. Kept in
 * localStorage under one versioned key (`phoenix-flow/settings` holding `{ version: 1, values }`),
 * validated with zod when the game starts. Saved data that cannot be used is moved aside to a
 * backup key (never deleted) and `notice` says so once; storage that is unavailable only means
 * the settings last for this visit. Nothing here throws.
 *
 *   const settings = new Settings();          // reads localStorage
 *   settings.values.speed                     // 1 | 2 | 4 | 16 | 'max'
 *   settings.update({ reducedMotion: true }); // saves at once
 */
import { z } from 'zod';
import { browserStorage, readVersioned, writeVersioned, type StorageLike } from './SavedData';

export const SETTINGS_KEY = 'phoenix-flow/settings';
export const SETTINGS_VERSION = 1;

/** Play speeds, slowest first; 'max' runs the round as fast as the machine allows. */
export const PLAY_SPEEDS = [1, 2, 4, 16, 'max'] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

export interface SettingsValues {
  /** Speed a round starts at. */
  readonly speed: PlaySpeed;
  /** No tweened motion: cards jump to their place. */
  readonly reducedMotion: boolean;
  /** Stronger outlines and pure white text. */
  readonly highContrast: boolean;
  /** Hint lines under levers and charts. */
  readonly showHints: boolean;
  /** Projector layout: high contrast and larger numbers where a room looks (HUD, floor, debrief). */
  readonly projector: boolean;
}

export const DEFAULT_SETTINGS: SettingsValues = Object.freeze({
  speed: 1,
  reducedMotion: false,
  highContrast: false,
  showHints: true,
  projector: false,
});

export const SettingsSchema = z.strictObject({
  speed: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(16), z.literal('max')]),
  reducedMotion: z.boolean(),
  highContrast: z.boolean(),
  showHints: z.boolean(),
  // Added after version 1 shipped: optional so settings saved before it still load (default off).
  projector: z.boolean().optional(),
});

export const UNREADABLE_NOTICE = 'Saved settings could not be read and were set aside; defaults are in use.';
export const STUCK_NOTICE = 'Saved settings could not be read; defaults are in use and changes will not be saved this time.';

export class Settings {
  private current: SettingsValues;
  private noticeValue: string | null = null;
  /** False when saving would overwrite data we could not move aside, or storage is unavailable. */
  private canSave: boolean;
  private readonly listeners = new Set<(values: SettingsValues) => void>();

  /**
   * Reads the saved settings from `storage` (default: the page's localStorage, reached safely:
   * prefer `Settings.load()` to passing `window.localStorage`, whose mere access can throw).
   */
  static load(storage: StorageLike | null = browserStorage()): Settings {
    return new Settings(storage);
  }

  constructor(private readonly storage: StorageLike | null = browserStorage()) {
    const r = readVersioned(storage, SETTINGS_KEY, SETTINGS_VERSION, SettingsSchema);
    this.current = DEFAULT_SETTINGS;
    this.canSave = storage !== null;
    switch (r.status) {
      case 'ok':
        this.current = Object.freeze({ ...DEFAULT_SETTINGS, ...r.values, projector: r.values.projector ?? false });
        break;
      case 'unreadable':
        this.noticeValue = r.backupKey !== null ? UNREADABLE_NOTICE : STUCK_NOTICE;
        this.canSave = r.backupKey !== null;
        break;
      case 'unavailable':
        this.canSave = false;
        break;
      case 'missing':
        break;
    }
  }

  get values(): SettingsValues {
    return this.current;
  }

  /** A message for the player about their saved settings, or null. */
  get notice(): string | null {
    return this.noticeValue;
  }

  /** The notice, once: later calls return null (the Title scene shows it a single time). */
  takeNotice(): string | null {
    const n = this.noticeValue;
    this.noticeValue = null;
    return n;
  }

  /** Whether changes are being saved (false: storage unavailable, or unreadable data could not be moved aside). */
  get persistent(): boolean {
    return this.canSave;
  }

  /**
   * Changes some settings and saves them. Values that are not valid settings are ignored (the
   * rest of the patch still applies). Returns whether the change was saved.
   */
  update(patch: Partial<SettingsValues>): boolean {
    const next = { ...this.current };
    for (const [k, v] of Object.entries(patch) as [keyof SettingsValues, unknown][]) {
      if (!(k in SettingsSchema.shape) || v === undefined) continue;
      const ok = SettingsSchema.shape[k].safeParse(v);
      if (ok.success) (next as Record<string, unknown>)[k] = ok.data;
    }
    this.current = Object.freeze(next);
    const saved = this.canSave && writeVersioned(this.storage, SETTINGS_KEY, SETTINGS_VERSION, this.current);
    for (const fn of this.listeners) fn(this.current);
    return saved;
  }

  /** Called after every update; returns a function that unsubscribes. */
  onChange(fn: (values: SettingsValues) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

/** "1×", "16×", "Max". */
export function speedLabel(speed: PlaySpeed): string {
  return speed === 'max' ? 'Max' : `${speed}×`;
}
