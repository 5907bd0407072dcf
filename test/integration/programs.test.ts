// The programs hmsops starts run from dist/bundle/ (scripts/bundle.mjs, after tsc).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { bundledEntry, daemonEntry, PACKAGE_ROOT } from '../../src/entry-points.js';
import { repoRoot } from '../helpers/fleet.js';

describe('the bundled programs', () => {
  it('are where the CLI and the daemon start them, each loading no module of dist/src or dist/services', () => {
    expect(PACKAGE_ROOT).toBe(repoRoot);
    const entries = [daemonEntry(), ...['gateway', 'auth', 'ach', 'analytics', 'messaging', 'mail-sink'].map(bundledEntry)];
    for (const entry of [path.join(repoRoot, 'dist', 'bundle', 'hmsops.js'), ...entries]) {
      expect(path.dirname(entry)).toBe(path.join(repoRoot, 'dist', 'bundle'));
      expect(fs.readFileSync(entry, 'utf8')).not.toMatch(/from ["'][./]*\/(src|services)\//);
    }
  });

  it('say, from a package whose bundle was not built, how to build it: exit 70, no stack trace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-unbuilt-'));
    try {
      fs.cpSync(path.join(repoRoot, 'bin'), path.join(dir, 'bin'), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, 'package.json'), path.join(dir, 'package.json'));
      const r = await execa(process.execPath, [path.join(dir, 'bin', 'hmsops'), 'ps'], { reject: false });
      expect(r.exitCode).toBe(70);
      expect(r.stderr).toBe(`hmsops: ${path.join(dir, 'dist', 'bundle', 'hmsops.js')} is not built: run npm run build (npm install does it)`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
