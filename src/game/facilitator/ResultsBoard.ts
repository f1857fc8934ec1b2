/**
 * The facilitator's leaderboard: the results codes teams sent in, checked and ranked. The board
 * is for one scenario and seed — the first code accepted sets them — so every row is the same
 * work played differently. A team that sends a new code replaces its row (teams are told apart by
 * name, ignoring case). Rank: score, then mean lead time (lower first), then name.
 *
 * Kept in localStorage as a versioned record (`phoenix-flow/leaderboard`: the codes themselves,
 * which re-check on load); an unreadable record is moved aside (never deleted) and `notice` says
 * so once. Nothing here throws.
 *
 *   const board = ResultsBoard.load();
 *   board.addText(pasted)   // { added: 2, problems: ['line 3: This results code is damaged: …'] }
 *   board.rows              // ranked
 */
import { z } from 'zod';
import { browserStorage, readVersioned, writeVersioned, type StorageLike } from '../SavedData';
import { readResultsCode, type TeamResults } from './ResultsCode';
import { tagOf } from './ScenarioTags';

export const BOARD_KEY = 'phoenix-flow/leaderboard';
export const BOARD_VERSION = 1;
/** More rows than any workshop has teams. */
export const MAX_TEAMS = 60;

export const BOARD_UNREADABLE_NOTICE = 'The saved leaderboard could not be read and was set aside; this board starts empty.';
export const BOARD_STUCK_NOTICE = 'The saved leaderboard could not be read; this board starts empty and will not be saved.';

const BoardSchema = z.strictObject({
  codes: z
    .array(z.string().max(200))
    .max(MAX_TEAMS)
    .refine((codes) => codes.every((c) => readResultsCode(c).ok), { error: 'a results code does not read' }),
});

export interface BoardRow extends TeamResults {
  readonly rank: number;
  readonly code: string;
}

export interface AddReport {
  readonly added: number;
  readonly replaced: number;
  /** One plain message per line that could not be used. */
  readonly problems: readonly string[];
}

export class ResultsBoard {
  private entries: { code: string; results: TeamResults }[] = [];
  private noticeValue: string | null = null;
  private canSave: boolean;

  static load(storage: StorageLike | null = browserStorage()): ResultsBoard {
    return new ResultsBoard(storage);
  }

  constructor(private readonly storage: StorageLike | null = browserStorage()) {
    const r = readVersioned(storage, BOARD_KEY, BOARD_VERSION, BoardSchema);
    this.canSave = storage !== null;
    if (r.status === 'ok') {
      for (const code of r.values.codes) {
        const read = readResultsCode(code);
        if (read.ok) this.entries.push({ code, results: read.results });
      }
    } else if (r.status === 'unreadable') {
      this.noticeValue = r.backupKey !== null ? BOARD_UNREADABLE_NOTICE : BOARD_STUCK_NOTICE;
      this.canSave = r.backupKey !== null;
    } else if (r.status === 'unavailable') this.canSave = false;
  }

  takeNotice(): string | null {
    const n = this.noticeValue;
    this.noticeValue = null;
    return n;
  }

  get persistent(): boolean {
    return this.canSave;
  }

  /** The scenario and seed of the board, once a code has been accepted. */
  get workshop(): { scenarioId: string; seed: number } | null {
    const first = this.entries[0];
    return first === undefined ? null : { scenarioId: first.results.scenarioId, seed: first.results.seed };
  }

  get rows(): BoardRow[] {
    const sorted = [...this.entries].sort(
      (a, b) =>
        b.results.score - a.results.score ||
        (a.results.leadTimeMean ?? Infinity) - (b.results.leadTimeMean ?? Infinity) ||
        a.results.team.localeCompare(b.results.team),
    );
    return sorted.map((e, i) => ({ ...e.results, code: e.code, rank: i + 1 }));
  }

  /** Adds one code; returns a plain problem, or null with whether it replaced a row. */
  add(code: string): { problem: string } | { replaced: boolean } {
    const read = readResultsCode(code);
    if (!read.ok) return { problem: read.message };
    const r = read.results;
    const w = this.workshop;
    if (w !== null && (w.scenarioId !== r.scenarioId || w.seed !== r.seed)) {
      const same = w.scenarioId === r.scenarioId;
      return {
        problem: same
          ? `${r.team} played seed ${r.seed}; this board is for seed ${w.seed}. Clear the board to start another.`
          : `${r.team} played ${tagOf(r.scenarioId)?.tag ?? r.scenarioId}; this board is for ${tagOf(w.scenarioId)?.tag ?? w.scenarioId}. Clear the board to start another.`,
      };
    }
    const key = r.team.toLocaleLowerCase();
    const at = this.entries.findIndex((e) => e.results.team.toLocaleLowerCase() === key);
    if (at < 0 && this.entries.length >= MAX_TEAMS) return { problem: `The board is full (${MAX_TEAMS} teams).` };
    const entry = { code: code.replace(/\s+/g, ''), results: r };
    if (at >= 0) this.entries[at] = entry;
    else this.entries.push(entry);
    this.save();
    return { replaced: at >= 0 };
  }

  /** Adds every code in a pasted text, one per line (or separated by spaces). */
  addText(text: string): AddReport {
    const codes = String(text)
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    let added = 0, replaced = 0;
    const problems: string[] = [];
    codes.forEach((code) => {
      const r = this.add(code);
      if ('problem' in r) problems.push(codes.length > 1 ? `${shorten(code)}: ${r.problem}` : r.problem);
      else if (r.replaced) replaced++;
      else added++;
    });
    if (codes.length === 0) problems.push('There was no results code in that text.');
    return { added, replaced, problems };
  }

  clear(): boolean {
    this.entries = [];
    return this.save();
  }

  private save(): boolean {
    return this.canSave && writeVersioned(this.storage, BOARD_KEY, BOARD_VERSION, { codes: this.entries.map((e) => e.code) });
  }
}

function shorten(code: string): string {
  return code.length > 14 ? `${code.slice(0, 12)}…` : code;
}
