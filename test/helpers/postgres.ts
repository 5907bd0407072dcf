/**
 * A real PostgreSQL for a test: Debian's package (installed by scripts/install-servers.sh when
 * missing), `initdb` into a temp dir and `pg_ctl` on a free loopback port, as the unprivileged
 * `postgres` user (PostgreSQL refuses to run as root). Stopped and removed by `stop()`, which the
 * test's afterAll calls also when a test failed.
 */
import { execFile, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { repoRoot } from './fleet.js';

export interface TestPostgres {
  port: number;
  /** The superuser's connection (password included: for the test's own setup only). */
  adminUrl: string;
  /** Runs SQL as the superuser, in `database` (default postgres). */
  sql(query: string, database?: string): Promise<pg.QueryResult>;
  /** `pg_ctl restart -m immediate`: a crash and a recovery, connections dropped. */
  restart(): Promise<void>;
  /** `pg_ctl stop -m immediate`, and `start` again later: the database away for a while. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
  /** The server's own log (for a test that fails). */
  log(): string;
}

const execFileAsync = promisify(execFile);

function binDir(): string {
  const find = () =>
    fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .map((v) => path.join('/usr/lib/postgresql', v, 'bin'))
          .filter((d) => fs.existsSync(path.join(d, 'initdb')))
          .sort((a, b) => Number(path.basename(path.dirname(b))) - Number(path.basename(path.dirname(a))))[0]
      : undefined;
  let dir = find();
  if (!dir) {
    execFileSync('bash', [path.join(repoRoot, 'scripts', 'install-servers.sh')], { stdio: 'inherit' });
    dir = find();
  }
  if (!dir) throw new Error('PostgreSQL is not installed and scripts/install-servers.sh could not install it');
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program as the postgres user. */
function asPostgres(bin: string, args: string[], opts: { timeoutMs?: number } = {}): string {
  return execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8', timeout: opts.timeoutMs ?? 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function asPostgresAsync(bin: string, args: string[]): Promise<void> {
  await execFileAsync('runuser', ['-u', 'postgres', '--', bin, ...args], { timeout: 60_000 });
}

export async function startPostgres(opts: { durable?: boolean } = {}): Promise<TestPostgres> {
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
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${opts.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`;
  try {
    asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${path.join(dir, 'pw')}`, '--locale=C', '--encoding=UTF8', '-N']);
    asPostgres(pgCtl, ['-D', data, '-l', logFile, '-o', settings, '-w', '-t', '60', 'start']);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${(err as { stderr?: string }).stderr ?? (err as Error).message}`);
  }
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
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
    adminUrl,
    async sql(query, database = 'postgres') {
      const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database });
      await c.connect();
      try {
        return await c.query(query);
      } finally {
        await c.end();
      }
    },
    // Asynchronous, so the test's own requests go on while the server goes down and comes back.
    restart: () => asPostgresAsync(pgCtl, ['-D', data, '-l', logFile, '-o', settings, '-m', 'immediate', '-w', '-t', '60', 'restart']),
    halt: () => asPostgresAsync(pgCtl, ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']),
    resume: () => asPostgresAsync(pgCtl, ['-D', data, '-l', logFile, '-o', settings, '-w', '-t', '60', 'start']),
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

/** A database of its own for one test fleet, owned by a role of its own whose password sits in a 0600 file. */
export interface TestDatabase {
  name: string;
  role: string;
  password: string;
  passwordFile: string;
  /** postgres://ROLE@127.0.0.1:PORT/NAME: what the config says (no password). */
  url: string;
}

export async function createDatabase(server: TestPostgres, dir: string, name = `hmsops_${crypto.randomBytes(4).toString('hex')}`): Promise<TestDatabase> {
  const role = `${name}_owner`;
  const password = crypto.randomBytes(18).toString('base64url');
  await server.sql(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  await server.sql(`CREATE DATABASE ${name} OWNER ${role}`);
  await server.sql(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`);
  const passwordFile = path.join(dir, `${name}.password`);
  fs.writeFileSync(passwordFile, password, { mode: 0o600 });
  return { name, role, password, passwordFile, url: `postgres://${role}@127.0.0.1:${server.port}/${name}` };
}

/**
 * The least-privilege setup the README describes: one database, and per service a login role
 * that owns that service's schema and nothing else (no rights on the other schemas).
 */
export async function createServiceRoles(
  server: TestPostgres,
  dir: string,
  services: string[],
  database = `hmsops_${crypto.randomBytes(4).toString('hex')}`,
): Promise<{ database: string; roles: Record<string, TestDatabase>; config: string; drop(): Promise<void> }> {
  await server.sql(`CREATE DATABASE ${database}`);
  await server.sql(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
  const roles: Record<string, TestDatabase> = {};
  for (const service of services) {
    const schema = service.replace(/-/g, '_');
    const role = `${database}_${schema}`;
    const password = crypto.randomBytes(18).toString('base64url');
    await server.sql(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await server.sql(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
    await server.sql(`CREATE SCHEMA ${schema} AUTHORIZATION ${role}`, database);
    const passwordFile = path.join(dir, `${role}.password`);
    fs.writeFileSync(passwordFile, password, { mode: 0o600 });
    roles[service] = { name: database, role, password, passwordFile, url: `postgres://${role}@127.0.0.1:${server.port}/${database}` };
  }
  const config = `store: { backend: postgres }\nservices:\n${services.map((s) => `  ${s}: { store: { url: "${roles[s]!.url}", passwordFile: "${roles[s]!.passwordFile}" } }`).join('\n')}\n`;
  return {
    database,
    roles,
    config,
    async drop() {
      await server.sql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      for (const r of Object.values(roles)) await server.sql(`DROP ROLE IF EXISTS ${r.role}`).catch(() => undefined);
    },
  };
}
