/**
 * Which of Phaser's renderers draws the game: WebGL on a machine with a graphics card, Canvas 2D
 * where WebGL would run in software (SwiftShader, llvmpipe and the like: virtual machines, remote
 * desktops, school laptops whose GPU the browser refuses, headless browsers). Without a GPU every
 * WebGL frame is rasterised on the CPU and then read back for the page, and Canvas 2D is about
 * twice as cheap: 1,000 moving cards cost ~25 ms of CPU a frame with WebGL and ~12 ms with Canvas
 * on our 2-core test machines (scripts/bench-game.ts prints both).
 *
 * `?renderer=webgl` or `?renderer=canvas` in the address overrides the choice (for trainers whose
 * machine guesses wrong, and for the tests, which check that both renderers draw the same game).
 * Chosen once at start-up, like the render scale.
 */
export type RendererKind = 'webgl' | 'canvas';

export interface RendererChoice {
  readonly kind: RendererKind;
  /** Why, in a few words (shown by the test hook and the benchmark). */
  readonly why: string;
}

/** What a throwaway WebGL context says about itself; null when the browser has no WebGL. */
export interface GlProbe {
  /** The driver's own name for the renderer (unmasked when the browser allows it). */
  readonly renderer: string;
}

/** Renderer names of WebGL implementations that draw on the CPU. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver|mesa offscreen/i;

export function isSoftwareGl(renderer: string): boolean {
  return SOFTWARE_GL.test(renderer);
}

/**
 * The choice, from the address's `renderer` parameter (null when absent) and a probe of WebGL.
 * The probe is a function so that a forced choice never pays for a WebGL context.
 */
export function pickRenderer(requested: string | null, probe: () => GlProbe | null): RendererChoice {
  const wanted = requested?.trim().toLowerCase() ?? '';
  if (wanted === 'canvas') return { kind: 'canvas', why: 'asked for in the address' };
  if (wanted === 'webgl') {
    return probe() === null ? { kind: 'canvas', why: 'WebGL was asked for but this browser has none' } : { kind: 'webgl', why: 'asked for in the address' };
  }
  const gl = probe();
  if (gl === null) return { kind: 'canvas', why: 'this browser has no WebGL' };
  const software = SOFTWARE_GL.exec(gl.renderer);
  if (software !== null) return { kind: 'canvas', why: `WebGL would run in software here (${software[0]})` };
  return { kind: 'webgl', why: 'WebGL with a graphics card' };
}

/** Asks a throwaway WebGL context for its renderer's name, then lets the context go. */
export function probeWebGl(doc: Document): GlProbe | null {
  try {
    const canvas = doc.createElement('canvas');
    const gl = (canvas.getContext('webgl') ?? canvas.getContext('experimental-webgl')) as WebGLRenderingContext | null;
    if (gl === null) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info !== null ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { renderer };
  } catch {
    return null;
  }
}

let chosen: RendererChoice | null = null;

/** The game's renderer, chosen on first use from this page's address and WebGL. */
export function rendererChoice(): RendererChoice {
  if (chosen === null) {
    const requested = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('renderer');
    chosen = typeof document === 'undefined' ? { kind: 'webgl', why: 'no page' } : pickRenderer(requested, () => probeWebGl(document));
    if (requested !== null && !['webgl', 'canvas'].includes(requested.trim().toLowerCase())) {
      console.warn(`Phoenix Flow: renderer=${requested} is not a renderer (webgl or canvas); chose ${chosen.kind}`);
    }
  }
  return chosen;
}
