/**
 * Whether this machine can run the servers a suite starts for itself (and libfaketime, which runs
 * the CLI at a time a test chooses). test/global-setup.ts
 * installs them once (root and apt-get); where that could not happen (no root, no apt), the
 * suites that need them are skipped with one line each saying why, as the conformance suite is
 * when its corpus is not beside the clone, instead of failing on a missing binary. `.ci/run`
 * fails when anything was skipped there.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Server = 'postgres' | 'etcd' | 'sshd' | 'faketime' | 'gpg' | 'podman' | 'docker-compose';

function onPath(bin: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, bin)));
}

function postgresInstalled(): boolean {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return false;
  return fs.readdirSync(root).some((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')));
}

/** Why `server` cannot run here, or undefined when it can. PostgreSQL runs as its own user (runuser) and sshd chroots: both need root. */
export function whyNot(server: Server, env: NodeJS.ProcessEnv = process.env, uid = process.getuid?.() ?? 0): string | undefined {
  const root = uid === 0;
  switch (server) {
    case 'postgres':
      if (!postgresInstalled()) return 'PostgreSQL is not installed (scripts/install-servers.sh, as root)';
      if (!root) return 'PostgreSQL runs as the postgres user, which needs root';
      return undefined;
    case 'etcd':
      if (!onPath('etcd', env) || !onPath('etcdctl', env)) return 'etcd is not installed (scripts/install-servers.sh, as root)';
      return undefined;
    case 'sshd':
      if (!fs.existsSync('/usr/sbin/sshd')) return "OpenSSH's server is not installed (scripts/install-servers.sh, as root)";
      if (!root) return 'sshd chroots its SFTP users, which needs root';
      return undefined;
    case 'faketime':
      if (!onPath('faketime', env)) return 'libfaketime is not installed (scripts/install-servers.sh, as root)';
      return undefined;
    case 'gpg':
      if (!onPath('gpg', env)) return 'GnuPG is not installed (scripts/install-servers.sh, as root)';
      return undefined;
    case 'podman':
      if (!onPath('podman', env) || !fs.existsSync('/usr/sbin/runc')) return 'podman and runc are not installed (scripts/install-servers.sh, as root)';
      if (!root) return 'the drill plays its pods with root podman';
      return undefined;
    case 'docker-compose':
      if (!onPath('docker-compose', env)) return "Debian's docker-compose is not installed (scripts/install-servers.sh, as root)";
      return undefined;
  }
}

/**
 * For a suite that starts `servers`: true (skip it) after one line saying why, when one cannot
 * run here; false when all can.
 */
export function skipWithout(suite: string, servers: Server[]): boolean {
  const reasons = servers.map((server) => whyNot(server)).filter((why): why is string => why !== undefined);
  if (reasons.length === 0) return false;
  console.warn(`${suite}: skipped: ${reasons.join('; ')}`);
  return true;
}
