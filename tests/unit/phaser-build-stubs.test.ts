/**
 * The game's build replaces Phaser modules it never uses with stubs (vite.config.ts,
 * PHASER_UNUSED_MODULES): filters, lights, tilemap tiles, ropes, GPU layers and their shaders.
 * A stub throws if it is ever constructed, so this keeps the game's code away from those
 * features, and checks that the pattern hits those modules and none the game draws with (nor the
 * tile sprite nodes: Phaser's texture manager makes a TileSprite at boot).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PHASER_UNUSED_MODULES } from '../../vite.config';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PHASER_SRC = path.join(ROOT, 'node_modules/phaser/src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Words that would mean the game reaches for a stubbed feature. */
const STUBBED_FEATURES = /\b(enableFilters|filters|PointLight|pointlight|Rope|rope|SpriteGPULayer|TilemapGPULayer|HashSimplex|setLighting|lights)\b/;

describe('the Phaser modules the build leaves out', () => {
  const phaserFiles = filesUnder(PHASER_SRC).filter((f) => f.endsWith('.js'));
  const stubbed = phaserFiles.filter((f) => PHASER_UNUSED_MODULES.test(f)).map((f) => path.relative(PHASER_SRC, f));

  test('are the filters, lights, tilemap tiles, ropes and GPU layers, with their shaders', () => {
    expect(stubbed.length).toBeGreaterThan(60);
    for (const expected of ['renderer/webgl/renderNodes/filters/FilterBlur.js', 'renderer/webgl/shaders/FilterGlow-frag.js', 'renderer/webgl/renderNodes/BatchHandlerPointLight.js', 'renderer/webgl/renderNodes/submitter/SubmitterTile.js', 'renderer/webgl/renderNodes/submitter/SubmitterSpriteGPULayer.js', 'math/HashSimplex.js']) {
      expect(stubbed).toContain(expected);
    }
  });

  test('never include what the game draws with', () => {
    for (const kept of ['BatchHandlerTileSprite', 'SubmitterTileSprite', 'TexturerTileSprite', 'TransformerTileSprite', 'BatchHandlerQuad', 'BatchHandlerQuadSingle', 'BatchHandlerTriFlat', 'SubmitterQuad', 'TexturerImage', 'TransformerImage', 'Multi-frag', 'Multi-vert', 'Flat-frag', 'Flat-vert', 'BaseFilter', 'FillCamera', 'StrokePath', 'YieldContext', 'RebindContext']) {
      expect(stubbed.filter((f) => path.basename(f, '.js') === kept)).toEqual([]);
    }
  });

  test('are not used anywhere in the game', () => {
    const offenders = filesUnder(path.join(ROOT, 'src'))
      .filter((f) => /\.(ts|js)$/.test(f) && !f.includes(`${path.sep}sim${path.sep}`))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${path.relative(ROOT, f)}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => !line.startsWith('*') && !line.startsWith('//') && STUBBED_FEATURES.test(line)),
      );
    expect(offenders).toEqual([]);
  });
});
