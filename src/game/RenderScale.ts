/**
 * How many canvas pixels the game draws per design pixel. Scenes are laid out in a 1280x720
 * design space; on a bigger window (a 1080p projector) the canvas is made bigger and every
 * camera zooms, instead of stretching a small canvas, so text and shapes stay crisp. Chosen once
 * at start-up from the window and the screen's pixel ratio: 1, 1.5 or 2.
 */
export const RENDER_SCALES = [1, 1.5, 2] as const;

export function pickRenderScale(width: number, height: number, pixelRatio: number): number {
  const wanted = Math.min(width / 1280, height / 720) * (pixelRatio > 0 ? pixelRatio : 1);
  let best = 1;
  for (const s of RENDER_SCALES) if (wanted >= s - 0.05) best = s;
  return best;
}

export const RENDER_SCALE: number =
  typeof window === 'undefined' ? 1 : pickRenderScale(window.innerWidth, window.innerHeight, window.devicePixelRatio);
