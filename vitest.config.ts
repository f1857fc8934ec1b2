import { defineConfig } from 'vitest/config';

// Two projects: the engine and tools in Node (fast), and browser tests that drive Debian's
// Chromium through playwright-core against a Vite server on 127.0.0.1.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/SummaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/stats/**/*.test.ts', 'tests/lessons/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
