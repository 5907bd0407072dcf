/**
 * A real SFTP server for tests and benchmarks, standing in for the bank's: OpenSSH's sshd
 * (Debian's openssh-server, installed by scripts/install-servers.sh when missing) on a free
 * loopback port, with a host key and a client key made for the run, one user (`hmsops-sftp`,
 * made once, no shell) who gets only `internal-sftp`, chrooted to a folder of the run with
 * `outbound/` (files sent to the bank) and `inbound/` (files the bank leaves) in it.
 * sshd chroots only into a path whose every component is root-owned and writable by root alone,
 * so that folder is under /var/lib, not /tmp. `stop()` (or the process exiting) stops sshd and
 * removes everything; `halt()` and `resume()` take the server away for a while.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres-server.mjs';
import { serverProcess } from './server-process.mjs';

const _repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SFTP_USER = 'hmsops-sftp';
const CHROOTS = '/var/lib/hmsops-sftp-test';

function ensureInstalled() {
  if (!fs.existsSync('/usr/sbin/sshd')) throw new Error("OpenSSH's server is not installed: run scripts/install-servers.sh as root");
  try {
    execFileSync('id', [SFTP_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', SFTP_USER], { stdio: 'ignore' });
  }
  // No password at all ('*'), rather than a locked one ('!'): sshd refuses a locked account even for a key.
  execFileSync('usermod', ['-p', '*', SFTP_USER], { stdio: 'ignore' });
  // sshd's privilege separation directory.
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
}

async function listening(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** The SHA256 fingerprint of a public key file, as `ssh-keygen -l` prints it (SHA256:...). */
export function fingerprint(publicKeyFile) {
  return execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyFile], { encoding: 'utf8' }).split(' ')[1];
}

export async function startSftp() {
  ensureInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-sftp-'));
  fs.mkdirSync(CHROOTS, { recursive: true, mode: 0o755 });
  fs.chmodSync(CHROOTS, 0o755);
  const root = path.join(CHROOTS, crypto.randomBytes(6).toString('hex'));
  fs.mkdirSync(root, { mode: 0o755 });
  for (const sub of ['outbound', 'inbound']) {
    fs.mkdirSync(path.join(root, sub), { mode: 0o755 });
    execFileSync('chown', [`${SFTP_USER}:`, path.join(root, sub)]);
  }
  const key = (name) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `hmsops-test-${name}`, '-f', path.join(dir, name)]);
  key('host_key');
  key('client_key');
  fs.copyFileSync(path.join(dir, 'client_key.pub'), path.join(dir, 'authorized_keys'));
  // sshd reads authorized_keys as the user: the folder must let them in (the keys in it stay 0600, root's).
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, 'authorized_keys'), 0o644);
  const port = await freePort();
  const config = path.join(dir, 'sshd_config');
  fs.writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host_key')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      // The key files sit in a temp dir under /tmp (world-writable): the owner checks would refuse them.
      'StrictModes no',
      'PermitRootLogin no',
      `AllowUsers ${SFTP_USER}`,
      'Subsystem sftp internal-sftp',
      `Match User ${SFTP_USER}`,
      `  ChrootDirectory ${root}`,
      '  ForceCommand internal-sftp',
      '  AllowTcpForwarding no',
      '  X11Forwarding no',
      '',
    ].join('\n'),
  );
  const server = await serverProcess({
    what: 'sshd',
    argv: ['/usr/sbin/sshd', '-D', '-e', '-f', config],
    logFile: path.join(dir, 'sshd.log'),
    ready: () => listening(port, 10_000),
    remove: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(root, { recursive: true, force: true });
      try {
        fs.rmdirSync(CHROOTS); // the last server of the machine leaves nothing under /var/lib
      } catch {
        // another run's chroot is still there
      }
    },
  });
  return {
    url: `sftp://${SFTP_USER}@127.0.0.1:${port}`,
    port,
    privateKeyFile: path.join(dir, 'client_key'),
    /** The server's host key as `ssh-keygen -l` prints it: what a client pins. */
    hostKey: fingerprint(path.join(dir, 'host_key.pub')),
    /** The chroot: `outbound/` and `inbound/` as the bank sees them. */
    root,
    ...server,
  };
}
