/**
 * Before any suite (vitest's globalSetup, once per `npm test` or `npm run drills`): the servers the
 * suites start for themselves (PostgreSQL, etcd, OpenSSH's sshd) are installed from Debian's
 * packages when missing, by scripts/install-servers.sh, once. Suites that each installed what they
 * found missing ran apt-get side by side on a fresh machine, and all but one died on dpkg's lock.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function installServersOnce() {
  const script = path.resolve(import.meta.dirname, '..', 'scripts', 'install-servers.sh');
  try {
    execFileSync('bash', [script], { stdio: 'inherit' });
  } catch {
    // Not root, or apt-get failed: said by the script; the suites that need a server say which.
    console.log('global setup: the servers the tests start could not all be installed (see above); the suites that need one that is missing are skipped, one line each');
  }
}
