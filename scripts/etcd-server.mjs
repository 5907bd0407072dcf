/**
 * A real etcd for a test or a benchmark: Debian's `etcd-server` (installed by
 * scripts/install-servers.sh when missing), on free loopback ports with a temp data dir. Stopped
 * and removed by `stop()`, or when the process exits without calling it. `halt()` and `resume()`
 * take it away for a while and bring it back with its data.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres-server.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function etcdBinary() {
  const find = () => ['/usr/bin/etcd', '/usr/local/bin/etcd'].find((f) => fs.existsSync(f));
  if (!find()) execFileSync('bash', [path.join(repoRoot, 'scripts', 'install-servers.sh')], { stdio: 'inherit' });
  const bin = find();
  if (!bin) throw new Error('etcd is not installed and scripts/install-servers.sh could not install it');
  return bin;
}

/** One health read; in a network namespace, by a node run there (the test's own process is not in it). */
async function healthyOnce(endpoint, netns) {
  if (netns) {
    const probe = `fetch(${JSON.stringify(`${endpoint}/health`)}, { signal: AbortSignal.timeout(1000) }).then((r) => r.json()).then((j) => process.exit(j.health === 'true' ? 0 : 1), () => process.exit(1))`;
    return new Promise((resolve) => execFile('ip', ['netns', 'exec', netns, process.execPath, '-e', probe], (err) => resolve(!err)));
  }
  try {
    const r = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
    return r.ok && (await r.json()).health === 'true';
  } catch {
    return false;
  }
}

async function healthy(endpoint, timeoutMs, netns) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await healthyOnce(endpoint, netns)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * @param {{ host?: string, netns?: string }} opts host: the address to listen on (default
 * 127.0.0.1); netns: the network namespace to run in (a test's "host")
 */
export async function startEtcd(opts = {}) {
  const bin = etcdBinary();
  const host = opts.host ?? '127.0.0.1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-etcd-'));
  const clientPort = await freePort();
  const peerPort = await freePort();
  const endpoint = `http://${host}:${clientPort}`;
  const args = [
    '--name',
    'hmsops-test',
    '--data-dir',
    path.join(dir, 'data'),
    '--listen-client-urls',
    endpoint,
    '--advertise-client-urls',
    endpoint,
    '--listen-peer-urls',
    `http://${host}:${peerPort}`,
    '--initial-advertise-peer-urls',
    `http://${host}:${peerPort}`,
    '--initial-cluster',
    `hmsops-test=http://${host}:${peerPort}`,
  ];
  const logFile = path.join(dir, 'etcd.log');
  let child;
  const launch = async () => {
    const log = fs.openSync(logFile, 'a');
    // `ip netns exec` execs etcd itself: the child is etcd, and a signal to it reaches etcd.
    child = opts.netns ? spawn('ip', ['netns', 'exec', opts.netns, bin, ...args], { stdio: ['ignore', log, log] }) : spawn(bin, args, { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    if (!(await healthy(endpoint, 20_000, opts.netns))) throw new Error(`etcd did not start: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
  };
  const kill = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  let stopped = false;
  const atExit = () => {
    if (stopped) return;
    try {
      child?.kill('SIGKILL');
    } catch {
      // gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', atExit);
  try {
    await launch();
  } catch (err) {
    await kill();
    fs.rmSync(dir, { recursive: true, force: true });
    process.off('exit', atExit);
    throw err;
  }
  return {
    endpoint,
    halt: kill,
    resume: launch,
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', atExit);
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
