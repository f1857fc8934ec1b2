/**
 * Play: one round on the factory floor. Each frame the clock says how far the engine may run,
 * the session advances it (never past the round's end), and the floor, the HUD and the live chart
 * draw the engine's snapshot and numbers. Keys and buttons only pause, step, change speed or
 * restart the round with the same seed; levers are pulled between rounds.
 */
import * as Phaser from 'phaser';
import { computeMetrics, takeSnapshot, type RunMetrics, type Snapshot } from '../sim';
import type { GameContext } from '../game/GameContext';
import type { GameSession } from '../game/GameSession';
import { findConstraint, type ConstraintVerdict } from '../game/ConstraintFinder';
import { PlayClock, SPEED_STEPS, speedLabel, type PlaySpeed } from '../game/PlayClock';
import { roundStats, type RoundStats } from '../game/debrief/RoundStats';
import { capitalize, duration, fixed } from '../game/Format';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, CSS, HEIGHT, TEXT, WIDTH } from '../game/Theme';
import { FloorView } from '../ui/floor/FloorView';
import { MetricTile } from '../ui/MetricTile';
import { LiveChart } from '../ui/LiveChart';
import { ControlBar } from '../ui/ControlBar';
import { CardLegend } from '../ui/floor/CardLegend';
import { FloorWindow } from '../ui/floor/FloorZoom';
import { HelpOverlay, type HelpKey } from '../ui/HelpOverlay';
import { hasCommandModifier, KeyRouter } from '../ui/KeyRouter';
import { zoomToDesign } from '../game/GameConfig';
import { roundNote } from '../game/facilitator/PresenterNotesText';
import { NOTES_KEY, PresenterNotes } from '../ui/PresenterNotes';
import { LIVE_LEVER_KEYS, LiveLeverKeys } from '../ui/LiveLeverKeys';

const MARGIN = 24;
const TILES_Y = 78;
/** The projector layout's tiles are taller (bigger numbers) and its floor a little shorter. */
const TILE_H = { normal: 96, projector: 112 } as const;
const FLOOR_Y = { normal: 204, projector: 220 } as const;
/** The floor ends here, above the legend and the controls. */
const FLOOR_BOTTOM = 608;
const CONTROLS_Y = 676;
/** Re-measure the constraint this often (real ms): it is a trend, not a flicker. */
const CONSTRAINT_EVERY_MS = 400;
/** Max speed: engine time per frame, so the page keeps drawing. */
const MAX_SLICE_MS = 12;

export const PLAY_KEYS: readonly HelpKey[] = [
  ['Space', 'pause / resume'],
  ['→ or .', 'step one event (paused)'],
  ['1 – 5', 'speed 1×, 2×, 4×, 16×, max'],
  ['+ / −', 'faster / slower'],
  ['R', 'restart the round (same seed)'],
  ['Enter', 'to the debrief when the round is over'],
  ['Esc', 'leave the game (press twice)'],
];

/** What the HUD shows, as plain numbers (read by the test hook). */
export interface PlayHud {
  readonly time: number;
  readonly round: number;
  readonly wip: number;
  readonly done: number;
  readonly throughput: number;
  readonly leadTimeMean: number | null;
  readonly leadTimeP85: number | null;
  readonly score: number;
  readonly constraint: string | null;
}

export class Play extends Phaser.Scene {
  private session!: GameSession;
  private clock!: PlayClock;
  private floor!: FloorView;
  private tiles!: Record<'wip' | 'throughput' | 'lead' | 'p85' | 'done' | 'score', MetricTile>;
  private chart!: LiveChart;
  private controls!: ControlBar;
  private help!: HelpOverlay;
  private notes!: PresenterNotes;
  private leverKeys!: LiveLeverKeys;
  private clockText!: Phaser.GameObjects.Text;
  private stateText!: Phaser.GameObjects.Text;
  private progress!: Phaser.GameObjects.Graphics;
  private banner!: Phaser.GameObjects.Text;
  private startMetrics: RunMetrics | null = null;
  private constraint: ConstraintVerdict | null = null;
  private constraintAge = 0;
  private lastKey = '';
  private hudValue: PlayHud | null = null;
  private over = false;
  private overFor = 0;
  private leaveArmed = 0;
  private drawn = false;
  private snapshot: Snapshot | null = null;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.Play);
  }

  get hasDrawn(): boolean {
    return this.drawn && this.sys.isActive();
  }

  /** The facilitator's last lever toast ('' before any), for tests. */
  get leverToast(): string {
    return this.leverKeys?.lastToast ?? '';
  }

  get hud(): PlayHud | null {
    return this.hudValue;
  }

  get playback(): { speed: PlaySpeed; paused: boolean; over: boolean } | null {
    return this.drawn ? { speed: this.clock.speed, paused: this.clock.paused, over: this.over } : null;
  }

  create(): void {
    zoomToDesign(this);
    const session = this.ctx.session;
    if (session === null) {
      this.scene.start(SceneKey.ScenarioSelect);
      return;
    }
    this.session = session;
    if (session.phase === 'planning') session.startRound();
    this.drawn = false;
    this.over = false;
    this.overFor = 0;
    this.leaveArmed = 0;
    this.lastKey = '';
    this.snapshot = null;
    this.constraint = null;
    this.constraintAge = CONSTRAINT_EVERY_MS;
    this.startMetrics = computeMetrics(session.sim);
    const settings = this.ctx.settings.values;
    this.clock = new PlayClock(session.unitsPerSecond, settings.speed);

    const layout = settings.projector ? 'projector' : 'normal';
    const tileH = TILE_H[layout];
    const floorY = FLOOR_Y[layout];
    const floorH = FLOOR_BOTTOM - floorY;
    const r = session.round;
    this.add.text(MARGIN, 12, `${session.scenario.title} · seed ${session.seed}`, TEXT.subtitle);
    this.add.text(MARGIN, 36, `${session.roundLabel()} · ${r.title}`, { ...TEXT.title, fontSize: '24px' });
    this.clockText = this.add.text(WIDTH - MARGIN, 10, '', TEXT.clock).setOrigin(1, 0);
    this.stateText = this.add.text(WIDTH - MARGIN, 46, '', TEXT.small).setOrigin(1, 0);
    this.progress = this.add.graphics();

    const chartW = 250;
    const tileW = Math.floor((WIDTH - 2 * MARGIN - chartW - 6 * 12) / 6);
    const tile = (i: number, label: string) => new MetricTile(this, MARGIN + i * (tileW + 12), TILES_Y, tileW, tileH, label);
    const unit = session.timeUnit;
    this.tiles = {
      wip: tile(0, 'WIP'),
      throughput: tile(1, `Done / ${unit}`),
      lead: tile(2, 'Lead time'),
      p85: tile(3, 'Lead time p85'),
      done: tile(4, 'Delivered'),
      score: tile(5, 'Score'),
    };
    this.chart = new LiveChart(this, WIDTH - MARGIN - chartW, TILES_Y, chartW, tileH);

    const first = takeSnapshot(session.sim);
    const floorScreen = { x: MARGIN, y: floorY, w: WIDTH - 2 * MARGIN, h: floorH };
    this.floor = new FloorView(this, FloorWindow.forLayout(this, floorScreen, settings.projector).world, first);
    this.floor.reducedMotion = settings.reducedMotion;
    new CardLegend(this, MARGIN, floorY + floorH + 10, WIDTH - 2 * MARGIN, session.model.types.map((t) => ({ name: t.name, kind: t.kind })));

    this.banner = this.add
      .text(WIDTH / 2, floorY + floorH / 2, '', { ...TEXT.banner, backgroundColor: '#151c2cee', padding: { x: 24, y: 14 }, align: 'center' })
      .setOrigin(0.5)
      .setDepth(20)
      .setVisible(false);

    this.controls = new ControlBar(this, WIDTH / 2, CONTROLS_Y, [
      { id: 'pause', key: 'Space', label: 'Pause', onPress: () => this.togglePause() },
      { id: 'step', key: '→', label: 'Step', onPress: () => this.stepOnce() },
      ...SPEED_STEPS.map((s, i) => ({ id: `speed-${s}`, key: String(i + 1), label: speedLabel(s), onPress: () => this.setSpeed(s) })),
      { id: 'restart', key: 'R', label: 'Restart', onPress: () => this.restart() },
      { id: 'help', key: 'H', label: 'Help', onPress: () => this.help.toggle() },
    ]);
    const leverKeys = session.midRoundLevers ? LIVE_LEVER_KEYS : [];
    this.help = new HelpOverlay(this, { title: 'Playing a round', keys: [...PLAY_KEYS, ...leverKeys, NOTES_KEY], note: 'The buttons at the bottom do the same with the mouse.' });
    this.notes = new PresenterNotes(this, roundNote(session.scenario.title, session.scenario.game, r.index, r.note));
    this.leverKeys = new LiveLeverKeys(this, session, WIDTH / 2, floorY + floorH - 64, () => this.help.isOpen || this.notes.isOpen);
    this.bindKeys();
    this.draw(first, 0);
  }

  override update(_time: number, delta: number): void {
    if (this.session === undefined || this.ctx.session !== this.session) return;
    if (this.leaveArmed > 0) this.leaveArmed = Math.max(0, this.leaveArmed - delta);
    if (!this.over && !this.help.isOpen && !this.notes.isOpen) {
      const dt = this.clock.advance(delta);
      if (dt === Infinity) this.runSlice();
      else if (dt > 0) this.over = this.session.advanceTo(this.session.sim.now + dt);
    }
    if (this.over) {
      this.overFor += delta;
      // A beat to see the final floor, then the debrief.
      if (this.overFor > 1500) this.toDebrief();
    }
    this.draw(null, delta);
  }

  private runSlice(): void {
    const sim = this.session.sim;
    const end = this.session.round.end;
    const t0 = performance.now();
    // Whole event batches until the slice is used up; the session clamps at the round's end.
    while (performance.now() - t0 < MAX_SLICE_MS) {
      const next = Math.min(end, sim.now + (end - this.session.round.start) / 50);
      this.over = this.session.advanceTo(next);
      if (this.over) break;
    }
  }

  private draw(snap: Snapshot | null, delta: number): void {
    const sim = this.session.sim;
    const key = `${sim.now}|${sim.eventsProcessed}`;
    const changed = key !== this.lastKey;
    if (snap !== null) this.snapshot = snap;
    else if (changed || this.snapshot === null) this.snapshot = takeSnapshot(sim);
    const snapshot = this.snapshot;
    this.constraintAge += delta;
    if (changed) {
      this.lastKey = key;
      const r = this.session.round;
      const now = computeMetrics(sim);
      if (this.constraintAge >= CONSTRAINT_EVERY_MS || this.over) {
        this.constraintAge = 0;
        const peopleAt = new Map(snapshot.centers.map((c) => [c.id, c.people]));
        const named = new Map(sim.model.people.filter((p) => p.named).map((p) => [p.id, p.name]));
        // Judge only once a fifth of the round has run: a few minutes of data is noise.
        this.constraint = sim.now - r.start >= (r.end - r.start) * 0.2 ? findConstraint(this.startMetrics, now, peopleAt, named) : null;
      }
      const stats = roundStats(sim, { index: r.index, title: r.title, start: r.start, end: Math.max(sim.now, r.start) }, this.startMetrics!, now, this.session.outagePerUnit);
      this.drawHud(stats, sim.wip);
      this.chart.draw(sim.samples, r.start, r.end, sim.now);
    }
    this.floor.update(snapshot, delta, this.constraint === null ? null : { center: this.constraint.center, label: this.constraint.label });
    this.drawPlayback();
    this.drawn = true;
  }

  private drawHud(stats: RoundStats, wip: number): void {
    const s = this.session;
    const unit = s.timeUnit;
    const r = s.round;
    this.clockText.setText(`${s.clockLabel()}`);
    const g = this.progress.clear();
    const x = MARGIN, w = WIDTH - 2 * MARGIN, y = 66;
    g.fillStyle(COLOR.track, 1).fillRect(x, y, w, 6);
    g.fillStyle(COLOR.accent, 1).fillRect(x, y, Math.round((w * (s.sim.now - r.start)) / Math.max(1e-9, r.end - r.start)), 6);
    const t = this.tiles;
    t.wip.set(String(wip), `${stats.avgWip.toFixed(1)} on average`);
    t.throughput.set(fixed(stats.throughput, 2), `this round`);
    t.lead.set(duration(stats.leadTimeMean, unit), stats.done > 0 ? 'mean, this round' : 'none done yet');
    t.p85.set(duration(stats.leadTimeP85, unit), stats.done > 0 ? '85% within' : 'none done yet');
    t.done.set(String(stats.done), 'this round');
    t.score.set(fixed(stats.score, 0), s.roundResults.length > 0 ? `${fixed(s.score, 0)} before` : 'value − penalties', stats.score < 0 ? 'hot' : 'normal');
    this.hudValue = {
      time: s.sim.now,
      round: r.index,
      wip,
      done: stats.done,
      throughput: stats.throughput,
      leadTimeMean: stats.leadTimeMean,
      leadTimeP85: stats.leadTimeP85,
      score: stats.score,
      constraint: this.constraint?.center ?? null,
    };
  }

  private drawPlayback(): void {
    const c = this.clock;
    const r = this.session.round;
    const unit = capitalize(this.session.timeUnit);
    const state = this.over ? 'Round over' : c.paused ? 'Paused · Space to go on' : `Running at ${speedLabel(c.speed)}`;
    const text = `${state} · round ends ${unit.toLowerCase()} ${r.end}`;
    if (this.stateText.text !== text) this.stateText.setText(text).setColor(c.paused || this.over ? CSS.accentSoft : CSS.muted);
    for (const s of SPEED_STEPS) this.controls.setActive(`speed-${s}`, s === c.speed);
    this.controls.setActive('pause', c.paused);
    if (this.over && !this.banner.visible) {
      const stats = this.hudValue;
      this.banner.setText(`Round ${r.index + 1} is over\n${stats?.done ?? 0} delivered · score ${fixed(stats?.score ?? 0, 0)}\nEnter for the debrief`).setVisible(true);
    } else if (!this.over && this.leaveArmed > 0) {
      this.banner.setText('Press Esc again to leave this game').setVisible(true);
    } else if (!this.over && this.banner.visible) {
      this.banner.setVisible(false);
    }
  }

  private bindKeys(): void {
    KeyRouter.of(this).add((e) => {
      if (hasCommandModifier(e)) return false;
      const speed = ['1', '2', '3', '4', '5'].indexOf(e.key);
      if (speed >= 0) this.setSpeed(SPEED_STEPS[speed]!);
      else if (e.key === ' ') this.togglePause();
      else if (e.key === 'ArrowRight' || e.key === '.') this.stepOnce();
      else if (e.key === '+' || e.key === '=') this.clock.faster();
      else if (e.key === '-') this.clock.slower();
      else if (e.key === 'r' || e.key === 'R') this.restart();
      else if (e.key === 'Enter') {
        if (this.over) this.toDebrief();
      } else if (e.key === 'Escape') this.leave();
      else return false;
      return true;
    });
  }

  private togglePause(): void {
    if (!this.over) this.clock.paused = !this.clock.paused;
  }

  private setSpeed(s: PlaySpeed): void {
    this.clock.speed = s;
    this.clock.paused = false;
  }

  /** One engine event, for a close look; pauses first. */
  private stepOnce(): void {
    if (this.over) return;
    this.clock.paused = true;
    const sim = this.session.sim;
    const end = this.session.round.end;
    // Never past the round's end: an event after it belongs to the next round.
    if (sim.nextEventTime >= end || !sim.step()) this.over = this.session.advanceTo(end);
  }

  private restart(): void {
    this.session.restartRound();
    this.scene.restart();
  }

  private leave(): void {
    if (this.leaveArmed > 0) {
      this.scene.start(SceneKey.ScenarioSelect);
      return;
    }
    this.clock.paused = true;
    this.leaveArmed = 2500;
  }

  private toDebrief(): void {
    if (this.session.phase === 'playing') this.session.endRound();
    this.scene.start(SceneKey.Debrief);
  }
}
