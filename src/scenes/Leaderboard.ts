/**
 * The facilitator's leaderboard: results codes go in (typed into the field, or pasted — Ctrl+V
 * anywhere on this screen, or the Paste button — one or many at once), each is checked, a bad one
 * gets a plain message while the good ones are added, and the teams are ranked by score in large
 * type for the room. Clear board asks first. The board is kept in this browser (ResultsBoard).
 */
import * as Phaser from 'phaser';
import type { GameContext } from '../game/GameContext';
import { duration, fixed } from '../game/Format';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, CSS, FONT_FAMILY, TEXT, WIDTH } from '../game/Theme';
import { MENU_NOTES } from '../game/facilitator/PresenterNotesText';
import { ResultsBoard, type AddReport, type BoardRow } from '../game/facilitator/ResultsBoard';
import { builtinScenario } from '../scenarios';
import { tagOf } from '../game/facilitator/ScenarioTags';
import { workshopCode } from '../game/facilitator/WorkshopCode';
import { Button } from '../ui/Button';
import { CONTENT_BOTTOM, CONTENT_TOP, drawFooter, drawHeader, MARGIN } from '../ui/Chrome';
import { letFieldsTakeLetters } from '../ui/FieldTyping';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay } from '../ui/HelpOverlay';
import { NOTES_KEY, PresenterNotes } from '../ui/PresenterNotes';
import { TextField } from '../ui/TextField';
import { applyUiPreferences, setFittedText } from '../ui/UiStyle';
import { zoomToDesign } from '../game/GameConfig';

const ADD_W = 180;
const TABLE_TOP = CONTENT_TOP + 52 + 70;
const ROW_H = 40;
const BUTTONS_Y = CONTENT_BOTTOM - 48;
const CONFIRM_MS = 4000;

/** Columns: right edge (or left for text) and heading. */
const COLS = { rank: MARGIN + 44, team: MARGIN + 70, score: 640, goal: 780, lead: 960, done: 1090, hash: WIDTH - MARGIN } as const;

export class Leaderboard extends Phaser.Scene {
  private board: ResultsBoard | null = null;
  private help!: HelpOverlay;
  private notes!: PresenterNotes;
  private field!: TextField;
  private clearButton!: Button;
  private message!: Phaser.GameObjects.Text;
  private table!: Phaser.GameObjects.Container;
  private headerRight!: Phaser.GameObjects.Text;
  private clearArmed = 0;
  private drawn = false;
  private lastMessage = '';

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.Leaderboard);
  }

  get hasDrawn(): boolean {
    return this.drawn && this.sys.isActive();
  }

  get helpOpen(): boolean {
    return this.help.isOpen;
  }

  /** The ranked rows, or null before the board is first opened (for the test hook). */
  get rows(): BoardRow[] | null {
    return this.board?.rows ?? null;
  }

  /** The message on show (for the test hook). */
  get messageText(): string {
    return this.lastMessage;
  }

  create(): void {
    zoomToDesign(this);
    applyUiPreferences(this.ctx.settings.values);
    this.drawn = false;
    this.clearArmed = 0;
    this.board ??= ResultsBoard.load();
    const back = () => this.scene.start(SceneKey.Title);
    const header = drawHeader(this, { eyebrow: 'Facilitator', title: 'Leaderboard', right: 'Paste results codes: Ctrl+V' });
    this.headerRight = header.right;

    const focus = new FocusList(this, { onEscape: back });
    const fieldW = WIDTH - 2 * MARGIN - ADD_W - 16;
    this.field = focus.add(
      new TextField(this, MARGIN, CONTENT_TOP, {
        label: 'Code',
        width: fieldW,
        maxLength: 90,
        allowed: /^[A-Za-z0-9_-]$/,
        placeholder: 'PF1-… (type one, or paste many)',
        prompt: 'Results code',
        onSubmit: (v) => this.addText(v, true),
      }),
    );
    focus.add(new Button(this, MARGIN + fieldW + 16, CONTENT_TOP, { label: 'Add', keycap: 'Enter', width: ADD_W, onActivate: () => this.addText(this.field.value, true) }));
    this.message = this.add.text(MARGIN, CONTENT_TOP + 62, '', { ...TEXT.notice, wordWrap: { width: WIDTH - 2 * MARGIN }, maxLines: 3 });
    this.table = this.add.container(0, 0);

    focus.add(new Button(this, MARGIN, BUTTONS_Y, { label: 'Back', keycap: 'Esc', width: 200, onActivate: back }));
    focus.add(new Button(this, MARGIN + 216, BUTTONS_Y, { label: 'Paste', keycap: 'Ctrl+V', width: 240, onActivate: () => void this.pasteFromClipboard() }));
    this.clearButton = focus.add(new Button(this, WIDTH - MARGIN - 300, BUTTONS_Y, { label: 'Clear board', width: 300, onActivate: () => this.clear() }));
    focus.focus(this.field);

    drawFooter(this, [
      ['Ctrl+V', 'paste codes'],
      ['Enter', 'add'],
      ['Tab', 'buttons'],
      ['Esc', 'back'],
      ['H', 'help (on a button)'],
    ]);
    this.help = new HelpOverlay(this, {
      title: 'Leaderboard: keys',
      keys: [
        ['Ctrl+V', 'paste one or many results codes (one per line)'],
        ['Letters, digits', 'type a results code into the field'],
        ['Enter', 'add the code typed'],
        ['Tab  ↑ ↓', 'move between the field and the buttons'],
        ['Enter on Clear board', 'clear, after a second press to confirm'],
        ['Esc', 'back to the title screen'],
        NOTES_KEY,
      ],
      note: 'In the field, H and N are letters: move to a button (Tab) to open help or the notes. The board is kept in this browser.',
    });
    this.notes = new PresenterNotes(this, MENU_NOTES.leaderboard);
    letFieldsTakeLetters(this, [this.field], () => this.help.isOpen || this.notes.isOpen);

    // Pasting: the page's own paste event, wherever the keyboard focus is.
    const onPaste = (e: ClipboardEvent) => {
      if (!this.sys.isActive() || this.help.isOpen || this.notes.isOpen) return;
      const text = e.clipboardData?.getData('text') ?? '';
      e.preventDefault();
      this.addText(text, false);
    };
    window.addEventListener('paste', onPaste);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => window.removeEventListener('paste', onPaste));

    const notice = this.board.takeNotice();
    this.say(notice ?? (this.board.rows.length === 0 ? 'No teams yet: paste the results codes teams send you.' : null), notice !== null ? CSS.warning : CSS.muted);
    this.drawTable();
    this.drawn = true;
  }

  override update(_t: number, delta: number): void {
    if (this.clearArmed > 0) {
      this.clearArmed = Math.max(0, this.clearArmed - delta);
      if (this.clearArmed === 0) this.clearButton.setLabel('Clear board');
    }
  }

  private addText(text: string, typed: boolean): void {
    const report = this.board!.addText(text);
    if (typed && report.problems.length === 0) this.field.setValue('');
    this.say(summary(report), report.problems.length > 0 ? CSS.warning : CSS.good);
    this.drawTable();
  }

  private async pasteFromClipboard(): Promise<void> {
    try {
      const text = await navigator.clipboard.readText();
      if (this.sys.isActive()) this.addText(text, false);
    } catch {
      if (this.sys.isActive()) this.say('This browser will not hand the clipboard to the game: press Ctrl+V instead.', CSS.warning);
    }
  }

  private clear(): void {
    const teams = this.board!.rows.length;
    if (teams === 0) {
      this.say('The board is already empty.', CSS.muted);
      return;
    }
    if (this.clearArmed === 0) {
      this.clearArmed = CONFIRM_MS;
      this.clearButton.setLabel('Press again to clear');
      this.say(`Clear all ${teams} team${teams === 1 ? '' : 's'}? Press Clear board again to confirm.`, CSS.warning);
      return;
    }
    this.clearArmed = 0;
    this.clearButton.setLabel('Clear board');
    this.board!.clear();
    this.say('The board is empty: ready for the next workshop.', CSS.good);
    this.drawTable();
  }

  private say(text: string | null, color: string): void {
    this.lastMessage = text ?? '';
    this.message.setText(text ?? '').setColor(color);
  }

  private drawTable(): void {
    this.table.removeAll(true);
    const board = this.board!;
    const w = board.workshop;
    const title = w === null ? '' : (safeTitle(w.scenarioId) ?? tagOf(w.scenarioId)?.tag ?? w.scenarioId);
    this.headerRight.setText(w === null ? 'Paste results codes: Ctrl+V' : `${title} · seed ${w.seed} · ${workshopCode(w.scenarioId, w.seed) ?? ''}`);
    const rows = board.rows;
    if (rows.length === 0) return;
    const unit = w === null ? 'day' : (safeUnit(w.scenarioId) ?? 'day');
    const g = this.add.graphics();
    this.table.add(g);
    const head = { ...TEXT.sectionLabel };
    const cell = (x: number, y: number, s: string, style: Phaser.Types.GameObjects.Text.TextStyle, right = true) => {
      const t = this.add.text(x, y, s, style).setOrigin(right ? 1 : 0, 0.5);
      this.table.add(t);
      return t;
    };
    const hy = TABLE_TOP;
    cell(COLS.rank, hy, '#', head);
    cell(COLS.team, hy, 'TEAM', head, false);
    cell(COLS.score, hy, 'SCORE', head);
    cell(COLS.goal, hy, 'GOAL', head);
    cell(COLS.lead, hy, 'LEAD TIME', head);
    cell(COLS.done, hy, `DONE/${unit.toUpperCase()}`, head);
    cell(COLS.hash, hy, 'DONE · RUN', head);
    const fit = Math.floor((BUTTONS_Y - 16 - (TABLE_TOP + 20)) / ROW_H);
    const shown = rows.length > fit ? fit - 1 : rows.length;
    const big = (color: string) => ({ fontFamily: FONT_FAMILY, fontSize: '26px', fontStyle: 'bold', color, resolution: TEXT.body.resolution ?? 1 });
    rows.slice(0, shown).forEach((r, i) => {
      const y = TABLE_TOP + 20 + i * ROW_H + ROW_H / 2;
      if (i % 2 === 0) g.fillStyle(COLOR.panel, 1).fillRect(MARGIN - 8, y - ROW_H / 2, WIDTH - 2 * MARGIN + 16, ROW_H);
      const color = i === 0 ? CSS.accentSoft : CSS.hcText;
      cell(COLS.rank, y, String(r.rank), big(color));
      setFittedText(cell(COLS.team, y, '', big(color), false), r.team, COLS.score - 130 - COLS.team);
      cell(COLS.score, y, fixed(r.score, 0), big(color));
      cell(COLS.goal, y, r.goalMet === null ? '—' : r.goalMet ? 'met' : 'missed', big(r.goalMet === true ? CSS.good : CSS.hcText));
      cell(COLS.lead, y, duration(r.leadTimeMean, unit), big(CSS.hcText));
      cell(COLS.done, y, fixed(r.throughput, 2), big(CSS.hcText));
      cell(COLS.hash, y, `${r.done} · ${r.hash.slice(0, 4)}`, { ...TEXT.body, color: CSS.muted });
    });
    if (shown < rows.length) cell(COLS.team, TABLE_TOP + 20 + shown * ROW_H + ROW_H / 2, `… and ${rows.length - shown} more teams`, { ...TEXT.body, color: CSS.muted }, false);
  }
}

function summary(r: AddReport): string {
  const parts: string[] = [];
  if (r.added > 0) parts.push(`${r.added} team${r.added === 1 ? '' : 's'} added`);
  if (r.replaced > 0) parts.push(`${r.replaced} updated`);
  const head = parts.length > 0 ? `${parts.join(', ')}.` : '';
  const problems = r.problems.slice(0, 2).join('\n') + (r.problems.length > 2 ? `\n… and ${r.problems.length - 2} more codes could not be used.` : '');
  return [head, problems].filter((s) => s !== '').join(' ');
}

function safeTitle(id: string): string | null {
  try {
    return builtinScenario(id).title;
  } catch {
    return null;
  }
}

function safeUnit(id: string): string | null {
  try {
    return builtinScenario(id).timeUnit ?? null;
  } catch {
    return null;
  }
}
