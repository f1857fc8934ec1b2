/**
 * Why a file the player opened was refused, in full: a centred panel with the one-line verdict
 * and then every problem the checker found (`path: message`, as many as fit, then "and N more"),
 * so a trainer can fix the file in one go. Esc, Enter or a click closes it; while it is open it
 * takes every key first (through the scene's KeyRouter), like the help panel.
 *
 *   const problems = new FileProblemsPanel(this);
 *   problems.show('"my.json" is not a scenario this game can play: 2 problems to fix.', errors);
 */
import * as Phaser from 'phaser';
import { COLOR, CSS, HEIGHT, TEXT, WIDTH } from '../game/Theme';
import { hasCommandModifier, KeyPriority, KeyRouter } from './KeyRouter';
import { widgetPalette } from './UiStyle';
import { drawModalPanel } from './ModalPanel';

const DEPTH = 10_000;
const W = 860;
const PAD = 32;
/** Lines of problems shown at most; the rest are counted. */
const MAX_LINES = 12;

export class FileProblemsPanel {
  private root: Phaser.GameObjects.Container | null = null;
  private shown: { readonly message: string; readonly problems: readonly string[] } | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    /** A line under the list saying what to do next. */
    private readonly hint = 'Fix the file and open it again.',
  ) {
    const remove = KeyRouter.of(scene).add((e) => this.handleKey(e), KeyPriority.overlay);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      remove();
      this.root = null;
    });
  }

  get isOpen(): boolean {
    return this.root !== null;
  }

  /** What is on show (for the test hook), or null. */
  get content(): { readonly message: string; readonly problems: readonly string[] } | null {
    return this.shown;
  }

  show(message: string, problems: readonly string[]): void {
    this.close();
    this.shown = { message, problems: [...problems] };
    this.root = this.build(message, problems);
  }

  close(): void {
    this.root?.destroy();
    this.root = null;
    this.shown = null;
  }

  private handleKey(e: KeyboardEvent): boolean {
    if (this.root === null || hasCommandModifier(e)) return false;
    if (!e.repeat && (e.key === 'Escape' || e.key === 'Enter')) this.close();
    return true;
  }

  private build(message: string, problems: readonly string[]): Phaser.GameObjects.Container {
    const s = this.scene;
    const p = widgetPalette();
    const inner = W - 2 * PAD;
    const root = s.add.container(0, 0).setDepth(DEPTH);
    const title = s.add.text(0, 0, 'This file cannot be opened', TEXT.heading);
    const close = s.add.text(0, 0, 'Esc, Enter or a click closes this', TEXT.small).setOrigin(1, 0).setColor(CSS.muted);
    const verdict = s.add.text(0, 0, message, { ...TEXT.body, color: CSS.warning, wordWrap: { width: inner }, lineSpacing: 4 });
    const list = s.add.text(0, 0, '', { ...TEXT.body, color: p.text, wordWrap: { width: inner - 20 }, lineSpacing: 4 });
    // Whole problems only: add them while the wrapped list stays within MAX_LINES.
    let shown = 0;
    for (; shown < problems.length; shown++) {
      const next = problems.slice(0, shown + 1).map((x) => `• ${x}`).join('\n');
      if (list.getWrappedText(next).length > MAX_LINES) break;
      list.setText(next);
    }
    const rest = problems.length - shown;
    const more = rest > 0 ? s.add.text(0, 0, `and ${rest} more`, { ...TEXT.body, color: CSS.muted }) : null;
    const hint = s.add.text(0, 0, this.hint, { ...TEXT.small, color: CSS.muted, wordWrap: { width: inner } });

    const gap = 14;
    const parts = [verdict, ...(shown > 0 ? [list] : []), ...(more ? [more] : []), hint];
    const h = PAD + Math.ceil(title.height) + 20 + parts.reduce((sum, t) => sum + Math.ceil(t.height) + gap, 0) - gap + PAD;
    const x = Math.round((WIDTH - W) / 2), y = Math.round((HEIGHT - h) / 2);

    const { scrim, g } = drawModalPanel(s, { x, y, w: W, h }, COLOR.warning, () => this.close());
    title.setPosition(x + PAD, y + PAD);
    close.setPosition(x + W - PAD, y + PAD + 4);
    root.add([scrim, g, title, close]);
    let cy = y + PAD + Math.ceil(title.height) + 20;
    for (const t of parts) {
      t.setPosition(x + PAD + (t === list ? 20 : 0), cy);
      cy += Math.ceil(t.height) + gap;
      root.add(t);
    }
    if (shown === 0) list.destroy();
    return root;
  }
}
