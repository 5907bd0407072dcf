/**
 * A real PostgreSQL for a test or a benchmark: Debian's package (installed by
 * scripts/install-servers.sh when missing), `initdb` into a temp dir and `pg_ctl` on a free
 * loopback port, as the unprivileged `postgres` user (PostgreSQL refuses to run as root).
 * Stopped and removed by `stop()`, or when the process exits without calling it.
 * Typed for the tests in test/helpers/postgres.ts.
 */
import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeCertificates } from './test-certificates.mjs';

const _repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const execFileAsync = promisify(execFile);

function binDir() {
  const find = () =>
    fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .map((v) => path.join('/usr/lib/postgresql', v, 'bin'))
          .filter((d) => fs.existsSync(path.join(d, 'initdb')))
          .sort((a, b) => Number(path.basename(path.dirname(b))) - Number(path.basename(path.dirname(a))))[0]
      : undefined;
  const dir = find();
  if (!dir) throw new Error('PostgreSQL is not installed: run scripts/install-servers.sh as root');
  return dir;
}

/** Whether `port` (0: any) can be listened on at 127.0.0.1 now; the port listened on, or undefined. */
function listenable(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(undefined));
    s.listen(port, '127.0.0.1', () => {
      const got = s.address().port;
      s.close(() => resolve(got));
    });
  });
}

/**
 * A free loopback port for a server a test starts, below the kernel's ephemeral range
 * (net.ipv4.ip_local_port_range, 32768-60999 by default). The kernel gives ports from that range to
 * every listener on port 0 (each fleet's services) and every outgoing connection: a server a test
 * stops and starts again on its port (etcd away and back, the SFTP server down, PostgreSQL
 * restarted) found it taken meanwhile now and then. Below the range only a server that asks for
 * that very port takes it.
 */
export async function freePort() {
  let low = 32768;
  try {
    low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || low;
  } catch {
    // not Linux: the default range's start
  }
  const top = Math.min(low, 32768);
  const bottom = 10_000;
  if (top - bottom >= 1000) {
    for (let i = 0; i < 50; i++) {
      const port = await listenable(bottom + Math.floor(Math.random() * (top - bottom)));
      if (port) return port;
    }
  }
  const port = await listenable(0);
  if (!port) throw new Error('no free port on 127.0.0.1');
  return port;
}

/** argv that runs a PostgreSQL program as the postgres user (in a network namespace, when given one). */
const postgresArgv = (bin, args, netns) => [...(netns ? ['ip', 'netns', 'exec', netns] : []), 'runuser', '-u', 'postgres', '--', bin, ...args];

function asPostgres(bin, args, opts = {}) {
  const [file, ...rest] = postgresArgv(bin, args, opts.netns);
  return execFileSync(file, rest, { encoding: 'utf8', timeout: opts.timeoutMs ?? 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function asPostgresAsync(bin, args, netns) {
  const [file, ...rest] = postgresArgv(bin, args, netns);
  await execFileAsync(file, rest, { timeout: 60_000 });
}

/**
 * @param {{ durable?: boolean, listen?: string, netns?: string, tls?: boolean }} opts durable: PostgreSQL's own
 * settings (fsync on), for benchmarks; listen: an address to take connections on besides
 * loopback (its /24 may connect); netns: the network namespace the server runs in (a test's
 * "host"); tls: TCP connections over TLS only (a certificate of a CA made for the run, which the
 * result's `tls.ca` names; without TLS a TCP client is refused). The test's own connections use
 * the server's unix socket, which any namespace reaches.
 */
export async function startPostgres(opts = {}) {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const password = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(path.join(dir, 'pw'), password, { mode: 0o600 });
  execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  const port = await freePort();
  const pgCtl = path.join(bin, 'pg_ctl');
  // Tests crash the server's processes, never the machine: without fsync they run faster, and
  // the bench (durable) keeps PostgreSQL's defaults.
  const listen = opts.listen ? `127.0.0.1,${opts.listen}` : '127.0.0.1';
  const settings = `-p ${port} -k ${dir} -c listen_addresses=${listen} -c max_connections=200${opts.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}${
    opts.tls ? ' -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key' : ''
  }`;
  let tls;
  try {
    asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${path.join(dir, 'pw')}`, '--locale=C', '--encoding=UTF8', '-N']);
    const hba = path.join(data, 'pg_hba.conf');
    if (opts.listen) fs.appendFileSync(hba, `host all all ${opts.listen.replace(/\.\d+$/, '.0')}/24 scram-sha-256\n`);
    if (opts.tls) {
      fs.mkdirSync(path.join(dir, 'certs'));
      const certs = makeCertificates(path.join(dir, 'certs'), opts.listen ?? '127.0.0.1');
      for (const [from, to] of [
        [certs.serverCert, 'server.crt'],
        [certs.serverKey, 'server.key'],
      ]) {
        fs.copyFileSync(from, path.join(data, to));
        fs.chmodSync(path.join(data, to), 0o600);
        execFileSync('chown', ['postgres:postgres', path.join(data, to)]);
      }
      // TCP only over TLS: every host line becomes hostssl (the unix socket stays as it was).
      fs.writeFileSync(hba, fs.readFileSync(hba, 'utf8').replace(/^host(\s)/gm, 'hostssl$1'));
      tls = { ca: certs.ca };
    }
    asPostgres(pgCtl, ['-D', data, '-l', logFile, '-o', settings, '-w', '-t', '60', 'start'], { netns: opts.netns });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${err.stderr ?? err.message}`);
  }
  const host = opts.listen ?? '127.0.0.1';
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@${host}:${port}/postgres`;
  let stopped = false;
  // A test process that ends without calling stop() (a hook that timed out) still leaves no server behind.
  const atExit = () => {
    if (stopped) return;
    try {
      asPostgres(pgCtl, ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
    } catch {
      // already down
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', atExit);
  return {
    port,
    /** The address fleets connect to. */
    host,
    /** With `tls`: the CA file that signed the server's certificate. */
    tls,
    adminUrl,
    sql: (query, database) => superuserSql({ socketDir: dir, port, password }, query, database),
    /** What another process needs to use this server (`joinPostgres`): plain data. */
    shared: { port, host, socketDir: dir, password, adminUrl },
    // Asynchronous, so the test's own requests go on while the server goes down and comes back.
    restart: () => asPostgresAsync(pgCtl, ['-D', data, '-l', logFile, '-o', settings, '-m', 'immediate', '-w', '-t', '60', 'restart'], opts.netns),
    halt: () => asPostgresAsync(pgCtl, ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']),
    resume: () => asPostgresAsync(pgCtl, ['-D', data, '-l', logFile, '-o', settings, '-w', '-t', '60', 'start'], opts.netns),
    /** The server's unix socket dir: a client in any namespace connects there. */
    socketDir: dir,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', atExit);
      try {
        asPostgres(pgCtl, ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
      } catch {
        // already down; its processes are gone with it
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
  };
}

/** One SQL statement as the superuser, over the server's unix socket, in `database` (default postgres). */
async function superuserSql({ socketDir, port, password }, query, database = 'postgres') {
  // pg loaded when first used: the test suites import this module whether or not they use a
  // PostgreSQL, and pg's first load costs ~50 ms of CPU on Node 20.
  const { default: pg } = await import('pg');
  const c = new pg.Client({ host: socketDir, port, user: 'postgres', password, database });
  await c.connect();
  try {
    return await c.query(query);
  } finally {
    await c.end();
  }
}

/**
 * A server another process started and owns (`shared` of its startPostgres result): vitest's
 * global setup starts one for the run, and each suite that needs a PostgreSQL makes its databases
 * there. Its owner stops it: `stop()` here does nothing, and a suite that crashes or stops a
 * server starts one of its own.
 */
export function joinPostgres(shared) {
  const owned = (what) => () => Promise.reject(new Error(`${what}: the PostgreSQL shared by the run is not this suite's to ${what}; start one with startPostgres()`));
  return {
    port: shared.port,
    host: shared.host,
    tls: undefined,
    adminUrl: shared.adminUrl,
    socketDir: shared.socketDir,
    sql: (query, database) => superuserSql(shared, query, database),
    shared,
    restart: owned('restart'),
    halt: owned('halt'),
    resume: owned('resume'),
    stop: async () => {},
    log: () => '',
  };
}

/** A database of its own (for one fleet), owned by a role of its own whose password sits in a 0600 file in `dir`. */
export async function createDatabase(server, dir, name = `hmsops_${crypto.randomBytes(4).toString('hex')}`) {
  const role = `${name}_owner`;
  const password = crypto.randomBytes(18).toString('base64url');
  await server.sql(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  await server.sql(`CREATE DATABASE ${name} OWNER ${role}`);
  await server.sql(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`);
  const passwordFile = path.join(dir, `${name}.password`);
  fs.writeFileSync(passwordFile, password, { mode: 0o600 });
  return { name, role, password, passwordFile, url: `postgres://${role}@${server.host ?? '127.0.0.1'}:${server.port}/${name}` };
}
