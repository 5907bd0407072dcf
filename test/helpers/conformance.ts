/** Where the moov-ach conformance corpus is: not part of this repository (CI puts shared/ beside the clone). */
import fs from 'node:fs';
import path from 'node:path';

export type Corpus = { dir: string } | { missing: string };

export function findConformanceCorpus(repoRoot: string, env: NodeJS.ProcessEnv = process.env): Corpus {
  const dir = env.HMSOPS_CONFORMANCE_DIR ?? path.resolve(repoRoot, '..', 'shared', 'conformance', 'moov-ach');
  if (fs.existsSync(path.join(dir, 'valid'))) return { dir };
  return { missing: `the moov-ach conformance corpus is not at ${dir}: its tests are skipped (set HMSOPS_CONFORMANCE_DIR to a copy of shared/conformance/moov-ach to run them)` };
}
