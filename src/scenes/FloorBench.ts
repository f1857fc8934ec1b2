/**
 * The floor benchmark (`?bench=floor&cards=N`, measured by scripts/bench-game.ts): the Play
 * scene's FloorView, in the same place on the screen, drawing a synthetic Brent floor with N
 * unfinished items (src/game/BenchSnapshot.ts) that moves on every frame, so cards glide the
 * whole time. No engine, no HUD, no font loading: only the floor, as the game draws it.
 *
 * `window.__phoenixBench` (read-only) says when the floor is up, how many items it holds, how
 * many cards are on screen, and how long the frames' own work took (snapshot, floor update,
 * render) for profiling.
 */
import * as Phaser from 'phaser';
import { BenchFloor, BENCH_CENTERS, type BenchRoom } from '../game/BenchSnapshot';
import { createGameConfig, zoomToDesign } from '../game/GameConfig';
import { rendererChoice, type RendererChoice } from '../game/RendererChoice';
import { FloorView, type ConstraintMark } from '../ui/floor/FloorView';
import { fitGrid, HEADER_H, layoutFloor, type Rect } from '../ui/floor/FloorLayout';

/** Where Play draws the floor (its MARGIN, FLOOR_Y and FLOOR_H on the 1280x720 design). */
export const BENCH_FLOOR_AREA: Rect = { x: 24, y: 204, w: 1280 - 2 * 24, h: 404 };
/** Frames drawn before the hook says ready (the first ones pay for texture uploads). */
const SETTLE_FRAMES = 10;
const CONSTRAINT: ConstraintMark = { center: 'ops', label: 'Brent' };
export const BENCH_SCENE_KEY = 'FloorBench';

/** Cumulative since the scene started: frames updated and milliseconds spent in each part. */
export interface BenchTimings {
  readonly frames: number;
  readonly snapshotMs: number;
  readonly floorMs: number;
  /** Phaser's render of the whole scene (game PRE_RENDER to POST_RENDER). */
  readonly renderMs: number;
  readonly renders: number;
}

export interface PhoenixBenchHook {
  readonly ready: boolean;
  /** Unfinished items on the floor. */
  readonly cards: number;
  /** Card images on screen now (FloorView.cardCount): the rest are counted as "+N more". */
  readonly onScreen: number;
  timings(): BenchTimings;
  /** The renderer drawing the floor (WebGL or Canvas 2D) and why it was chosen. */
  renderer(): RendererChoice;
  /** Where the floor's panels are drawn (design pixels), for the browser test that looks at their paint. */
  panels(): { backlog: Rect; customer: Rect; stations: Rect[]; headerHeight: number };
}

declare global {
  interface Window {
    __phoenixBench?: PhoenixBenchHook;
  }
}

/** How many cards each part of the floor shows at half size (as FloorView fits its grids). */
export function benchRoom(area: Rect): BenchRoom {
  const layout = layoutFloor(area, BENCH_CENTERS.map((c) => ({ id: c.id, people: c.people.length })));
  const b = layout.backlog;
  // FloorView's backlog grid: below the title and count, above the "+N more" line.
  const backlog = fitGrid({ x: b.x + 6, y: b.y + 62, w: b.w - 12, h: b.h - 96 }, Infinity).capacity;
  const grid = Math.min(...layout.stations.map((s) => fitGrid(s.grid, Infinity).capacity));
  const outbox = Math.min(...layout.stations.map((s) => fitGrid(s.outbox, Infinity).capacity));
  return { backlog, grid, outbox };
}

export class FloorBench extends Phaser.Scene {
  private bench!: BenchFloor;
  private floor!: FloorView;
  private frames = 0;
  private snapshotMs = 0;
  private floorMs = 0;
  private renderMs = 0;
  private renders = 0;

  constructor(private readonly cards: number) {
    super(BENCH_SCENE_KEY);
  }

  get ready(): boolean {
    return this.frames >= SETTLE_FRAMES && this.renders >= SETTLE_FRAMES;
  }

  /** Items on the floor (the benchmark holds at least 20). */
  get items(): number {
    return this.bench === undefined ? this.cards : this.bench.cards;
  }

  get onScreen(): number {
    return this.floor === undefined ? 0 : this.floor.cardCount;
  }

  get panels(): ReturnType<PhoenixBenchHook['panels']> {
    const l = this.floor.layout;
    return structuredClone({ backlog: l.backlog, customer: l.customer, stations: l.stations.map((s) => s.box), headerHeight: HEADER_H });
  }

  get timings(): BenchTimings {
    return { frames: this.frames, snapshotMs: this.snapshotMs, floorMs: this.floorMs, renderMs: this.renderMs, renders: this.renders };
  }

  create(): void {
    zoomToDesign(this);
    this.bench = new BenchFloor({ items: this.cards, seed: 1, room: benchRoom(BENCH_FLOOR_AREA) });
    this.floor = new FloorView(this, BENCH_FLOOR_AREA, this.bench.snapshot);
    let start = 0;
    const pre = () => (start = performance.now());
    const post = () => {
      this.renderMs += performance.now() - start;
      this.renders++;
    };
    this.game.events.on(Phaser.Core.Events.PRE_RENDER, pre);
    this.game.events.on(Phaser.Core.Events.POST_RENDER, post);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.game.events.off(Phaser.Core.Events.PRE_RENDER, pre);
      this.game.events.off(Phaser.Core.Events.POST_RENDER, post);
    });
  }

  override update(_time: number, delta: number): void {
    const t0 = performance.now();
    const snapshot = this.bench.tick();
    const t1 = performance.now();
    this.floor.update(snapshot, delta, CONSTRAINT);
    const t2 = performance.now();
    this.snapshotMs += t1 - t0;
    this.floorMs += t2 - t1;
    this.frames++;
  }
}

/** A game with the floor benchmark only, on the game's own renderer settings. */
export function startFloorBench(parent: string | HTMLElement, cards: number): Phaser.Game {
  const scene = new FloorBench(cards);
  const game = new Phaser.Game(createGameConfig(parent, [scene]));
  const hook: PhoenixBenchHook = Object.freeze({
    get ready() {
      return scene.sys.isActive() && scene.ready;
    },
    get cards() {
      return scene.items;
    },
    get onScreen() {
      return scene.onScreen;
    },
    timings: () => scene.timings,
    renderer: () => ({ ...rendererChoice() }),
    panels: () => scene.panels,
  });
  Object.defineProperty(window, '__phoenixBench', { value: hook, writable: false, enumerable: false, configurable: true });
  return game;
}
