/**
 * Compare: two policies on the same seed, side by side, for a trainer's before/after. First a
 * short set-up (policy A and policy B: the scenario as it stands or one of the lesson's
 * strategies); then two floors, A on the left and B on the right, driven by ONE clock: every
 * frame both runs are advanced to the same sim time (CompareRun), rounds start and end together,
 * and a strip shows the numbers of both and B against A. In trainer mode or a sandbox the levers
 * of either side can be changed while it plays. The scene decides only when the runs advance.
 */
import * as Phaser from 'phaser';
import { computeMetrics, takeSnapshot, type Command, type Snapshot } from '../sim';
import type { GameContext } from '../game/GameContext';
import type { Scenario } from '../scenario/ScenarioSchema';
import { findConstraint, type ConstraintVerdict } from '../game/ConstraintFinder';
import { PlayClock, SPEED_STEPS, speedLabel, type PlaySpeed } from '../game/PlayClock';
import { capitalize } from '../game/Format';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, CSS, TEXT, WIDTH } from '../game/Theme';
import { zoomToDesign } from '../game/GameConfig';
import { CompareRun, SIDES, type CompareSide, type PolicyRun } from '../game/compare/CompareRun';
import { comparePolicies, defaultPolicyPair, describeLeverValue, policySummary, type ComparePolicy } from '../game/compare/ComparePolicy';
import { compareNumbers, sideNumbers, type SideNumbers } from '../game/compare/CompareNumbers';
import { FloorView } from '../ui/floor/FloorView';
import { ControlBar } from '../ui/ControlBar';
import { Button } from '../ui/Button';
import { Stepper } from '../ui/Stepper';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay, type HelpKey } from '../ui/HelpOverlay';
import { hasCommandModifier, KeyRouter } from '../ui/KeyRouter';
import { CONTENT_TOP, drawFooter, drawHeader, drawPanel, MARGIN as MENU_MARGIN } from '../ui/Chrome';
import { applyUiPreferences, setFittedText } from '../ui/UiStyle';
import { LeverBar } from '../ui/compare/LeverBar';

/** What ScenarioSelect hands over, and what a restart keeps. */
export interface CompareData {
  readonly scenarioId: string;
  readonly seed: number;
  /** Played as a sandbox (every lever open; a locked lesson may be compared this way). */
  readonly sandbox: boolean;
  /** Indexes into the policy list; absent: the defaults. */
  readonly a?: number;
  readonly b?: number;
  /** False (or absent): the set-up step; true: the two runs. */
  readonly running?: boolean;
}

/** What one side shows, for the test hook: the numbers, the recipe and the levers in force. */
export interface CompareSideInfo extends SideNumbers {
  readonly commands: readonly Command[];
  readonly levers: Readonly<Record<string, number | null>>;
  readonly changes: readonly { at: number; lever: string; value: string }[];
}

export interface CompareInfo {
  readonly scenarioId: string;
  readonly seed: number;
  readonly phase: 'setup' | 'running' | 'over';
  readonly time: number;
  readonly round: number;
  readonly liveLevers: boolean;
  readonly a: CompareSideInfo;
  readonly b: CompareSideInfo;
}

const M = 24;
const SPLIT_GAP = 16;
const HALF_W = (WIDTH - 2 * M - SPLIT_GAP) / 2;
const LABEL_Y = 76;
const FLOOR_Y = 128;
const FLOOR_H = 288;
const CHANGE_Y = FLOOR_Y + FLOOR_H + 6;
const STRIP_Y = 452;
const STRIP_H = 124;
const LEVER_Y = 586;
const CONTROLS_Y = 676;
const CONSTRAINT_EVERY_MS = 400;
const MAX_SLICE_MS = 12;
/** How long a lever change is highlighted under its floor (real ms). */
const CHANGE_FLASH_MS = 2500;

export const COMPARE_KEYS: readonly HelpKey[] = [
  ['Space', 'pause / resume (both sides: one clock)'],
  ['.', 'step one event (paused)'],
  ['1 – 5', 'speed 1×, 2×, 4×, 16×, max'],
  ['R', 'restart both from the start (same seed)'],
  ['← → or A B', 'pick side A or B (levers, trainer mode / sandbox)'],
  ['↑ ↓', 'pick a lever'],
  ['+ / −', 'change that lever now, on that side'],
  ['Enter', 'back to the set-up when the game is over'],
  ['Esc', 'back to the set-up (press twice)'],
];

const SETUP_KEYS: readonly HelpKey[] = [
  ['↑ ↓  Tab', 'move between policy A, policy B and Start'],
  ['← →', 'choose the policy of the highlighted side'],
  ['Enter', 'start the comparison'],
  ['Esc', 'back to the scenario list'],
];

interface SideView {
  readonly run: PolicyRun;
  readonly floor: FloorView;
  readonly change: Phaser.GameObjects.Text;
  snapshot: Snapshot | null;
  lastKey: string;
  constraint: ConstraintVerdict | null;
  flash: number;
}

export class Compare extends Phaser.Scene {
  private setupData!: CompareData;
  private scenario!: Scenario;
  private policies: ComparePolicy[] = [];
  private run: CompareRun | null = null;
  private views: SideView[] = [];
  private clock!: PlayClock;
  private help!: HelpOverlay;
  private controls: ControlBar | null = null;
  private leverBar: LeverBar | null = null;
  private clockText!: Phaser.GameObjects.Text;
  private roundText!: Phaser.GameObjects.Text;
  private stateText!: Phaser.GameObjects.Text;
  private progress!: Phaser.GameObjects.Graphics;
  private banner!: Phaser.GameObjects.Text;
  private stripCells: Phaser.GameObjects.Text[][] = [];
  private stripAge = 0;
  private constraintAge = 0;
  private selectedSide: CompareSide = 'b';
  private selectedLever = 0;
  private leverMessage = '';
  private leverRefused = false;
  private leaveArmed = 0;
  private shownOver = false;
  private drawn = false;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.Compare);
  }

  get hasDrawn(): boolean {
    return this.drawn && this.sys.isActive();
  }

  init(data: CompareData): void {
    this.setupData = data;
  }

  create(): void {
    zoomToDesign(this);
    applyUiPreferences(this.ctx.settings.values);
    this.drawn = false;
    this.run = null;
    this.views = [];
    this.controls = null;
    this.leverBar = null;
    this.stripCells = [];
    this.leaveArmed = 0;
    this.shownOver = false;
    this.leverMessage = '';
    this.leverRefused = false;
    const d = this.setupData as Partial<CompareData> | undefined;
    const scenario = d !== undefined && typeof d.scenarioId === 'string' ? this.ctx.scenario(d.scenarioId) : null;
    if (d === undefined || scenario === null) {
      this.scene.start(SceneKey.ScenarioSelect);
      return;
    }
    this.scenario = scenario;
    this.policies = comparePolicies(this.scenario);
    const [da, db] = defaultPolicyPair(this.policies);
    const pick = (i: number | undefined, fallback: number) => (i !== undefined && Number.isInteger(i) && i >= 0 && i < this.policies.length ? i : fallback);
    this.setupData = { ...this.setupData, a: pick(d.a, da), b: pick(d.b, db) };
    if (this.setupData.running === true) this.createRun();
    else this.createSetup();
    this.drawn = true;
  }

  /** The live numbers of both sides, fresh (read by the test hook); null during set-up. */
  info(): CompareInfo | null {
    const run = this.run;
    if (run === null || !this.sys.isActive()) return null;
    const side = (p: PolicyRun): CompareSideInfo => ({
      ...this.numbersOf(p),
      commands: p.session.commands,
      levers: Object.fromEntries(p.session.levers.map((l) => [l.id, p.session.appliedValue(l.id)])),
      changes: p.changes,
    });
    return {
      scenarioId: run.scenarioId,
      seed: run.seed,
      phase: run.over ? 'over' : 'running',
      time: run.time,
      round: run.lead.roundIndex,
      liveLevers: run.liveLevers,
      a: side(run.a),
      b: side(run.b),
    };
  }

  // ------------------------------------------------------------------ set-up

  private createSetup(): void {
    const d = this.setupData;
    const mode = d.sandbox ? 'sandbox' : this.ctx.progress.trainerMode ? 'trainer mode' : 'lesson';
    drawHeader(this, { eyebrow: `Compare two policies · same seed, same work`, title: this.scenario.title, right: `Seed ${d.seed} · ${mode}` });
    const focus = new FocusList(this, { onEscape: () => this.scene.start(SceneKey.ScenarioSelect) });
    const x = MENU_MARGIN, w = WIDTH - 2 * MENU_MARGIN;
    const g = this.add.graphics();
    const choose = (which: 'a' | 'b', y: number) => {
      const summary = this.add.text(x + 20, y + 64, '', { ...TEXT.small, wordWrap: { width: w - 40 }, lineSpacing: 4 });
      drawPanel(g, x, y + 56, w, 104);
      const show = () => {
        const p = this.policies[which === 'a' ? this.setupData.a! : this.setupData.b!]!;
        stepper.setValue(p.label);
        const lines = [...(p.strategy?.description !== undefined ? [p.strategy.description] : []), ...policySummary(this.scenario, p)];
        summary.setText(lines.join('\n'));
        // Four lines at most in the panel; longer summaries end with an ellipsis.
        const wrapped = summary.getWrappedText(summary.text);
        if (wrapped.length > 4) summary.setText(`${wrapped.slice(0, 4).join('\n').replace(/\s*\S*$/, '')}…`);
      };
      const stepper = focus.add(
        new Stepper(this, x, y, {
          label: which === 'a' ? 'Policy A · left' : 'Policy B · right',
          value: '',
          width: w,
          valueWidth: 700,
          onChange: (delta) => {
            const n = this.policies.length;
            const key = which === 'a' ? 'a' : 'b';
            this.setupData = { ...this.setupData, [key]: (((this.setupData[key] ?? 0) + delta) % n + n) % n };
            show();
          },
          onActivate: () => this.startRun(),
        }),
      );
      show();
    };
    choose('a', CONTENT_TOP);
    choose('b', CONTENT_TOP + 180);
    const y = CONTENT_TOP + 372;
    focus.add(new Button(this, x, y, { label: 'Start the comparison', keycap: 'Enter', width: 420, height: 56, primary: true, onActivate: () => this.startRun() }));
    const live = this.liveLeversAllowed();
    const note = this.add.text(x + 448, y + 28, '', { ...TEXT.small, wordWrap: { width: w - 448 }, lineSpacing: 4 }).setOrigin(0, 0.5);
    note.setText(
      `Both sides get seed ${d.seed}: the same work arrives, only the decisions differ. ` +
        (live ? 'Levers can also be changed while it plays.' : 'Levers change only as the policies say (trainer mode or a sandbox opens them mid-run).'),
    );
    drawFooter(this, [
      ['↑ ↓', 'choose a row'],
      ['← →', 'change policy'],
      ['Enter', 'start'],
      ['Esc', 'back'],
      ['H', 'help'],
    ]);
    this.help = new HelpOverlay(this, { title: 'Comparing two policies: set-up', keys: SETUP_KEYS, note: 'Click the arrows to change a policy, and Start to begin.' });
  }

  private liveLeversAllowed(): boolean {
    return this.setupData.sandbox || this.ctx.progress.trainerMode;
  }

  private startRun(): void {
    this.scene.restart({ ...this.setupData, running: true });
  }

  // ------------------------------------------------------------------ the two runs

  private createRun(): void {
    const d = this.setupData;
    const pair: [ComparePolicy, ComparePolicy] = [this.policies[d.a!]!, this.policies[d.b!]!];
    const run = new CompareRun(d.scenarioId, this.scenario, d.seed, pair, { sandbox: d.sandbox, midRoundLevers: this.liveLeversAllowed() });
    this.run = run;
    this.clock = new PlayClock(run.lead.unitsPerSecond, this.ctx.settings.values.speed);
    this.constraintAge = CONSTRAINT_EVERY_MS;
    this.stripAge = Infinity;

    this.add.text(M, 8, `Compare · ${this.scenario.title} · seed ${d.seed}`, TEXT.subtitle);
    this.roundText = this.add.text(M, 32, '', { ...TEXT.title, fontSize: '22px' });
    this.clockText = this.add.text(WIDTH - M, 6, '', TEXT.clock).setOrigin(1, 0);
    this.stateText = this.add.text(WIDTH - M, 40, '', TEXT.small).setOrigin(1, 0);
    this.progress = this.add.graphics();

    const reducedMotion = this.ctx.settings.values.reducedMotion;
    SIDES.forEach((which, i) => {
      const side = run.side(which);
      const x = M + i * (HALF_W + SPLIT_GAP);
      const letter = which.toUpperCase();
      const label = this.add.text(x, LABEL_Y, '', { ...TEXT.centerName });
      // The floor's counts line takes the right of this row.
      setFittedText(label, `${letter} · ${side.policy.label}`, HALF_W - 270);
      const first = takeSnapshot(side.session.sim);
      const floor = new FloorView(this, { x, y: FLOOR_Y, w: HALF_W, h: FLOOR_H }, first, { compact: true });
      floor.reducedMotion = reducedMotion;
      const change = this.add.text(x, CHANGE_Y, '', TEXT.small);
      this.views.push({ run: side, floor, change, snapshot: first, lastKey: '', constraint: null, flash: 0 });
    });

    this.createStrip();

    if (run.liveLevers && run.levers().length === 0) {
      this.add.text(WIDTH / 2, LEVER_Y + 20, 'This scenario has no levers: each side plays it as written.', TEXT.small).setOrigin(0.5, 0.5);
    } else if (run.liveLevers) {
      this.leverBar = new LeverBar(this, M, LEVER_Y, WIDTH - 2 * M, {
        onSide: (s) => this.pickSide(s),
        onLever: (delta) => this.pickLever(delta),
        onValue: (delta) => this.changeLever(delta),
      });
    } else {
      this.add
        .text(WIDTH / 2, LEVER_Y + 20, 'Each side plays its policy as written. Trainer mode or a sandbox lets you change levers while it plays.', TEXT.small)
        .setOrigin(0.5, 0.5);
    }

    this.banner = this.add
      // Over the lever row (no lever moves once the game is over), not over the two floors.
      .text(WIDTH / 2, LEVER_Y + 20, '', { ...TEXT.banner, backgroundColor: '#151c2cf4', padding: { x: 24, y: 8 }, align: 'center' })
      .setOrigin(0.5)
      .setDepth(20)
      .setVisible(false);

    this.controls = new ControlBar(this, WIDTH / 2, CONTROLS_Y, [
      { id: 'pause', key: 'Space', label: 'Pause', onPress: () => this.togglePause() },
      { id: 'step', key: '.', label: 'Step', onPress: () => this.stepOnce() },
      ...SPEED_STEPS.map((s, i) => ({ id: `speed-${s}`, key: String(i + 1), label: speedLabel(s), onPress: () => this.setSpeed(s) })),
      { id: 'restart', key: 'R', label: 'Restart', onPress: () => this.restart() },
      { id: 'setup', key: 'Esc', label: 'Set-up', onPress: () => this.leave(true) },
      { id: 'help', key: 'H', label: 'Help', onPress: () => this.help.toggle() },
    ]);
    this.help = new HelpOverlay(this, { title: 'Comparing two policies', keys: COMPARE_KEYS, note: 'The buttons at the bottom (and the lever row) do the same with the mouse.' });
    this.bindRunKeys();
    this.showLever();
    this.draw(0);
  }

  private createStrip(): void {
    const run = this.run!;
    const g = this.add.graphics();
    drawPanel(g, M, STRIP_Y, WIDTH - 2 * M, STRIP_H);
    const labelW = 236;
    const colW = Math.floor((WIDTH - 2 * M - labelW - 24) / 6);
    const rowY = [STRIP_Y + 10, STRIP_Y + 36, STRIP_Y + 64, STRIP_Y + 92];
    const rowLabels = [`Game so far`, `A · ${run.a.policy.label}`, `B · ${run.b.policy.label}`, 'B against A'];
    const rows = compareNumbers(this.numbersOf(run.a), this.numbersOf(run.b), run.lead.timeUnit);
    this.stripCells = rowY.map((y, r) => {
      const head = this.add.text(M + 16, y, '', r === 0 ? { ...TEXT.label, color: CSS.accentSoft, fontStyle: 'bold' } : r === 3 ? { ...TEXT.label, color: CSS.text, fontStyle: 'bold' } : TEXT.label);
      setFittedText(head, rowLabels[r]!, labelW - 24);
      return rows.map((row, c) => {
        const x = M + labelW + c * colW;
        const style = r === 0 ? TEXT.label : r === 3 ? { ...TEXT.label, fontStyle: 'bold' } : { ...TEXT.body, fontSize: '18px' };
        const t = this.add.text(x, y, r === 0 ? row.label : '', style);
        if (r === 0) setFittedText(t, row.label, colW - 12);
        return t;
      });
    });
  }

  override update(_time: number, delta: number): void {
    const run = this.run;
    if (run === null) return;
    if (this.leaveArmed > 0) this.leaveArmed = Math.max(0, this.leaveArmed - delta);
    if (!run.over && !this.help.isOpen) {
      const dt = this.clock.advance(delta);
      if (dt === Infinity) this.runSlice();
      else if (dt > 0) run.advanceTo(run.time + dt);
    }
    this.draw(delta);
  }

  /** Max speed: as much game as fits in a few milliseconds, in whole slices of a round. */
  private runSlice(): void {
    const run = this.run!;
    const t0 = performance.now();
    while (!run.over && performance.now() - t0 < MAX_SLICE_MS) {
      const r = run.lead.round;
      run.advanceTo(Math.min(r.end, run.time + (r.end - r.start) / 50));
    }
  }

  private draw(delta: number): void {
    const run = this.run!;
    this.constraintAge += delta;
    this.stripAge += delta;
    const judge = this.constraintAge >= CONSTRAINT_EVERY_MS || run.over;
    if (judge) this.constraintAge = 0;
    for (const v of this.views) {
      const sim = v.run.session.sim;
      const key = `${sim.now}|${sim.eventsProcessed}`;
      if (key !== v.lastKey || v.snapshot === null) {
        v.lastKey = key;
        v.snapshot = takeSnapshot(sim);
        if (judge) v.constraint = this.findConstraintOf(v);
      }
      v.floor.update(v.snapshot, delta, v.constraint === null ? null : { center: v.constraint.center, label: v.constraint.label });
      v.flash = Math.max(0, v.flash - delta);
      const last = v.run.changes[v.run.changes.length - 1];
      const text = last === undefined ? '' : `${capitalize(run.lead.timeUnit)} ${last.at.toFixed(1)}: ${last.lever} → ${last.value}${v.run.changes.length > 1 ? ` (${v.run.changes.length} changes)` : ''}`;
      if (v.change.text !== text) setFittedText(v.change, text, HALF_W);
      v.change.setColor(v.flash > 0 ? CSS.accentSoft : CSS.muted);
    }
    // The strip re-reads the numbers a few times a second (and at once when paused or over).
    if (this.stripAge >= 150 || this.clock.paused || run.over) {
      this.stripAge = 0;
      this.drawStrip();
    }
    this.drawHeaderLine();
    this.drawPlayback();
  }

  private findConstraintOf(v: SideView): ConstraintVerdict | null {
    const s = v.run.session;
    const r = s.round;
    const snap = v.snapshot!;
    // Judge only once a fifth of the round has run: a few minutes of data is noise.
    if (s.sim.now - r.start < (r.end - r.start) * 0.2) return null;
    const peopleAt = new Map(snap.centers.map((c) => [c.id, c.people]));
    const named = new Map(s.model.people.filter((p) => p.named).map((p) => [p.id, p.name]));
    return findConstraint(v.run.roundStartMetrics, computeMetrics(s.sim), peopleAt, named);
  }

  private numbersOf(p: PolicyRun): SideNumbers {
    const s = p.session;
    return sideNumbers(p.policy.label, s.sim.now, s.roundIndex, s.sim.hash(), s.sim.wip, p.gameSoFar());
  }

  private drawStrip(): void {
    const run = this.run!;
    const rows = compareNumbers(this.numbersOf(run.a), this.numbersOf(run.b), run.lead.timeUnit);
    const colW = this.stripCells[0]!.length > 1 ? this.stripCells[0]![1]!.x - this.stripCells[0]![0]!.x : 160;
    rows.forEach((row, c) => {
      const cells = [this.stripCells[1]![c]!, this.stripCells[2]![c]!, this.stripCells[3]![c]!];
      const values = [row.a, row.b, row.diff];
      cells.forEach((t, k) => {
        if (t.text !== values[k]) setFittedText(t, values[k]!, colW - 12);
      });
      cells[2]!.setColor(row.verdict === 'better' ? CSS.good : row.verdict === 'worse' ? CSS.warning : CSS.muted);
    });
  }

  private drawHeaderLine(): void {
    const run = this.run!;
    const s = run.lead;
    const r = s.round;
    const roundText = `${s.roundLabel()} · ${r.title}`;
    if (this.roundText.text !== roundText) setFittedText(this.roundText, roundText, WIDTH / 2);
    // Over, the clock reads the game's end (the run stops just before it).
    const end = s.rounds[s.rounds.length - 1]!.end;
    const clock = run.over ? `${capitalize(s.timeUnit)} ${end.toFixed(1)}` : s.clockLabel();
    if (this.clockText.text !== clock) this.clockText.setText(clock);
    const g = this.progress.clear();
    const x = M, w = WIDTH - 2 * M, y = 64;
    const first = s.rounds[0]!.start, last = s.rounds[s.rounds.length - 1]!.end;
    const span = Math.max(1e-9, last - first);
    g.fillStyle(COLOR.track, 1).fillRect(x, y, w, 6);
    g.fillStyle(COLOR.accent, 1).fillRect(x, y, Math.round((w * (Math.min(run.time, last) - first)) / span), 6);
    // A tick at each round's boundary.
    for (const round of s.rounds.slice(1)) g.fillStyle(COLOR.text, 1).fillRect(x + Math.round((w * (round.start - first)) / span) - 1, y - 3, 2, 12);
  }

  private drawPlayback(): void {
    const run = this.run!;
    const c = this.clock;
    const unit = run.lead.timeUnit;
    const end = run.lead.rounds[run.lead.rounds.length - 1]!.end;
    const state = run.over ? 'Game over' : c.paused ? 'Paused · Space to go on' : `Running at ${speedLabel(c.speed)}`;
    const text = `${state} · the game ends ${unit} ${end}`;
    if (this.stateText.text !== text) this.stateText.setText(text).setColor(c.paused || run.over ? CSS.accentSoft : CSS.muted);
    const controls = this.controls!;
    for (const s of SPEED_STEPS) controls.setActive(`speed-${s}`, s === c.speed);
    controls.setActive('pause', c.paused);
    if (run.over && !this.shownOver) {
      // No lever can move any more: the end banner takes the lever row.
      this.shownOver = true;
      this.showLever();
      this.leverBar?.setVisible(false);
    }
    if (run.over) {
      const [a, b] = [run.a.gameSoFar(), run.b.gameSoFar()];
      const text = `The game is over · A: ${a?.done ?? 0} delivered, score ${Math.round(a?.score ?? 0)} · B: ${b?.done ?? 0} delivered, score ${Math.round(b?.score ?? 0)}\nR plays it again · Enter: set-up`;
      if (this.banner.text !== text) this.banner.setText(text);
      this.banner.setVisible(true);
    } else if (this.leaveArmed > 0) {
      this.banner.setText('Press Esc again to go back to the set-up').setVisible(true);
    } else if (this.banner.visible) {
      this.banner.setVisible(false);
    }
  }

  // ------------------------------------------------------------------ levers mid-run

  private pickSide(side: CompareSide): void {
    this.selectedSide = side;
    this.leverMessage = '';
    this.showLever();
  }

  private pickLever(delta: 1 | -1): void {
    const n = this.run?.levers().length ?? 0;
    if (n === 0) return;
    this.selectedLever = (((this.selectedLever + delta) % n) + n) % n;
    this.leverMessage = '';
    this.showLever();
  }

  private changeLever(delta: 1 | -1): void {
    const run = this.run;
    const lever = run?.levers()[this.selectedLever];
    if (run === null || run === undefined || lever === undefined) return;
    const before = run.side(this.selectedSide).session.appliedValue(lever.id);
    const error = run.stepLever(this.selectedSide, lever.id, delta);
    const after = run.side(this.selectedSide).session.appliedValue(lever.id);
    this.leverRefused = error !== null;
    this.leverMessage = error ?? (after === before ? 'Already at the end of its range.' : `Sent to ${this.selectedSide.toUpperCase()} at ${run.lead.clockLabel().toLowerCase()}.`);
    if (error === null && after !== before) this.views[this.selectedSide === 'a' ? 0 : 1]!.flash = CHANGE_FLASH_MS;
    this.showLever();
  }

  private showLever(): void {
    const run = this.run;
    if (this.leverBar === null || run === null) return;
    const levers = run.levers();
    const lever = levers[Math.min(this.selectedLever, levers.length - 1)];
    const session = run.side(this.selectedSide).session;
    this.leverBar.show({
      side: this.selectedSide,
      lever: lever === undefined ? (run.over ? 'The game is over' : 'No levers in this scenario') : lever.label,
      value: lever === undefined ? '' : describeLeverValue(lever, session.appliedValue(lever.id)),
      message: this.leverMessage,
      refused: this.leverRefused,
    });
  }

  // ------------------------------------------------------------------ keys

  private bindRunKeys(): void {
    KeyRouter.of(this).add((e) => {
      if (hasCommandModifier(e)) return false;
      const speed = ['1', '2', '3', '4', '5'].indexOf(e.key);
      const live = this.leverBar !== null;
      if (speed >= 0) this.setSpeed(SPEED_STEPS[speed]!);
      else if (e.key === ' ') this.togglePause();
      else if (e.key === '.') this.stepOnce();
      else if (e.key === 'r' || e.key === 'R') this.restart();
      else if (live && (e.key === 'ArrowLeft' || e.key === 'a' || e.key === 'A')) this.pickSide('a');
      else if (live && (e.key === 'ArrowRight' || e.key === 'b' || e.key === 'B')) this.pickSide('b');
      else if (live && e.key === 'ArrowUp') this.pickLever(-1);
      else if (live && e.key === 'ArrowDown') this.pickLever(1);
      else if (live && (e.key === '+' || e.key === '=')) this.changeLever(1);
      else if (live && (e.key === '-' || e.key === '_')) this.changeLever(-1);
      else if (e.key === 'Enter') {
        if (this.run?.over === true) this.leave(true);
      } else if (e.key === 'Escape') this.leave(false);
      else return false;
      return true;
    });
  }

  private togglePause(): void {
    if (this.run !== null && !this.run.over) this.clock.paused = !this.clock.paused;
  }

  private setSpeed(s: PlaySpeed): void {
    this.clock.speed = s;
    this.clock.paused = false;
  }

  /** One engine event (the earlier of the two sides'), for a close look; pauses first. */
  private stepOnce(): void {
    if (this.run === null || this.run.over) return;
    this.clock.paused = true;
    this.run.step();
  }

  /** Both runs again from the start, same seed and policies (changes made mid-run are undone). */
  private restart(): void {
    this.scene.restart({ ...this.setupData, running: true });
  }

  private leave(now: boolean): void {
    if (now || this.leaveArmed > 0 || this.run?.over === true) {
      this.scene.restart({ ...this.setupData, running: false });
      return;
    }
    this.clock.paused = true;
    this.leaveArmed = 2500;
  }
}
