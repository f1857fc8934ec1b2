/**
 * What if…: before a round, the player compares two ways to play on (A and B: the settings in
 * force, their plan, or one of the lesson's strategies) over seeds 1..500 in a Web Worker, with a
 * progress bar and Cancel. Both replay the rounds already played as the player played them. The
 * results: the spread of mean lead time and throughput for each (histograms, p50/p85/p95) and,
 * seed by seed, how often B did better. The scene only draws the job's numbers; nothing here
 * touches the player's game, so Back returns to Round planning with the plan intact.
 */
import * as Phaser from 'phaser';
import type { GameContext } from '../game/GameContext';
import type { GameSession } from '../game/GameSession';
import { plural } from '../game/Format';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, CSS, TEXT } from '../game/Theme';
import { zoomToDesign } from '../game/GameConfig';
import {
  buildPolicy,
  choiceLabel,
  compareLine,
  excludedLine,
  policyChoices,
  sessionSituation,
  WHATIF_FIRST_SEED,
  WHATIF_METRICS,
  WHATIF_SEEDS,
  type PolicyChoice,
  type WhatIfScope,
  type WhatIfSituation,
} from '../game/whatif';
import { WhatIfJob, type WhatIfStatus, type WhatIfView } from '../game/whatif/WhatIfJob';
import { Button } from '../ui/Button';
import { CONTENT_TOP, drawFooter, drawHeader, MARGIN } from '../ui/Chrome';
import { DistributionChart } from '../ui/charts/DistributionChart';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay } from '../ui/HelpOverlay';
import { hasCommandModifier, KeyRouter } from '../ui/KeyRouter';
import { Stepper } from '../ui/Stepper';

const LEFT_W = 400;
const RIGHT_X = MARGIN + LEFT_W + 32;
const RIGHT_W = 1280 - MARGIN - RIGHT_X;
const CHART_H = 290;
const BAR_H = 18;

const SCOPES: readonly WhatIfScope[] = ['round', 'rest'];

export class WhatIf extends Phaser.Scene {
  private session!: GameSession;
  private situation!: WhatIfSituation;
  private choices: PolicyChoice[] = [];
  private pick = { a: 0, b: 1 };
  private scope: WhatIfScope = 'round';
  private job: WhatIfJob | null = null;
  private steppers!: { a: Stepper; b: Stepper; scope: Stepper };
  private about!: { a: Phaser.GameObjects.Text; b: Phaser.GameObjects.Text };
  private runButton!: Button;
  private bar!: Phaser.GameObjects.Graphics;
  private progressText!: Phaser.GameObjects.Text;
  private statusText!: Phaser.GameObjects.Text;
  private results!: Phaser.GameObjects.Container;
  private charts: DistributionChart[] = [];
  /** Labels of the policies of the run on screen (the steppers may have moved since). */
  private ranWith = { a: '', b: '' };
  private drawn = false;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.WhatIf);
  }

  get hasDrawn(): boolean {
    return this.drawn && this.sys.isActive();
  }

  /** For the test hook: the run's state, progress and summary (idle before any run), and what is measured. */
  status(): WhatIfView {
    return { ...this.jobStatus(), scope: this.scope };
  }

  private jobStatus(): WhatIfStatus {
    return this.job?.status() ?? { state: 'idle', done: 0, total: WHATIF_SEEDS, summary: null, error: null };
  }

  create(): void {
    zoomToDesign(this);
    this.drawn = false;
    this.charts = [];
    const session = this.ctx.session;
    if (session === null || session.phase !== 'planning') {
      this.scene.start(session === null ? SceneKey.ScenarioSelect : SceneKey.RoundPlanning);
      return;
    }
    this.session = session;
    this.situation = sessionSituation(session);
    this.choices = policyChoices(this.situation);
    this.pick = { a: 0, b: 1 };
    this.scope = 'round';
    this.job = new WhatIfJob(() => this.refresh());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.job?.dispose();
      this.job = null;
    });

    drawHeader(this, {
      eyebrow: `${session.scenario.title} · ${session.roundLabel()} · what if`,
      title: 'What if… two ways to play on',
      right: `Seeds ${WHATIF_FIRST_SEED}–${WHATIF_FIRST_SEED + WHATIF_SEEDS - 1}`,
    });

    const focus = new FocusList(this, { onEscape: () => this.escape() });
    let y = CONTENT_TOP;
    this.add.text(MARGIN, y, 'COMPARE', TEXT.sectionLabel);
    y += 26;
    const policyStepper = (side: 'a' | 'b', top: number) =>
      focus.add(
        new Stepper(this, MARGIN, top, {
          label: side.toUpperCase(),
          value: '',
          width: LEFT_W,
          height: 52,
          valueWidth: LEFT_W - 80,
          onChange: (d) => this.choose(side, d),
        }),
      );
    const a = policyStepper('a', y);
    const aboutA = this.add.text(MARGIN + 4, y + 58, '', { ...TEXT.small, wordWrap: { width: LEFT_W - 8 } });
    y += 112;
    const b = policyStepper('b', y);
    const aboutB = this.add.text(MARGIN + 4, y + 58, '', { ...TEXT.small, wordWrap: { width: LEFT_W - 8 } });
    y += 112;
    const scope = focus.add(
      new Stepper(this, MARGIN, y, {
        label: 'Measure',
        value: '',
        width: LEFT_W,
        height: 52,
        valueWidth: 240,
        onChange: (d) => this.setScope(d),
      }),
    );
    this.steppers = { a, b, scope };
    this.about = { a: aboutA, b: aboutB };
    y += 70;
    this.runButton = focus.add(new Button(this, MARGIN, y, { label: 'Run 500 seeds', primary: true, keycap: 'R', width: LEFT_W, align: 'left', onActivate: () => this.runOrCancel() }));
    y += 66;
    this.bar = this.add.graphics();
    this.bar.setPosition(MARGIN, y);
    this.progressText = this.add.text(MARGIN, y + BAR_H + 6, '', { ...TEXT.small, color: CSS.text });
    this.statusText = this.add.text(MARGIN, y + BAR_H + 30, '', { ...TEXT.small, wordWrap: { width: LEFT_W } });
    const back = focus.add(new Button(this, MARGIN, 590, { label: 'Back to planning', keycap: 'Esc', width: LEFT_W, align: 'left', onActivate: () => this.back() }));
    void back;
    focus.focus(this.runButton);

    this.results = this.add.container(0, 0);

    drawFooter(this, [
      ['↑ ↓', 'move'],
      ['← →', 'change'],
      ['R', 'run'],
      ['Esc', 'cancel / back'],
      ['H', 'help'],
    ]);
    new HelpOverlay(this, {
      title: 'What if…',
      keys: [
        ['↑ ↓ / Tab', 'move between the choices and buttons'],
        ['← →', 'change policy A or B, or what is measured'],
        ['R', 'run the seeds (again)'],
        ['Enter', 'press the button in focus'],
        ['Esc', 'cancel a run; else back to planning'],
      ],
      note: 'Both policies replay your rounds so far, then play on their own way on each seed: the same work for both.',
    });
    KeyRouter.of(this).add((e) => {
      if (hasCommandModifier(e)) return false;
      if (e.key === 'r' || e.key === 'R') {
        this.runOrCancel(true);
        return true;
      }
      return false;
    });
    this.refresh();
    this.drawn = true;
  }

  private choose(side: 'a' | 'b', delta: -1 | 1): void {
    if (this.job?.state === 'running') return;
    const n = this.choices.length;
    this.pick[side] = Math.max(0, Math.min(n - 1, this.pick[side] + delta));
    this.refresh();
  }

  private setScope(delta: -1 | 1): void {
    const i = Math.max(0, Math.min(SCOPES.length - 1, SCOPES.indexOf(this.scope) + delta));
    this.scope = SCOPES[i]!;
    this.refresh();
    this.drawResults();
  }

  private describe(choice: PolicyChoice): string {
    if (choice.kind === 'keep') return 'The levers as they are now, for this round and every round after.';
    if (choice.kind === 'plan') return 'The levers as you set them on the planning screen.';
    const s = this.situation.strategies.find((x) => x.id === choice.id);
    return `From this round on, as the lesson's way “${s?.label ?? choice.id}” plays it.`;
  }

  private runOrCancel(runOnly = false): void {
    const job = this.job;
    if (job === null) return;
    if (job.state === 'running') {
      if (!runOnly) job.cancel();
      return;
    }
    const choiceA = this.choices[this.pick.a]!, choiceB = this.choices[this.pick.b]!;
    this.ranWith = { a: choiceLabel(this.situation, choiceA), b: choiceLabel(this.situation, choiceB) };
    this.clearResults();
    job.start({
      // A plain copy: the worker gets data, never the live session.
      scenario: structuredClone(this.session.scenario),
      a: buildPolicy(this.situation, choiceA),
      b: buildPolicy(this.situation, choiceB),
      fromRound: this.situation.fromRound,
      live: this.situation.live,
      firstSeed: WHATIF_FIRST_SEED,
      count: WHATIF_SEEDS,
    });
  }

  private escape(): void {
    if (this.job?.state === 'running') this.job.cancel();
    else this.back();
  }

  private back(): void {
    this.scene.start(SceneKey.RoundPlanning);
  }

  /** Brings every widget and line in step with the choices and the job. */
  private refresh(): void {
    if (!this.sys.isActive() && this.drawn) return;
    const st = this.jobStatus();
    const running = st.state === 'running';
    const n = this.choices.length;
    for (const side of ['a', 'b'] as const) {
      const choice = this.choices[this.pick[side]]!;
      const s = this.steppers[side];
      s.setValue(choiceLabel(this.situation, choice)).setLimits(this.pick[side] > 0, this.pick[side] < n - 1);
      s.setEnabled(!running);
      this.about[side].setText(this.describe(choice));
    }
    this.steppers.scope.setValue(this.scope === 'round' ? 'Coming round' : 'Rest of game').setLimits(this.scope !== 'round', this.scope !== 'rest');
    this.runButton.setLabel(running ? 'Cancel' : st.state === 'idle' ? `Run ${WHATIF_SEEDS} seeds` : 'Run again');

    const g = this.bar.clear();
    g.fillStyle(COLOR.track, 1).fillRoundedRect(0, 0, LEFT_W, BAR_H, 6);
    const share = st.total > 0 ? st.done / st.total : 0;
    if (share > 0) g.fillStyle(st.state === 'cancelled' || st.state === 'failed' ? COLOR.muted : COLOR.good, 1).fillRoundedRect(0, 0, Math.max(12, LEFT_W * share), BAR_H, 6);
    g.lineStyle(1, COLOR.panelStroke, 1).strokeRoundedRect(0.5, 0.5, LEFT_W - 1, BAR_H - 1, 6);
    this.progressText.setText(st.state === 'idle' ? `0 of ${st.total} seeds` : `${st.done} of ${st.total} seeds`);
    const changed = st.state === 'done' && (choiceLabel(this.situation, this.choices[this.pick.a]!) !== this.ranWith.a || choiceLabel(this.situation, this.choices[this.pick.b]!) !== this.ranWith.b);
    const status =
      st.state === 'idle' ? 'R plays every seed with both policies.'
      : st.state === 'running' ? 'Playing in the background… Esc cancels.'
      : st.state === 'cancelled' ? `Cancelled after ${st.done} seeds. R runs again.`
      : st.state === 'failed' ? (st.error ?? 'The run failed.')
      : changed ? 'A or B changed: R runs the new pair.'
      : 'Done: every seed played both ways.';
    this.statusText.setText(status).setColor(st.state === 'failed' ? CSS.warning : CSS.muted);
    if (st.state === 'done' && this.charts.length === 0) this.drawResults();
    if (st.state !== 'done' && this.results.length === 0) this.drawIntro();
  }

  private clearResults(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
    this.results.removeAll(true);
  }

  /** Before a run: what it does, in a few lines. */
  private drawIntro(): void {
    const unit = this.session.timeUnit;
    const lines = [
      `Each of seeds ${WHATIF_FIRST_SEED} to ${WHATIF_FIRST_SEED + WHATIF_SEEDS - 1} is a different stream of work. On each seed both policies replay your rounds so far exactly as you played them, then play on their own way, with the same work: only the decisions differ.`,
      `You will see how mean lead time and throughput spread over the seeds for the ${this.scope === 'round' ? 'coming round' : 'rest of the game'}: the median (p50), what you could promise (p85) and a bad case (p95), in ${plural(unit, 2)}.`,
      'One seed is a story; five hundred are a forecast.',
    ];
    const t = this.add.text(RIGHT_X, CONTENT_TOP + 8, lines.join('\n\n'), { ...TEXT.body, color: CSS.muted, wordWrap: { width: RIGHT_W }, lineSpacing: 6 });
    this.results.add(t);
  }

  private drawResults(): void {
    const job = this.job;
    const st = this.jobStatus();
    const outcomes = job?.outcomes ?? null;
    if (st.state !== 'done' || st.summary === null || outcomes === null) return;
    this.clearResults();
    const unit = this.session.timeUnit;
    const scope = st.summary[this.scope];
    const where = this.scope === 'round' ? 'coming round' : 'rest of the game';
    const chartW = Math.floor((RIGHT_W - 16) / 2);
    const pick = (side: 'a' | 'b', m: 'leadTime' | 'throughput') => outcomes[side].map((o) => o[this.scope][m]);
    this.charts.push(
      new DistributionChart(this, this.results, { x: RIGHT_X, y: CONTENT_TOP, width: chartW, height: CHART_H }, { a: pick('a', 'leadTime'), b: pick('b', 'leadTime'), spreadA: scope.leadTime.a, spreadB: scope.leadTime.b }, { title: `Lead time, ${where}`, axis: `Mean lead time (${plural(unit, 2)})` }),
      new DistributionChart(this, this.results, { x: RIGHT_X + chartW + 16, y: CONTENT_TOP, width: chartW, height: CHART_H }, { a: pick('a', 'throughput'), b: pick('b', 'throughput'), spreadA: scope.throughput.a, spreadB: scope.throughput.b }, { title: `Throughput, ${where}`, axis: `Items per ${unit}` }),
    );

    // The table: one row per policy, p50/p85/p95 of each metric.
    let y = CONTENT_TOP + CHART_H + 14;
    const cols = [RIGHT_X, RIGHT_X + 300, RIGHT_X + 370, RIGHT_X + 440, RIGHT_X + 540, RIGHT_X + 610, RIGHT_X + 680];
    const cell = (x: number, s: string, style: Phaser.Types.GameObjects.Text.TextStyle, originX = 0) => {
      const t = this.add.text(x, y, s, style).setOrigin(originX, 0);
      this.results.add(t);
      return t;
    };
    const head = { ...TEXT.small };
    cell(cols[0]!, 'Policy', head);
    cell(cols[1]! + 60, `Lead time (${plural(unit, 2)})`, head, 0.5);
    cell(cols[4]! + 60, `Throughput (per ${unit})`, head, 0.5);
    y += 22;
    ['p50', 'p85', 'p95', 'p50', 'p85', 'p95'].forEach((p, i) => cell(cols[i + 1]! + 50, p, head, 1));
    y += 24;
    const g = this.add.graphics();
    this.results.add(g);
    g.fillStyle(COLOR.panelStroke, 1).fillRect(RIGHT_X, y - 3, RIGHT_W, 1);
    for (const side of ['a', 'b'] as const) {
      const lt = scope.leadTime[side], tp = scope.throughput[side];
      const name = `${side.toUpperCase()} · ${this.ranWith[side]}`;
      const t = cell(cols[0]!, '', { ...TEXT.body, fontStyle: 'bold' });
      t.setText(name);
      if (t.width > 290) t.setText(`${name.slice(0, 26).trimEnd()}…`);
      [lt.p50, lt.p85, lt.p95].forEach((v, i) => cell(cols[i + 1]! + 50, Number.isFinite(v) ? v.toFixed(1) : '—', TEXT.body, 1));
      [tp.p50, tp.p85, tp.p95].forEach((v, i) => cell(cols[i + 4]! + 50, Number.isFinite(v) ? v.toFixed(2) : '—', TEXT.body, 1));
      y += 28;
    }

    y += 10;
    const words = WHATIF_METRICS.map((m) => compareLine(m, scope[m], this.ranWith.a, this.ranWith.b, unit));
    const excluded = excludedLine(scope.leadTime, unit);
    if (excluded !== null) words.push(excluded);
    this.results.add(this.add.text(RIGHT_X, y, words.join('\n'), { ...TEXT.body, color: CSS.accentSoft, wordWrap: { width: RIGHT_W }, lineSpacing: 4 }));
  }
}
