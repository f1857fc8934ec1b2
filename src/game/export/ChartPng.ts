/**
 * A PNG of one rectangle of the game's canvas (a debrief chart with its title and axes), at the
 * canvas's own resolution: RENDER_SCALE pixels per design pixel, so a chart exported on a 1080p
 * screen is 1.5x sharper than on a laptop. The renderer reads the pixels after the next frame
 * is drawn (`snapshotArea`, WebGL or Canvas) and hands back an image; it is copied to a canvas
 * and encoded as a PNG Blob. Phaser's renderer is taken as a plain interface so this file needs
 * no Phaser.
 */

/** A rectangle in design pixels (the 1280x720 layout space). */
export interface DesignRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What the Phaser renderer offers (both renderers have this signature). */
export interface AreaSnapshotter {
  snapshotArea(x: number, y: number, width: number, height: number, callback: (snapshot: unknown) => void, type?: string): unknown;
}

/** The rectangle in canvas pixels, clipped to the canvas. */
export function canvasRect(rect: DesignRect, scale: number, canvasWidth: number, canvasHeight: number): DesignRect {
  const x = Math.max(0, Math.round(rect.x * scale));
  const y = Math.max(0, Math.round(rect.y * scale));
  const width = Math.max(1, Math.min(canvasWidth - x, Math.round(rect.width * scale)));
  const height = Math.max(1, Math.min(canvasHeight - y, Math.round(rect.height * scale)));
  return { x, y, width, height };
}

/** Resolves with a PNG of `rect` (design pixels) as drawn in the next frame. */
export function chartPng(renderer: AreaSnapshotter, canvas: { width: number; height: number }, rect: DesignRect, scale: number): Promise<Blob> {
  const r = canvasRect(rect, scale, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    renderer.snapshotArea(r.x, r.y, r.width, r.height, (snapshot) => {
      if (!(snapshot instanceof HTMLImageElement)) {
        reject(new Error('the picture of the chart could not be read'));
        return;
      }
      const out = document.createElement('canvas');
      out.width = r.width;
      out.height = r.height;
      const ctx = out.getContext('2d');
      if (ctx === null) {
        reject(new Error('this browser cannot make a PNG here'));
        return;
      }
      ctx.drawImage(snapshot, 0, 0);
      out.toBlob((blob) => (blob === null ? reject(new Error('the PNG could not be encoded')) : resolve(blob)), 'image/png');
    }, 'image/png');
  });
}
