/**
 * Vite settings for the game. Explicit for dev, preview and build: everything is served on
 * 127.0.0.1 only, the build uses relative URLs (base './') so dist/ works from any static folder,
 * and Phaser gets a chunk of its own (it changes far less often than the game's code).
 *
 * Phaser is built from its sources, not taken prebuilt: `phaser` resolves to
 * src/phaser/PhaserCustom.js, which assembles the namespace from `phaser/src/...` with only the
 * parts the game uses, and `define` sets Phaser's compile-time feature switches (the ones its own
 * webpack configs set) so that unused renderers and features drop out. TypeScript still takes
 * its types from the `phaser` package.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const PHASER_ENTRY = fileURLToPath(new URL('./src/phaser/PhaserCustom.js', import.meta.url));
const PHASER_SRC = fileURLToPath(new URL('./node_modules/phaser/src/', import.meta.url));
/**
 * The dev server pre-bundles the entry like a dependency and keys that cache on the lockfile and
 * this config only; the entry's hash in the config makes an edit to it rebuild the cache on the
 * next start (no `--force` needed).
 */
const PHASER_ENTRY_HASH = createHash('sha256').update(readFileSync(PHASER_ENTRY)).digest('hex').slice(0, 12);

/** Phaser's compile-time switches (`if (typeof WEBGL_RENDERER)` in its sources). */
const PHASER_FEATURES = {
  'typeof WEBGL_RENDERER': 'true',
  'typeof CANVAS_RENDERER': 'true', // Phaser.AUTO's fallback when WebGL is unavailable; about 3 kB gz
  'typeof WEBGL_DEBUG': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
  'typeof EXPERIMENTAL': 'false',
};

export default defineConfig({
  base: './',
  resolve: {
    alias: [
      { find: /^phaser$/, replacement: PHASER_ENTRY },
      // phaser's package.json `exports` hides its sources; reach them by path.
      { find: /^phaser\/src\//, replacement: PHASER_SRC },
    ],
  },
  define: PHASER_FEATURES,
  // Assets are imported from code (src/game/Assets.ts), so nothing is copied as-is.
  publicDir: false,
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
  },
  // Pre-bundle the dependencies up front so the first page load never triggers a reload. 'phaser'
  // is the custom entry (through the alias): pre-bundled with the CommonJS sources it imports, so
  // the dev server sends one file for Phaser, not hundreds of modules.
  optimizeDeps: {
    entries: ['index.html'],
    include: ['phaser', 'seedrandom/lib/alea.js', 'zod'],
    // The pre-bundler does not read `define`; Phaser's switches must hold in dev as in the build.
    rolldownOptions: { transform: { define: { ...PHASER_FEATURES, __PHASER_ENTRY_HASH__: JSON.stringify(PHASER_ENTRY_HASH) } } },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    sourcemap: true,
    // Phaser's chunk is about 0.85 MB minified (220 kB gzipped); `npm run bench` tracks the sizes.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/](phaser|eventemitter3)[\\/]|src[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
});
