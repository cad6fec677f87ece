import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    // CI shares two cores between Chromium, X servers and real daemons: a test that times out there gets
    // one more try (reported by vitest as retried). Locally every failure shows at once.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 60_000,
    // Suites that start X servers, D-Bus buses or Chromium must not fight over 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default', './tests/helpers/retriedTestsReporter.ts'],
  },
});
