import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A focused test (.only) fails the run in CI instead of skipping everything else.
    allowOnly: !process.env.CI,
    // PGlite boots take a second or two each on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
