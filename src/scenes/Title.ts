/**
 * The title screen: the mark, the name, a one-line promise, Play and Settings, and a small value
 * stream under them where cards flow from idea to customer (still when Reduced motion is on).
 * Shows the settings notice once, if the saved settings could not be read.
 */
import * as Phaser from 'phaser';
import { ASSET } from '../game/Assets';
import type { GameContext } from '../game/GameContext';
import { inviteFromLink } from '../game/PlayLink';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, CSS, HEIGHT, TEXT, WIDTH, WORK_KIND_COLOR } from '../game/Theme';
import { Button } from '../ui/Button';
import { drawFooter } from '../ui/Chrome';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay } from '../ui/HelpOverlay';
import { KeyRouter } from '../ui/KeyRouter';
import { applyUiPreferences } from '../ui/UiStyle';
import { zoomToDesign } from '../game/GameConfig';
import { MENU_NOTES } from '../game/facilitator/PresenterNotesText';
import { NOTES_KEY, PresenterNotes } from '../ui/PresenterNotes';

export const PROMISE = 'Play the value stream. Find the constraint. Make work flow.';

const STATIONS = ['Idea', 'Development', 'QA', 'Operations', 'Customer'] as const;
const STREAM_Y = 600;
const CARD = 14;
/** The soft glow behind the mark: a radial gradient texture made once. */
const GLOW_TEXTURE = 'title-glow';
const GLOW_RADIUS = 240;

export class Title extends Phaser.Scene {
  private help!: HelpOverlay;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.Title);
  }

  create(): void {
    zoomToDesign(this);
    const values = this.ctx.settings.values;
    applyUiPreferences(values);
    const cx = WIDTH / 2;

    this.drawBackdrop();
    this.add.image(cx, 100, ASSET.phoenixMark).setDisplaySize(128, 128);
    this.add.text(cx, 210, 'Phoenix Flow', TEXT.hero).setOrigin(0.5, 0.5);
    this.add.text(cx, 266, PROMISE, TEXT.promise).setOrigin(0.5, 0.5);

    const focus = new FocusList(this);
    const play = focus.add(new Button(this, cx - 160, 310, { label: 'Play', width: 320, height: 56, primary: true, onActivate: () => this.play() }));
    // One row under Play: replays, the workshop pair (teams join with a code, the facilitator ranks results), settings.
    const row: [string, number, () => void][] = [
      ['Replays', 150, () => this.openReplays()],
      ['Join a workshop', 210, () => this.scene.start(SceneKey.JoinWorkshop)],
      ['Leaderboard', 180, () => this.scene.start(SceneKey.Leaderboard)],
      ['Settings', 150, () => this.openSettings()],
    ];
    let rowX = cx - (row.reduce((w, [, bw]) => w + bw, 0) + 12 * (row.length - 1)) / 2;
    for (const [label, width, onActivate] of row) {
      focus.add(new Button(this, rowX, 382, { label, width, onActivate }));
      rowX += width + 12;
    }
    focus.focus(play);
    if (this.ctx.progress.trainerMode) this.add.text(WIDTH - 24, 16, 'Trainer mode · N: presenter notes', { ...TEXT.small, color: CSS.good }).setOrigin(1, 0);

    const notices = [this.ctx.settings.takeNotice(), this.ctx.progress.takeNotice(), this.ctx.own.takeNotice(), this.openLinkedReplay(), this.openLinkedPlay()].filter((n): n is string => n !== null);
    if (notices.length > 0) this.drawNotice(notices.join('\n'));

    this.drawStream(values.reducedMotion);
    drawFooter(this, [
      ['↑ ↓', 'choose'],
      ['Enter', 'select'],
      ['H', 'help'],
    ]);
    this.help = new HelpOverlay(this, {
      title: 'Phoenix Flow: keys',
      keys: [
        ['↑ ↓  Tab', 'move between the buttons'],
        ['Enter  Space', 'press the highlighted button'],
        ['P', 'play: choose a scenario'],
        ['R', 'replays: saved runs, run files and links'],
        ['S', 'settings'],
        ['J', 'join a workshop with a code'],
        ['L', 'leaderboard (for the facilitator)'],
        NOTES_KEY,
      ],
      note: 'The mouse works too: point at a button and click it. Every screen has its own keys under H.',
    });
    new PresenterNotes(this, MENU_NOTES.title);
    KeyRouter.of(this).add((e) => {
      if (e.repeat) return false;
      if (e.key === 'p' || e.key === 'P') this.play();
      else if (e.key === 's' || e.key === 'S') this.openSettings();
      else if (e.key === 'j' || e.key === 'J') this.scene.start(SceneKey.JoinWorkshop);
      else if (e.key === 'l' || e.key === 'L') this.scene.start(SceneKey.Leaderboard);
      else if (e.key === 'r' || e.key === 'R') this.openReplays();
      else return false;
      return true;
    });
  }

  get helpOpen(): boolean {
    return this.help.isOpen;
  }

  private play(): void {
    this.scene.start(SceneKey.ScenarioSelect);
  }

  private openReplays(): void {
    this.scene.start(SceneKey.Replays);
  }

  /** Opens the replay the page was linked to (once); returns why it could not, or null. */
  private openLinkedReplay(): string | null {
    const payload = this.ctx.replays.takePendingLink();
    if (payload === null) return null;
    const r = this.ctx.replays.openLink(`#run=${payload}`);
    if (!r.ok) return r.message;
    this.ctx.replays.source = 'Title';
    this.time.delayedCall(0, () => this.scene.start(SceneKey.Replay));
    return null;
  }

  /** A link to play a trainer's scenario: keep the scenario among the player's own and open its briefing on the link's seed. */
  private openLinkedPlay(): string | null {
    const payload = this.ctx.takePlayLink();
    if (payload === null) return null;
    const r = inviteFromLink(payload);
    if (!r.ok) return r.message;
    const added = this.ctx.own.add('a link to play', JSON.stringify(r.invite.scenario), new Date().toISOString());
    if (!added.ok) return `That link to play could not be opened. ${added.message}${added.errors.length > 0 ? ` ${added.errors.slice(0, 3).join('; ')}.` : ''}`;
    const entry = this.ctx.catalog().find((e) => e.id === added.id);
    const error = this.ctx.newSession(added.id, r.invite.seed, { sandbox: entry !== undefined && entry.order === null && entry.lesson === null });
    if (error !== null) return error;
    this.time.delayedCall(0, () => this.scene.start(SceneKey.Briefing));
    return null;
  }

  private openSettings(): void {
    this.scene.start(SceneKey.Settings);
  }

  /** A soft glow behind the mark and a faint floor grid: depth without noise. */
  private drawBackdrop(): void {
    // One gradient image, not stacked faint discs: 60 layers of 0.35% alpha round differently on
    // each renderer (Canvas 2D drifted them to an olive patch) and the glow vanished on WebGL.
    if (!this.textures.exists(GLOW_TEXTURE)) {
      const size = 2 * GLOW_RADIUS;
      const tex = this.textures.createCanvas(GLOW_TEXTURE, size, size)!;
      const ctx = tex.getContext();
      const glow = ctx.createRadialGradient(GLOW_RADIUS, GLOW_RADIUS, 0, GLOW_RADIUS, GLOW_RADIUS, GLOW_RADIUS);
      const accent = (a: number) => `rgba(${(COLOR.accent >> 16) & 255}, ${(COLOR.accent >> 8) & 255}, ${COLOR.accent & 255}, ${a})`;
      glow.addColorStop(0, accent(0.12));
      glow.addColorStop(0.45, accent(0.05));
      glow.addColorStop(1, accent(0));
      ctx.fillStyle = glow;
      ctx.fillRect(0, 0, size, size);
      tex.refresh();
    }
    this.add.image(WIDTH / 2, 110, GLOW_TEXTURE);
    const g = this.add.graphics();
    g.lineStyle(1, COLOR.panelStroke, 0.3);
    for (let x = 0; x <= WIDTH; x += 64) g.lineBetween(x, 528, x, HEIGHT - 64);
    for (let y = 528; y <= HEIGHT - 64; y += 32) g.lineBetween(0, y, WIDTH, y);
  }

  private drawNotice(notice: string): void {
    const w = 720, x = (WIDTH - w) / 2, y = 452;
    const text = this.add.text(x + 20 + 28, y + 14, notice, { ...TEXT.notice, wordWrap: { width: w - 68 } });
    const h = Math.max(44, Math.ceil(text.height) + 28);
    const g = this.add.graphics().setDepth(-1);
    g.fillStyle(COLOR.panel, 1).fillRoundedRect(x, y, w, h, 8);
    g.lineStyle(2, COLOR.accentSoft, 1).strokeRoundedRect(x + 1, y + 1, w - 2, h - 2, 8);
    // An "i" badge: the notice is information, not an error.
    g.fillStyle(COLOR.accentSoft, 1).fillCircle(x + 28, y + h / 2, 11);
    this.add.text(x + 28, y + h / 2, 'i', { ...TEXT.keycap, color: CSS.background }).setOrigin(0.5, 0.5);
  }

  /** The value stream in miniature: stations, arrows and cards of the four kinds of work. */
  private drawStream(still: boolean): void {
    const n = STATIONS.length;
    const margin = 120, boxW = 150, boxH = 44;
    const step = (WIDTH - 2 * margin - boxW) / (n - 1);
    const g = this.add.graphics();
    const xs = STATIONS.map((_, i) => Math.round(margin + i * step));
    xs.forEach((x, i) => {
      if (i > 0) {
        const x0 = xs[i - 1]! + boxW + 10, x1 = x - 10;
        g.lineStyle(2, COLOR.panelStroke, 1).lineBetween(x0, STREAM_Y, x1 - 8, STREAM_Y);
        g.fillStyle(COLOR.panelStroke, 1).fillTriangle(x1, STREAM_Y, x1 - 9, STREAM_Y - 6, x1 - 9, STREAM_Y + 6);
      }
      g.fillStyle(COLOR.panel, 1).fillRoundedRect(x, STREAM_Y - boxH / 2, boxW, boxH, 8);
      g.lineStyle(1, i === 2 ? COLOR.accent : COLOR.panelStroke, 1).strokeRoundedRect(x + 0.5, STREAM_Y - boxH / 2 + 0.5, boxW - 1, boxH - 1, 8);
      this.add.text(x + boxW / 2, STREAM_Y, STATIONS[i]!, TEXT.label).setOrigin(0.5, 0.5);
    });
    // QA is this picture's constraint: a queue waits on the arrow in front of it.
    const kinds = [WORK_KIND_COLOR.business!, WORK_KIND_COLOR.change!, WORK_KIND_COLOR.internal!, WORK_KIND_COLOR.unplanned!];
    const gapL = xs[1]! + boxW, gapR = xs[2]!;
    const queueW = 3 * CARD + 2 * 5;
    const qx0 = Math.round((gapL + gapR - queueW) / 2);
    g.fillStyle(COLOR.background, 1).fillRect(gapL + 4, STREAM_Y - 8, gapR - gapL - 8, 16);
    for (let k = 0; k < 3; k++) g.fillStyle(kinds[k]!, 0.9).fillRoundedRect(qx0 + k * (CARD + 5), STREAM_Y - CARD / 2, CARD, CARD, 3);
    this.add.text(xs[2]! + boxW / 2, STREAM_Y + boxH / 2 + 14, 'the constraint', { ...TEXT.label, color: CSS.accent }).setOrigin(0.5, 0);

    if (still) return;
    // Cards glide along the stream; each pauses at the constraint, as work does.
    const y = STREAM_Y - boxH / 2 - CARD - 6;
    const path = [xs[0]! + boxW / 2, xs[1]! + boxW / 2, xs[2]! + boxW / 2, xs[3]! + boxW / 2, xs[4]! + boxW / 2];
    for (let i = 0; i < 4; i++) {
      const card = this.add.rectangle(path[0]!, y, CARD, CARD, kinds[i]!).setAlpha(0);
      this.tweens.chain({
        targets: card,
        loop: -1,
        delay: i * 2200,
        tweens: [
          { alpha: 1, duration: 300 },
          { x: path[1], duration: 1400, ease: 'Sine.easeInOut' },
          { x: path[2], duration: 1400, ease: 'Sine.easeInOut', hold: 1600 },
          { x: path[3], duration: 1000, ease: 'Sine.easeInOut' },
          { x: path[4], duration: 1400, ease: 'Sine.easeInOut' },
          { alpha: 0, duration: 300 },
          { x: path[0], duration: 0, hold: 1800 },
        ],
      });
    }
  }
}
