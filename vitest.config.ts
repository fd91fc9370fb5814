import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A focused test (.only) fails the run in CI instead of skipping everything else.
    allowOnly: !process.env.CI,
    // Vitest's default on a 2-core machine is one worker (cores − 1); PGlite boots are
    // single-threaded, so two files at once use both cores.
    maxWorkers: 2,
    // PGlite boots take a second or two each on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
