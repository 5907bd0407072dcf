import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The drills that take minutes are `npm run drills` (vitest.drills.config.ts).
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // PostgreSQL, etcd and sshd installed once, before any suite (apt-get side by side fails on dpkg's lock).
    globalSetup: ['test/global-setup.ts'],
    // Integration tests start real processes: keep the 2-core machine from oversubscribing.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // `npm run test:coverage`: lines of src/ and services/ run in the test processes (code run
    // only in a child process, the CLI, the daemon or a service a fleet started, is not counted).
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'services/**/*.ts'],
      exclude: ['src/generated/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
    // The JSON report is what .ci/run counts (vitest's own summary is for people).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
