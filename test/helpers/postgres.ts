/**
 * The test's view of scripts/postgres-server.mjs (a real PostgreSQL on a free loopback port, run
 * as the postgres user, removed afterwards), typed, and the least-privilege setup the README
 * describes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import * as server from '../../scripts/postgres-server.mjs';

export interface TestPostgres {
  port: number;
  /** The address fleets connect to (127.0.0.1, or `listen`). */
  host: string;
  /** Started with `tls`: the CA that signed the server's certificate (TCP clients must use TLS). */
  tls?: { ca: string };
  /** Its unix socket dir: the test's own connections, from any network namespace. */
  socketDir: string;
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
  /** What another process needs to use this server (joinPostgres). */
  shared: SharedPostgres;
}

/** A server started by another process (vitest's global setup), as plain data. */
export interface SharedPostgres {
  port: number;
  host: string;
  socketDir: string;
  password: string;
  adminUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL (test/global-setup.ts), or null where none could start. */
    postgres: SharedPostgres | null;
  }
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

export const startPostgres = server.startPostgres as (opts?: { durable?: boolean; listen?: string; netns?: string; tls?: boolean }) => Promise<TestPostgres>;
export const freePort = server.freePort as () => Promise<number>;
export const joinPostgres = server.joinPostgres as (shared: SharedPostgres) => TestPostgres;
export const createDatabase = server.createDatabase as (server: TestPostgres, dir: string, name?: string) => Promise<TestDatabase>;

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
