/**
 * The live run: the engine plays a scenario in real time and this scene draws what it sees.
 * Each frame it asks the driver to advance the clock, then draws the snapshot and metrics. It
 * never decides anything in the simulation; keys only pause, change speed or restart.
 */
import * as Phaser from 'phaser';
import type { LiveRunDriver, LiveView, Speed } from '../game/LiveRunDriver';
import { SPEEDS } from '../game/LiveRunDriver';
import { ASSET } from '../game/Assets';
import { clock, count, duration, fixed, percent } from '../game/Format';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, CSS, TEXT, WIDTH, workKindColor } from '../game/Theme';
import { CenterBox, drawCard, type CardStyle } from '../ui/CenterBox';
import { KeyHelp } from '../ui/KeyHelp';
import { MetricTile } from '../ui/MetricTile';

const MARGIN = 24;
const TIMELINE_Y = 84;
const TILES_Y = 108;
const TILE_HEIGHT = 104;
const FLOW_LABEL_Y = 230;
const BOXES_Y = 268;
const BOX_HEIGHT = 274;
const BOX_GAP = 40;
const CARD_LEGEND_Y = 554;
const FOCUS_Y = 590;
const HELP_Y = 672;

const SPEED_KEYS: readonly [string, Speed][] = [
  ['ONE', 1], ['TWO', 2], ['THREE', 4], ['FOUR', 16],
  ['NUMPAD_ONE', 1], ['NUMPAD_TWO', 2], ['NUMPAD_THREE', 4], ['NUMPAD_FOUR', 16],
];

interface Tiles {
  wip: MetricTile;
  throughput: MetricTile;
  leadMean: MetricTile;
  leadP85: MetricTile;
  done: MetricTile;
  focus: MetricTile;
}

export class LiveRun extends Phaser.Scene {
  private drawn = false;
  private lastView: LiveView | null = null;
  private lastPlayback = '';
  private clockText!: Phaser.GameObjects.Text;
  private stateText!: Phaser.GameObjects.Text;
  private focusText!: Phaser.GameObjects.Text;
  private keyHelp!: KeyHelp;
  private timeline!: Phaser.GameObjects.Graphics;
  private tiles!: Tiles;
  private boxes: CenterBox[] = [];

  constructor(private readonly driver: LiveRunDriver) {
    super(SceneKey.LiveRun);
  }

  /** True once the first frame of the run has been drawn (the test hook's `ready`). */
  get hasDrawn(): boolean {
    return this.drawn && this.sys.isActive();
  }

  create(): void {
    this.drawn = false;
    this.lastView = null;
    this.lastPlayback = '';
    const view = this.driver.view;
    const s = view.summary;

    this.add.image(MARGIN, 18, ASSET.phoenixMark).setOrigin(0).setDisplaySize(48, 48);
    this.add.text(MARGIN + 60, 14, 'Phoenix Flow', TEXT.title);
    this.add.text(MARGIN + 60, 50, `${s.title} · seed ${s.seed}`, TEXT.subtitle);
    this.clockText = this.add.text(WIDTH - MARGIN, 14, '', TEXT.clock).setOrigin(1, 0);
    this.stateText = this.add.text(WIDTH - MARGIN, 50, '', TEXT.subtitle).setOrigin(1, 0);
    this.timeline = this.add.graphics();

    const tileW = Math.floor((WIDTH - 2 * MARGIN - 5 * 16) / 6);
    const tile = (i: number, label: string) => new MetricTile(this, MARGIN + i * (tileW + 16), TILES_Y, tileW, TILE_HEIGHT, label);
    const focusName = s.focus?.name ?? 'Staff';
    this.tiles = {
      wip: tile(0, 'Work in progress'),
      throughput: tile(1, `Throughput / ${s.timeUnit}`),
      leadMean: tile(2, 'Lead time, mean'),
      leadP85: tile(3, 'Lead time, 85th pct'),
      done: tile(4, 'Items done'),
      focus: tile(5, `${focusName} busy`),
    };

    this.add.text(MARGIN, FLOW_LABEL_Y, 'Work centers, in the order features flow', TEXT.label);
    this.drawLegend();

    const n = view.snapshot.centers.length;
    const boxW = Math.floor((WIDTH - 2 * MARGIN - (n - 1) * BOX_GAP) / n);
    const startX = Math.round((WIDTH - (n * boxW + (n - 1) * BOX_GAP)) / 2);
    const arrows = this.add.graphics();
    this.boxes = view.snapshot.centers.map((c, i) => {
      const x = startX + i * (boxW + BOX_GAP);
      if (i > 0) this.drawArrow(arrows, x - BOX_GAP + 8, x - 8, BOXES_Y + BOX_HEIGHT / 2);
      return new CenterBox(this, { x, y: BOXES_Y, width: boxW, height: BOX_HEIGHT }, c.name);
    });

    const g = this.add.graphics();
    g.fillStyle(COLOR.panel, 1).fillRoundedRect(MARGIN, FOCUS_Y, WIDTH - 2 * MARGIN, 48, 8);
    this.focusText = this.add.text(MARGIN + 16, FOCUS_Y + 24, '', TEXT.body).setOrigin(0, 0.5);
    this.drawCardLegend();
    this.keyHelp = new KeyHelp(this, WIDTH / 2, HELP_Y, [
      { id: 'pause', key: 'Space', label: 'pause / resume' },
      ...SPEEDS.map((v, i) => ({ id: `speed-${v}`, key: String(i + 1), label: `${v}×` })),
      { id: 'restart', key: 'R', label: 'restart (same seed)' },
    ]);

    this.bindKeys();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.input.keyboard?.removeAllListeners());
    this.draw();
  }

  override update(_time: number, delta: number): void {
    this.driver.tick(delta);
    this.draw();
  }

  private bindKeys(): void {
    const kb = this.input.keyboard;
    if (!kb) return;
    kb.addCapture('SPACE');
    kb.on('keydown-SPACE', () => this.driver.togglePause());
    for (const [key, speed] of SPEED_KEYS) kb.on(`keydown-${key}`, () => this.driver.setSpeed(speed));
    kb.on('keydown-R', () => this.driver.restart());
  }

  /** Redraws only what changed: the view (new sim time) or the playback line. */
  private draw(): void {
    const view = this.driver.view;
    const p = this.driver.playback;
    const playbackKey = `${p.paused}|${p.speed}|${p.finished}`;
    if (view !== this.lastView) {
      this.drawView(view);
      this.lastView = view;
    }
    if (playbackKey !== this.lastPlayback) {
      this.drawPlayback(p.paused, p.speed, p.finished);
      this.lastPlayback = playbackKey;
    }
    this.drawn = true;
  }

  private drawView(view: LiveView): void {
    const { snapshot, summary: s } = view;
    const unit = s.timeUnit;
    this.clockText.setText(clock(s.time, s.horizon, unit));
    this.drawTimeline(s.time, s.horizon, s.warmup);

    const warm = s.throughput !== null;
    const afterWarmup = `after ${unit} ${s.warmup}`;
    const t = this.tiles;
    t.wip.set(String(s.wip), s.backlog > 0 ? `${s.backlog} in backlog` : 'items in the system');
    t.throughput.set(fixed(s.throughput, 2), warm ? `since ${unit} ${s.warmup}` : afterWarmup);
    t.leadMean.set(duration(s.leadTimeMean, unit), s.leadTimeCount > 0 ? count(s.leadTimeCount, 'item') : afterWarmup);
    t.leadP85.set(duration(s.leadTimeP85, unit), s.leadTimeCount > 0 ? '85% finish within' : afterWarmup);
    t.done.set(String(s.done), `of ${s.created} arrived`);
    const fu = s.focus?.utilisation ?? null;
    t.focus.set(percent(fu), warm ? `since ${unit} ${s.warmup}` : afterWarmup, fu !== null && fu >= 0.9 ? 'hot' : 'normal');

    const kindById = new Map<number, string>();
    for (const it of snapshot.items) kindById.set(it.id, it.kind);
    const kindOf = (id: number) => kindById.get(id) ?? 'custom';
    const people = new Map(snapshot.people.map((p) => [p.id, p]));
    const focus = s.focus;
    snapshot.centers.forEach((c, i) => {
      const staff = c.people.map((id) => people.get(id)).filter((p) => p !== undefined);
      const here = focus !== null && focus.busy && people.get(focus.id)?.center === c.id ? focus.name : null;
      this.boxes[i]?.update(c, s.centers[i]!, {
        kindOf,
        staffText: CenterBox.staffText(staff, c.releaseEvery, unit),
        focusName: here,
        busyPending: `Busy: from ${unit} ${s.warmup}`,
      });
    });

    if (focus === null) this.focusText.setText(`${count(s.created, 'item')} arrived · ${s.done} done`);
    else {
      const person = people.get(focus.id);
      const itemId = person?.items[0];
      const item = itemId === undefined ? undefined : snapshot.items.find((it) => it.id === itemId);
      const typeName = item ? this.driver.workTypes.find((w) => w.id === item.type)?.name : undefined;
      this.focusText.setText(
        focus.workingAt === null
          ? `${focus.name} is free right now.`
          : `${focus.name} is working in ${focus.workingAt}${typeName ? ` on ${aOrAn(typeName)} ${typeName.toLowerCase()}` : ''}. Anything else that needs ${focus.name} waits.`,
      );
    }
  }

  private drawPlayback(paused: boolean, speed: Speed, finished: boolean): void {
    if (finished) this.stateText.setText('Run complete · R to run again').setColor(CSS.accentSoft);
    else if (paused) this.stateText.setText('Paused · Space to resume').setColor(CSS.accentSoft);
    else this.stateText.setText(`Running at ${speed}×`).setColor(CSS.muted);
    for (const v of SPEEDS) this.keyHelp.setActive(`speed-${v}`, v === speed);
    this.keyHelp.setActive('pause', paused);
  }

  private drawTimeline(time: number, horizon: number, warmup: number): void {
    const x = MARGIN, w = WIDTH - 2 * MARGIN, h = 8;
    const g = this.timeline.clear();
    g.fillStyle(COLOR.track, 1).fillRect(x, TIMELINE_Y, w, h);
    const wx = Math.round((w * Math.min(warmup, horizon)) / horizon);
    g.fillStyle(COLOR.panelStroke, 1).fillRect(x, TIMELINE_Y, wx, h);
    const fx = Math.round((w * Math.min(time, horizon)) / horizon);
    g.fillStyle(COLOR.accent, 1).fillRect(x, TIMELINE_Y, fx, h);
  }

  private drawArrow(g: Phaser.GameObjects.Graphics, x0: number, x1: number, y: number): void {
    g.lineStyle(3, COLOR.muted, 1).lineBetween(x0, y, x1 - 8, y);
    g.fillStyle(COLOR.muted, 1).fillTriangle(x1, y, x1 - 10, y - 7, x1 - 10, y + 7);
  }

  private drawCardLegend(): void {
    const g = this.add.graphics();
    const entries: [CardStyle, string][] = [['service', 'being worked on'], ['queue', 'waiting in the queue'], ['waiting', 'held for a batch or blocked']];
    let x = MARGIN;
    for (const [style, label] of entries) {
      drawCard(g, x, CARD_LEGEND_Y + 1, COLOR.muted, style, 16);
      const t = this.add.text(x + 24, CARD_LEGEND_Y, label, TEXT.label);
      x += 24 + t.width + 32;
    }
  }

  private drawLegend(): void {
    const types = this.driver.workTypes;
    const g = this.add.graphics();
    let x = WIDTH - MARGIN;
    // Right to left so the legend ends at the margin.
    const entries = [...types].reverse();
    for (const t of entries) {
      const label = this.add.text(x, FLOW_LABEL_Y, t.name, TEXT.label).setOrigin(1, 0);
      x -= label.width + 8;
      g.fillStyle(workKindColor(t.kind), 1).fillRect(x - 14, FLOW_LABEL_Y + 3, 14, 14);
      x -= 14 + 24;
    }
  }
}

function aOrAn(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
