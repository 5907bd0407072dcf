import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The integration suites import src/ and services/ as the compiled modules the CLI and the
 * services they start run (dist/, which `npm test` builds first), loaded by Node itself: each of
 * their worker processes otherwise evaluated ~100 modules through vite's transform (~0.8 s of CPU
 * per suite). The unit tests, run without a build (`npm run test:unit`), import the sources, and
 * so do all tests under `--coverage` (`npm run test:coverage` counts the lines of src/ and
 * services/ as vite transforms them).
 */
const coverageRun = process.argv.some((a) => a === '--coverage' || a.startsWith('--coverage.'));
const compiledModules: Plugin = {
  name: 'hmsops-compiled-modules',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || !source.startsWith('.')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    const rel = resolved && path.relative(root, resolved.id);
    if (!rel || !/^(src|services)\/.*\.tsx?$/.test(rel)) return null;
    return path.join(root, 'dist', rel.replace(/\.tsx?$/, '.js'));
  },
};

/**
 * The order the files start in: the longest integration suites first (the three workers then end
 * close together), in the order of their durations here (docs/testing.md), then the rest in
 * vitest's own order (durations it recorded in an earlier run, else file size). A fresh clone has
 * no recorded durations: by size, the 45-second disburse suite started three minutes in.
 */
const LONGEST_FIRST = [
  'disburse-cli',
  'supervisor',
  'postgres-store',
  'disburse',
  'gateway',
  'services-in-process',
  'ach-returns',
  'odfi-send',
  'config-errors',
  'services',
  'approvals',
  'odfi-windows',
  'disburse-prenotes',
  'registry-etcd',
];
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(path.basename(f.moduleId, '.test.ts'));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    const own = await super.sort(files);
    return own
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    // The drills that take minutes are `npm run drills` (vitest.drills.config.ts).
    // Unit tests run one after another in one worker thread, their imports loaded once (a
    // process per file cost ~0.5 s of CPU each, 20 of the unit suite's 50 s); integration tests
    // keep a process per file, as they start servers and change the environment. (Isolation is
    // the pool's, not a project's: `isolate: false` on the unit project alone did nothing while
    // both shared the forks pool.)
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads' } },
      // PostgreSQL, etcd and sshd installed once, before any suite (apt-get side by side fails on
      // dpkg's lock), and one PostgreSQL started for the run: the integration suites' alone.
      {
        extends: true,
        plugins: coverageRun ? [] : [compiledModules],
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          server: { deps: { external: [/\/dist\/(src|services)\//, /\/scripts\/.*\.mjs$/] } },
        },
      },
    ],
    // Integration tests start real processes and wait on them: three workers keep the 2-core
    // machine busy (two left it idle a fifth of the time; docs/testing.md has the figures).
    pool: 'forks',
    sequence: { sequencer: LongestFirst },
    poolOptions: { forks: { maxForks: 3, minForks: 1 }, threads: { isolate: false, maxThreads: 1, minThreads: 1 } },
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
