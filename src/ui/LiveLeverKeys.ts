/**
 * The facilitator's lever hotkeys in Play, when the session lets levers change mid-round (trainer
 * mode, sandbox): L chooses the next lever, [ and ] move it one setting down or up. Each change
 * goes through the session (a command stamped with the time it was made) and a toast says what
 * changed and when: "WIP limit, Development: 4 (from day 12.3)". The engine decides nothing here.
 */
import * as Phaser from 'phaser';
import type { GameSession } from '../game/GameSession';
import { CSS, TEXT } from '../game/Theme';
import type { HelpKey } from './HelpOverlay';
import { hasCommandModifier, KeyRouter } from './KeyRouter';

export const LIVE_LEVER_KEYS: readonly HelpKey[] = [
  ['L', 'choose a lever to change while the round plays'],
  ['[  ]', 'move that lever one setting down / up, now'],
];

const TOAST_MS = 3500;

export class LiveLeverKeys {
  private index = 0;
  private chosen = false;
  private readonly toast: Phaser.GameObjects.Text;
  private hide: Phaser.Time.TimerEvent | null = null;
  private lastValue = '';

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly session: GameSession,
    x: number,
    y: number,
    private readonly blocked: () => boolean,
  ) {
    this.toast = scene.add
      .text(x, y, '', { ...TEXT.body, color: CSS.accentSoft, backgroundColor: '#0b0f19f2', padding: { x: 16, y: 10 }, align: 'center', wordWrap: { width: 900 } })
      .setOrigin(0.5, 0)
      .setDepth(25)
      .setVisible(false);
    KeyRouter.of(scene).add((e) => this.handleKey(e));
  }

  /** The last toast shown ('' before any). */
  get lastToast(): string {
    return this.lastValue;
  }

  private handleKey(e: KeyboardEvent): boolean {
    if (hasCommandModifier(e) || this.blocked()) return false;
    const isL = e.key === 'l' || e.key === 'L';
    if (!isL && e.key !== '[' && e.key !== ']') return false;
    const levers = this.session.liveLevers();
    if (levers.length === 0) {
      this.say(this.session.phase === 'playing' ? 'Levers change mid-round in trainer mode and in a sandbox.' : 'The round is over.');
      return true;
    }
    if (isL) this.index = this.chosen ? (this.index + 1) % levers.length : 0;
    this.chosen ||= isL;
    const lever = levers[this.index % levers.length]!;
    const shown = () => this.session.describeValue(lever, this.session.appliedValue(lever.id));
    if (isL) {
      this.say(`Lever: ${lever.label} is ${shown()} · [ and ] change it`);
      return true;
    }
    const before = this.session.appliedValue(lever.id);
    const up = e.key === ']';
    const error = this.session.stepLeverNow(lever.id, up ? 1 : -1);
    const unit = this.session.timeUnit;
    if (error !== null) this.say(error);
    else if (this.session.appliedValue(lever.id) === before) this.say(`${lever.label} is already at its ${up ? 'last' : 'first'} setting (${shown()}).`);
    else this.say(`${lever.label}: ${shown()} (from ${unit} ${this.session.sim.now.toFixed(1)})`);
    return true;
  }

  private say(text: string): void {
    this.lastValue = text;
    this.toast.setText(text).setVisible(true);
    this.hide?.remove();
    this.hide = this.scene.time.delayedCall(TOAST_MS, () => this.toast.setVisible(false));
  }
}
