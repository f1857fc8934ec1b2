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
 *
 * The build also writes a service worker (vite-plugin-pwa, Workbox's generateSW) that keeps every
 * file the game needs, so after one visit the game starts and plays with no network at all (a
 * training room without wifi), plus a web manifest so it can be installed like an app.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

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

/**
 * The page's colour behind the game: COLOR.background in src/game/Theme.ts (a literal here, since
 * the config loader warns on the game's extension-less imports; tests/browser/offline.test.ts
 * checks that the two agree).
 */
const BACKGROUND = '#0b0f19';

/**
 * The app icons the web manifest lists: assets/icon.svg and the PNGs scripts/write-icons.ts renders from it.
 * publicDir is off, so they are emitted into the build under fixed names (the manifest is written
 * before the bundle's hashed names are known).
 */
const MANIFEST_ICONS = [
  { file: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  { file: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { file: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { file: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const;

function emitManifestIcons(): Plugin {
  return {
    name: 'phoenix:manifest-icons',
    apply: 'build',
    generateBundle() {
      for (const icon of MANIFEST_ICONS) {
        this.emitFile({ type: 'asset', fileName: icon.file, source: readFileSync(new URL(`./assets/${icon.file}`, import.meta.url)) });
      }
    },
  };
}

/**
 * The dev server injects CSS as <style> elements (the build links .css files), so only there the
 * Content-Security-Policy in index.html also allows inline styles. Scripts stay 'self' in both.
 */
function relaxStylesForDevServer(): Plugin {
  return {
    name: 'phoenix:dev-csp-styles',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
    },
  };
}

/**
 * The what-if Web Worker (src/game/whatif/WhatIfWorker.ts) runs the same engine as the page. Vite
 * would bundle a worker on its own, a second copy of the engine (about 19 kB gzipped). Instead
 * the build makes the worker one more entry of the page's own bundle: Rolldown then puts the
 * modules both use into a shared chunk, which the worker imports (module workers can). The page
 * starts it through import.meta.ROLLUP_FILE_URL_, so the worker's hashed name is known and the
 * page's hash follows it. Dev keeps Vite's own worker handling (StartWhatIfWorker.ts as written).
 */
const WHATIF_WORKER_ENTRY = fileURLToPath(new URL('./src/game/whatif/WhatIfWorker.ts', import.meta.url));
const WHATIF_WORKER_START = fileURLToPath(new URL('./src/game/whatif/StartWhatIfWorker.ts', import.meta.url));

function whatIfWorkerSharesPageChunks(): Plugin {
  let workerRef = '';
  return {
    name: 'phoenix:whatif-worker-shares-page-chunks',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      workerRef = this.emitFile({ type: 'chunk', id: WHATIF_WORKER_ENTRY, name: 'WhatIfWorker' });
    },
    load(id) {
      if (id.split('?')[0] !== WHATIF_WORKER_START) return null;
      return `export function startWhatIfWorker() { return new Worker(import.meta.ROLLUP_FILE_URL_${workerRef}, { type: 'module' }); }`;
    },
  };
}

/**
 * zod's classic API carries its JSON Schema output (toJSONSchema and a processor per schema
 * type, about 5 kB gzipped) on every schema, even though only scripts/write-json-schema.ts (run
 * by tsx, never bundled) uses it. In the game's build those modules are replaced by stubs with
 * the same exports that say so if ever called; parsing and error messages are untouched.
 */
const ZOD_JSON_SCHEMA_MODULES = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema|json-schema-generator)\.js$/;

function zodWithoutJsonSchemaOutput(): Plugin {
  return {
    name: 'phoenix:zod-without-json-schema-output',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0]!;
      if (!ZOD_JSON_SCHEMA_MODULES.test(file)) return null;
      const source = readFileSync(file, 'utf8');
      const names = new Set<string>();
      for (const m of source.matchAll(/^export (?:function|const|class) (\w+)/gm)) names.add(m[1]!);
      for (const m of source.matchAll(/^export \{([^}]*)\}/gm)) for (const part of m[1]!.split(',')) { const name = part.trim().split(/\s+as\s+/).pop(); if (name) names.add(name); }
      const stub = `function notInGame() { throw new Error('zod JSON Schema output is not part of the game build'); }`;
      return [stub, ...[...names].map((n) => `export const ${n} = notInGame;`)].join('\n');
    },
  };
}

/**
 * Phaser's WebGL renderer registers every render node it has and its shader namespace requires
 * every shader, so its sources carry filters (blur, glow, masks...), lights, tilemap tiles, ropes
 * and GPU layers although the game creates none of them: the renderer only builds a node the first
 * time something asks for it by name. In the build those modules become stubs (a shader: an empty
 * string; a node: a constructor that throws, naming itself), about 21 kB gzipped. The dev server
 * keeps the real modules; `PHOENIX_TEST_DIST=<build> npx vitest run tests/browser` runs the browser
 * tests on a build, to show nothing asks for them.
 */
export const PHASER_UNUSED_MODULES = new RegExp(
  String.raw`[\\/]phaser[\\/]src[\\/](` +
    [
      String.raw`renderer[\\/]webgl[\\/]renderNodes[\\/]filters[\\/]Filter\w+\.js`,
      String.raw`renderer[\\/]webgl[\\/]renderNodes[\\/](BatchHandlerPointLight|BatchHandlerStrip)\.js`,
      // Tilemap tiles only: the texture manager makes a TileSprite at boot, so its nodes stay.
      String.raw`renderer[\\/]webgl[\\/]renderNodes[\\/]submitter[\\/](SubmitterTilemapGPULayer|SubmitterSpriteGPULayer|SubmitterTile)\.js`,
      String.raw`renderer[\\/]webgl[\\/]renderNodes[\\/]transformer[\\/]TransformerTile\.js`,
      String.raw`renderer[\\/]webgl[\\/]shaders[\\/](Filter\w+|PointLight|SpriteGPULayer|TilemapGPULayer|Noise\w+|Gradient)-(frag|vert)\.js`,
      String.raw`math[\\/]HashSimplex\.js`,
    ].join('|') +
    ')$',
);

function phaserWithoutUnusedRenderNodes(): Plugin {
  return {
    name: 'phoenix:phaser-without-unused-render-nodes',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0]!;
      const m = PHASER_UNUSED_MODULES.exec(file);
      if (m === null) return null;
      if (/[\\/]shaders[\\/]/.test(file)) return `module.exports = '';`;
      const name = JSON.stringify(m[1]!.replace(/\\/g, '/'));
      return `module.exports = function OmittedFromBuild() { throw new Error('Phaser ' + ${name} + ' is not part of the game build'); };`;
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    relaxStylesForDevServer(),
    emitManifestIcons(),
    whatIfWorkerSharesPageChunks(),
    zodWithoutJsonSchemaOutput(),
    phaserWithoutUnusedRenderNodes(),
    VitePWA({
      // Workbox's generateSW; a new build replaces the old one on the next visit, no prompt.
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      // A <script src="registerSW.js" defer>, not an inline script: the CSP allows no inline script.
      injectRegister: 'script-defer',
      // Never in the dev server (or the browser tests' harness, which uses it).
      devOptions: { enabled: false },
      manifest: {
        name: 'Phoenix Flow',
        short_name: 'Phoenix Flow',
        description: 'See The Phoenix Project and the Theory of Constraints play out in a live flow simulation.',
        lang: 'en',
        theme_color: BACKGROUND,
        background_color: BACKGROUND,
        display: 'standalone',
        orientation: 'landscape',
        // Relative, so dist/ works from any sub-folder of a static host.
        start_url: './',
        scope: './',
        icons: MANIFEST_ICONS.map((i) => ({ src: i.file, sizes: i.sizes, type: i.type, purpose: i.purpose })),
      },
      workbox: {
        // Every built file by kind, not by name: Phaser's chunk, lazy chunks and any Web Worker
        // chunk are all caught. Source maps are left out (only developers fetch them).
        // (The plugin adds manifest.webmanifest itself.)
        globPatterns: ['**/*.{js,css,html,woff2,woff,svg,png,json}'],
        // Phaser's chunk is about 0.9 MB; Workbox skips files over 2 MiB by default.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        // Any page of the game (?trainer=1, a scenario link) opens the cached index.html offline.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // 'autoUpdate' sets these only when the plugin injects its own register code: a new
        // service worker takes over at once, and the first visit is controlled without a reload.
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
  ],
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
    // Phaser's chunk is about 0.77 MB minified (198 kB gzipped); `npm run bench` tracks the sizes.
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
