/**
 * A real etcd for a test or a benchmark: Debian's `etcd-server` (installed by
 * scripts/install-servers.sh when missing), on free loopback ports with a temp data dir. Stopped
 * and removed by `stop()`, or when the process exits without calling it. `halt()` and `resume()`
 * take it away for a while and bring it back with its data.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres-server.mjs';
import { serverProcess } from './server-process.mjs';
import { makeCertificates } from './test-certificates.mjs';

const _repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function etcdBinary() {
  const find = () => ['/usr/bin/etcd', '/usr/local/bin/etcd'].find((f) => fs.existsSync(f));
  const bin = find();
  if (!bin) throw new Error('etcd is not installed: run scripts/install-servers.sh as root');
  return bin;
}

/** A v3 JSON-gateway call, over https with the client certificate where etcd asks for one. */
function call(endpoint, route, body, tls, token) {
  const url = new URL(route, endpoint);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: token } : {}) },
        ...(tls ? { ca: fs.readFileSync(tls.ca), ...(tls.cert ? { cert: fs.readFileSync(tls.cert), key: fs.readFileSync(tls.key) } : {}) } : {}),
        timeout: 2000,
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => (res.statusCode < 400 ? resolve(JSON.parse(text || '{}')) : reject(new Error(`${route}: ${res.statusCode} ${text}`))));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** One health read; in a network namespace, by a node run there (the test's own process is not in it). */
async function healthyOnce(endpoint, netns, tls) {
  if (tls)
    return call(endpoint, '/v3/maintenance/status', {}, tls).then(
      () => true,
      () => false,
    );
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

async function healthy(endpoint, timeoutMs, netns, tls) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await healthyOnce(endpoint, netns, tls)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/**
 * @param {{ host?: string, netns?: string, tls?: 'server' | 'client-cert', rootPassword?: string }} opts
 * host: the address to listen on (default 127.0.0.1); netns: the network namespace to run in (a
 * test's "host"); tls: clients over https to a certificate of a CA made for the test, and with
 * 'client-cert' each client must show a certificate of that CA too (the result's `tls` has the
 * files a client needs); rootPassword: etcd's authentication on, with a user `root` of that
 * password (etcd's JSON gateway refuses a request with both a client certificate and a token)
 */
export async function startEtcd(opts = {}) {
  const bin = etcdBinary();
  const host = opts.host ?? '127.0.0.1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-etcd-'));
  const clientPort = await freePort();
  const peerPort = await freePort();
  const certs = opts.tls ? makeCertificates(dir, host) : undefined;
  const tls = certs ? (opts.tls === 'client-cert' ? { ca: certs.ca, cert: certs.cert, key: certs.key } : { ca: certs.ca }) : undefined;
  const endpoint = `${certs ? 'https' : 'http'}://${host}:${clientPort}`;
  const args = [
    ...(certs ? ['--cert-file', certs.serverCert, '--key-file', certs.serverKey] : []),
    ...(opts.tls === 'client-cert' ? ['--trusted-ca-file', certs.ca, '--client-cert-auth'] : []),
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
  // `ip netns exec` execs etcd itself: the child is etcd, and a signal to it reaches etcd.
  const server = await serverProcess({
    what: 'etcd',
    argv: opts.netns ? ['ip', 'netns', 'exec', opts.netns, bin, ...args] : [bin, ...args],
    logFile: path.join(dir, 'etcd.log'),
    ready: () => healthy(endpoint, 20_000, opts.netns, tls),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  });
  if (opts.rootPassword) {
    try {
      await call(endpoint, '/v3/auth/role/add', { name: 'root' }, tls).catch(() => undefined);
      await call(endpoint, '/v3/auth/user/add', { name: 'root', password: opts.rootPassword }, tls);
      await call(endpoint, '/v3/auth/user/grant', { user: 'root', role: 'root' }, tls);
      await call(endpoint, '/v3/auth/enable', {}, tls);
    } catch (err) {
      await server.stop();
      throw err;
    }
  }
  return {
    endpoint,
    /** With `tls`: the CA, client certificate and key files (PEM) a client needs. */
    tls,
    ...server,
  };
}
