// A fresh clone with nothing beside it (no ../shared) runs the README's test command: the
// conformance suite must skip, saying where it looked, not throw.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { findConformanceCorpus } from '../helpers/conformance.js';
import { repoRoot } from '../helpers/fleet.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The repository as a clone of it would be (tracked and new files, as in the working tree), alone in a temp dir. */
function cloneAlone(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-clone-'));
  dirs.push(parent);
  const clone = path.join(parent, 'hmsops');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!fs.existsSync(path.join(repoRoot, f))) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(clone, f)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, f), path.join(clone, f));
  }
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(clone, 'node_modules'));
  return clone;
}

describe('the conformance corpus', () => {
  it('is found beside the checkout or where HMSOPS_CONFORMANCE_DIR says, and otherwise reported missing with where it looked', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-corpus-'));
    dirs.push(parent);
    const root = path.join(parent, 'hmsops');
    expect(findConformanceCorpus(root, {})).toEqual({ missing: expect.stringContaining(`not at ${path.join(parent, 'shared', 'conformance', 'moov-ach')}`) });
    fs.mkdirSync(path.join(parent, 'shared', 'conformance', 'moov-ach', 'valid'), { recursive: true });
    expect(findConformanceCorpus(root, {})).toEqual({ dir: path.join(parent, 'shared', 'conformance', 'moov-ach') });
    expect(findConformanceCorpus(root, { HMSOPS_CONFORMANCE_DIR: path.join(parent, 'elsewhere') })).toEqual({ missing: expect.stringContaining('HMSOPS_CONFORMANCE_DIR') });
  });

  it('missing, the conformance suite of a clone with nothing beside it skips with one line instead of failing', async () => {
    const clone = cloneAlone();
    const { HMSOPS_CONFORMANCE_DIR: _, ...env } = process.env;
    // vitest's own bin, as `npx vitest` runs it (npx itself is another Node process to start).
    const vitest = path.join(clone, 'node_modules', 'vitest', 'vitest.mjs');
    const r = await execa(process.execPath, [vitest, 'run', 'test/unit/nacha-conformance.test.ts', '--reporter=json', '--outputFile=result.json'], {
      cwd: clone,
      env: { ...env, CI: 'true' },
      extendEnv: false,
      reject: false,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const result = JSON.parse(fs.readFileSync(path.join(clone, 'result.json'), 'utf8'));
    expect([result.numFailedTests, result.numPassedTests, result.numPendingTests]).toEqual([0, 0, 1]);
    expect(result.testResults[0].assertionResults[0].title).toContain(`not at ${path.join(path.dirname(clone), 'shared', 'conformance', 'moov-ach')}`);
  });
});
