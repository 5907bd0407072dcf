import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run drills`: the drills that take minutes (test/drills), one at a time; `npm test` runs the rest.
// (Spread, not mergeConfig: that would add this include to the base's instead of replacing it.)
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/drills/**/*.test.ts'],
    projects: undefined,
    globalSetup: ['test/global-setup.ts'],
    // The image drill installs packages from the registry (through this machine's proxy, if any): the CA bundle stays.
    env: { HMSOPS_SCRYPT_N: '16384' },
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
    testTimeout: 300_000,
    hookTimeout: 120_000,
    outputFile: { json: 'test-results/drills.json' },
  },
});
