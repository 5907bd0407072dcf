/**
 * The store a test fleet's bundled services use, one parameter for the suites that run on both:
 * SQLite files under the state dir, or a database of the fleet's own on a test PostgreSQL. Tests
 * read what the services stored through it, as the services see it (their schema on PostgreSQL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type pg from 'pg';
import type { StoreConfig } from '../../services/kit/store.js';
import { describe, inject } from 'vitest';
import { createDatabase, joinPostgres, startPostgres, type TestPostgres } from './postgres.js';
import { skipWithout } from './servers.js';

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: Backend[] = ['sqlite', 'postgres'];

/**
 * The suite `title` (its `%s` the backend) once per store backend; the postgres one skipped with
 * one line where PostgreSQL cannot run here (test/helpers/servers.ts).
 */
export function describeStores(title: string, body: (backend: Backend) => void): void {
  for (const backend of BACKENDS) {
    const name = title.replace('%s', backend);
    describe.skipIf(backend === 'postgres' && skipWithout(name, ['postgres']))(name, () => body(backend));
  }
}

export interface FleetStore {
  backend: Backend;
  /** The config's top-level `store:` section ('' for SQLite, the default). */
  config: string;
  /** The same as a service is given it (HMSOPS_STORE): for services built in-process. */
  storeConfig: StoreConfig;
  /** What must never appear in a log or the CLI's output (the database password). */
  secrets: { kind: string; value: string }[];
  /** Called by makeFleet: where the fleet keeps its state (SQLite files live there). */
  bind(stateDir: string): void;
  /** Rows of a read in one service's store. */
  query<T = Record<string, unknown>>(service: string, sql: string, params?: unknown[]): Promise<T[]>;
  /** A write straight into one service's store, as someone with access to the database would make it (rows changed). */
  write(service: string, sql: string, params?: unknown[]): Promise<number>;
  /** Drops what the store made (the database, its password file). */
  close(): Promise<void>;
  /**
   * PostgreSQL: holds `LOCK TABLE ... IN EXCLUSIVE MODE` on one service's table in a transaction
   * of the test's own until released (reads go on, writes wait): a service stopped between two steps.
   */
  lockTable?(service: string, table: string): Promise<{ release(): Promise<void> }>;
}

export function sqliteStore(): FleetStore {
  let stateDir = '';
  return {
    backend: 'sqlite',
    config: '',
    storeConfig: { backend: 'sqlite' },
    secrets: [],
    bind: (dir) => {
      stateDir = dir;
    },
    async query<T>(service: string, sql: string, params: unknown[] = []) {
      const file = path.join(stateDir, 'data', `${service}.sqlite`);
      if (!fs.existsSync(file)) return [];
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async write(service: string, sql: string, params: unknown[] = []) {
      const db = new Database(path.join(stateDir, 'data', `${service}.sqlite`), { fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        return db.prepare(sql).run(...params).changes;
      } finally {
        db.close();
      }
    },
    async close() {},
  };
}

export async function postgresStore(server: TestPostgres): Promise<FleetStore> {
  // Loaded here, not with the module: every integration suite imports this file, and pg's first
  // load costs ~50 ms of CPU on Node 20 (it makes a `Response` to tell Cloudflare's runtime apart).
  const [{ default: pgDriver }, { numberedPlaceholders, schemaOf }] = await Promise.all([import('pg'), import('../../services/kit/postgres-store.js')]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-pgfleet-'));
  const db = await createDatabase(server, dir);
  // One small pool per service schema, as that service sees its tables.
  const pools = new Map<string, pg.Pool>();
  const poolFor = (service: string) => {
    let p = pools.get(service);
    if (!p) {
      p = new pgDriver.Pool({
        host: server.socketDir,
        port: server.port,
        user: db.role,
        password: db.password,
        database: db.name,
        max: 2,
        options: `-c search_path=${schemaOf(service)}`,
      });
      p.on('error', () => undefined); // a server restarted under a drill
      pools.set(service, p);
    }
    return p;
  };
  return {
    backend: 'postgres',
    config: `store: { backend: postgres, url: "${db.url}", passwordFile: "${db.passwordFile}" }\n`,
    storeConfig: { backend: 'postgres', url: db.url, passwordFile: db.passwordFile },
    secrets: [{ kind: 'the database password', value: db.password }],
    bind() {},
    async query<T>(service: string, sql: string, params: unknown[] = []) {
      const pool = poolFor(service);
      const exists = await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schemaOf(service)]);
      if (!exists.rowCount) return [];
      // COUNT and SUM come back as text from pg; the tests compare numbers.
      const r = await pool.query(numberedPlaceholders(sql), params);
      const numeric = new Set(r.fields.filter((f) => f.dataTypeID === 20 || f.dataTypeID === 1700).map((f) => f.name));
      return r.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, numeric.has(k) && v !== null ? Number(v) : v]))) as T[];
    },
    async write(service: string, sql: string, params: unknown[] = []) {
      return (await poolFor(service).query(numberedPlaceholders(sql), params)).rowCount ?? 0;
    },
    async lockTable(service, table) {
      const client = await poolFor(service).connect();
      await client.query('BEGIN');
      await client.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`);
      return {
        async release() {
          await client.query('ROLLBACK').catch(() => undefined);
          client.release();
        },
      };
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.end().catch(() => undefined)));
      await server.sql(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`).catch(() => undefined);
      await server.sql(`DROP ROLE IF EXISTS ${db.role}`).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The run's PostgreSQL (test/global-setup.ts, which stops it), else a server of the suite's own.
 * Here, not in ./postgres.ts: the global setup imports that, outside any test worker.
 */
export async function runPostgres(): Promise<TestPostgres> {
  const shared = inject('postgres');
  return shared ? joinPostgres(shared) : await startPostgres();
}

/**
 * The store of one backend's fleets in a suite, each fleet a database of its own: on the run's
 * PostgreSQL (started once by test/global-setup.ts), else on a server started when first needed
 * and stopped by `stop()`. A suite that restarts or stops its server starts its own (startPostgres).
 */
export function storesFor(backend: Backend): { store(): Promise<FleetStore>; stop(): Promise<void>; server(): TestPostgres | undefined } {
  let server: TestPostgres | undefined;
  return {
    async store() {
      if (backend === 'sqlite') return sqliteStore();
      server ??= await runPostgres();
      return postgresStore(server);
    },
    async stop() {
      await server?.stop();
    },
    server: () => server,
  };
}
