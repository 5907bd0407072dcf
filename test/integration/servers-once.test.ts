/**
 * The servers the suites start (PostgreSQL, etcd, sshd) are installed once, before any suite
 * (test/global-setup.ts), not by each suite that finds one missing: side by side, those apt-get
 * runs died on dpkg's lock on a fresh machine. Where a server cannot run (no root), the suites that
 * need it skip with one line each instead of failing.
 */
import { execa } from 'execa';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import tests from '../../vitest.config.js';
import drills from '../../vitest.drills.config.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const root = process.getuid?.() === 0;

describe('the servers the tests start', () => {
  it('are installed by the global setup of npm test and npm run drills alone, never from inside a suite', () => {
    const integration = tests.test?.projects?.find((p) => typeof p === 'object' && 'test' in p && p.test?.name === 'integration');
    for (const config of [integration, drills]) expect((config as typeof drills | undefined)?.test?.globalSetup).toEqual(['test/global-setup.ts']);
    // The unit tests need no server: none is installed or started for them.
    expect(tests.test?.globalSetup).toBeUndefined();
    const callers: string[] = [];
    const look = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
        const rel = path.join(dir, entry.name);
        if (entry.isDirectory()) look(rel);
        else if (/\.(ts|mjs|js)$/.test(entry.name) && fs.readFileSync(path.join(repoRoot, rel), 'utf8').includes("'install-servers.sh'")) callers.push(rel);
      }
    };
    look('test');
    look('scripts');
    expect(callers.filter((file) => file !== 'test/integration/servers-once.test.ts').sort()).toEqual(['test/global-setup.ts']);
  });

  it.skipIf(!root)('without root, the suites that need PostgreSQL or sshd are skipped with one line each, and nothing fails', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-noroot-'));
    try {
      fs.chmodSync(out, 0o777);
      const json = path.join(out, 'results.json');
      const run = await execa(
        'runuser',
        [
          '-u',
          'nobody',
          '--',
          process.execPath,
          'node_modules/vitest/vitest.mjs',
          'run',
          '--configLoader',
          'runner',
          'test/integration/odfi-sftp.test.ts',
          'test/integration/postgres-store.test.ts',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${json}`,
        ],
        { cwd: repoRoot, reject: false, env: { HOME: out, CI: '1', NO_COLOR: '1' } },
      );
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      const results = JSON.parse(fs.readFileSync(json, 'utf8'));
      expect(results.numFailedTests).toBe(0);
      expect(results.numPassedTests).toBe(0);
      expect(results.numPendingTests).toBeGreaterThan(5);
      const said = (run.stdout + run.stderr).split('\n').filter((line) => line.includes(': skipped: '));
      expect(said.sort()).toEqual([
        'the ODFI SFTP transport: skipped: sshd chroots its SFTP users, which needs root',
        'the postgres store: skipped: PostgreSQL runs as the postgres user, which needs root',
      ]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
