import { describe, expect, it } from 'vitest';
import type * as Phaser from 'phaser';
import { useMultiplyOnlyTint } from '../../src/game/MultiplyTint';

/** A render node's program manager, as far as the tint swap uses it. */
function fakeProgramManager(additions: { name: string; additions: Record<string, string>; tags?: string[] }[]) {
  return {
    additions,
    getAdditionsByTag(tag: string) {
      return this.additions.filter((a) => a.tags?.includes(tag));
    },
    replaceAddition(name: string, addition: (typeof additions)[number]) {
      const i = this.additions.findIndex((a) => a.name === name);
      if (i !== -1) this.additions[i] = addition;
    },
  };
}

const stockTint = () => ({ name: 'Tint', additions: { fragmentHeader: 'vec4 applyTint(vec4 texture) { /* eight modes */ }', fragmentProcess: 'fragColor = applyTint(fragColor);' }, tags: ['TINT'] });

describe('MultiplyTint', () => {
  it('swaps the tint step of the textured batch handlers for a multiply-only one, keeping the rest', () => {
    const quad = fakeProgramManager([{ name: 'TexCount', additions: {}, tags: ['TexCount'] }, stockTint()]);
    const single = fakeProgramManager([stockTint()]);
    const nodes: Record<string, { programManager: ReturnType<typeof fakeProgramManager> }> = { BatchHandlerQuad: { programManager: quad }, BatchHandlerQuadSingle: { programManager: single } };
    const game = { renderer: { renderNodes: { getNode: (n: string) => nodes[n] } } } as unknown as Phaser.Game;
    expect(useMultiplyOnlyTint(game)).toBe(2);
    for (const pm of [quad, single]) {
      const tint = pm.getAdditionsByTag('TINT');
      expect(tint).toHaveLength(1);
      // A new name, so a program compiled with the stock tint is never taken from the cache.
      expect(tint[0]!.name).toBe('TintMultiply');
      expect(tint[0]!.additions.fragmentHeader).toContain('texture.rgb * outTint.bgr');
      expect(tint[0]!.additions.fragmentHeader).not.toContain('tintMode');
      expect(tint[0]!.additions.fragmentProcess).toBe('fragColor = applyTint(fragColor);');
    }
    expect(quad.additions[0]!.name).toBe('TexCount');
    // Done twice, nothing more changes (the tint step is found by its tag, not its name).
    expect(useMultiplyOnlyTint(game)).toBe(2);
    expect(quad.getAdditionsByTag('TINT')[0]!.name).toBe('TintMultiply');
  });

  it('leaves a renderer without shaders (Canvas) alone', () => {
    expect(useMultiplyOnlyTint({ renderer: {} } as unknown as Phaser.Game)).toBe(0);
    expect(useMultiplyOnlyTint({ renderer: null } as unknown as Phaser.Game)).toBe(0);
  });
});
