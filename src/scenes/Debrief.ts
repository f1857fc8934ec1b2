/**
 * The debrief after a round: what happened in plain words (computed from the numbers), this
 * round against the earlier ones side by side, and the charts — cumulative flow, lead time of
 * each item with p50/p85, the lead-time histogram, each station on the busy/idle curve, and WIP
 * over the whole game. After the last round it also says whether the goal was met and states the
 * lesson. Everything shown comes from the session's engine run.
 */
import * as Phaser from 'phaser';
import type { GameContext } from '../game/GameContext';
import type { GameSession } from '../game/GameSession';
import { busyIdlePoints, compareRounds, flowSeries, leadTimePoints, sameSeedComparison, takeaway } from '../game/debrief';
import { fixed } from '../game/Format';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, CSS, HEIGHT, TEXT, WIDTH } from '../game/Theme';
import { BusyIdleCurve, CumulativeFlowChart, LeadTimeHistogram, LeadTimeScatter, WipChart, type ChartBox } from '../ui/charts';
import { Button } from '../ui/Button';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay } from '../ui/HelpOverlay';
import { hasCommandModifier, KeyRouter } from '../ui/KeyRouter';
import { zoomToDesign } from '../game/GameConfig';
import { SameSeedTable } from '../ui/SameSeedTable';
import { DebriefExport } from '../ui/DebriefExport';
import { sessionResultsCode } from '../game/facilitator/SessionResults';
import { debriefNote } from '../game/facilitator/PresenterNotesText';
import { COPY_KEY, ResultsCodeStrip } from '../ui/ResultsCodeStrip';
import { NOTES_KEY, PresenterNotes } from '../ui/PresenterNotes';

const MARGIN = 24;
const LEFT_W = 520;
const TOP = 84;

type ChartId = 'flow' | 'scatter' | 'histogram' | 'busy' | 'wip' | 'seed';
const CHARTS: readonly { id: ChartId; label: string }[] = [
  { id: 'flow', label: 'Flow' },
  { id: 'scatter', label: 'Lead time' },
  { id: 'histogram', label: 'Histogram' },
  { id: 'busy', label: 'Busy/idle' },
  { id: 'wip', label: 'WIP' },
  { id: 'seed', label: 'Compare' },
];

interface Drawable {
  destroy(): void;
}

export class Debrief extends Phaser.Scene {
  private session!: GameSession;
  private chartIndex = 0;
  private chart: Drawable | null = null;
  private chartLayer!: Phaser.GameObjects.Container;
  private tabs: Button[] = [];
  private tabMark: Phaser.GameObjects.Graphics | null = null;
  private drawn = false;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.Debrief);
  }

  get hasDrawn(): boolean {
    return this.drawn && this.sys.isActive();
  }

  /** The chart on show (for tests). */
  get chartShown(): ChartId {
    return CHARTS[this.chartIndex]!.id;
  }

  create(): void {
    zoomToDesign(this);
    const session = this.ctx.session;
    if (session === null || session.roundResults.length === 0) {
      this.scene.start(SceneKey.ScenarioSelect);
      return;
    }
    this.session = session;
    this.drawn = false;
    this.chart = null;
    this.tabs = [];
    this.tabMark = null;
    const results = session.roundResults;
    const current = results[results.length - 1]!;
    const previous = results.length > 1 ? results[results.length - 2]! : null;
    const finished = session.phase === 'finished';
    const unit = session.timeUnit;
    // The campaign remembers a finished lesson (never a sandbox game) before anything is drawn.
    const wasOpen = new Set(this.ctx.catalog().filter((e) => !e.locked).map((e) => e.id));
    if (finished) this.ctx.recordFinishedGame();
    const opened = finished && !session.sandbox ? this.ctx.catalog().find((e) => !e.locked && !wasOpen.has(e.id)) : undefined;

    const header = this.add.graphics();
    header.fillStyle(COLOR.panel, 1).fillRect(0, 0, WIDTH, 68);
    header.lineStyle(1, COLOR.panelStroke, 1).lineBetween(0, 68, WIDTH, 68);
    const subtitle = this.add.text(MARGIN, 8, `${session.scenario.title} · debrief of round ${current.index + 1} of ${session.rounds.length}`, TEXT.subtitle);
    const heading = this.add.text(MARGIN, 32, current.title, { ...TEXT.title, fontSize: '24px' });
    const scoreText = this.add.text(WIDTH - MARGIN, 10, `Score ${fixed(current.score, 0)}`, TEXT.clock).setOrigin(1, 0);
    this.add.text(WIDTH - MARGIN, 44, `game total ${fixed(session.score, 0)}`, TEXT.small).setOrigin(1, 0);

    // What happened, in plain words.
    let y = TOP;
    const words = takeaway(current, previous, unit);
    const goal = session.goalResult();
    const lines = [...words];
    if (finished && goal !== null) lines.push(`${goal.met ? 'Goal met' : 'Goal missed'}: ${goal.text} (${fixed(goal.value, goal.value !== null && Math.abs(goal.value) >= 100 ? 0 : 2)}).`);
    if (opened !== undefined) lines.push(`Lesson ${opened.order} is now open: ${opened.title}.`);
    const said = this.add.text(MARGIN, y, lines.join('\n'), { ...TEXT.body, lineSpacing: 6, wordWrap: { width: LEFT_W } });
    y += said.height + 14;
    const lesson = session.scenario.game?.takeaway;
    if (finished && lesson !== undefined) {
      const l = this.add.text(MARGIN, y, lesson, { ...TEXT.body, color: CSS.accentSoft, wordWrap: { width: LEFT_W } });
      y += l.height + 14;
    }

    // This round against the earlier ones.
    const table = compareRounds(results, unit, session.scenario.game?.evidence ?? []);
    y = this.drawTable(table, MARGIN, y, LEFT_W, results.length);

    // Charts, one at a time, with tabs.
    const cx = MARGIN + LEFT_W + 24;
    const cw = WIDTH - cx - MARGIN;
    const focus = new FocusList(this, { onEscape: () => this.scene.start(SceneKey.ScenarioSelect) });
    const tabW = Math.floor((cw - (CHARTS.length - 1) * 6) / CHARTS.length);
    CHARTS.forEach((c, i) => {
      const b = new Button(this, cx + i * (tabW + 6), TOP, { label: c.label, width: tabW, height: 40, small: true, onActivate: () => this.showChart(i) });
      this.tabs.push(b);
    });
    this.chartLayer = this.add.container(0, 0);
    const frame = this.add.graphics();
    const panel = this.chartPanel();
    frame.fillStyle(COLOR.panel, 1).fillRoundedRect(panel.x, panel.y, panel.width, panel.height, 10);
    frame.setDepth(-1);

    const nextLabel = finished ? 'Back to the scenarios' : `Plan round ${current.index + 2}`;
    const next = new Button(this, MARGIN, HEIGHT - 76, {
      label: nextLabel,
      primary: true,
      keycap: 'Enter',
      width: 340,
      align: 'left',
      onActivate: () => this.next(),
    });
    focus.add(next);
    for (const t of this.tabs) focus.add(t);
    // Export (E): the run's items CSV, metrics JSON and the charts as PNGs.
    const exportW = 200;
    const exporter = new DebriefExport(this, {
      session,
      charts: CHARTS,
      chartIndex: () => this.chartIndex,
      showChart: (i) => this.showChart(i),
      hasContent: (i) => CHARTS[i]?.id !== 'seed' || sameSeedComparison(session) !== null,
      panel,
      button: { x: WIDTH - MARGIN - exportW, y: HEIGHT - 76, width: exportW },
      status: { x: MARGIN + 360, y: HEIGHT - 24, width: WIDTH - MARGIN - exportW - 16 - (MARGIN + 360) },
    });
    focus.add(exporter.button);
    focus.focus(next);
    // After the last round the team's results code, for the facilitator's leaderboard.
    const code = finished ? sessionResultsCode(session) : null;
    if (code !== null) {
      // In the header, between the round's title and the score: the one place always free.
      const left = Math.ceil(Math.max(subtitle.x + subtitle.width, heading.x + heading.width)) + 32;
      new ResultsCodeStrip(this, left, 4, Math.floor(scoreText.x - scoreText.width) - 24 - left, code);
    }
    this.add.text(MARGIN + 360, HEIGHT - 64, '← → switch chart · E export · P replay · Esc scenarios · H help', { ...TEXT.small }).setOrigin(0, 0.5);

    new HelpOverlay(this, {
      title: 'Debrief',
      keys: [
        ['Enter', finished ? 'back to the scenarios' : 'plan the next round'],
        ['← → or 1 – 6', 'switch chart (6: the same seed played other ways)'],
        ['Tab', 'move between buttons'],
        ['E', 'export the items (CSV), the metrics (JSON) or the charts (PNG)'],
        ['I M C A', 'in the Export menu: items, metrics, this chart, all charts'],
        ['P', 'replay the game so far: seek, step, each card\'s journey, share'],
        ...(code !== null ? [COPY_KEY] : []),
        NOTES_KEY,
        ['Esc', 'back to the scenarios'],
      ],
    });
    new PresenterNotes(this, debriefNote(session.scenario.title, session.scenario.game, current.index, finished));
    KeyRouter.of(this).add((e) => {
      if (hasCommandModifier(e)) return false;
      const n = ['1', '2', '3', '4', '5', '6'].indexOf(e.key);
      if (n >= 0) this.showChart(n);
      else if (e.key === 'ArrowRight') this.showChart((this.chartIndex + 1) % CHARTS.length);
      else if (e.key === 'ArrowLeft') this.showChart((this.chartIndex + CHARTS.length - 1) % CHARTS.length);
      else if (e.key === 'p' || e.key === 'P') this.watchReplay();
      else return false;
      return true;
    }, 150);
    // After the last round the lesson's climax comes first: the same seed played other ways.
    this.showChart(finished && (session.scenario.game?.strategies?.length ?? 0) > 0 ? CHARTS.length - 1 : 0);
    this.drawn = true;
  }

  /** The game so far on the Replay scene; Back returns here. */
  private watchReplay(): void {
    const r = this.ctx.replays.openSession(this.session);
    if (!r.ok) return;
    this.ctx.replays.source = 'Debrief';
    this.scene.start(SceneKey.Replay);
  }

  /** An accent bar under the tab whose chart is on show. */
  private drawTabMark(i: number): void {
    const tab = this.tabs[i];
    if (tab === undefined) return;
    const g = (this.tabMark ??= this.add.graphics().setDepth(1)).clear();
    g.fillStyle(COLOR.accent, 1).fillRoundedRect(tab.x + 10, tab.y + 40, tab.width - 20, 5, 2);
  }

  /** The panel the charts are drawn on, in design pixels (what a chart's PNG shows). */
  private chartPanel(): { x: number; y: number; width: number; height: number } {
    const cx = MARGIN + LEFT_W + 24;
    return { x: cx, y: TOP + 50, width: WIDTH - cx - MARGIN, height: HEIGHT - TOP - 50 - 92 };
  }

  private chartBox(): ChartBox {
    const cx = MARGIN + LEFT_W + 24;
    const cw = WIDTH - cx - MARGIN;
    return { x: cx + 12, y: TOP + 58, width: cw - 28, height: HEIGHT - TOP - 50 - 92 - 16 };
  }

  private showChart(i: number): void {
    this.chartIndex = i;
    this.chart?.destroy();
    this.chartLayer.removeAll(true);
    this.drawTabMark(i);
    const s = this.session;
    const r = s.roundResults[s.roundResults.length - 1]!;
    const box = this.chartBox();
    const unit = s.timeUnit;
    const sim = s.sim;
    switch (CHARTS[i]!.id) {
      case 'flow': {
        const f = flowSeries(sim, r.start, r.end);
        this.chart = new CumulativeFlowChart(this, this.chartLayer, box, { t: f.t, done: f.done, waiting: f.waiting, centers: f.centers, start: f.start, end: f.end }, { title: 'Cumulative flow this round', timeUnit: unit });
        break;
      }
      case 'scatter':
        this.chart = new LeadTimeScatter(this, this.chartLayer, box, { points: leadTimePoints(sim, r.start, r.end), start: r.start, end: r.end }, { title: 'Lead time of each item, by the day it was done', timeUnit: unit });
        break;
      case 'histogram':
        this.chart = new LeadTimeHistogram(this, this.chartLayer, box, { leadTimes: leadTimePoints(sim, r.start, r.end).map((p) => p.leadTime) }, { title: 'How long items took this round', timeUnit: unit });
        break;
      case 'busy':
        this.chart = new BusyIdleCurve(this, this.chartLayer, box, { points: busyIdlePoints(r) }, { title: 'Waiting time grows with %busy / %idle' });
        break;
      case 'wip': {
        const first = s.roundResults[0]!;
        const f = flowSeries(sim, first.start, r.end);
        this.chart = new WipChart(
          this,
          this.chartLayer,
          box,
          { t: f.t, wip: f.wip, start: first.start, end: r.end, boundaries: s.roundResults.slice(1).map((x) => ({ at: x.start, label: `R${x.index + 1}` })) },
          { title: 'Work in progress, whole game', timeUnit: unit },
        );
        break;
      }
      case 'seed': {
        const data = sameSeedComparison(s);
        if (data === null) {
          const t = this.add.text(box.x + 8, box.y + 8, 'This scenario has no written-down ways to play to compare with.', { ...TEXT.body, color: CSS.muted, wordWrap: { width: box.width - 16 } });
          this.chartLayer.add(t);
          this.chart = null;
        } else {
          new SameSeedTable(this, this.chartLayer, box, data);
          this.chart = null; // its objects live in chartLayer, which the next switch clears
        }
        break;
      }
    }
  }

  private drawTable(table: ReturnType<typeof compareRounds>, x: number, y: number, w: number, rounds: number): number {
    const shown = Math.min(rounds, 4);
    const labelW = 200;
    const colW = Math.floor((w - labelW) / shown);
    const first = rounds - shown;
    const g = this.add.graphics();
    const rowH = 27;
    const height = rowH * (table.rows.length + 1) + 12;
    g.fillStyle(COLOR.panel, 1).fillRoundedRect(x, y, w, height, 10);
    const headStyle = { ...TEXT.label, fontStyle: 'bold', color: CSS.text };
    for (let k = 0; k < shown; k++) this.add.text(x + labelW + k * colW + colW - 12, y + 8, `Round ${first + k + 1}`, headStyle).setOrigin(1, 0);
    table.rows.forEach((row, ri) => {
      const ry = y + 8 + rowH * (ri + 1);
      if (ri % 2 === 0) g.fillStyle(COLOR.panelRaised, 0.6).fillRect(x + 4, ry - 3, w - 8, rowH);
      this.add.text(x + 12, ry, row.label, TEXT.label);
      for (let k = 0; k < shown; k++) {
        const v = row.values[first + k] ?? '';
        const verdict = row.better[first + k] ?? null;
        const mark = verdict === 'better' ? ' ▲' : verdict === 'worse' ? ' ▼' : '';
        const color = verdict === 'better' ? CSS.good : verdict === 'worse' ? CSS.warning : CSS.text;
        this.add.text(x + labelW + k * colW + colW - 12, ry, `${v}${mark}`, { ...TEXT.label, color }).setOrigin(1, 0);
      }
    });
    return y + height + 12;
  }

  private next(): void {
    if (this.session.phase === 'finished') this.scene.start(SceneKey.ScenarioSelect);
    else this.scene.start(SceneKey.RoundPlanning);
  }
}
