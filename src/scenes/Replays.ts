/**
 * Replays: the runs saved in this browser, and the ways in for a run from elsewhere — a run file
 * (the picker, or dropped anywhere on this screen) or a pasted replay link (Ctrl+V). Whatever
 * comes in is checked by the ReplayDesk; a refusal is shown here in plain words and the player
 * stays. Watching opens the Replay scene.
 */
import * as Phaser from 'phaser';
import type { GameContext } from '../game/GameContext';
import type { DeskResult } from '../game/replay/ReplayDesk';
import { pickRunFile, readRunFile } from '../game/replay/FilePicker';
import { SceneKey } from '../game/SceneKeys';
import { CSS, TEXT, WIDTH } from '../game/Theme';
import { Button } from '../ui/Button';
import { CONTENT_BOTTOM, CONTENT_TOP, drawFooter, drawHeader, drawPanel, MARGIN } from '../ui/Chrome';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay } from '../ui/HelpOverlay';
import { hasCommandModifier, KeyRouter } from '../ui/KeyRouter';
import { ListBox, type ListRow } from '../ui/ListBox';
import { applyUiPreferences } from '../ui/UiStyle';
import { zoomToDesign } from '../game/GameConfig';

const LIST_W = 660;
const SIDE_X = MARGIN + LIST_W + 32;
const SIDE_W = WIDTH - MARGIN - SIDE_X;

export class Replays extends Phaser.Scene {
  private list: ListBox | null = null;
  private message!: Phaser.GameObjects.Text;
  private help!: HelpOverlay;
  private drawn = false;
  private readonly onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData('text') ?? '';
    if (text.trim() === '') return;
    e.preventDefault();
    this.opened(this.ctx.replays.openLink(text));
  };

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.Replays);
  }

  /** What the test hook reads: how many replays are saved and the message on screen. */
  get info(): { saved: number; message: string } | null {
    return this.drawn ? { saved: this.ctx.replays.saved.runs.length, message: this.message.text } : null;
  }

  get hasDrawn(): boolean {
    return this.drawn && this.sys.isActive();
  }

  create(): void {
    zoomToDesign(this);
    applyUiPreferences(this.ctx.settings.values);
    this.drawn = false;
    const desk = this.ctx.replays;
    drawHeader(this, { eyebrow: 'Watch a run again', title: 'Replays' });
    const top = CONTENT_TOP - 8;
    const focus = new FocusList(this, { onEscape: () => this.scene.start(SceneKey.Title) });
    const runs = desk.saved.runs;
    if (runs.length > 0) {
      const rows: ListRow[] = runs.map((r) => ({
        kind: 'item',
        title: r.name,
        detail: `seed ${r.recipe.seed} · to ${r.recipe.until.toFixed(1)} · saved ${r.savedAt.slice(0, 16).replace('T', ' ')}`,
        tag: typeof r.recipe.scenario === 'string' ? r.recipe.scenario : 'own scenario',
      }));
      this.list = focus.add(new ListBox(this, MARGIN, top, { width: LIST_W, height: CONTENT_BOTTOM - top, rows, onActivate: () => this.watchSaved(), clickToActivate: 'double' }));
    } else {
      this.list = null;
      const g = this.add.graphics();
      drawPanel(g, MARGIN, top, LIST_W, 180);
      this.add.text(MARGIN + 24, top + 24, 'No saved replays yet', TEXT.heading);
      this.add.text(MARGIN + 24, top + 64, 'Finish a round, open its replay from the debrief (P) and save it (S). Or open a run file or a replay link someone sent you.', { ...TEXT.body, color: CSS.muted, wordWrap: { width: LIST_W - 48 }, lineSpacing: 4 });
    }

    let y = top;
    const button = (label: string, keycap: string, onActivate: () => void, primary = false) => {
      const b = focus.add(new Button(this, SIDE_X, y, { label, keycap, width: SIDE_W, height: primary ? 56 : 52, primary, align: 'left', onActivate }));
      y += (primary ? 56 : 52) + 14;
      return b;
    };
    if (this.list !== null) button('Watch', 'Enter', () => this.watchSaved(), true);
    button('Open a run file…', 'O', () => void this.pickFile());
    if (this.list !== null) button('Delete the chosen replay', 'Del', () => this.deleteSaved());
    button('Back', 'Esc', () => this.scene.start(SceneKey.Title));
    this.add.text(SIDE_X, y + 6, 'To open a replay link, copy it and press Ctrl+V here. A run file can also be dropped anywhere on this screen.', { ...TEXT.body, color: CSS.muted, wordWrap: { width: SIDE_W }, lineSpacing: 4 });
    this.message = this.add.text(SIDE_X, CONTENT_BOTTOM, '', { ...TEXT.error, wordWrap: { width: SIDE_W } }).setOrigin(0, 1);
    const notice = desk.saved.takeNotice();
    if (notice !== null) this.say(notice, 'notice');
    else if (!desk.saved.persistent) this.say('This browser is not keeping saved data: replays cannot be saved here, but run files and links still open.', 'notice');

    drawFooter(this, [['Enter', 'watch'], ['O', 'open a file'], ['Ctrl+V', 'paste a link'], ['Esc', 'back'], ['H', 'help']]);
    this.help = new HelpOverlay(this, {
      title: 'Replays: keys',
      keys: [
        ['↑ ↓', 'choose a saved replay'],
        ['Enter', 'watch it'],
        ['O', 'open a run file (.json)'],
        ['Ctrl+V', 'open a replay link from the clipboard'],
        ['Delete', 'delete the chosen replay (from this browser only)'],
        ['Esc', 'back to the title screen'],
      ],
      note: 'A replay re-runs the engine from the recipe and checks it reaches the same event-log hash as the run that was saved.',
    });
    KeyRouter.of(this).add((e) => {
      if (hasCommandModifier(e) || this.help.isOpen) return false;
      if (e.key === 'o' || e.key === 'O') void this.pickFile();
      else if (e.key === 'Delete') this.deleteSaved();
      else return false;
      return true;
    });
    window.addEventListener('paste', this.onPaste);
    desk.onDrop = (file) => void readRunFile(file).then((f) => (f.ok ? this.opened(desk.openText(f.text)) : this.say(f.message, 'error')));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener('paste', this.onPaste);
      desk.onDrop = null;
    });
    this.drawn = true;
  }

  private watchSaved(): void {
    const i = this.list?.selected ?? -1;
    const saved = this.ctx.replays.saved.runs[i];
    if (saved !== undefined) this.opened(this.ctx.replays.openRecipe(saved.recipe));
  }

  private deleteSaved(): void {
    const i = this.list?.selected ?? -1;
    const saved = this.ctx.replays.saved.runs[i];
    if (saved === undefined) return;
    if (this.ctx.replays.saved.remove(i)) this.scene.restart();
    else this.say('That replay could not be deleted: this browser is not saving changes.', 'error');
  }

  private async pickFile(): Promise<void> {
    const f = await pickRunFile();
    if (f === null || !this.sys.isActive()) return;
    if (!f.ok) this.say(f.message, 'error');
    else this.opened(this.ctx.replays.openText(f.text));
  }

  private opened(r: DeskResult): void {
    if (!r.ok) {
      this.say(r.message, 'error');
      return;
    }
    this.ctx.replays.source = 'Replays';
    this.scene.start(SceneKey.Replay);
  }

  private say(text: string, kind: 'error' | 'notice'): void {
    this.message.setText(text).setColor(kind === 'error' ? CSS.warning : CSS.accentSoft);
  }
}
