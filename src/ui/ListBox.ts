/**
 * A scrolling list of choices with optional section headers, as one focusable widget (like an
 * HTML listbox): Up/Down, PageUp/PageDown, Home/End move the selection inside it; Enter or a
 * click (or a double click, see `clickToActivate`) activates the selected row; the mouse wheel scrolls; hovering a row selects it. At the
 * first/last row, Up/Down are left to the focus list, so the focus can leave the list.
 *
 * The selection stays visible (dimmer) when the focus is elsewhere, so a screen can show the
 * details of the chosen row next to the list. Only rows that fit entirely are drawn; a scrollbar
 * on the right says there is more.
 *
 * Rows: `{ kind: 'header', label }` or `{ kind: 'item', title, detail?, tag?, locked? }`.
 * A locked item can be selected (to say why it is locked) but is drawn greyed with a padlock.
 */
import * as Phaser from 'phaser';
import { COLOR, CSS, TEXT } from '../game/Theme';
import { drawFocusRing, RADIUS, setFittedText, widgetPalette } from './UiStyle';
import { Widget, WidgetEvent } from './Widget';

export type ListRow =
  | { readonly kind: 'header'; readonly label: string }
  | {
      readonly kind: 'item';
      readonly title: string;
      /** Second line, muted. */
      readonly detail?: string;
      /** Small label at the right end of the first line, e.g. "Lesson 3" or "4 rounds". */
      readonly tag?: string;
      readonly locked?: boolean;
    };

export interface ListBoxOptions {
  readonly width: number;
  readonly height: number;
  readonly rows: readonly ListRow[];
  /** Height of an item row (default 72 with details, else 52); headers are 40. */
  readonly itemHeight?: number;
  /** Index (into `rows`) of the row selected at the start; default the first item. */
  readonly selected?: number;
  readonly onSelect?: (index: number) => void;
  readonly onActivate?: (index: number) => void;
  /**
   * What a click (or tap) on a row does: 'single' activates at once (a menu); 'double' selects
   * on the first click and activates on a second one within half a second (a list with more to
   * set before starting). Default 'single'.
   */
  readonly clickToActivate?: 'single' | 'double';
}

const DOUBLE_CLICK_MS = 500;

const HEADER_H = 40;
const GAP = 6;
const PAD = 18;
const SCROLLBAR_W = 6;
const LOCK_W = 22;

interface RowView {
  readonly row: ListRow;
  readonly top: number;
  readonly height: number;
  readonly objects: Phaser.GameObjects.GameObject[];
  readonly title: Phaser.GameObjects.Text;
  readonly detail: Phaser.GameObjects.Text | null;
  readonly tag: Phaser.GameObjects.Text | null;
}

export class ListBox extends Widget {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly views: RowView[] = [];
  private readonly options: ListBoxOptions;
  private readonly contentHeight: number;
  private readonly innerW: number;
  private selectedValue = -1;
  private scrollY = 0;
  private hoverRow = -1;
  private lastClick = { row: -1, time: -Infinity };

  constructor(scene: Phaser.Scene, x: number, y: number, options: ListBoxOptions) {
    super(scene, x, y, options.width, options.height);
    this.options = options;
    this.g = scene.add.graphics();
    this.add(this.g);
    const hasDetails = options.rows.some((r) => r.kind === 'item' && r.detail);
    const itemH = options.itemHeight ?? (hasDetails ? 72 : 52);
    let top = 0;
    const scrolls = this.measure(options.rows, itemH) > options.height;
    this.innerW = options.width - (scrolls ? SCROLLBAR_W + 10 : 0);
    for (const row of options.rows) {
      const height = row.kind === 'header' ? HEADER_H : itemH;
      this.views.push(this.buildRow(scene, row, top, height));
      top += height + GAP;
    }
    this.contentHeight = Math.max(0, top - GAP);
    this.bringToTop(this.hitZone);
    if (this.hitZone.input) this.hitZone.input.cursor = 'pointer';
    this.hitZone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_MOVE, (_p: Phaser.Input.Pointer, _lx: number, ly: number) => this.pointerAt(ly));
    this.hitZone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_OUT, () => {
      this.hoverRow = -1;
      this.redraw();
    });
    this.hitZone.on(Phaser.Input.Events.GAMEOBJECT_POINTER_WHEEL, (_p: Phaser.Input.Pointer, _dx: number, dy: number) => {
      this.scrollBy(dy > 0 ? itemH + GAP : -(itemH + GAP));
    });
    const first = options.selected ?? this.views.findIndex((v) => v.row.kind === 'item');
    this.select(first, false);
    this.redraw();
  }

  /** Index into `rows` of the selected item, or -1 when the list has none. */
  get selected(): number {
    return this.selectedValue;
  }

  get rows(): readonly ListRow[] {
    return this.options.rows;
  }

  /** Selects an item row (headers are ignored) and scrolls it into view. */
  select(index: number, notify = true): void {
    const v = this.views[index];
    if (!v || v.row.kind !== 'item') return;
    const changed = index !== this.selectedValue;
    this.selectedValue = index;
    this.scrollIntoView(index);
    this.redraw();
    if (changed && notify) this.options.onSelect?.(index);
  }

  override activate(): void {
    if (this.selectedValue >= 0) this.options.onActivate?.(this.selectedValue);
  }

  override handleKey(event: KeyboardEvent): boolean {
    const items = this.itemIndexes();
    const at = items.indexOf(this.selectedValue);
    const page = Math.max(1, Math.floor(this.widgetHeight / ((this.views[items[0] ?? 0]?.height ?? 60) + GAP)) - 1);
    let target: number | undefined;
    switch (event.key) {
      case 'ArrowUp':
        if (at <= 0) return false;
        target = items[at - 1];
        break;
      case 'ArrowDown':
        if (at < 0 || at >= items.length - 1) return false;
        target = items[at + 1];
        break;
      case 'PageUp':
        target = items[Math.max(0, at - page)];
        break;
      case 'PageDown':
        target = items[Math.min(items.length - 1, at + page)];
        break;
      case 'Home':
        target = items[0];
        break;
      case 'End':
        target = items[items.length - 1];
        break;
      default:
        return false;
    }
    if (target !== undefined) this.select(target);
    return true;
  }

  /** The selected row's box: arrow keys leaving the list start from it. */
  override focusBounds(): Phaser.Geom.Rectangle {
    const b = super.focusBounds();
    const v = this.views[this.selectedValue];
    if (!v) return b;
    return new Phaser.Geom.Rectangle(b.x, b.y + v.top - this.scrollY, this.innerW, v.height);
  }

  protected override onClick(_x: number, y: number): void {
    const i = this.rowAt(y);
    this.emit(WidgetEvent.focusRequest, this);
    if (i < 0 || this.views[i]!.row.kind !== 'item') return;
    this.select(i);
    const now = this.scene.time.now;
    const second = this.lastClick.row === i && now - this.lastClick.time <= DOUBLE_CLICK_MS;
    this.lastClick = { row: i, time: second ? -Infinity : now };
    if ((this.options.clickToActivate ?? 'single') === 'single' || second) this.activate();
  }

  private itemIndexes(): number[] {
    const out: number[] = [];
    this.views.forEach((v, i) => {
      if (v.row.kind === 'item') out.push(i);
    });
    return out;
  }

  private measure(rows: readonly ListRow[], itemH: number): number {
    return rows.reduce((sum, r) => sum + (r.kind === 'header' ? HEADER_H : itemH) + GAP, 0) - GAP;
  }

  private buildRow(scene: Phaser.Scene, row: ListRow, top: number, height: number): RowView {
    if (row.kind === 'header') {
      const title = scene.add.text(4, 0, row.label.toUpperCase(), TEXT.sectionLabel).setOrigin(0, 1);
      title.setLetterSpacing?.(1);
      setFittedText(title, row.label.toUpperCase(), this.innerW - 8);
      this.add(title);
      return { row, top, height, objects: [title], title, detail: null, tag: null };
    }
    const tag = row.tag ? scene.add.text(0, 0, row.tag, TEXT.listDetail).setOrigin(1, 0.5) : null;
    const lockRoom = row.locked ? LOCK_W + 8 : 0;
    const title = scene.add.text(PAD + lockRoom, 0, '', TEXT.listTitle).setOrigin(0, 0.5);
    const tagW = tag ? Math.ceil(tag.width) + 16 : 0;
    setFittedText(title, row.title, this.innerW - 2 * PAD - lockRoom - tagW);
    const detail = row.detail ? scene.add.text(PAD + lockRoom, 0, '', TEXT.listDetail).setOrigin(0, 0.5) : null;
    if (detail) setFittedText(detail, row.detail ?? '', this.innerW - 2 * PAD - lockRoom);
    const objects = [title, ...(detail ? [detail] : []), ...(tag ? [tag] : [])];
    this.add(objects);
    return { row, top, height, objects, title, detail, tag };
  }

  private rowAt(localY: number): number {
    const y = localY + this.scrollY;
    return this.views.findIndex((v) => this.isShown(v) && y >= v.top && y < v.top + v.height);
  }

  private pointerAt(localY: number): void {
    const i = this.rowAt(localY);
    if (i !== this.hoverRow) {
      this.hoverRow = i;
      if (i >= 0 && this.views[i]!.row.kind === 'item' && this.enabled) this.select(i);
      else this.redraw();
    }
  }

  private isShown(v: RowView): boolean {
    return v.top >= this.scrollY - 0.5 && v.top + v.height <= this.scrollY + this.widgetHeight + 0.5;
  }

  private maxScroll(): number {
    return Math.max(0, this.contentHeight - this.widgetHeight);
  }

  private scrollBy(dy: number): void {
    this.setScroll(this.scrollY + dy);
  }

  private setScroll(y: number): void {
    const next = Phaser.Math.Clamp(Math.round(y), 0, this.maxScroll());
    if (next === this.scrollY) return;
    this.scrollY = next;
    this.redraw();
  }

  private scrollIntoView(index: number): void {
    const v = this.views[index];
    if (!v) return;
    // Keep the section header above the first item of a section in view too.
    const prev = this.views[index - 1];
    const top = prev && prev.row.kind === 'header' ? prev.top : v.top;
    if (top < this.scrollY) this.setScroll(top);
    else if (v.top + v.height > this.scrollY + this.widgetHeight) this.setScroll(v.top + v.height - this.widgetHeight);
  }

  protected redraw(): void {
    if (!this.views) return;
    const p = widgetPalette();
    const g = this.g.clear();
    const listFocused = this.focused && this.enabled;
    for (let i = 0; i < this.views.length; i++) {
      const v = this.views[i]!;
      const shown = this.isShown(v);
      for (const o of v.objects) (o as unknown as Phaser.GameObjects.Components.Visible).setVisible(shown);
      if (!shown) continue;
      const y = v.top - this.scrollY;
      if (v.row.kind === 'header') {
        v.title.setY(y + v.height - 8);
        continue;
      }
      const selected = i === this.selectedValue;
      const locked = v.row.locked === true;
      const face = selected ? (listFocused ? p.faceHover : p.face) : i === this.hoverRow ? p.face : COLOR.panel;
      g.fillStyle(face, 1).fillRoundedRect(0, y, this.innerW, v.height, RADIUS);
      g.lineStyle(1, selected ? p.strokeHover : p.stroke, 1).strokeRoundedRect(0.5, y + 0.5, this.innerW - 1, v.height - 1, RADIUS);
      if (selected) {
        // A bar on the left marks the selection without relying on colour.
        g.fillStyle(listFocused ? p.ring : p.strokeHover, 1).fillRect(0, y + 8, 5, v.height - 16);
        if (listFocused) drawFocusRing(g, 0, y, this.innerW, v.height);
      }
      const twoLines = v.detail !== null;
      const titleY = twoLines ? y + Math.round(v.height / 2) - 13 : y + Math.round(v.height / 2);
      v.title.setY(titleY).setColor(locked ? p.textDisabled : p.text);
      v.detail?.setY(y + Math.round(v.height / 2) + 15).setColor(locked ? p.textDisabled : p.textMuted);
      v.tag?.setPosition(this.innerW - PAD, titleY).setColor(locked ? p.textDisabled : selected ? CSS.accentSoft : p.textMuted);
      if (locked) this.drawLock(g, PAD, titleY, p.textDisabled);
    }
    if (this.maxScroll() > 0) {
      const trackX = this.widgetWidth - SCROLLBAR_W, h = this.widgetHeight;
      g.fillStyle(COLOR.track, 1).fillRoundedRect(trackX, 0, SCROLLBAR_W, h, 3);
      const thumbH = Math.max(40, Math.round((h * h) / this.contentHeight));
      const thumbY = Math.round(((h - thumbH) * this.scrollY) / this.maxScroll());
      g.fillStyle(p.strokeHover, 1).fillRoundedRect(trackX, thumbY, SCROLLBAR_W, thumbH, 3);
    }
  }

  /** A small padlock: shackle and body, so "locked" never relies on greying alone. */
  private drawLock(g: Phaser.GameObjects.Graphics, x: number, cy: number, css: string): void {
    const color = Phaser.Display.Color.HexStringToColor(css).color;
    g.lineStyle(3, color, 1);
    g.beginPath();
    g.arc(x + 9, cy - 3, 6, Math.PI, 0, false);
    g.strokePath();
    g.fillStyle(color, 1).fillRoundedRect(x + 1, cy - 3, 16, 13, 2);
  }
}
