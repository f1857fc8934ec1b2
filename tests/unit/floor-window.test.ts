/**
 * The projector layout's enlarged floor: laid out in a smaller world area, shown by its own camera
 * in the floor's place on screen, drawn before the main camera; pointers and marks map between the
 * two exactly, and a plain floor maps to itself.
 */
import { describe, expect, it } from 'vitest';
import type * as Phaser from 'phaser';
import { FloorWindow, PROJECTOR_FLOOR_ZOOM } from '../../src/ui/floor/FloorZoom';

const screen = { x: 24, y: 220, w: 1232, h: 388 };

/** Just enough of a scene's camera manager to record what the floor camera is told. */
function fakeScene() {
  const made: { name: string; viewport: number[]; zoom: number; center: number[] }[] = [];
  const main = { name: '' };
  const cameras: object[] = [main];
  const scene = {
    cameras: {
      cameras,
      add(x: number, y: number, w: number, h: number) {
        const cam = { name: '', viewport: [x, y, w, h], zoom: 1, center: [] as number[] };
        const api = {
          setName: (n: string) => ((cam.name = n), api),
          setZoom: (z: number) => ((cam.zoom = z), api),
          centerOn: (cx: number, cy: number) => ((cam.center = [cx, cy]), api),
        };
        made.push(cam);
        cameras.push(api);
        return api;
      },
    },
  };
  return { scene: scene as unknown as Phaser.Scene, made, cameras, main };
}

describe('the floor window', () => {
  it('maps a plain floor to itself', () => {
    const w = FloorWindow.plain(screen);
    expect(w.world).toEqual(screen);
    expect(w.toWorld(100, 300)).toEqual({ x: 100, y: 300 });
    expect(w.toScreen({ x: 50, y: 250, w: 26, h: 18 })).toEqual({ x: 50, y: 250, w: 26, h: 18 });
  });

  it('lays an enlarged floor out smaller, away from the design space, with its camera drawn first', () => {
    const { scene, made, cameras, main } = fakeScene();
    const w = FloorWindow.enlarged(scene, screen);
    expect(w.world.w).toBe(Math.floor(screen.w / PROJECTOR_FLOOR_ZOOM));
    expect(w.world.h).toBe(Math.floor(screen.h / PROJECTOR_FLOOR_ZOOM));
    expect(w.world.y).toBeGreaterThan(720);
    expect(made).toHaveLength(1);
    expect(made[0]!.viewport).toEqual([screen.x, screen.y, screen.w, screen.h]);
    expect(made[0]!.zoom).toBe(PROJECTOR_FLOOR_ZOOM);
    expect(made[0]!.center).toEqual([w.world.x + w.world.w / 2, w.world.y + w.world.h / 2]);
    expect(cameras[cameras.length - 1]).toBe(main);
  });

  it('maps screen points to the world and world rectangles back to the screen', () => {
    const { scene } = fakeScene();
    const w = FloorWindow.enlarged(scene, screen);
    expect(w.toWorld(screen.x, screen.y)).toEqual({ x: w.world.x, y: w.world.y });
    const card = { x: w.world.x + 100, y: w.world.y + 80, w: 26, h: 18 };
    const shown = w.toScreen(card);
    expect(shown.w).toBeCloseTo(26 * PROJECTOR_FLOOR_ZOOM, 9);
    const back = w.toWorld(shown.x + shown.w / 2, shown.y + shown.h / 2);
    expect(back.x).toBeCloseTo(card.x + card.w / 2, 9);
    expect(back.y).toBeCloseTo(card.y + card.h / 2, 9);
  });
});
