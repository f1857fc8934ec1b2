/**
 * Replay: a recorded run on the factory floor with a timeline. Play it at the speeds of a round,
 * seek anywhere (click or drag the timeline, arrows, Home/End), step one engine event forward or
 * back, and pick any card (click it, or [ and ]) to read its journey: every step and what it waited
 * for. The header says whether the replay reached the recorded hash. From here the run can be
 * saved in this browser, shared as a link, downloaded as a run file, or exported (CSV, JSON).
 * The scene draws the ReplayCursor's run; it never changes it except by seeking.
 */
import * as Phaser from 'phaser';
import { computeMetrics, takeSnapshot, type Snapshot } from '../sim';
import type { GameContext } from '../game/GameContext';
import type { OpenedRun } from '../game/replay/RunCheck';
import { ReplayCursor } from '../game/replay/ReplayCursor';
import { itemJourney, type Journey } from '../game/replay/Journey';
import { runLink } from '../game/replay/RunLink';
import { recipeToText } from '../game/replay/RunRecipe';
import { exportFileName } from '../game/export/ExportNames';
import { MIME, saveFile } from '../game/export/Download';
import { itemsCsv, metricsJson } from '../game/export/RunExport';
import { PlayClock, SPEED_STEPS, speedLabel, type PlaySpeed } from '../game/PlayClock';
import { capitalize, duration } from '../game/Format';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, CSS, TEXT, WIDTH } from '../game/Theme';
import { FloorView } from '../ui/floor/FloorView';
import { FloorWindow } from '../ui/floor/FloorZoom';
import { ControlBar } from '../ui/ControlBar';
import { HelpOverlay, type HelpKey } from '../ui/HelpOverlay';
import { hasCommandModifier, KeyRouter } from '../ui/KeyRouter';
import { drawPanel } from '../ui/Chrome';
import { setFittedText } from '../ui/UiStyle';
import { zoomToDesign } from '../game/GameConfig';

const MARGIN = 24;
const FLOOR_Y = 112;
const FLOOR_H = 392;
const LINE_Y = 552;
const LINE_H = 14;
const CONTROLS_Y = 624;
const ACTIONS_Y = 678;
const PANEL_W = 440;
/** A replay plays its whole length in about this many real seconds at 1x. */
const SECONDS_AT_1X = 60;

export const REPLAY_KEYS: readonly HelpKey[] = [
  ['Space', 'play / pause'],
  ['← →', 'back / on by one time unit (Shift: ten)'],
  ['Home End', 'to the start / the end'],
  [', .', 'one engine event back / forward'],
  ['1 – 5', 'speed 1×, 2×, 4×, 16×, max'],
  ['[ ]  or click', "choose a card: its journey"],
  ['S', 'save in this browser'],
  ['L', 'share link'],
  ['D', 'download the run file'],
  ['C  J', 'export items CSV / metrics JSON'],
  ['Esc', 'close the journey, then back'],
];

/** What the test hook reads. */
export interface ReplayInfo {
  readonly title: string;
  readonly time: number;
  readonly end: number;
  readonly event: number;
  readonly same: boolean;
  readonly recordedHash: string;
  readonly hash: string;
  readonly selected: number | null;
  /** Where the chosen card is drawn (design pixels), or null. */
  readonly selectedBounds: { x: number; y: number; w: number; h: number } | null;
  readonly journey: Journey | null;
  readonly link: string | null;
  readonly message: string;
}

export class Replay extends Phaser.Scene {
  private run!: OpenedRun;
  private cursor!: ReplayCursor;
  private clock!: PlayClock;
  private floor!: FloorView;
  private floorWindow!: FloorWindow;
  private controls!: ControlBar;
  private help!: HelpOverlay;
  private clockText!: Phaser.GameObjects.Text;
  private statText!: Phaser.GameObjects.Text;
  private stateText!: Phaser.GameObjects.Text;
  private messageText!: Phaser.GameObjects.Text;
  private line!: Phaser.GameObjects.Graphics;
  private mark!: Phaser.GameObjects.Graphics;
  private panel!: Phaser.GameObjects.Container;
  private selected: number | null = null;
  private journey: Journey | null = null;
  private link: string | null = null;
  private message = '';
  private lastKey = '';
  private snapshot: Snapshot | null = null;
  private dragging = false;
  private drawn = false;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.Replay);
  }

  get hasDrawn(): boolean {
    return this.drawn && this.sys.isActive();
  }

  get info(): ReplayInfo | null {
    if (!this.drawn) return null;
    return {
      title: this.run.recipe.title ?? '',
      time: this.cursor.time,
      end: this.cursor.end,
      event: this.cursor.event,
      same: this.run.same,
      recordedHash: this.run.recipe.hash,
      hash: this.cursor.sim.hash(),
      selected: this.selected,
      selectedBounds: this.selectedOnScreen(),
      journey: this.journey,
      link: this.link,
      message: this.message,
    };
  }

  create(): void {
    zoomToDesign(this);
    const run = this.ctx.replays.run;
    if (run === null) {
      this.scene.start(SceneKey.Replays);
      return;
    }
    this.run = run;
    this.drawn = false;
    this.selected = null;
    this.journey = null;
    this.link = null;
    this.message = '';
    this.lastKey = '';
    const end = run.recipe.until;
    this.cursor = new ReplayCursor(run.model, run.recipe.seed, run.commands, end);
    this.clock = new PlayClock(Math.max(end, 1e-9) / SECONDS_AT_1X, 1);
    this.clock.paused = true;

    setFittedText(this.add.text(MARGIN, 10, '', { ...TEXT.title, fontSize: '24px' }), `Replay · ${run.recipe.title ?? run.scenario.title}`, WIDTH - 2 * MARGIN - 300);
    const verdict = this.add.text(MARGIN, 44, '', { ...TEXT.body, color: run.same ? CSS.good : CSS.warning });
    setFittedText(verdict, run.same ? `✓ Same run: reached the recorded hash ${run.hashHere}` : `≠ Not the same run: recorded ${run.recipe.hash}, this version reaches ${run.hashHere}`, WIDTH - 2 * MARGIN);
    this.clockText = this.add.text(WIDTH - MARGIN, 8, '', TEXT.clock).setOrigin(1, 0);
    this.statText = this.add.text(MARGIN, 76, '', { ...TEXT.body, color: CSS.muted });
    this.stateText = this.add.text(WIDTH - MARGIN, 78, '', TEXT.small).setOrigin(1, 0);

    const first = takeSnapshot(this.cursor.sim);
    this.floorWindow = FloorWindow.forLayout(this, { x: MARGIN, y: FLOOR_Y, w: WIDTH - 2 * MARGIN, h: FLOOR_H }, this.ctx.settings.values.projector);
    this.floor = new FloorView(this, this.floorWindow.world, first);
    this.floor.reducedMotion = true; // seeking jumps; gliding would show cards flying across the floor
    this.mark = this.add.graphics().setDepth(6);
    this.line = this.add.graphics().setDepth(1);
    this.drawTimelineFrame();
    this.messageText = this.add.text(MARGIN, LINE_Y + 34, '', { ...TEXT.body, color: CSS.accentSoft });
    this.panel = this.add.container(0, 0).setDepth(30).setVisible(false);

    this.controls = new ControlBar(this, WIDTH / 2, CONTROLS_Y, [
      { id: 'pause', key: 'Space', label: 'Play', onPress: () => this.togglePause() },
      { id: 'back', key: ',', label: 'Event back', onPress: () => this.stepBack() },
      { id: 'step', key: '.', label: 'Event on', onPress: () => this.stepForward() },
      ...SPEED_STEPS.map((s, i) => ({ id: `speed-${s}`, key: String(i + 1), label: speedLabel(s), onPress: () => this.setSpeed(s) })),
      { id: 'help', key: 'H', label: 'Help', onPress: () => this.help.toggle() },
    ]);
    new ControlBar(this, WIDTH / 2, ACTIONS_Y, [
      { id: 'save', key: 'S', label: 'Save', onPress: () => this.save() },
      { id: 'link', key: 'L', label: 'Share link', onPress: () => void this.shareLink() },
      { id: 'file', key: 'D', label: 'Run file', onPress: () => this.download() },
      { id: 'csv', key: 'C', label: 'Items CSV', onPress: () => this.exportItems() },
      { id: 'json', key: 'J', label: 'Metrics JSON', onPress: () => this.exportMetrics() },
      { id: 'leave', key: 'Esc', label: 'Back', onPress: () => this.leave() },
    ]);
    this.help = new HelpOverlay(this, { title: 'Replay: keys', keys: REPLAY_KEYS, note: 'Click or drag the timeline to seek; click a card for its journey.' });
    this.bindInput();
    this.draw(first);
  }

  override update(_time: number, delta: number): void {
    if (this.run === undefined || this.help.isOpen) return;
    const dt = this.clock.advance(delta);
    if (dt === Infinity) this.cursor.seek(this.cursor.end);
    else if (dt > 0) this.cursor.seek(this.cursor.time + dt);
    if (this.cursor.atEnd && !this.clock.paused) this.clock.paused = true;
    this.draw(null);
  }

  // ------------------------------------------------------------------ drawing

  private draw(snap: Snapshot | null): void {
    const sim = this.cursor.sim;
    const key = `${sim.now}|${sim.eventsProcessed}`;
    const changed = key !== this.lastKey;
    if (snap !== null) this.snapshot = snap;
    else if (changed || this.snapshot === null) this.snapshot = takeSnapshot(sim);
    if (changed) {
      this.lastKey = key;
      const unit = this.run.model.timeUnit;
      const m = computeMetrics(sim);
      this.clockText.setText(`${capitalize(unit)} ${(Math.floor(sim.now * 10) / 10).toFixed(1)} of ${this.endLabel()}`);
      this.statText.setText(`Event ${sim.eventsProcessed.toLocaleString('en')} · WIP ${sim.wip} · delivered ${m.done} · mean lead time ${duration(m.done > 0 ? m.leadTime.mean : null, unit)}`);
      this.drawTimeline();
      if (this.selected !== null) this.showJourney(this.selected);
    }
    this.floor.update(this.snapshot, 0, null);
    this.drawMark();
    for (const s of SPEED_STEPS) this.controls.setActive(`speed-${s}`, s === this.clock.speed && !this.clock.paused);
    this.controls.setActive('pause', !this.clock.paused);
    const state = this.cursor.atEnd ? 'At the end · Space plays from the start' : this.clock.paused ? 'Paused · Space to play' : `Playing at ${speedLabel(this.clock.speed)}`;
    if (this.stateText.text !== state) this.stateText.setText(state).setColor(this.clock.paused ? CSS.accentSoft : CSS.muted);
    this.drawn = true;
  }

  /** The end of the replay as a round number: a round stops a hair before its end (see RoundBoundary). */
  private endLabel(): string {
    return (Math.round(this.cursor.end * 10) / 10).toFixed(1);
  }

  private timelineX(t: number): number {
    return MARGIN + ((WIDTH - 2 * MARGIN) * t) / Math.max(1e-9, this.cursor.end);
  }

  private drawTimelineFrame(): void {
    const g = this.add.graphics();
    const w = WIDTH - 2 * MARGIN;
    g.fillStyle(COLOR.track, 1).fillRoundedRect(MARGIN, LINE_Y, w, LINE_H, 4);
    // Round boundaries, when the run was a game of rounds.
    let t = 0;
    for (const r of this.run.scenario.game?.rounds ?? []) {
      t += r.length;
      if (t >= this.cursor.end) break;
      const x = Math.round(this.timelineX(t));
      g.fillStyle(COLOR.muted, 1).fillRect(x - 1, LINE_Y - 6, 2, LINE_H + 12);
    }
    this.add.text(MARGIN, LINE_Y - 24, '0', TEXT.small);
    this.add.text(WIDTH - MARGIN, LINE_Y - 24, this.endLabel(), TEXT.small).setOrigin(1, 0);
    const zone = this.add.zone(MARGIN, LINE_Y - 12, w, LINE_H + 24).setOrigin(0).setInteractive({ useHandCursor: true });
    zone.on(Phaser.Input.Events.POINTER_DOWN, (p: Phaser.Input.Pointer) => {
      this.dragging = true;
      this.seekToPointer(p);
    });
  }

  private drawTimeline(): void {
    const g = this.line.clear();
    const x = this.timelineX(this.cursor.time);
    g.fillStyle(COLOR.accent, 1).fillRoundedRect(MARGIN, LINE_Y, Math.max(0, x - MARGIN), LINE_H, 4);
    g.fillStyle(COLOR.text, 1).fillCircle(x, LINE_Y + LINE_H / 2, 11);
    g.fillStyle(COLOR.accent, 1).fillCircle(x, LINE_Y + LINE_H / 2, 7);
  }

  /** Where the selected card shows, in design pixels (the floor may be drawn enlarged). */
  private selectedOnScreen(): { x: number; y: number; w: number; h: number } | null {
    const b = this.selected === null ? null : this.floor.cardBounds(this.selected);
    return b === null ? null : this.floorWindow.toScreen(b);
  }

  private drawMark(): void {
    const g = this.mark.clear();
    if (this.selected === null) return;
    const b = this.selectedOnScreen();
    if (b === null) return;
    g.lineStyle(3, COLOR.focusRing, 1).strokeRoundedRect(b.x - 4, b.y - 4, b.w + 8, b.h + 8, 5);
  }

  private showJourney(id: number): void {
    const j = itemJourney(this.cursor.sim, id);
    this.journey = j;
    this.panel.removeAll(true);
    if (j === null) {
      this.panel.setVisible(false);
      return;
    }
    const x = WIDTH - MARGIN - PANEL_W, y = FLOOR_Y - 8, h = LINE_Y - 40 - y;
    const g = this.add.graphics();
    drawPanel(g, x, y, PANEL_W, h);
    g.fillStyle(COLOR.accent, 1).fillRect(x, y + 12, 4, 28);
    const px = x + 20, pw = PANEL_W - 40;
    const title = this.add.text(px, y + 14, '', TEXT.heading);
    setFittedText(title, j.title, pw);
    const status = this.add.text(px, y + 48, j.status, { ...TEXT.body, color: CSS.accentSoft, wordWrap: { width: pw }, lineSpacing: 2 });
    this.panel.add([g, title, status]);
    let ly = status.y + status.height + 10;
    const bottom = y + h - 34;
    let shown = 0;
    for (const leg of j.legs) {
      const colour = leg.kind === 'work' ? CSS.good : leg.kind === 'done' ? CSS.text : leg.kind === 'blocked' ? CSS.warning : CSS.muted;
      const sign = leg.kind === 'work' ? '▶' : leg.kind === 'done' ? '✓' : leg.kind === 'blocked' ? '■' : '…';
      const t = this.add.text(px + 22, ly, leg.text, { ...TEXT.small, color: leg.kind === 'work' || leg.kind === 'done' ? CSS.text : colour, wordWrap: { width: pw - 22 } });
      if (ly + t.height > bottom) {
        t.destroy();
        break;
      }
      this.panel.add([this.add.text(px, ly, sign, { ...TEXT.small, color: colour }), t]);
      ly += t.height + 4;
      shown++;
    }
    const more = j.legs.length - shown;
    const foot = more > 0 ? `… and ${more} more step${more === 1 ? '' : 's'}` : (j.longestWait ?? 'It never waited.');
    const footText = this.add.text(px, y + h - 28, '', { ...TEXT.small, color: CSS.accentSoft });
    setFittedText(footText, foot, pw);
    this.panel.add(footText);
    this.panel.setVisible(true);
  }

  // ------------------------------------------------------------------ input

  private bindInput(): void {
    KeyRouter.of(this).add((e) => {
      if (hasCommandModifier(e)) return false;
      const speed = ['1', '2', '3', '4', '5'].indexOf(e.key);
      const unit = e.shiftKey ? 10 : 1;
      if (speed >= 0) this.setSpeed(SPEED_STEPS[speed]!);
      else if (e.key === ' ') this.togglePause();
      else if (e.key === 'ArrowRight') this.seek(this.cursor.time + unit);
      else if (e.key === 'ArrowLeft') this.seek(this.cursor.time - unit);
      else if (e.key === 'Home') this.seek(0);
      else if (e.key === 'End') this.seek(this.cursor.end);
      else if (e.key === '.') this.stepForward();
      else if (e.key === ',') this.stepBack();
      else if (e.key === ']') this.cycleCard(1);
      else if (e.key === '[') this.cycleCard(-1);
      else if (e.key === 's' || e.key === 'S') this.save();
      else if (e.key === 'l' || e.key === 'L') void this.shareLink();
      else if (e.key === 'd' || e.key === 'D') this.download();
      else if (e.key === 'c' || e.key === 'C') this.exportItems();
      else if (e.key === 'j' || e.key === 'J') this.exportMetrics();
      else if (e.key === 'Escape') this.leave();
      else return false;
      return true;
    });
    this.input.on(Phaser.Input.Events.POINTER_MOVE, (p: Phaser.Input.Pointer) => {
      if (this.dragging && p.isDown) this.seekToPointer(p);
    });
    this.input.on(Phaser.Input.Events.POINTER_UP, () => {
      this.dragging = false;
    });
    this.input.on(Phaser.Input.Events.POINTER_DOWN, (p: Phaser.Input.Pointer) => {
      if (this.dragging || this.help.isOpen) return;
      // Through the main camera: with an enlarged floor, p.worldX may be the floor camera's view.
      const onScreen = this.cameras.main.getWorldPoint(p.x, p.y);
      const at = this.floorWindow.toWorld(onScreen.x, onScreen.y);
      const id = this.floor.itemAt(at.x, at.y);
      if (id !== null) this.select(id);
    });
  }

  private seekToPointer(p: Phaser.Input.Pointer): void {
    const f = (this.cameras.main.getWorldPoint(p.x, p.y).x - MARGIN) / (WIDTH - 2 * MARGIN);
    this.seek(Math.max(0, Math.min(1, f)) * this.cursor.end);
  }

  private seek(t: number): void {
    this.clock.paused = true;
    this.cursor.seek(t);
  }

  private togglePause(): void {
    if (this.cursor.atEnd && this.clock.paused) this.cursor.seek(0);
    this.clock.paused = !this.clock.paused;
  }

  private setSpeed(s: PlaySpeed): void {
    this.clock.speed = s;
    if (this.cursor.atEnd) this.cursor.seek(0);
    this.clock.paused = false;
  }

  private stepForward(): void {
    this.clock.paused = true;
    this.cursor.stepForward();
  }

  private stepBack(): void {
    this.clock.paused = true;
    this.cursor.stepBack();
  }

  private cycleCard(step: 1 | -1): void {
    // The floor first catches up with a seek made since the last frame, so only cards on it now count.
    this.draw(null);
    const ids = this.floor.visibleItems();
    if (ids.length === 0) {
      this.say('No cards on the floor at this moment.');
      return;
    }
    const at = this.selected === null ? -1 : ids.indexOf(this.selected);
    const next = at < 0 ? (step > 0 ? 0 : ids.length - 1) : (at + step + ids.length) % ids.length;
    this.select(ids[next]!);
  }

  private select(id: number): void {
    this.selected = id;
    this.showJourney(id);
  }

  private leave(): void {
    if (this.selected !== null) {
      this.selected = null;
      this.journey = null;
      this.panel.setVisible(false);
      return;
    }
    this.scene.start(this.ctx.replays.source === 'Debrief' ? SceneKey.Debrief : this.ctx.replays.source === 'Title' ? SceneKey.Title : SceneKey.Replays);
  }

  // ------------------------------------------------------------------ sharing

  private say(text: string): void {
    this.message = text;
    setFittedText(this.messageText, text, WIDTH - 2 * MARGIN);
  }

  private fileName(what: string, ext: 'csv' | 'json'): string {
    const id = typeof this.run.recipe.scenario === 'string' ? this.run.recipe.scenario : this.run.scenario.id;
    return exportFileName(id, this.run.recipe.seed, what, ext);
  }

  private save(): void {
    const r = this.run.recipe;
    this.say(this.ctx.replays.saved.save(r, r.title ?? this.run.scenario.title, new Date().toISOString()));
  }

  private async shareLink(): Promise<void> {
    const base = window.location.href.split('#')[0]!;
    const link = runLink(this.run.recipe, base);
    this.link = link;
    // The address bar then holds the link too: a way to copy it wherever the clipboard is closed.
    window.history.replaceState(null, '', link);
    try {
      await navigator.clipboard.writeText(link);
      this.say(`Link copied (${link.length.toLocaleString('en')} characters). It is in the address bar too.`);
    } catch {
      this.say(`The link is in the address bar: copy it from there (${link.length.toLocaleString('en')} characters).`);
    }
  }

  private download(): void {
    const f = saveFile(this.fileName('run', 'json'), recipeToText(this.run.recipe), MIME.json);
    this.say(`Saved ${f.name}: open it from Replays (O) or drop it on the game.`);
  }

  private exportItems(): void {
    const f = saveFile(this.fileName('items', 'csv'), itemsCsv(this.cursor.sim), MIME.csv);
    this.say(`Saved ${f.name} (every card up to ${this.run.model.timeUnit} ${this.cursor.time.toFixed(1)}).`);
  }

  private exportMetrics(): void {
    const f = saveFile(this.fileName('metrics', 'json'), metricsJson(this.cursor.sim, { source: 'replay' }), MIME.json);
    this.say(`Saved ${f.name} (the numbers at ${this.run.model.timeUnit} ${this.cursor.time.toFixed(1)}).`);
  }
}
