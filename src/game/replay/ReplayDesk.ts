/**
 * The game's front desk for replays: it takes a run from wherever it comes (a link the page was
 * opened with, a file picked or dropped, a pasted link, the session just played, a saved replay),
 * checks it, and holds the one being watched for the Replay scene. Every refusal is a plain
 * message for the scene to show; nothing here throws or touches Phaser.
 */
import type { GameSession } from '../GameSession';
import { openRecipe, type OpenedRun } from './RunCheck';
import { linkPayload, recipeFromLink } from './RunLink';
import { recipeFromText, recipeOfSession, type RunRecipe } from './RunRecipe';
import { SavedRuns } from './SavedRuns';

/** Where the replay was opened from: the Replay scene's Back goes there. */
export type ReplaySource = 'Title' | 'Replays' | 'Debrief';

export type DeskResult = { readonly ok: true; readonly run: OpenedRun } | { readonly ok: false; readonly message: string };

export class ReplayDesk {
  private current: OpenedRun | null = null;
  private pending: string | null = null;
  /** Where Back from the replay goes. */
  source: ReplaySource = 'Replays';
  /** A file dropped on the page goes here while a scene that takes files is up (Replays: runs; Scenario select: scenarios). */
  onDrop: ((file: File) => void) | null = null;

  constructor(readonly saved: SavedRuns) {}

  /** The run on the Replay scene, or null. */
  get run(): OpenedRun | null {
    return this.current;
  }

  /** Remembers the run in the page's address (`#run=...`) to open once the title is up. */
  noteAddress(address: string): void {
    this.pending = linkPayload(address);
  }

  /** The link payload the page was opened with, once. */
  takePendingLink(): string | null {
    const p = this.pending;
    this.pending = null;
    return p;
  }

  openRecipe(recipe: RunRecipe): DeskResult {
    const opened = openRecipe(recipe);
    if (opened.ok) this.current = opened.run;
    return opened;
  }

  /** A run file's text. */
  openText(text: string): DeskResult {
    const r = recipeFromText(text);
    return r.ok ? this.openRecipe(r.recipe) : r;
  }

  /** A whole link, or just its payload. */
  openLink(linkOrPayload: string): DeskResult {
    const trimmed = linkOrPayload.trim();
    const payload = trimmed.includes('#') || trimmed.includes('run=') ? linkPayload(trimmed.includes('#') ? trimmed : `#${trimmed}`) : trimmed;
    if (payload === null || payload === '') return { ok: false, message: 'That is not a replay link: it has no "#run=" part.' };
    const r = recipeFromLink(payload);
    return r.ok ? this.openRecipe(r.recipe) : r;
  }

  openSession(session: GameSession): DeskResult {
    return this.openRecipe(recipeOfSession(session));
  }
}
