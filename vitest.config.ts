import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The drills that take minutes are `npm run drills` (vitest.drills.config.ts).
    // Unit tests share their worker processes (a fresh process and its imports per file cost
    // ~1.5 s of CPU, half the unit suite's); integration tests keep one process per file, as
    // they start servers and change the environment.
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      // PostgreSQL, etcd and sshd installed once, before any suite (apt-get side by side fails on
      // dpkg's lock), and one PostgreSQL started for the run: the integration suites' alone.
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] } },
    ],
    // Integration tests start real processes and wait on them: three workers keep the 2-core
    // machine busy (two left it idle a fifth of the time; docs/testing.md has the figures).
    pool: 'forks',
    poolOptions: { forks: { maxForks: 3, minForks: 1 } },
    // Every process a test starts inherits these:
    // - test fleets hash passwords at scrypt's N=2^14 (services/auth/passwords.ts), not the
    //   production 2^17: 0.08 s in place of 0.65 s of CPU per login (password-hashing.test.ts
    //   checks the default and hashes across N);
    // - no extra CA bundle: a machine behind a TLS proxy sets NODE_EXTRA_CA_CERTS, and each Node
    //   process then parses its ~140 certificates at start (30 ms of CPU, a third of an empty
    //   process); these tests speak only to loopback, with CAs of their own.
    // - one compile cache for every fleet (Node 22.1 and later; Node 20 ignores it): a fleet's
    //   services otherwise keep theirs in its state dir, and a test's fleet is always new.
    env: { HMSOPS_SCRYPT_N: '16384', NODE_EXTRA_CA_CERTS: '', NODE_COMPILE_CACHE: fileURLToPath(new URL('node_modules/.cache/hmsops-compile', import.meta.url)) },
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
