/**
 * The player's way through the campaign: which lessons they finished, their best score in each
 * and whether they met its goal. Lessons open in order: the first is always open, and finishing
 * one (every round played, whatever the score) opens the next; in trainer mode every lesson is
 * open. Sandbox games never count.
 *
 * Kept in localStorage under its own versioned key (`phoenix-flow/progress`), apart from the
 * settings, so a damaged record of one never costs the other. A record that cannot be read is
 * moved aside to a backup key (never deleted) and `notice` says so once; when it cannot even be
 * moved aside, progress lasts for this visit only and nothing is written over it.
 *
 *   const progress = CampaignProgress.load();
 *   progress.isOpen(3, [1, 2, 3])       // lesson 3 open once lesson 2 is finished
 *   progress.record('brent', 512, true) // after the last round
 */
import { z } from 'zod';
import { browserStorage, readVersioned, writeVersioned, type StorageLike } from './SavedData';

export const PROGRESS_KEY = 'phoenix-flow/progress';
export const PROGRESS_VERSION = 1;

export interface LessonRecord {
  /** Every round played at least once. */
  readonly finished: boolean;
  /** Best game score over finished games; null before any. */
  readonly bestScore: number | null;
  /** The goal was met in at least one finished game. */
  readonly goalMet: boolean;
  /** Finished games. */
  readonly plays: number;
}

const LessonRecordSchema = z.strictObject({
  finished: z.boolean(),
  bestScore: z.number().finite().nullable(),
  goalMet: z.boolean(),
  plays: z.number().int().min(0),
});

const ProgressSchema = z.strictObject({
  lessons: z.record(z.string().max(40), LessonRecordSchema),
  /** Saved so a trainer's machine stays in trainer mode. */
  trainerMode: z.boolean().optional(),
});

export const PROGRESS_UNREADABLE_NOTICE = 'Saved lesson progress could not be read and was set aside; the campaign starts again from lesson 1.';
export const PROGRESS_STUCK_NOTICE = 'Saved lesson progress could not be read; this visit starts from lesson 1 and progress will not be saved.';

const EMPTY: LessonRecord = Object.freeze({ finished: false, bestScore: null, goalMet: false, plays: 0 });

/** A lesson in the campaign: its id and its place (1 = first). */
export interface CampaignLesson {
  readonly id: string;
  readonly order: number;
}

export class CampaignProgress {
  private lessons: Record<string, LessonRecord> = {};
  private noticeValue: string | null = null;
  private canSave: boolean;
  private trainer = false;

  static load(storage: StorageLike | null = browserStorage()): CampaignProgress {
    return new CampaignProgress(storage);
  }

  constructor(private readonly storage: StorageLike | null = browserStorage()) {
    const r = readVersioned(storage, PROGRESS_KEY, PROGRESS_VERSION, ProgressSchema);
    this.canSave = storage !== null;
    if (r.status === 'ok') {
      this.lessons = { ...r.values.lessons };
      this.trainer = r.values.trainerMode === true;
    }
    else if (r.status === 'unreadable') {
      this.noticeValue = r.backupKey !== null ? PROGRESS_UNREADABLE_NOTICE : PROGRESS_STUCK_NOTICE;
      this.canSave = r.backupKey !== null;
    } else if (r.status === 'unavailable') this.canSave = false;
  }

  /** The notice, once (the Title scene shows it), or null. */
  takeNotice(): string | null {
    const n = this.noticeValue;
    this.noticeValue = null;
    return n;
  }

  get persistent(): boolean {
    return this.canSave;
  }

  /** Every lesson open, for trainers and facilitated sessions. */
  get trainerMode(): boolean {
    return this.trainer;
  }

  /** Switches trainer mode; `save` false keeps it to this visit (a `?trainer=1` link). */
  setTrainerMode(on: boolean, save = true): boolean {
    this.trainer = on;
    return save && this.save();
  }

  lesson(id: string): LessonRecord {
    return this.lessons[id] ?? EMPTY;
  }

  /**
   * Whether a lesson may be started: always in trainer mode; otherwise the first lesson, and any
   * lesson whose predecessor in the campaign is finished (or that was finished before).
   */
  isOpen(id: string, campaign: readonly CampaignLesson[]): boolean {
    if (this.trainer) return true;
    const sorted = [...campaign].sort((a, b) => a.order - b.order);
    const at = sorted.findIndex((l) => l.id === id);
    if (at <= 0) return true; // the first lesson, or not a lesson at all (sandbox)
    return this.lesson(id).finished || this.lesson(sorted[at - 1]!.id).finished;
  }

  /** Records a finished game of a lesson; returns whether it was saved. */
  record(id: string, score: number, goalMet: boolean): boolean {
    const before = this.lesson(id);
    const best = before.bestScore === null ? score : Math.max(before.bestScore, score);
    this.lessons = {
      ...this.lessons,
      [id]: Object.freeze({ finished: true, bestScore: Number.isFinite(best) ? best : before.bestScore, goalMet: before.goalMet || goalMet, plays: before.plays + 1 }),
    };
    return this.save();
  }

  private save(): boolean {
    return this.canSave && writeVersioned(this.storage, PROGRESS_KEY, PROGRESS_VERSION, { lessons: this.lessons, trainerMode: this.trainer });
  }
}
