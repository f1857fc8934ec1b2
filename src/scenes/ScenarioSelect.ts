/**
 * Choosing what to play: the lessons in campaign order (locked ones greyed, with a padlock), then
 * the sandbox models, then the player's own scenarios, in a scrolling list; beside it the chosen
 * scenario's details, the seed (the same seed gives every team the same run), a Sandbox switch
 * and Start. Starting asks the context for a new session; an error message is shown here and the
 * player stays. A scenario file (picked with O or the list's last row, or dropped on the screen)
 * is checked and joins "Your scenarios"; a refused one gets every problem listed.
 */
import * as Phaser from 'phaser';
import type { GameContext, ScenarioEntry } from '../game/GameContext';
import { count } from '../game/Format';
import { SceneKey } from '../game/SceneKeys';
import { CSS, TEXT, WIDTH } from '../game/Theme';
import { Button } from '../ui/Button';
import { CONTENT_BOTTOM, CONTENT_TOP, drawFooter, drawHeader, drawPanel, MARGIN } from '../ui/Chrome';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay } from '../ui/HelpOverlay';
import { ListBox, type ListRow } from '../ui/ListBox';
import { Stepper } from '../ui/Stepper';
import { TextField } from '../ui/TextField';
import { hasCommandModifier, KeyRouter } from '../ui/KeyRouter';
import { MAX_SEED } from '../game/LiveGameContext';
import { applyUiPreferences, setFittedText } from '../ui/UiStyle';
import { zoomToDesign } from '../game/GameConfig';
import { MENU_NOTES } from '../game/facilitator/PresenterNotesText';
import { NOTES_KEY, PresenterNotes } from '../ui/PresenterNotes';
import { WorkshopCodeBadge } from '../ui/WorkshopCodeBadge';
import { FileProblemsPanel } from '../ui/FileProblemsPanel';
import { pickScenarioFile, readScenarioFile, type PickedFile } from '../game/replay/FilePicker';
import { MAX_OWN_SCENARIOS } from '../game/OwnScenarios';
import { playLink } from '../game/PlayLink';

/** Seeds are whole numbers of up to nine digits. */
export const SEED_DIGITS = 9;
export const DEFAULT_SEED = 1;

const LIST_W = 660;
const SIDE_X = MARGIN + LIST_W + 32;
const SIDE_W = WIDTH - MARGIN - SIDE_X;
const DETAIL_H = 212;

export class ScenarioSelect extends Phaser.Scene {
  /** Kept across visits, so Esc from the briefing comes back to the same choice. */
  private seedText = String(DEFAULT_SEED);
  private chosenId: string | null = null;
  private sandboxOn = false;
  /** The last link to play made here (for the test hook), or null. */
  private playLinkValue: string | null = null;
  /** A line to show once the scene is drawn again (after a file was added or removed). */
  private pendingMessage: { text: string; kind: 'error' | 'notice' } | null = null;
  /** The list's last row: "Open a scenario file…". */
  private openRow = -1;
  private problems!: FileProblemsPanel;

  private entries: readonly ScenarioEntry[] = [];
  private rowEntry: (ScenarioEntry | null)[] = [];
  private list!: ListBox;
  private seed!: TextField;
  private sandbox!: Stepper;
  private start!: Button;
  private compare!: Button;
  private message!: Phaser.GameObjects.Text;
  private detail!: {
    kind: Phaser.GameObjects.Text;
    title: Phaser.GameObjects.Text;
    lesson: Phaser.GameObjects.Text;
    tagline: Phaser.GameObjects.Text;
    rounds: Phaser.GameObjects.Text;
  };
  private help!: HelpOverlay;
  private focus!: FocusList;
  private workshopBadge: WorkshopCodeBadge | null = null;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.ScenarioSelect);
  }

  create(): void {
    zoomToDesign(this);
    applyUiPreferences(this.ctx.settings.values);
    this.entries = this.ctx.catalog();
    // First visit with a game already chosen (a link to play, a workshop code): start from it.
    const session = this.ctx.session;
    if (this.chosenId === null && session !== null) {
      this.chosenId = session.scenarioId;
      this.seedText = String(session.seed);
    }
    drawHeader(this, { eyebrow: 'Step 1 of 2 · choose a scenario', title: 'What will you play?' });

    const rows: ListRow[] = [];
    this.rowEntry = [];
    const push = (row: ListRow, entry: ScenarioEntry | null) => {
      rows.push(row);
      this.rowEntry.push(entry);
    };
    const own = this.entries.filter((e) => e.own !== undefined);
    const builtin = this.entries.filter((e) => e.own === undefined);
    const lessons = builtin.filter((e) => e.order !== null || e.lesson !== null);
    const models = builtin.filter((e) => !(e.order !== null || e.lesson !== null));
    if (lessons.length > 0) push({ kind: 'header', label: 'Lessons' }, null);
    for (const e of lessons) {
      const tag = e.locked ? 'locked' : e.goalMet ? 'goal met' : e.finished ? 'played' : count(e.rounds, 'round');
      push({ kind: 'item', title: e.order !== null ? `${e.order}. ${e.title}` : e.title, detail: e.tagline, tag, locked: e.locked }, e);
    }
    if (models.length > 0) push({ kind: 'header', label: 'Sandbox models' }, null);
    for (const e of models) push({ kind: 'item', title: e.title, detail: e.tagline, tag: 'sandbox' }, e);
    push({ kind: 'header', label: 'Your scenarios' }, null);
    for (const e of own) push({ kind: 'item', title: e.title, detail: e.tagline, tag: e.locked ? 'cannot play' : `yours · ${count(e.rounds, 'round')}`, locked: e.locked }, e);
    this.openRow = rows.length;
    push({ kind: 'item', title: 'Open a scenario file…', detail: 'A model of your own in the scenario format (.json), or drop the file here', tag: 'O' }, null);

    const top = CONTENT_TOP - 8;
    const chosen = this.chosenId === OPEN_ROW ? this.openRow : Math.max(0, this.rowEntry.findIndex((e) => e !== null && e.id === this.chosenId));
    const focus = new FocusList(this, { onEscape: () => this.scene.start(SceneKey.Title) });
    this.focus = focus;
    this.list = focus.add(
      new ListBox(this, MARGIN, top, {
        width: LIST_W,
        height: CONTENT_BOTTOM - top,
        rows,
        selected: this.rowEntry[chosen] || chosen === this.openRow ? chosen : undefined,
        onSelect: () => this.showChoice(),
        onActivate: () => this.startSession(),
        // A click chooses; the seed and Sandbox are beside the list, so starting takes a second click or Start.
        clickToActivate: 'double',
      }),
    );

    // The chosen scenario.
    const g = this.add.graphics();
    drawPanel(g, SIDE_X, top, SIDE_W, DETAIL_H);
    const px = SIDE_X + 24, pw = SIDE_W - 48;
    this.detail = {
      kind: this.add.text(px, top + 20, '', TEXT.sectionLabel),
      title: this.add.text(px, top + 44, '', TEXT.heading),
      lesson: this.add.text(px, top + 76, '', { ...TEXT.body, color: CSS.accentSoft }),
      tagline: this.add.text(px, top + 106, '', { ...TEXT.body, color: CSS.muted, wordWrap: { width: pw }, lineSpacing: 4 }),
      rounds: this.add.text(px, top + DETAIL_H - 20, '', TEXT.label).setOrigin(0, 1),
    };

    // Seed, sandbox, start.
    let y = top + DETAIL_H + 20;
    this.add.text(SIDE_X, y, 'SEED', TEXT.sectionLabel);
    this.add.text(SIDE_X + SIDE_W, y, 'same seed, same run for every team', TEXT.small).setOrigin(1, 0);
    y += 26;
    this.seed = focus.add(
      new TextField(this, SIDE_X, y, {
        value: this.seedText,
        width: SIDE_W,
        maxLength: SEED_DIGITS,
        placeholder: 'type digits',
        prompt: `Seed: a whole number of up to ${SEED_DIGITS} digits`,
        onChange: (v) => {
          this.seedText = v;
          this.setMessage(null);
        },
        onSubmit: () => this.startSession(),
      }),
    );
    y += 52 + 16;
    this.sandbox = focus.add(
      new Stepper(this, SIDE_X, y, {
        label: 'Sandbox',
        value: '',
        width: SIDE_W,
        valueWidth: 200,
        onChange: () => this.toggleSandbox(),
        onActivate: () => this.toggleSandbox(),
      }),
    );
    y += 52 + 16;
    this.start = focus.add(new Button(this, SIDE_X, y, { label: 'Start', keycap: 'Enter', width: SIDE_W, height: 56, primary: true, onActivate: () => this.startSession() }));
    y += 56 + 10;
    this.compare = focus.add(new Button(this, SIDE_X, y, { label: 'Compare policies', keycap: 'C', width: SIDE_W, height: 44, onActivate: () => this.startCompare() }));
    y += 44 + 10;
    this.message = this.add.text(SIDE_X, y, '', { ...TEXT.error, wordWrap: { width: SIDE_W } });
    // C: two policies side by side on this seed (the Compare screen); O: open a scenario file;
    // Delete: forget the chosen scenario of one's own.
    KeyRouter.of(this).add((e) => {
      if (hasCommandModifier(e) || this.help.isOpen) return false;
      if (e.key === 'c' || e.key === 'C') this.startCompare();
      else if (e.key === 'o' || e.key === 'O') void this.pickFile();
      else if (e.key === 'Delete') this.removeOwn();
      else if (e.key === 'l' || e.key === 'L') void this.sharePlayLink();
      else return false;
      return true;
    });
    this.problems = new FileProblemsPanel(this, 'Fix the file and open it again (O). docs/scenario-format.md in the game\'s repository describes every field; the command line (npm run sim -- my.json) checks a file the same way.');
    this.ctx.replays.onDrop = (file) => void readScenarioFile(file).then((f) => this.addFile(f));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.ctx.replays.onDrop = null;
    });

    drawFooter(this, [
      ['↑ ↓', 'choose'],
      ['Tab', 'seed / sandbox / start'],
      ['Enter', 'start'],
      ['C', 'compare'],
      ['O', 'open a file'],
      ['Esc', 'back'],
      ['H', 'help'],
    ]);
    this.help = new HelpOverlay(this, {
      title: 'Choosing a scenario: keys',
      keys: [
        ['↑ ↓', 'choose a scenario in the list'],
        ['PgUp PgDn  Home End', 'jump through the list'],
        ['Tab  Shift+Tab', 'move between list, seed, sandbox and Start'],
        ['← →', 'move between the list and the right-hand side'],
        ['0 - 9  Backspace', 'type the seed (when the seed is highlighted)'],
        ['Space  ← →', 'switch Sandbox on or off (when it is highlighted)'],
        ['Enter', 'start the chosen scenario'],
        ['C', 'compare two policies on this seed, side by side'],
        ['O', 'open a scenario file of your own (or drop it on the screen)'],
        ['L', 'copy a link that opens your own scenario on this seed, for teams to play'],
        ['Delete', 'remove the chosen scenario of your own from this browser'],
        ['Double click', 'start the scenario clicked'],
        ['Esc', 'back to the title screen'],
        NOTES_KEY,
      ],
      note: 'Lessons unlock one after another. Sandbox opens every lever before every round and does not count towards the campaign; any scenario can be played that way. Your own scenarios are kept in this browser and never count towards the campaign.',
    });
    new PresenterNotes(this, MENU_NOTES.scenarioSelect);
    // Trainers see the workshop code of the highlighted lesson and seed, for teams to type.
    this.workshopBadge = this.ctx.progress.trainerMode ? new WorkshopCodeBadge(this, WIDTH - MARGIN, 14) : null;
    this.showChoice();
    this.setMessage(null);
    const pending = this.pendingMessage ?? this.ownNotice();
    this.pendingMessage = null;
    if (pending !== null) this.setMessage(pending.text, pending.kind);
  }

  /** The notice about saved scenarios of one's own, once (the title screen may have shown it). */
  private ownNotice(): { text: string; kind: 'notice' } | null {
    const n = this.ctx.own.takeNotice();
    return n === null ? null : { text: n, kind: 'notice' };
  }

  get helpOpen(): boolean {
    return this.help.isOpen;
  }

  /** The workshop code on show for trainers ('' when none), for the test hook. */
  get workshopCodeShown(): string {
    return this.workshopBadge?.text ?? '';
  }

  /** What the screen shows (for the test hook): the chosen row, the line under the buttons and any refused file's problems. */
  get info(): { chosen: string | null; message: string; problems: { message: string; problems: readonly string[] } | null; playLink: string | null } {
    return { chosen: this.list.selected === this.openRow ? OPEN_ROW : (this.chosen()?.id ?? null), message: this.message.text, problems: this.problems.content, playLink: this.playLinkValue };
  }

  private chosen(): ScenarioEntry | null {
    return this.rowEntry[this.list.selected] ?? null;
  }

  /** Sandbox models are always played as sandboxes; lessons follow the switch. */
  private sandboxFor(e: ScenarioEntry | null): boolean {
    return e !== null && e.order === null && e.lesson === null ? true : this.sandboxOn;
  }

  private toggleSandbox(): void {
    const e = this.chosen();
    if (e !== null && e.order === null && e.lesson === null) return;
    this.sandboxOn = !this.sandboxOn;
    this.setMessage(null);
    this.showChoice();
  }

  private showChoice(): void {
    const e = this.chosen();
    this.chosenId = this.list.selected === this.openRow ? OPEN_ROW : (e?.id ?? null);
    const d = this.detail;
    const pw = SIDE_W - 48;
    if (this.list.selected === this.openRow) {
      const kept = this.ctx.own.list.length;
      d.kind.setText('YOUR OWN SCENARIO');
      setFittedText(d.title, 'Open a scenario file', pw);
      setFittedText(d.lesson, 'Written in the scenario format (JSON)', pw);
      d.tagline.setText('Pick a .json file or drop one on this screen: it is checked like the lessons and kept in this browser.');
      setFittedText(d.rounds, `${kept} of ${MAX_OWN_SCENARIOS} kept here${this.ctx.own.persistent ? '' : ' · this browser is not saving them'}`, pw);
      d.rounds.setColor(CSS.muted);
      this.sandbox.setValue('—');
      this.sandbox.setEnabled(false);
      this.start.setLabel('Open a file…');
      this.start.setEnabled(true);
      this.compare.setEnabled(false);
      this.workshopBadge?.show(null, null, true);
      return;
    }
    if (e === null) {
      d.kind.setText('');
      setFittedText(d.title, 'No scenario available', pw);
      for (const t of [d.lesson, d.tagline, d.rounds]) t.setText('');
      this.start.setEnabled(false);
      return;
    }
    const isModel = e.order === null && e.lesson === null;
    d.kind.setText(e.own !== undefined ? (e.own.problem !== null ? 'YOUR SCENARIO · CANNOT BE PLAYED' : 'YOUR SCENARIO') : isModel ? 'SANDBOX MODEL' : e.order !== null ? `LESSON ${e.order}` : 'LESSON');
    setFittedText(d.title, e.title, pw);
    setFittedText(d.lesson, e.lesson ?? 'Explore freely: every lever is open', pw);
    d.tagline.setText(e.tagline);
    // Three lines at most: longer taglines end with an ellipsis instead of running out of the panel.
    const lines = d.tagline.getWrappedText(e.tagline);
    if (lines.length > 3) d.tagline.setText(`${lines.slice(0, 3).join('\n').replace(/\s*\S*$/, '')}…`);
    const sandbox = this.sandboxFor(e);
    const best = e.bestScore !== undefined && e.bestScore !== null ? ` · best ${Math.round(e.bestScore)}${e.goalMet ? ', goal met' : ''}` : '';
    d.rounds.setText(
      e.own !== undefined
        ? `from ${e.own.fileName} · ${e.own.problem !== null ? 'fix the file and open it again' : 'L: link to play'} · Del removes it`
        : e.locked && !sandbox
          ? `Locked: finish lesson ${(e.order ?? 2) - 1} first, or switch Sandbox on.`
          : `${count(e.rounds, 'round')} · ${sandbox ? 'sandbox: every lever open, no campaign progress' : 'counts towards the campaign'}${best}`,
    );
    d.rounds.setColor(e.locked && !sandbox && e.own === undefined ? CSS.accentSoft : CSS.muted);
    setFittedText(d.rounds, d.rounds.text, pw);
    if (e.own?.problem != null) {
      this.sandbox.setValue('—');
      this.sandbox.setEnabled(false);
      this.start.setLabel('Cannot be played');
      this.start.setEnabled(false);
      this.compare.setEnabled(false);
      this.workshopBadge?.show(null, null, true);
      return;
    }

    this.sandbox.setValue(isModel ? 'Always' : this.sandboxOn ? 'On' : 'Off');
    this.sandbox.setEnabled(!isModel);
    const locked = e.locked && !sandbox;
    this.start.setLabel(locked ? 'Locked: switch Sandbox on' : sandbox ? 'Start sandbox' : 'Start');
    this.start.setEnabled(!locked);
    this.compare.setEnabled(!locked);
    this.workshopBadge?.show(e.id, this.seed.numberValue, sandbox);
  }

  private setMessage(text: string | null, kind: 'error' | 'notice' = 'error'): void {
    this.message.setText(text ?? '').setColor(kind === 'error' ? CSS.warning : CSS.accentSoft);
    const e = this.chosen();
    this.workshopBadge?.show(e?.id ?? null, this.seed.numberValue, this.sandboxFor(e));
  }

  /** Compare: two policies of the chosen scenario on the typed seed (a locked lesson only as a sandbox). */
  private startCompare(): void {
    const e = this.chosen();
    if (e === null) return;
    const seed = this.seed.numberValue;
    if (seed === null || !Number.isSafeInteger(seed) || seed > MAX_SEED) {
      this.setMessage(`Type a seed first: a whole number of up to ${SEED_DIGITS} digits.`);
      this.focusSeed();
      return;
    }
    const sandbox = this.sandboxFor(e);
    if (e.locked && !sandbox) {
      this.setMessage(`${e.title} is locked: switch Sandbox on to compare it.`);
      return;
    }
    this.scene.start(SceneKey.Compare, { scenarioId: e.id, seed, sandbox });
  }

  private startSession(): void {
    if (this.list.selected === this.openRow) {
      void this.pickFile();
      return;
    }
    const e = this.chosen();
    if (e === null) return;
    const seed = this.seed.numberValue;
    if (seed === null || !Number.isSafeInteger(seed)) {
      this.setMessage(`Type a seed first: a whole number of up to ${SEED_DIGITS} digits.`);
      this.focusSeed();
      return;
    }
    const error = this.ctx.newSession(e.id, seed, { sandbox: this.sandboxFor(e) });
    if (error !== null) {
      this.setMessage(error);
      return;
    }
    this.scene.start(SceneKey.Briefing);
  }

  private focusSeed(): void {
    this.focus.focus(this.seed);
  }

  private async pickFile(): Promise<void> {
    if (this.problems.isOpen) return;
    const f = await pickScenarioFile();
    if (f !== null && this.sys.isActive()) this.addFile(f);
  }

  /** A scenario file read: kept and chosen (the list is drawn again), or refused with its problems listed. */
  private addFile(f: PickedFile): void {
    if (!this.sys.isActive()) return;
    if (!f.ok) {
      this.problems.show(f.message, []);
      return;
    }
    const r = this.ctx.own.add(f.name, f.text, new Date().toISOString());
    if (!r.ok) {
      this.setMessage(r.message);
      this.problems.show(r.message, r.errors);
      return;
    }
    this.chosenId = r.id;
    this.pendingMessage = { text: r.message, kind: 'notice' };
    this.scene.restart();
  }

  /** L: a link that opens the chosen scenario of one's own on the typed seed (copied, and put in the address bar). */
  private async sharePlayLink(): Promise<void> {
    const e = this.chosen();
    const own = e === null ? undefined : this.ctx.own.get(e.id);
    if (own === undefined || own.scenario === null) {
      this.setMessage(e?.own === undefined ? 'Links to play are for scenarios of your own; a lesson has a workshop code (Trainer mode).' : 'This scenario cannot be played, so it cannot be shared: fix the file first.');
      return;
    }
    const seed = this.seed.numberValue;
    if (seed === null || !Number.isSafeInteger(seed) || seed > MAX_SEED) {
      this.setMessage(`Type a seed first: a whole number of up to ${SEED_DIGITS} digits.`);
      this.focusSeed();
      return;
    }
    const link = playLink(own.value, seed, window.location.href.split('#')[0]!);
    this.playLinkValue = link;
    // The address bar holds the link too: a way to copy it wherever the clipboard is closed.
    window.history.replaceState(null, '', link);
    const size = `${link.length.toLocaleString('en')} characters`;
    let copied = true;
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      copied = false;
    }
    if (!this.sys.isActive()) return;
    this.setMessage(
      copied
        ? `Link to play "${own.scenario.title}" on seed ${seed} copied (${size}); it is in the address bar too.`
        : `The link to play "${own.scenario.title}" on seed ${seed} is in the address bar: copy it from there (${size}).`,
      'notice',
    );
  }

  private removeOwn(): void {
    const e = this.chosen();
    if (e?.own === undefined) return;
    this.pendingMessage = { text: this.ctx.own.remove(e.id), kind: 'notice' };
    // The row after it (or the "Open a scenario file" row) is chosen next.
    const next = this.rowEntry.slice(this.list.selected + 1).find((x) => x?.own !== undefined);
    this.chosenId = next?.id ?? OPEN_ROW;
    this.scene.restart();
  }
}

/** `chosenId` of the list's "Open a scenario file…" row (no scenario id has a colon). */
const OPEN_ROW = ':open-file';
