/**
 * Vite settings for the game. Explicit for dev, preview and build: everything is served on
 * 127.0.0.1 only, the build uses relative URLs (base './') so dist/ works from any static folder,
 * and Phaser gets a chunk of its own (it changes far less often than the game's code).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  // Assets are imported from code (src/game/Assets.ts), so nothing is copied as-is.
  publicDir: false,
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
  },
  // Pre-bundle the dependencies up front so the first page load never triggers a reload.
  optimizeDeps: {
    entries: ['index.html'],
    include: ['phaser', 'seedrandom/lib/alea.js', 'zod'],
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    sourcemap: true,
    // Phaser alone is about 1.3 MB minified; the warning would only repeat that.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
});
