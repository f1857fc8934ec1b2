/**
 * Round planning: before a round, the player sets the levers the round opens (WIP limits, release
 * policy, whom Brent works for, a freeze, an investment paid from the budget). Nothing reaches the
 * engine here: the session sends the changes as commands stamped with the round's start when the
 * round begins. The last round's numbers and the goal sit beside the levers, to plan against.
 */
import * as Phaser from 'phaser';
import type { GameContext } from '../game/GameContext';
import type { GameSession } from '../game/GameSession';
import type { LeverSpec } from '../scenario/GameSchema';
import { leverCost } from '../scenario/LeverCommands';
import { duration, fixed } from '../game/Format';
import { SceneKey } from '../game/SceneKeys';
import { COLOR, CSS, HEIGHT, TEXT, WIDTH } from '../game/Theme';
import { Button } from '../ui/Button';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay } from '../ui/HelpOverlay';
import { hasCommandModifier, KeyPriority, KeyRouter } from '../ui/KeyRouter';
import { Stepper } from '../ui/Stepper';
import { drawFooter } from '../ui/Chrome';
import { zoomToDesign } from '../game/GameConfig';
import { roundNote } from '../game/facilitator/PresenterNotesText';
import { NOTES_KEY, PresenterNotes } from '../ui/PresenterNotes';

const MARGIN = 40;
const LEFT_W = 760;
const ROW_H = 76;

export class RoundPlanning extends Phaser.Scene {
  private session!: GameSession;
  private steppers = new Map<string, Stepper>();
  private message!: Phaser.GameObjects.Text;
  private budgetText: Phaser.GameObjects.Text | null = null;
  private changesText!: Phaser.GameObjects.Text;
  private drawn = false;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.RoundPlanning);
  }

  get hasDrawn(): boolean {
    return this.drawn && this.sys.isActive();
  }

  create(): void {
    zoomToDesign(this);
    const session = this.ctx.session;
    if (session === null) {
      this.scene.start(SceneKey.ScenarioSelect);
      return;
    }
    this.session = session;
    this.drawn = false;
    this.steppers = new Map();
    this.budgetText = null;
    if (session.phase === 'review') session.nextRound();
    if (session.phase !== 'planning') {
      this.scene.start(session.phase === 'playing' ? SceneKey.Play : SceneKey.Debrief);
      return;
    }
    const r = session.round;
    const levers = session.openLevers();

    const header = this.add.graphics();
    header.fillStyle(COLOR.panel, 1).fillRect(0, 0, WIDTH, 88);
    header.lineStyle(1, COLOR.panelStroke, 1).lineBetween(0, 88, WIDTH, 88);
    this.add.text(MARGIN, 14, `${session.scenario.title} · ${session.roundLabel()} · plan`, TEXT.subtitle);
    this.add.text(MARGIN, 40, r.title, TEXT.title);
    const unit = session.timeUnit;
    this.add.text(WIDTH - MARGIN, 40, `${duration(r.end - r.start, unit, 0)} · from ${unit} ${r.start}`, TEXT.subtitle).setOrigin(1, 0);

    let y = 112;
    if (r.note !== null) {
      const note = this.add.text(MARGIN, y, r.note, { ...TEXT.body, wordWrap: { width: LEFT_W } });
      y += note.height + 18;
    }

    const focus = new FocusList(this, { onEscape: () => this.scene.start(SceneKey.Briefing) });
    if (levers.length === 0) {
      this.add.text(MARGIN, y, 'No levers this round: it is played as things stand. Watch the floor.', { ...TEXT.body, color: CSS.muted, wordWrap: { width: LEFT_W } });
      y += 48;
      const later = session.rounds
        .filter((x) => x.index > r.index && x.levers.length > 0)
        .map((x) => `${x.title}: ${x.levers.map((id) => session.levers.find((l) => l.id === id)?.label ?? id).join(', ')}`);
      if (later.length > 0) {
        this.add.text(MARGIN, y, 'Levers in later rounds', TEXT.label);
        this.add.text(MARGIN, y + 26, later.map((l) => `• ${l}`).join('\n'), { ...TEXT.body, lineSpacing: 8, wordWrap: { width: LEFT_W } });
      }
    } else {
      this.add.text(MARGIN, y, 'Your levers (← → to change, ↑ ↓ to move)', TEXT.label);
      y += 28;
      const rowH = Math.min(ROW_H, Math.floor((560 - y) / levers.length));
      for (const lever of levers) {
        const stepper = new Stepper(this, MARGIN, y, {
          label: lever.label,
          value: session.describeValue(lever, session.leverValue(lever.id)),
          width: LEFT_W,
          height: Math.max(52, rowH - 8),
          valueWidth: 300,
          detail: rowH - 8 >= 64 ? this.detailOf(lever) : undefined,
          onChange: (d) => this.change(lever, d),
        });
        focus.add(stepper);
        this.steppers.set(lever.id, stepper);
        y += rowH;
      }
    }

    const start = new Button(this, MARGIN, HEIGHT - 112, {
      label: `Start ${r.title.split(':')[0]}`,
      primary: true,
      keycap: 'S',
      width: 360,
      align: 'left',
      onActivate: () => this.start(),
    });
    focus.add(start);
    const back = new Button(this, MARGIN + 380, HEIGHT - 112, { label: 'Briefing', keycap: 'Esc', width: 220, align: 'left', onActivate: () => this.scene.start(SceneKey.Briefing) });
    focus.add(back);
    const whatIf = new Button(this, MARGIN + 620, HEIGHT - 112, { label: 'What if…', keycap: 'W', width: 220, align: 'left', onActivate: () => this.scene.start(SceneKey.WhatIf) });
    focus.add(whatIf);
    if (levers.length === 0) focus.focus(start);
    this.message = this.add.text(MARGIN, HEIGHT - 124, '', { ...TEXT.small, color: CSS.warning }).setOrigin(0, 0.5);
    drawFooter(this, [
      ['↑ ↓', 'levers'],
      ['← →', 'change'],
      ['S', 'start the round'],
      ['W', 'what if…'],
      ['Esc', 'briefing'],
      ['H', 'help'],
    ]);

    this.drawSidePanel();
    new HelpOverlay(this, {
      title: 'Planning a round',
      keys: [
        ['↑ ↓ / Tab', 'move between levers and buttons'],
        ['← →', 'change the lever in focus'],
        ['S', 'start the round'],
        ['W', 'what if: your plan against the settings in force over 500 seeds'],
        ['Enter', 'press the button in focus'],
        ['Esc', 'back to the briefing'],
        NOTES_KEY,
      ],
    });
    new PresenterNotes(this, roundNote(session.scenario.title, session.scenario.game, session.roundIndex, session.round.note));
    KeyRouter.of(this).add((e) => {
      if (hasCommandModifier(e)) return false;
      if (e.key === 's' || e.key === 'S') {
        this.start();
        return true;
      }
      if (e.key === 'w' || e.key === 'W') {
        this.scene.start(SceneKey.WhatIf);
        return true;
      }
      return false;
    }, KeyPriority.scene);
    this.refresh();
    this.drawn = true;
  }

  private detailOf(lever: LeverSpec): string | undefined {
    const costs = lever.kind === 'choice' ? lever.options.map((o) => o.cost ?? 0).filter((c) => c > 0) : [];
    const parts = [lever.help ?? ''];
    if (costs.length > 0) parts.push(`costs ${costs.join(' / ')} from the budget`);
    if (lever.kind === 'choice' && lever.once === true) parts.push('cannot be undone');
    const text = parts.filter((p) => p !== '').join(' · ');
    return text === '' ? undefined : text;
  }

  private change(lever: LeverSpec, delta: -1 | 1): void {
    const err = this.session.stepLever(lever.id, delta);
    this.message.setText(err ?? '');
    this.refresh();
  }

  private refresh(): void {
    const s = this.session;
    const changes: string[] = [];
    for (const lever of s.openLevers()) {
      const stepper = this.steppers.get(lever.id);
      const value = s.leverValue(lever.id);
      if (stepper !== undefined) {
        stepper.setValue(s.describeValue(lever, value));
        const values = s.allowedValues(lever);
        const i = values.indexOf(value);
        stepper.setLimits(i > 0, i < values.length - 1);
      }
      if (value !== s.appliedValue(lever.id)) {
        const cost = leverCost(lever, value);
        changes.push(`• ${lever.label}: ${s.describeValue(lever, s.appliedValue(lever.id))} → ${s.describeValue(lever, value)}${cost > 0 ? ` (−${cost})` : ''}`);
      }
    }
    this.changesText.setText(changes.length > 0 ? changes.join('\n') : 'Nothing yet: the round runs with the rules in force.');
    this.budgetText?.setText(`Budget left: ${fixed(s.budgetLeft, 0)} of ${fixed(s.budget, 0)}`);
  }

  private drawSidePanel(): void {
    const s = this.session;
    const x = MARGIN + LEFT_W + 32, w = WIDTH - x - MARGIN, y0 = 112;
    const g = this.add.graphics();
    g.fillStyle(COLOR.panel, 1).fillRoundedRect(x, y0, w, 440, 10);
    g.lineStyle(1, COLOR.panelStroke, 1).strokeRoundedRect(x + 0.5, y0 + 0.5, w - 1, 439, 10);
    let y = y0 + 16;
    const unit = s.timeUnit;
    const last = s.roundResults[s.roundResults.length - 1];
    const heading = this.add.text(x + 16, y, last ? `Last round: ${last.title}` : 'First round', { ...TEXT.centerName, wordWrap: { width: w - 32 } });
    y += heading.height + 10;
    const lines = last
      ? [
          `Delivered ${last.done} · ${fixed(last.throughput, 2)} per ${unit}`,
          `Lead time ${duration(last.leadTimeMean, unit)} (p85 ${duration(last.leadTimeP85, unit)})`,
          `WIP ${fixed(last.avgWip, 1)} on average`,
          `Score ${fixed(last.score, 0)} · game so far ${fixed(s.score, 0)}`,
        ]
      : ['No numbers yet. Play this round to see where work piles up.'];
    const summary = this.add.text(x + 16, y, lines.join('\n'), { ...TEXT.body, lineSpacing: 6, wordWrap: { width: w - 32 } });
    y += summary.height + 20;
    if (s.goal !== null) {
      const goal = this.add.text(x + 16, y, `Goal: ${s.goal.text}`, { ...TEXT.body, color: CSS.accentSoft, wordWrap: { width: w - 32 } });
      y += goal.height + 16;
    }
    if (s.budget > 0) {
      this.budgetText = this.add.text(x + 16, y, '', { ...TEXT.body, color: CSS.good });
      y += 34;
    }
    this.add.text(x + 16, y, 'Changes for this round', TEXT.label);
    y += 26;
    this.changesText = this.add.text(x + 16, y, '', { ...TEXT.small, color: CSS.text, lineSpacing: 4, wordWrap: { width: w - 32 } });
  }

  private start(): void {
    this.session.startRound();
    this.scene.start(SceneKey.Play);
  }
}
