/**
 * Joining a workshop: a team types the code the facilitator shows (scenario + seed) and its
 * name, and lands on the briefing of exactly that game — the lesson opens even if this browser
 * has not reached it, and it counts as a lesson, not a sandbox. A typo or an unknown code gets a
 * plain message and the team stays here.
 */
import * as Phaser from 'phaser';
import type { GameContext } from '../game/GameContext';
import { SceneKey } from '../game/SceneKeys';
import { CSS, TEXT, WIDTH } from '../game/Theme';
import { MENU_NOTES } from '../game/facilitator/PresenterNotesText';
import { cleanTeamName, MAX_TEAM_NAME } from '../game/facilitator/ResultsCode';
import { readWorkshopCode } from '../game/facilitator/WorkshopCode';
import { Button } from '../ui/Button';
import { CONTENT_TOP, drawFooter, drawHeader, drawPanel } from '../ui/Chrome';
import { letFieldsTakeLetters } from '../ui/FieldTyping';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay } from '../ui/HelpOverlay';
import { NOTES_KEY, PresenterNotes } from '../ui/PresenterNotes';
import { TextField } from '../ui/TextField';
import { applyUiPreferences } from '../ui/UiStyle';
import { zoomToDesign } from '../game/GameConfig';

const PANEL_W = 760;

export class JoinWorkshop extends Phaser.Scene {
  /** Kept across visits, so a team that goes back keeps what it typed. */
  private codeText = '';
  private teamText = '';
  private help!: HelpOverlay;
  private notes!: PresenterNotes;
  private message!: Phaser.GameObjects.Text;
  private drawn = false;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.JoinWorkshop);
  }

  get hasDrawn(): boolean {
    return this.drawn && this.sys.isActive();
  }

  get helpOpen(): boolean {
    return this.help.isOpen;
  }

  create(): void {
    zoomToDesign(this);
    applyUiPreferences(this.ctx.settings.values);
    this.drawn = false;
    const back = () => this.scene.start(SceneKey.Title);
    drawHeader(this, { eyebrow: 'Phoenix Flow · workshop', title: 'Join a workshop' });

    const x = Math.round((WIDTH - PANEL_W) / 2), top = CONTENT_TOP + 8;
    const px = x + 32, pw = PANEL_W - 64;
    drawPanel(this.add.graphics(), x, top, PANEL_W, 400);
    this.add.text(px, top + 24, 'Type the workshop code on the facilitator’s screen, and your team’s name.', { ...TEXT.body, wordWrap: { width: pw } });

    const focus = new FocusList(this, { onEscape: back });
    let y = top + 76;
    this.add.text(px, y, 'WORKSHOP CODE', TEXT.sectionLabel);
    this.add.text(px + pw, y, 'like BRENT-5G7R-K · case and dashes do not matter', TEXT.small).setOrigin(1, 0);
    const code = focus.add(
      new TextField(this, px, y + 26, {
        value: this.codeText,
        width: pw,
        maxLength: 20,
        allowed: /^[A-Za-z0-9 -]$/,
        placeholder: 'type the code',
        prompt: 'Workshop code (from the facilitator’s screen)',
        onChange: (v) => {
          this.codeText = v;
          this.say(null);
        },
        onSubmit: () => focus.focus(team),
      }),
    );
    y += 26 + 52 + 24;
    this.add.text(px, y, 'TEAM NAME', TEXT.sectionLabel);
    this.add.text(px + pw, y, `shown on the leaderboard · up to ${MAX_TEAM_NAME} characters`, TEXT.small).setOrigin(1, 0);
    const team = focus.add(
      new TextField(this, px, y + 26, {
        value: this.teamText,
        width: pw,
        maxLength: MAX_TEAM_NAME,
        allowed: /^[\p{L}\p{N} .'&_-]$/u,
        placeholder: 'your team',
        prompt: 'Team name',
        onChange: (v) => {
          this.teamText = v;
          this.say(null);
        },
        onSubmit: () => this.join(),
      }),
    );
    y += 26 + 52 + 24;
    focus.add(new Button(this, px, y, { label: 'Back', keycap: 'Esc', width: 200, onActivate: back }));
    focus.add(new Button(this, px + pw - 320, y, { label: 'Join', keycap: 'Enter', width: 320, primary: true, onActivate: () => this.join() }));
    this.message = this.add.text(px, y + 64, '', { ...TEXT.error, wordWrap: { width: pw } });
    focus.focus(code);

    drawFooter(this, [
      ['Tab', 'next field'],
      ['Enter', 'join'],
      ['Esc', 'back'],
      ['H', 'help (on a button)'],
    ]);
    this.help = new HelpOverlay(this, {
      title: 'Joining a workshop: keys',
      keys: [
        ['Letters, digits', 'type the code, then your team name'],
        ['Tab  ↑ ↓', 'move between the fields and buttons'],
        ['Backspace  Delete', 'delete a character / clear the field'],
        ['Enter', 'next field; on the name, join'],
        ['Esc', 'back to the title screen'],
        NOTES_KEY,
      ],
      note: 'In a field, H and N are letters: move to a button (Tab) to open help or the notes.',
    });
    this.notes = new PresenterNotes(this, MENU_NOTES.joinWorkshop);
    letFieldsTakeLetters(this, [code, team], () => this.help.isOpen || this.notes.isOpen);
    this.drawn = true;
  }

  private say(text: string | null): void {
    this.message.setText(text ?? '');
  }

  private join(): void {
    const read = readWorkshopCode(this.codeText);
    if (!read.ok) {
      this.say(read.message);
      return;
    }
    const team = cleanTeamName(this.teamText);
    if (team === '') {
      this.say('Type your team’s name: it goes on the leaderboard.');
      return;
    }
    const error = this.ctx.newSession(read.scenarioId, read.seed, { workshopTeam: team });
    if (error !== null) {
      this.say(error);
      return;
    }
    this.scene.start(SceneKey.Briefing);
  }
}
