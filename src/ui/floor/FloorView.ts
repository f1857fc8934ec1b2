/**
 * The factory floor: draws an engine snapshot as stations with desks, people and kanban cards.
 * Cards are pooled images that glide toward the place the latest snapshot gives them, so moves
 * look smooth while every position still comes from the engine. The view decides nothing: it is
 * told the snapshot, the constraint (found elsewhere from the run) and how much time passed.
 * A compact floor (half the screen, for Compare) keeps every text at 16 px or more and drops
 * details instead: no backlog and customer columns (one line above the floor says how many wait
 * and how many were delivered), the constraint tag without its reason.
 */
import * as Phaser from 'phaser';
import type { ItemView, Snapshot } from '../../sim';
import { COLOR, CSS, SIDE_PANEL_COLOR, TEXT, toCss } from '../../game/Theme';
import { setFirstFittingText, setFittedText } from '../UiStyle';
import { CARD_ATLAS, CARD_H, CARD_W, cardFace, cardKind, makeCardTextures, TEXTURE_RES, type CardKind, type CardStatus } from './CardTextures';
import { AVATAR_COLOR, avatarFrame, avatarRadius, DESK_FRAME, makePeopleTextures, PEOPLE_ATLAS, type AvatarKind, type AvatarRing } from './PeopleTextures';
import { FLOOR_CAMERA } from './FloorZoom';
import { FlatPanels } from './FlatPanels';
import { fitGrid, HEADER_H, layoutFloor, type FloorLayout, type FloorLayoutOptions, type Rect, type StationLayout } from './FloorLayout';

/** The floor's idea of the constraint: a station, and the person who makes it one (if any). */
export interface ConstraintMark {
  readonly center: string;
  readonly label: string;
}

interface CardSprite {
  readonly img: Phaser.GameObjects.Image;
  /** Atlas frame in use (type of work and marks baked in). */
  face: string;
  /** Set when the item has left the floor: the card flies to the customer and fades. */
  leaving: number;
}

interface Avatar {
  readonly body: Phaser.GameObjects.Container;
  /** Disc and ring, one image from the people atlas. */
  readonly face: Phaser.GameObjects.Image;
  readonly kind: AvatarKind;
  ring: AvatarRing;
}

interface StationParts {
  readonly layout: StationLayout;
  readonly frame: Phaser.GameObjects.Graphics;
  readonly wip: Phaser.GameObjects.Text;
  readonly more: Phaser.GameObjects.Text;
  readonly tag: Phaser.GameObjects.Text;
  lastKey: string;
  wipLine: string;
}

const GLIDE_MS = 90;
/** A compact floor's counts line sits this far above its top (the row of Compare's side labels). */
export const COUNTS_ABOVE = 48;
const LEAVE_MS = 700;
/**
 * Less geometry, same look: without a GPU (SwiftShader) every triangle is drawn on the CPU, and
 * Phaser cuts each arc into 100 pieces. Rounded corners merge pieces under 2.5 px (under 0.2 px
 * from a true curve at these sizes). Desks and people are images for the same reason.
 */
const PATH_DETAIL_PX = 2.5;
const PANEL_RADIUS = 8;

export class FloorView {
  readonly layout: FloorLayout;
  private readonly cards = new Map<number, CardSprite>();
  private readonly pool: CardSprite[] = [];
  private readonly avatars = new Map<string, Avatar>();
  private readonly stations: StationParts[];
  private readonly overlay: Phaser.GameObjects.Graphics;
  private readonly backlogText: Phaser.GameObjects.Text;
  private readonly backlogMore: Phaser.GameObjects.Text;
  private readonly customerText: Phaser.GameObjects.Text;
  private readonly sharedPeople: Set<string>;
  private snapshot: Snapshot | null = null;
  private flash = 0;
  private kDelta = NaN;
  private kReduced = false;
  private kValue = 1;
  /** No gliding or fading: cards jump to their places (the reduced-motion setting). */
  reducedMotion = false;

  constructor(private readonly scene: Phaser.Scene, area: Rect, first: Snapshot, options: FloorLayoutOptions = {}) {
    makeCardTextures(scene);
    makePeopleTextures(scene);
    // Cards are drawn texel for pixel, so the atlas is sampled without filtering (much cheaper on
    // a software renderer), unless the projector layout shows the floor enlarged.
    const enlarged = scene.cameras.getCamera(FLOOR_CAMERA) !== null;
    scene.textures.get(CARD_ATLAS).setFilter(enlarged ? Phaser.Textures.FilterMode.LINEAR : Phaser.Textures.FilterMode.NEAREST);
    this.layout = layoutFloor(area, first.centers.map((c) => ({ id: c.id, people: c.people.length })), options);
    const stationCount = new Map<string, number>();
    for (const c of first.centers) for (const p of c.people) stationCount.set(p, (stationCount.get(p) ?? 0) + 1);
    this.sharedPeople = new Set([...stationCount].filter(([, n]) => n > 1).map(([p]) => p));

    const sides = !this.layout.compact;
    // Panel fills first, under everything (clears: see FlatPanels), then their outlines.
    const panels = new FlatPanels(scene);
    if (sides) for (const r of [this.layout.backlog, this.layout.customer]) panels.add(r.x, r.y, r.w, r.h, { color: SIDE_PANEL_COLOR, radius: PANEL_RADIUS });
    for (const s of this.layout.stations) panels.add(s.box.x, s.box.y, s.box.w, s.box.h, { color: COLOR.panel, radius: PANEL_RADIUS, header: { height: HEADER_H, color: COLOR.panelRaised } });
    const bg = addGraphics(scene);
    const floor = this.layout.area;
    if (sides) {
      this.drawSide(bg, this.layout.backlog, 'Backlog');
      this.drawSide(bg, this.layout.customer, 'Customer');
      this.backlogText = scene.add.text(this.layout.backlog.x + this.layout.backlog.w / 2, this.layout.backlog.y + 36, '', { ...TEXT.small, align: 'center' }).setOrigin(0.5, 0);
      this.backlogMore = scene.add.text(this.layout.backlog.x + this.layout.backlog.w / 2, this.layout.backlog.y + this.layout.backlog.h - 26, '', TEXT.small).setOrigin(0.5, 0);
      const cu = this.layout.customer;
      this.customerText = scene.add.text(cu.x + cu.w / 2, cu.y + 36, '', { ...TEXT.value, fontSize: '28px' }).setOrigin(0.5, 0);
      scene.add.text(cu.x + cu.w / 2, cu.y + 72, 'delivered', TEXT.small).setOrigin(0.5, 0);
    } else {
      // One line, right-aligned, in the row above the floor (where the constraint tag is not).
      this.backlogText = scene.add.text(floor.x + floor.w, floor.y - COUNTS_ABOVE, '', { ...TEXT.small, color: CSS.text }).setOrigin(1, 0);
      this.backlogMore = scene.add.text(0, 0, '').setVisible(false);
      this.customerText = this.backlogText;
    }

    // Flow arrows between the stations, under everything else.
    const arrows = addGraphics(scene);
    const sts = this.layout.stations;
    for (let i = sides ? 0 : 1; i <= (sides ? sts.length : sts.length - 1); i++) {
      const left = i === 0 ? this.layout.backlog : sts[i - 1]!.box;
      const right = i === sts.length ? this.layout.customer : sts[i]!.box;
      const x0 = left.x + left.w + 2, x1 = right.x - 2, y = left.y + 20;
      arrows.fillStyle(COLOR.muted, 0.8).fillTriangle(x1, y, x1 - 7, y - 6, x1 - 7, y + 6);
      arrows.lineStyle(2, COLOR.muted, 0.8).lineBetween(x0, y, x1 - 6, y);
    }

    this.stations = sts.map((s, i) => {
      const c = first.centers[i]!;
      const frame = addGraphics(scene);
      const pad = this.layout.compact ? 6 : 10;
      setFittedText(scene.add.text(s.box.x + pad, s.box.y + 6, '', { ...TEXT.centerName, fontSize: s.box.w < 150 ? '16px' : '18px' }), c.name, s.box.w - 2 * pad);
      const wip = scene.add.text(s.box.x + pad, s.box.y + 26, '', { ...TEXT.small, fontSize: '16px' });
      const more = scene.add.text(s.box.x + s.box.w - 10, s.outbox.y - 4, '', TEXT.small).setOrigin(1, 1).setDepth(3);
      const tag = scene.add.text(s.box.x + s.box.w / 2, s.box.y - 2, '', { ...TEXT.small, color: CSS.background, fontStyle: 'bold', backgroundColor: CSS.accent, padding: { x: 6, y: 1 } }).setOrigin(0.5, 1).setDepth(4).setVisible(false);
      // Desks: a small table under each chair.
      for (const d of s.desks) scene.add.image(d.x - 17, d.y + 8, PEOPLE_ATLAS, DESK_FRAME).setOrigin(0, 0).setScale(1 / TEXTURE_RES);
      return { layout: s, frame, wip, more, tag, lastKey: '', wipLine: '' };
    });

    for (const p of first.people) this.avatars.set(p.id, this.makeAvatar(p.id, p.name, p.named));
    this.overlay = addGraphics(scene).setDepth(5);
    this.update(first, 0, null);
  }

  /** Draws the snapshot; `deltaMs` is the real time since the last frame (for gliding). */
  update(snapshot: Snapshot, deltaMs: number, constraint: ConstraintMark | null): void {
    this.snapshot = snapshot;
    this.flash = (this.flash + deltaMs) % 1000;
    const items = new Map<number, ItemView>();
    for (const it of snapshot.items) items.set(it.id, it);
    const seen = new Set<number>();
    const place = (id: number, x: number, y: number, scale: number, status: CardStatus) => {
      const it = items.get(id);
      if (it === undefined) return;
      seen.add(id);
      this.placeCard(it, x, y, scale, status, deltaMs);
    };

    if (this.layout.compact) {
      // No backlog column: its cards stay out of sight, and one line gives both counts.
      const counts = `Backlog ${snapshot.backlog.length} ${snapshot.frozen ? 'frozen' : 'waiting'} · ${snapshot.done} delivered`;
      if (this.backlogText.text !== counts) this.backlogText.setText(counts);
    } else {
      // Backlog: the oldest at the top; past the grid's capacity a count says how many more.
      const b = this.layout.backlog;
      const top = 62;
      const bgrid: Rect = { x: b.x + 6, y: b.y + top, w: b.w - 12, h: b.h - top - 34 };
      const bfit = fitGrid(bgrid, snapshot.backlog.length);
      const shownBacklog = Math.min(bfit.capacity, snapshot.backlog.length);
      for (let k = 0; k < shownBacklog; k++) {
        const p = bfit.position(k);
        place(snapshot.backlog[k]!, p.x, p.y, bfit.scale, null);
      }
      const waiting = `${snapshot.backlog.length} waiting${snapshot.frozen ? '\nfrozen' : ''}`;
      if (this.backlogText.text !== waiting) this.backlogText.setText(waiting);
      this.backlogMore.setText(snapshot.backlog.length > shownBacklog ? `+${snapshot.backlog.length - shownBacklog} more` : '');
      this.customerText.setText(String(snapshot.done));
    }

    const people = new Map(snapshot.people.map((p) => [p.id, p]));
    const g = this.overlay.clear();
    snapshot.centers.forEach((c, i) => {
      const st = this.stations[i];
      if (st === undefined) return;
      const s = st.layout;
      // In service: at the desk of the person doing it, with a progress bar.
      for (const pid of c.people) {
        const p = people.get(pid);
        if (p === undefined || !p.busy || p.center !== c.id) continue;
        const desk = s.desks[c.people.indexOf(pid)]!;
        // A batch shows as a small stack (at most three deep); the header counts the WIP.
        p.items.forEach((id, k) => {
          const d = Math.min(k, 2) * 3;
          place(id, desk.x + d, desk.y + 19 - d, 1, null);
        });
        const it = items.get(p.items[0] ?? -1);
        if (it !== undefined) {
          g.fillStyle(COLOR.track, 1).fillRect(desk.x - 15, desk.y + 31, 30, 4);
          g.fillStyle(p.incident ? COLOR.warning : COLOR.good, 1).fillRect(desk.x - 15, desk.y + 31, Math.round(30 * it.progress), 4);
        }
      }
      // The queue grid: waiting, then held for a batch, then work set aside by an incident.
      const waiting: [number, CardStatus][] = [];
      for (const id of c.queue) waiting.push([id, null]);
      for (const id of c.batching) waiting.push([id, null]);
      for (const id of c.suspended) waiting.push([id, 'paused']);
      const fit = fitGrid(s.grid, waiting.length + (c.wipLimit !== null ? 0 : 0));
      const shown = Math.min(fit.capacity, waiting.length);
      for (let k = 0; k < shown; k++) {
        const p = fit.position(k);
        place(waiting[k]![0], p.x, p.y, fit.scale, waiting[k]![1]);
      }
      // Empty WIP slots: room left under the limit, drawn as dashed outlines.
      if (c.wipLimit !== null) {
        const free = Math.max(0, c.wipLimit - c.wip);
        const slots = Math.min(free, fit.capacity - shown, 60);
        for (let k = 0; k < slots; k++) {
          const p = fit.position(shown + k);
          this.drawSlot(g, p.x, p.y, fit.scale);
        }
      }
      // Blocked: finished here, waiting for room downstream.
      const ofit = fitGrid(s.outbox, c.blocked.length);
      const oshown = Math.min(ofit.capacity, c.blocked.length);
      for (let k = 0; k < oshown; k++) {
        const p = ofit.position(k);
        place(c.blocked[k]!, p.x, p.y, ofit.scale, 'blocked');
      }
      const hidden = waiting.length - shown + (c.blocked.length - oshown);
      st.more.setText(hidden > 0 ? `+${hidden} more` : '');

      const incident = c.people.some((pid) => people.get(pid)?.incident === true && people.get(pid)?.center === c.id);
      const isConstraint = constraint?.center === c.id;
      const limit = c.wipLimit === null ? '' : ` / ${c.wipLimit}`;
      const blocked = c.blocked.length > 0 ? ` · ${c.blocked.length} blocked` : '';
      const batch = c.releaseEvery !== null ? ` · ships every ${c.releaseEvery}` : c.processBatch > 1 ? ` · batch ${c.processBatch}` : '';
      const shortBatch = c.releaseEvery !== null ? ` · every ${c.releaseEvery}` : c.processBatch > 1 ? ` · batch ${c.processBatch}` : '';
      const wipLine = `WIP ${c.wip}${limit}${blocked}${batch}`;
      if (wipLine !== st.wipLine) {
        st.wipLine = wipLine;
        // A narrow station says the same in fewer words before anything is cut.
        setFirstFittingText(st.wip, [wipLine, `WIP ${c.wip}${limit}${blocked}${shortBatch}`, `WIP ${c.wip}${limit}${blocked}`], s.box.w - 2 * (this.layout.compact ? 6 : 10));
      }
      const key = `${isConstraint}|${incident}|${incident ? Math.floor(this.flash / 500) : 0}|${constraint?.label ?? ''}`;
      if (key !== st.lastKey) {
        st.lastKey = key;
        this.drawFrame(st, isConstraint, incident && this.flash < 500);
        st.tag.setVisible(isConstraint || incident);
        if (incident) st.tag.setText('⚡ INCIDENT').setBackgroundColor(CSS.warning);
        else if (isConstraint) st.tag.setText(`CONSTRAINT${constraint!.label && !this.layout.compact ? ` · ${constraint!.label}` : ''}`).setBackgroundColor(CSS.accent);
      }
    });

    // People at their desks; a shared person walks to the station they work at.
    for (const p of snapshot.people) {
      const a = this.avatars.get(p.id);
      if (a === undefined) continue;
      const ci = snapshot.centers.findIndex((c) => c.id === (p.center ?? c.id));
      const c = snapshot.centers[Math.max(0, ci)]!;
      const desk = this.stations[Math.max(0, ci)]?.layout.desks[c.people.indexOf(p.id)];
      if (desk !== undefined) this.glide(a.body, desk.x, desk.y - 6, deltaMs);
      const ring: AvatarRing = p.incident ? 'incident' : p.busy ? 'busy' : 'idle';
      if (ring !== a.ring) {
        a.ring = ring;
        a.face.setFrame(avatarFrame(a.kind, ring));
      }
      a.body.setAlpha(p.busy ? 1 : 0.55);
    }

    // Cards no longer on the floor are done: they fly to the customer and fade.
    const cu = this.layout.customer;
    for (const [id, card] of this.cards) {
      if (seen.has(id)) continue;
      if (items.has(id)) {
        // On the floor but not drawn (past a grid's capacity): park it out of sight.
        card.img.setVisible(false);
        continue;
      }
      if (this.layout.compact) {
        // No customer column to fly to: the delivered count on the line above says it.
        this.release(id, card);
        continue;
      }
      if (card.leaving === 0) card.leaving = 1;
      card.leaving += deltaMs;
      const t = this.reducedMotion ? 1 : Math.min(1, card.leaving / LEAVE_MS);
      this.glide(card.img, cu.x + cu.w / 2, cu.y + 130, deltaMs);
      card.img.setAlpha(1 - t);
      if (t >= 1) this.release(id, card);
    }
  }

  /** Cards on screen (for tests and the benchmark). */
  get cardCount(): number {
    let n = 0;
    for (const c of this.cards.values()) if (c.img.visible && c.leaving === 0) n++;
    return n;
  }

  /** Where a card is drawn now (its rectangle in design space), or null if it is not on the floor. */
  cardBounds(id: number): { x: number; y: number; w: number; h: number } | null {
    const c = this.cards.get(id);
    if (c === undefined || !c.img.visible || c.leaving !== 0) return null;
    const w = c.img.displayWidth, h = c.img.displayHeight;
    return { x: c.img.x - w * c.img.originX, y: c.img.y - h * c.img.originY, w, h };
  }

  /** Ids of the cards on the floor, left to right then top to bottom (to pick one by keyboard). */
  visibleItems(): number[] {
    const shown: { id: number; x: number; y: number }[] = [];
    for (const [id, c] of this.cards) if (c.img.visible && c.leaving === 0) shown.push({ id, x: c.img.x, y: c.img.y });
    return shown.sort((a, b) => a.x - b.x || a.y - b.y || a.id - b.id).map((s) => s.id);
  }

  /** The card under a point of the design space, or null (for picking a card with the pointer). */
  itemAt(x: number, y: number): number | null {
    let best: number | null = null;
    let bestDepth = -Infinity;
    for (const id of this.cards.keys()) {
      const b = this.cardBounds(id);
      if (b === null || x < b.x || x > b.x + b.w || y < b.y || y > b.y + b.h) continue;
      // Later cards are drawn on top of earlier ones at the same depth.
      const depth = this.cards.get(id)!.img.depth * 1e9 + id;
      if (depth > bestDepth) {
        bestDepth = depth;
        best = id;
      }
    }
    return best;
  }

  private placeCard(it: ItemView, x: number, y: number, scale: number, status: CardStatus, deltaMs: number): void {
    let card = this.cards.get(it.id);
    const kind = cardKind(it.kind);
    if (card === undefined) {
      card = this.take(kind);
      // New cards appear at the backlog's door.
      const b = this.layout.backlog;
      card.img.setPosition(b.x + b.w / 2, b.y + 48);
      this.cards.set(it.id, card);
    }
    const face = cardFace(kind, status, it.late ? 'late' : it.rework ? 'rework' : null, scale < 1);
    if (card.face !== face) {
      card.img.setFrame(face);
      card.face = face;
    }
    card.leaving = 0;
    if (!card.img.visible) card.img.setVisible(true);
    if (card.img.alpha !== 1) card.img.setAlpha(1);
    this.glide(card.img, x, y, deltaMs);
  }

  private glide(obj: { x: number; y: number; setPosition(x: number, y: number): unknown }, x: number, y: number, deltaMs: number): void {
    if (obj.x === x && obj.y === y) return;
    const k = this.k(deltaMs);
    const nx = obj.x + (x - obj.x) * k, ny = obj.y + (y - obj.y) * k;
    obj.setPosition(Math.abs(nx - x) < 0.5 ? x : nx, Math.abs(ny - y) < 0.5 ? y : ny);
  }

  /** How far a glide goes in deltaMs (the last answer kept: every card asks with the same frame time). */
  private k(deltaMs: number): number {
    if (deltaMs !== this.kDelta || this.reducedMotion !== this.kReduced) {
      this.kDelta = deltaMs;
      this.kReduced = this.reducedMotion;
      this.kValue = this.reducedMotion || deltaMs <= 0 ? 1 : 1 - Math.exp(-deltaMs / GLIDE_MS);
    }
    return this.kValue;
  }

  private take(kind: CardKind): CardSprite {
    const face = cardFace(kind);
    const card = this.pool.pop();
    if (card !== undefined) {
      card.img.setFrame(face).setVisible(true).setAlpha(1);
      card.face = face;
      card.leaving = 0;
      return card;
    }
    // Frames are painted at the size they are shown: the image is never scaled (texel for pixel).
    return { img: this.scene.add.image(0, 0, CARD_ATLAS, face).setDepth(1).setScale(1 / TEXTURE_RES), face, leaving: 0 };
  }

  private release(id: number, card: CardSprite): void {
    this.cards.delete(id);
    card.img.setVisible(false);
    this.pool.push(card);
  }

  private drawSlot(g: Phaser.GameObjects.Graphics, x: number, y: number, scale: number): void {
    const w = CARD_W * scale, h = CARD_H * scale;
    g.lineStyle(1, 0x5d6b88, 1).strokeRoundedRect(Math.round(x - w / 2) + 0.5, Math.round(y - h / 2) + 0.5, w - 1, h - 1, 3 * scale);
  }

  private drawFrame(st: StationParts, constraint: boolean, alarm: boolean): void {
    const b = st.layout.box;
    const g = st.frame.clear();
    const stroke = alarm ? COLOR.warning : constraint ? COLOR.accent : COLOR.panelStroke;
    g.lineStyle(constraint || alarm ? 3 : 1, stroke, 1).strokeRoundedRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1, PANEL_RADIUS);
    const o = st.layout.outbox;
    g.lineStyle(1, COLOR.panelStroke, 1).lineBetween(o.x, o.y - 2, o.x + o.w, o.y - 2);
  }

  private drawSide(g: Phaser.GameObjects.Graphics, r: Rect, title: string): void {
    g.lineStyle(1, COLOR.panelStroke, 1).strokeRoundedRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1, PANEL_RADIUS);
    this.scene.add.text(r.x + r.w / 2, r.y + 8, title, TEXT.centerName).setOrigin(0.5, 0);
  }

  private makeAvatar(id: string, name: string, named: boolean): Avatar {
    const shared = this.sharedPeople.has(id);
    const kind: AvatarKind = shared ? 'shared' : named ? 'named' : 'worker';
    const r = avatarRadius(kind);
    const face = this.scene.add.image(0, 0, PEOPLE_ATLAS, avatarFrame(kind, 'idle')).setScale(1 / TEXTURE_RES);
    const parts: Phaser.GameObjects.GameObject[] = [face];
    if (named) {
      parts.push(this.scene.add.text(0, 1, name.slice(0, 1).toUpperCase(), { ...TEXT.small, color: CSS.background, fontStyle: 'bold', fontSize: shared ? '18px' : '16px' }).setOrigin(0.5));
      // Two rows of desks leave no room for name tags: the initial on the avatar says who it is.
      if (shared && this.layout.deskRows === 1) parts.push(this.scene.add.text(0, -r - 4, name, { ...TEXT.small, color: toCss(AVATAR_COLOR.shared), fontStyle: 'bold' }).setOrigin(0.5, 1));
    }
    const body = this.scene.add.container(0, 0, parts).setDepth(shared ? 6 : 3);
    return { body, face, kind, ring: 'idle' };
  }
}

function addGraphics(scene: Phaser.Scene): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics();
  g.pathDetailThreshold = PATH_DETAIL_PX;
  return g;
}
