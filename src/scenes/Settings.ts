/**
 * The settings screen: play speed, reduced motion, high contrast, hints and trainer mode, each a
 * stepper saved the moment it changes. A line under the list explains the highlighted setting; Esc or Back
 * returns to the title.
 */
import * as Phaser from 'phaser';
import type { GameContext } from '../game/GameContext';
import { SceneKey } from '../game/SceneKeys';
import { PLAY_SPEEDS, speedLabel, type SettingsValues } from '../game/Settings';
import { COLOR, CSS, TEXT, WIDTH } from '../game/Theme';
import { Button } from '../ui/Button';
import { CONTENT_TOP, drawFooter, drawHeader, drawPanel } from '../ui/Chrome';
import { FocusList } from '../ui/FocusList';
import { HelpOverlay } from '../ui/HelpOverlay';
import { Stepper } from '../ui/Stepper';
import { applyUiPreferences } from '../ui/UiStyle';
import type { Focusable } from '../ui/Widget';
import { zoomToDesign } from '../game/GameConfig';
import { rendererChoice } from '../game/RendererChoice';
import { MENU_NOTES } from '../game/facilitator/PresenterNotesText';
import { NOTES_KEY, PresenterNotes } from '../ui/PresenterNotes';

type BooleanKey = 'reducedMotion' | 'highContrast' | 'showHints' | 'projector';

interface Row {
  readonly label: string;
  readonly about: string;
  readonly value: (v: SettingsValues, ctx: GameContext) => string;
  readonly step: (v: SettingsValues, delta: -1 | 1, ctx: GameContext) => Partial<SettingsValues>;
  readonly limits?: (v: SettingsValues) => [boolean, boolean];
  readonly toggle: boolean;
}

const onOff = (b: boolean) => (b ? 'On' : 'Off');
const toggle = (key: BooleanKey, label: string, about: string): Row => ({
  label,
  about,
  value: (v) => onOff(v[key]),
  step: (v) => ({ [key]: !v[key] }),
  toggle: true,
});

const ROWS: readonly Row[] = [
  {
    label: 'Play speed',
    about: 'How fast a round starts. While playing, the number keys change it.',
    value: (v) => speedLabel(v.speed),
    step: (v, d) => {
      const i = PLAY_SPEEDS.indexOf(v.speed);
      return { speed: PLAY_SPEEDS[Math.min(PLAY_SPEEDS.length - 1, Math.max(0, i + d))]! };
    },
    limits: (v) => [v.speed !== PLAY_SPEEDS[0], v.speed !== PLAY_SPEEDS[PLAY_SPEEDS.length - 1]],
    toggle: false,
  },
  toggle('reducedMotion', 'Reduced motion', 'No sliding or gliding: cards jump straight to their new place.'),
  {
    ...toggle('highContrast', 'High contrast', 'Pure white text and outlines, stronger focus ring. Always on in the projector layout.'),
    value: (v) => (v.projector ? 'On (projector)' : onOff(v.highContrast)),
  },
  toggle('showHints', 'Hints', 'Short hints under levers and charts that say what to look for.'),
  {
    label: 'Trainer mode',
    about: 'Every lesson open, whatever has been played: for trainers running a session, or to replay a favourite. A link ending in ?trainer=1 does the same for one visit.',
    value: (_v, ctx) => onOff(ctx.progress.trainerMode),
    // Kept with the campaign progress, not the settings: it decides which lessons are open.
    step: (_v, _d, ctx) => {
      ctx.progress.setTrainerMode(!ctx.progress.trainerMode);
      return {};
    },
    toggle: true,
  },
  toggle('projector', 'Projector layout', 'For a room watching one screen: high contrast and white text everywhere, the floor a quarter bigger (cards, people, station names), bigger numbers on the HUD and white chart text.'),
];

const PANEL_W = 760;
const ROW_H = 48;
const ROW_GAP = 6;

export class Settings extends Phaser.Scene {
  private help!: HelpOverlay;

  constructor(private readonly ctx: GameContext) {
    super(SceneKey.Settings);
  }

  create(): void {
    zoomToDesign(this);
    applyUiPreferences(this.ctx.settings.values);
    const back = () => this.scene.start(SceneKey.Title);
    drawHeader(this, { eyebrow: 'Phoenix Flow', title: 'Settings', right: this.ctx.settings.persistent ? 'Saved as you change them' : 'Not saved: this browser blocks storage' });

    const x = Math.round((WIDTH - PANEL_W) / 2);
    const top = CONTENT_TOP + 8;
    const innerX = x + 32, innerW = PANEL_W - 64;
    const panelH = 32 + ROWS.length * (ROW_H + ROW_GAP) - ROW_GAP + 32 + 72;
    const g = this.add.graphics();
    drawPanel(g, x, top, PANEL_W, panelH);

    const focus = new FocusList(this, { onEscape: back });
    const about = new Map<Focusable, string>();
    const steppers: [Stepper, Row][] = [];
    const refresh = () => {
      const v = this.ctx.settings.values;
      for (const [s, row] of steppers) {
        s.setValue(row.value(v, this.ctx));
        if (row.limits) s.setLimits(...row.limits(v));
      }
    };
    const change = (row: Row, delta: -1 | 1) => {
      this.ctx.settings.update(row.step(this.ctx.settings.values, delta, this.ctx));
      if (row.label === 'High contrast' || row.label === 'Reduced motion' || row.label === 'Projector layout') {
        // Redraw the whole screen in the new look, keeping the focus on this setting.
        this.scene.restart({ focus: row.label });
        return;
      }
      refresh();
    };
    ROWS.forEach((row, i) => {
      const s = new Stepper(this, innerX, top + 32 + i * (ROW_H + ROW_GAP), {
        label: row.label,
        value: row.value(this.ctx.settings.values, this.ctx),
        width: innerW,
        height: ROW_H,
        valueWidth: 200,
        onChange: (d) => change(row, d),
        ...(row.toggle ? { onActivate: () => change(row, 1) } : {}),
      });
      steppers.push([s, row]);
      about.set(focus.add(s), row.about);
    });
    refresh();

    const aboutY = top + 32 + ROWS.length * (ROW_H + ROW_GAP) - ROW_GAP + 24;
    g.fillStyle(COLOR.panelStroke, 1).fillRect(innerX, aboutY - 12, innerW, 1);
    const aboutText = this.add.text(innerX, aboutY, '', { ...TEXT.body, color: CSS.muted, wordWrap: { width: innerW }, lineSpacing: 4 });

    const backButton = focus.add(new Button(this, x, top + panelH + 24, { label: 'Back', keycap: 'Esc', width: 220, onActivate: back }));
    // Which renderer draws, and why: the first thing to know when a trainer's machine runs slow.
    const choice = rendererChoice();
    const drawn = `Drawn with ${choice.kind === 'webgl' ? 'WebGL' : 'Canvas 2D'}\n${choice.why[0]!.toUpperCase()}${choice.why.slice(1)}`;
    this.add.text(x + PANEL_W, top + panelH + 24 + backButton.height / 2, drawn, { ...TEXT.small, color: CSS.muted, align: 'right', wordWrap: { width: PANEL_W - 260 } }).setOrigin(1, 0.5);
    about.set(backButton, 'Back to the title screen. Your settings are already saved.');
    if (!this.ctx.settings.persistent) about.set(backButton, 'Back to the title screen. Settings last until the page is closed.');
    focus.onFocusChange((w) => aboutText.setText(w ? (about.get(w) ?? '') : ''));

    const wanted = (this.scene.settings.data as { focus?: string } | undefined)?.focus;
    const start = steppers.find(([, r]) => r.label === wanted)?.[0] ?? steppers[0]![0];
    focus.focus(start);
    aboutText.setText(about.get(start) ?? '');

    drawFooter(this, [
      ['↑ ↓', 'choose'],
      ['← →', 'change'],
      ['Esc', 'back'],
      ['H', 'help'],
    ]);
    this.help = new HelpOverlay(this, {
      title: 'Settings: keys',
      keys: [
        ['↑ ↓  Tab', 'choose a setting'],
        ['← →', 'change it'],
        ['Enter  Space', 'switch it on or off'],
        ['Esc', 'back to the title screen'],
        NOTES_KEY,
      ],
      note: 'Every change is saved at once in this browser.',
    });
    new PresenterNotes(this, MENU_NOTES.settings);
  }

  get helpOpen(): boolean {
    return this.help.isOpen;
  }
}
