/**
 * A cheaper tint for Phaser's textured batches. Phaser's stock fragment shader serves eight tint
 * modes through a chain of branches on a per-vertex value; a software renderer (SwiftShader,
 * where there is no GPU) runs every branch for every pixel, which made one full-screen image cost
 * about 18 ms a frame. The game only ever uses the default tint mode (multiply), so the textured
 * batches get a shader that does just that: the same colours, a fraction of the work. Other tint
 * modes (fill, add, screen...) are not drawn by this build.
 */
import type * as Phaser from 'phaser';

/** Premultiplied texel times the tint colour, then the alpha: Phaser's multiply mode without the unpremultiply round trip. */
const MULTIPLY_TINT = [
  'vec4 applyTint(vec4 texture)',
  '{',
  '    return vec4(texture.rgb * outTint.bgr, texture.a) * outTint.a;',
  '}',
].join('\n');

/** The batch handlers that draw textured quads (images, text, render textures, camera composites). */
const TEXTURED_HANDLERS = ['BatchHandlerQuad', 'BatchHandlerQuadSingle'] as const;

interface ShaderAddition {
  name: string;
  additions: Record<string, string>;
  tags?: string[];
  disable?: boolean;
}
interface ProgramManagerLike {
  getAdditionsByTag(tag: string): ShaderAddition[];
  replaceAddition(name: string, addition: ShaderAddition): void;
}
interface RenderNodesLike {
  getNode(name: string): { programManager?: ProgramManagerLike } | undefined;
}

/** Swaps the tint step of every textured batch handler; call once the renderer exists (postBoot). Returns how many handlers changed. */
export function useMultiplyOnlyTint(game: Phaser.Game): number {
  const nodes = (game.renderer as unknown as { renderNodes?: RenderNodesLike } | null)?.renderNodes;
  if (nodes === undefined) return 0; // the Canvas renderer has no shaders
  let changed = 0;
  for (const name of TEXTURED_HANDLERS) {
    const pm = nodes.getNode(name)?.programManager;
    const tint = pm?.getAdditionsByTag('TINT')[0];
    if (pm === undefined || tint === undefined) continue;
    // A new name gives the programs a new cache key, so no stock program is reused by mistake.
    pm.replaceAddition(tint.name, { ...tint, name: 'TintMultiply', additions: { ...tint.additions, fragmentHeader: MULTIPLY_TINT } });
    changed++;
  }
  return changed;
}
