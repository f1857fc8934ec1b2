/**
 * The projector layout's bigger floor. The floor is laid out in a smaller area, placed far below
 * the scene's 1280x720 design space where the main camera never looks, and a second camera shows
 * that area enlarged in the floor's place on screen. Cards, avatars and station names all grow by
 * the same factor and the floor's own layout code stays the one used everywhere else.
 *
 * The floor camera renders first, so everything the main camera draws (banners, help, presenter
 * notes, toasts, a replay's selection mark) stays on top of the floor; the main camera keeps the
 * pointer, and `FloorWindow` maps between screen and floor.
 */
import type * as Phaser from 'phaser';
import { RENDER_SCALE } from '../../game/RenderScale';
import type { Rect } from './FloorLayout';

/** How much bigger the floor is drawn in the projector layout. */
export const PROJECTOR_FLOOR_ZOOM = 1.25;
/** Name of the camera that shows the enlarged floor. */
export const FLOOR_CAMERA = 'floor';
/** Where the enlarged floor's world lives: well outside the design space. */
const FLOOR_WORLD_Y = 4000;

/**
 * Where a floor lives: `world` is the area to lay it out in, `screen` where it shows (design
 * pixels). Plain floors have the two equal; an enlarged floor maps between them for pointers and
 * for marks drawn over it by the main camera.
 */
export class FloorWindow {
  private constructor(readonly screen: Rect, readonly world: Rect, readonly zoom: number) {}

  /** The floor drawn where it is laid out, by the scene's main camera. */
  static plain(screen: Rect): FloorWindow {
    return new FloorWindow(screen, screen, 1);
  }

  /** Adds the floor camera (drawing first, so the main camera's texts stay on top). */
  static enlarged(scene: Phaser.Scene, screen: Rect, zoom = PROJECTOR_FLOOR_ZOOM): FloorWindow {
    const world: Rect = { x: 0, y: FLOOR_WORLD_Y, w: Math.floor(screen.w / zoom), h: Math.floor(screen.h / zoom) };
    const s = RENDER_SCALE;
    const camera = scene.cameras.add(Math.round(screen.x * s), Math.round(screen.y * s), Math.round(screen.w * s), Math.round(screen.h * s));
    camera.setName(FLOOR_CAMERA).setZoom(s * zoom).centerOn(world.x + world.w / 2, world.y + world.h / 2);
    const list = scene.cameras.cameras;
    list.splice(list.indexOf(camera), 1);
    list.unshift(camera);
    return new FloorWindow(screen, world, zoom);
  }

  /** The plain floor, or the enlarged one in the projector layout. */
  static forLayout(scene: Phaser.Scene, screen: Rect, projector: boolean): FloorWindow {
    return projector ? FloorWindow.enlarged(scene, screen) : FloorWindow.plain(screen);
  }

  /** A point on screen (design pixels: a pointer's main-camera position) in the floor's world. */
  toWorld(x: number, y: number): { x: number; y: number } {
    return { x: this.world.x + (x - this.screen.x) / this.zoom, y: this.world.y + (y - this.screen.y) / this.zoom };
  }

  /** A rectangle of the floor's world where it shows on screen. */
  toScreen(r: Rect): Rect {
    return { x: this.screen.x + (r.x - this.world.x) * this.zoom, y: this.screen.y + (r.y - this.world.y) * this.zoom, w: r.w * this.zoom, h: r.h * this.zoom };
  }
}
