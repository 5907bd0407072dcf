/**
 * Before the integration suites and the drills (vitest's globalSetup, once per `npm test` or `npm
 * run drills`):
 * - the servers the suites start for themselves (PostgreSQL, etcd, OpenSSH's sshd) are installed
 *   from Debian's packages when missing, by scripts/install-servers.sh, once. Suites that each
 *   installed what they found missing ran apt-get side by side on a fresh machine, and all but one
 *   died on dpkg's lock.
 * - one PostgreSQL is started for the run, given to the suites as `inject('postgres')`: each fleet
 *   makes a database of its own there (test/helpers/stores.ts). A server per suite cost an initdb
 *   and a start each (~1.5 s of CPU, a dozen times a run). A suite that restarts or stops its
 *   server starts its own. Stopped, and its data dir removed, after the last suite.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPostgres, type TestPostgres } from './helpers/postgres.js';
import { whyNot } from './helpers/servers.js';

function installServersOnce() {
  const script = path.resolve(import.meta.dirname, '..', 'scripts', 'install-servers.sh');
  try {
    execFileSync('bash', [script], { stdio: 'inherit' });
  } catch {
    // Not root, or apt-get failed: said by the script; the suites that need a server say which.
    console.log('global setup: the servers the tests start could not all be installed (see above); the suites that need one that is missing are skipped, one line each');
  }
}

async function startRunPostgres(): Promise<TestPostgres | undefined> {
  // Where PostgreSQL cannot run (no root, not installed), the suites that need it skip with one line each.
  if (whyNot('postgres') !== undefined) return undefined;
  try {
    return await startPostgres();
  } catch (err) {
    console.log(`global setup: no PostgreSQL for the run (${(err as Error).message.split('\n')[0]}); each suite that needs one starts its own`);
    return undefined;
  }
}

export default async function setup(project: TestProject) {
  installServersOnce();
  const server = await startRunPostgres();
  project.provide('postgres', server?.shared ?? null);
  return async () => {
    await server?.stop();
  };
}
