/**
 * The briefing before the first round: the story (word-wrapped at a comfortable measure, scrolling
 * when it is long), and beside it the goal, the rounds with their length, the levers the player
 * will be able to pull, the budget and the seed. Enter starts planning the first round; Esc goes
 * back to the scenario list.
 */
import * as Phaser from 'phaser';
import type { Brief, GameContext } from '../game/GameContext';
import { duration } from '../game/Format';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, CSS, HEIGHT, TEXT, WIDTH } from '../game/Theme';
import { Button } from '../ui/Button';
import { CONTENT_TOP, drawFooter, drawHeader, drawPanel, MARGIN } from '../ui/Chrome';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay } from '../ui/HelpOverlay';
import { KeyPriority, KeyRouter } from '../ui/KeyRouter';
import { applyUiPreferences, setFittedText } from '../ui/UiStyle';
import { zoomToDesign } from '../game/GameConfig';
import { briefingNotes } from '../game/facilitator/PresenterNotesText';
import { workshopCode } from '../game/facilitator/WorkshopCode';
import { NOTES_KEY, PresenterNotes } from '../ui/PresenterNotes';

const STORY_X = MARGIN;
const STORY_W = 700;
const SIDE_X = STORY_X + STORY_W + 40;
const SIDE_W = WIDTH - MARGIN - SIDE_X;
const BUTTONS_Y = HEIGHT - 64 - 62;
const STORY_TOP = CONTENT_TOP + 30;
const STORY_BOTTOM = BUTTONS_Y - 20;
const PARAGRAPH_GAP = 14;
const LINE_SPACING = 7;

interface Paragraph {
  readonly text: Phaser.GameObjects.Text;
  readonly top: number;
  readonly lineHeight: number;
}

export class Briefing extends Phaser.Scene {
  private help!: HelpOverlay;
  private paragraphs: Paragraph[] = [];
  private storyHeight = 0;
  private scrollY = 0;
  private scrollbar!: Phaser.GameObjects.Graphics;
  private moreText!: Phaser.GameObjects.Text;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.Briefing);
  }

  create(): void {
    zoomToDesign(this);
    applyUiPreferences(this.ctx.settings.values);
    const session = this.ctx.session;
    if (session === null) {
      // Nothing chosen (a restart, a test): the list is where a session begins.
      this.scene.start(SceneKey.ScenarioSelect);
      return;
    }
    const brief = session.brief();
    const nextRound = `round ${Math.min(session.rounds.length, session.roundIndex + (session.phase === 'review' ? 2 : 1))}`;
    const back = () => this.scene.start(SceneKey.ScenarioSelect);
    const start = () => this.scene.start(SceneKey.RoundPlanning);
    const eyebrow = brief.sandbox ? 'Briefing · sandbox' : brief.lesson ? `Briefing · ${brief.lesson}` : 'Briefing';
    const code = brief.sandbox ? null : workshopCode(session.scenarioId, brief.seed);
    const team = session.options.workshopTeam;
    drawHeader(this, { eyebrow, title: brief.title, right: `${team !== undefined ? `${team} · ` : ''}Seed ${brief.seed}${code !== null ? ` · workshop code ${code}` : ''}` });

    this.drawStory(brief);
    this.drawSide(brief);

    const focus = new FocusList(this, { onEscape: back });
    focus.add(new Button(this, STORY_X, BUTTONS_Y, { label: 'Back', keycap: 'Esc', width: 200, onActivate: back }));
    const go = focus.add(
      new Button(this, WIDTH - MARGIN - 320, BUTTONS_Y, { label: `Plan ${nextRound}`, keycap: 'Enter', width: 320, primary: true, onActivate: start }),
    );
    focus.focus(go);

    const scrolls = this.maxScroll() > 0;
    drawFooter(this, [
      ...(scrolls ? ([['↑ ↓', 'scroll the story']] as const) : []),
      ['Enter', `plan ${nextRound}`],
      ['Esc', 'back'],
      ['H', 'help'],
    ]);
    this.help = new HelpOverlay(this, {
      title: 'Briefing: keys',
      keys: [
        ['↑ ↓  PgUp PgDn', 'scroll the story (when it is longer than the page)'],
        ['← →  Tab', `move between Back and Plan ${nextRound}`],
        ['Enter  Space', 'press the highlighted button'],
        ['Esc', 'back to the scenario list'],
        NOTES_KEY,
      ],
      note: `Seed ${brief.seed}: every team that plays this scenario with this seed gets exactly the same work arriving.`,
    });
    new PresenterNotes(this, briefingNotes(brief.title, session.scenario.game));
    // Story scrolling: above the focus list, so Up/Down scroll instead of moving between buttons.
    KeyRouter.of(this).add((e) => this.scrollKey(e), KeyPriority.focus + 1);
    this.input.on(Phaser.Input.Events.POINTER_WHEEL, (_p: unknown, _o: unknown, _dx: number, dy: number) => this.scrollTo(this.scrollY + Math.sign(dy) * 3 * this.lineHeight()));
  }

  get helpOpen(): boolean {
    return this.help?.isOpen ?? false;
  }

  private drawStory(brief: Brief): void {
    this.add.text(STORY_X, CONTENT_TOP, 'THE STORY', TEXT.sectionLabel);
    const paragraphs = brief.story.length > 0 ? brief.story : ['No story comes with this scenario: the numbers will tell it.'];
    let y = 0;
    this.paragraphs = paragraphs.map((p) => {
      const text = this.add.text(STORY_X, 0, p, { ...TEXT.story, wordWrap: { width: STORY_W, useAdvancedWrap: true }, lineSpacing: LINE_SPACING });
      const lines = Math.max(1, text.getWrappedText(p).length);
      const para = { text, top: y, lineHeight: text.height / lines };
      y += text.height + PARAGRAPH_GAP;
      return para;
    });
    this.storyHeight = Math.max(0, y - PARAGRAPH_GAP);
    this.scrollbar = this.add.graphics();
    this.moreText = this.add.text(STORY_X + STORY_W, CONTENT_TOP, '', TEXT.small).setOrigin(1, 0);
    this.layoutStory();
  }

  private lineHeight(): number {
    return this.paragraphs[0]?.lineHeight ?? 25;
  }

  private maxScroll(): number {
    return Math.max(0, this.storyHeight - (STORY_BOTTOM - STORY_TOP));
  }

  private scrollTo(y: number): void {
    const next = Phaser.Math.Clamp(Math.round(y), 0, this.maxScroll());
    if (next === this.scrollY) return;
    this.scrollY = next;
    this.layoutStory();
  }

  private scrollKey(e: KeyboardEvent): boolean {
    if (this.maxScroll() === 0) return false;
    const page = STORY_BOTTOM - STORY_TOP - 2 * this.lineHeight();
    const to: Record<string, number> = {
      ArrowDown: this.scrollY + 2 * this.lineHeight(),
      ArrowUp: this.scrollY - 2 * this.lineHeight(),
      PageDown: this.scrollY + page,
      PageUp: this.scrollY - page,
      Home: 0,
      End: this.maxScroll(),
    };
    const target = to[e.key];
    if (target === undefined) return false;
    this.scrollTo(target);
    return true;
  }

  /**
   * Places the paragraphs for the current scroll position. Text outside the story area is cropped
   * away line by line, so a line is either shown whole or not at all.
   */
  private layoutStory(): void {
    const viewH = STORY_BOTTOM - STORY_TOP;
    for (const p of this.paragraphs) {
      const top = p.top - this.scrollY;
      const h = p.text.height;
      const firstLine = Math.max(0, Math.ceil(-top / p.lineHeight - 1e-6));
      const lastLine = Math.floor((viewH - top) / p.lineHeight + LINE_SPACING / p.lineHeight + 1e-6);
      const cropTop = firstLine * p.lineHeight;
      const cropBottom = Math.min(h, lastLine * p.lineHeight);
      p.text.setY(Math.round(STORY_TOP + top));
      if (cropBottom <= cropTop + 1) p.text.setVisible(false);
      else {
        p.text.setVisible(true);
        if (cropTop <= 0 && cropBottom >= h) p.text.setCrop();
        else {
          // Crop works in texture pixels: text drawn at a higher resolution has more of them.
          const r = p.text.style.resolution || 1;
          p.text.setCrop(0, Math.floor(cropTop * r), Math.ceil(p.text.width * r), Math.ceil((cropBottom - cropTop) * r));
        }
      }
    }
    const max = this.maxScroll();
    const g = this.scrollbar.clear();
    if (max === 0) {
      this.moreText.setText('');
      return;
    }
    const x = STORY_X + STORY_W + 14, h = viewH;
    g.fillStyle(COLOR.track, 1).fillRoundedRect(x, STORY_TOP, 6, h, 3);
    const thumbH = Math.max(40, Math.round((h * h) / this.storyHeight));
    g.fillStyle(COLOR.muted, 1).fillRoundedRect(x, STORY_TOP + Math.round(((h - thumbH) * this.scrollY) / max), 6, thumbH, 3);
    this.moreText.setText(this.scrollY >= max ? 'end of the story' : '↓ more below');
  }

  private drawSide(brief: Brief): void {
    const g = this.add.graphics();
    const px = SIDE_X + 22, pw = SIDE_W - 44;
    const bottomLimit = BUTTONS_Y - 20;
    let y = CONTENT_TOP;

    if (brief.goal) {
      const label = this.add.text(px, y + 18, 'YOUR GOAL', TEXT.sectionLabel);
      const text = this.add.text(px, y + 44, brief.goal, { ...TEXT.body, wordWrap: { width: pw, useAdvancedWrap: true }, lineSpacing: 4 });
      const h = 44 + Math.ceil(text.height) + 18;
      drawPanel(g, SIDE_X, y, SIDE_W, h);
      g.fillStyle(COLOR.accent, 1).fillRect(SIDE_X, y + 12, 4, h - 24);
      label.setDepth(1);
      text.setDepth(1);
      y += h + 16;
    }

    // Rounds, levers and budget share one panel; its height follows its content.
    const panelTop = y;
    y += 18;
    const line = (s: string, style: Phaser.Types.GameObjects.Text.TextStyle, x = px, w = pw) => {
      const t = this.add.text(x, y, '', style);
      setFittedText(t, s, w);
      return t;
    };
    const room = (h: number) => y + h <= bottomLimit - 16;

    line(`ROUNDS · ${brief.rounds.length}`, TEXT.sectionLabel);
    y += 26;
    const rounds = brief.rounds;
    // Levers and budget keep their room; the rounds get what is left.
    const reserved = (brief.levers.length > 0 ? 12 + 26 + 2 * 22 : 0) + (brief.budget > 0 ? 12 + 26 : 0);
    for (let i = 0; i < rounds.length; i++) {
      const remaining = rounds.length - i;
      // Keep a line for "and N more" unless this is the last round.
      if (!room(reserved + 24 + (remaining > 1 ? 24 : 0))) {
        line(`… and ${remaining} more`, TEXT.small);
        y += 24;
        break;
      }
      const r = rounds[i]!;
      const len = this.add.text(px + pw, y, duration(r.length, brief.timeUnit, Number.isInteger(r.length) ? 0 : 1), { ...TEXT.small, color: CSS.text }).setOrigin(1, 0);
      // Titles such as "Round 2: protect the constraint" carry their number already.
      const title = /^round\s*\d/i.test(r.title) ? r.title : `${i + 1}.  ${r.title}`;
      line(title, TEXT.small, px, pw - Math.ceil(len.width) - 12).setColor(CSS.text);
      y += 24;
    }

    if (brief.levers.length > 0) {
      y += 12;
      line('LEVERS YOU WILL PULL', TEXT.sectionLabel);
      y += 26;
      const text = this.add.text(px, y, '', { ...TEXT.small, color: CSS.text, wordWrap: { width: pw, useAdvancedWrap: true }, lineSpacing: 3 });
      // As many levers as fit; the rest are counted.
      let shown = brief.levers.length;
      const build = (n: number) => brief.levers.slice(0, n).join('  ·  ') + (n < brief.levers.length ? `  ·  and ${brief.levers.length - n} more` : '');
      text.setText(build(shown));
      const maxH = bottomLimit - 16 - y - (brief.budget > 0 ? 52 : 0);
      while (shown > 0 && text.height > maxH) text.setText(build(--shown));
      if (shown === 0) text.setText(`${brief.levers.length} levers, opened round by round`);
      y += Math.ceil(text.height) + 4;
    }

    if (brief.budget > 0) {
      y += 12;
      line('BUDGET', TEXT.sectionLabel);
      this.add.text(px + pw, y - 2, brief.budget.toLocaleString('en-US'), { ...TEXT.body, color: CSS.text }).setOrigin(1, 0);
      y += 26;
    }
    y += 10;
    const g2 = this.add.graphics().setDepth(-1);
    drawPanel(g2, SIDE_X, panelTop, SIDE_W, y - panelTop);
  }
}
