/**
 * The PostgreSQL store: a pool (pg) on the service's own schema (`ach`, `mail_sink`...), versioned
 * migrations under an advisory lock, and every failure to reach the database turned into
 * StoreUnavailable (503, and /readyz fails) while the pool reconnects by itself.
 */
import fs from 'node:fs';
import pg from 'pg';
import { type InsertOptions, redactUrl, type Queries, type Store, type StoreConfig, StoreUnavailable } from './store.js';

/** BIGINT (COUNT, amounts, keys) and NUMERIC (SUM) as numbers: the store's values stay well under 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** `?` placeholders (outside quoted text) as PostgreSQL's `$1, $2...`. */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  return out;
}

const converted = new Map<string, string>();
const numbered = (sql: string) => {
  let s = converted.get(sql);
  if (s === undefined) {
    s = numberedPlaceholders(sql);
    converted.set(sql, s);
  }
  return s;
};

/** SQLSTATE classes and socket errors that mean "the database is not there now", not "this request is wrong". */
function unreachable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(08|57P|53)/.test(code) || /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH|NOTFOUND|AI_AGAIN)$/.test(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|not queryable|Query read timeout|connection timeout/i.test(message);
}

type Client = pg.Pool | pg.PoolClient;

class PostgresQueries implements Queries {
  readonly dialect = 'postgres' as const;
  readonly skipLocked = ' FOR UPDATE SKIP LOCKED';
  constructor(
    protected readonly client: Client,
    protected readonly where: string,
    /** Tables' column types for insert(), shared by the store and its transactions. */
    protected readonly columnTypes = new Map<string, Map<string, string>>(),
  ) {}

  protected async query<T>(sql: string, params: readonly unknown[]): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
    try {
      return await this.client.query<T & pg.QueryResultRow>(numbered(sql), params as unknown[]);
    } catch (err) {
      throw unavailableOr(err, this.where);
    }
  }
  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.query<T>(sql, params)).rows;
  }
  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.query<T>(sql, params)).rows[0];
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }
  /**
   * Rows as one array per column, `INSERT ... SELECT FROM unnest(...)`: one statement of as many
   * parameters as columns, whatever the number of rows (a VALUES list of thousands of rows is
   * slower to parse, and stops at 65,535 parameters). The arrays take the columns' own types.
   */
  async insert<T>(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], opts: InsertOptions = {}) {
    if (rows.length === 0) return { inserted: 0, rows: [] as T[] };
    const types = await this.#columnTypes(table);
    const casts = columns.map((c, i) => {
      const type = types.get(c);
      if (!type) throw new Error(`no column ${c} in ${table}`);
      return `$${i + 1}::${type}[]`;
    });
    const arrays = columns.map((_, i) => rows.map((r) => r[i] ?? null));
    const sql =
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})` +
      (opts.conflict ? ` ${opts.conflict}` : '') +
      (opts.returning ? ` RETURNING ${opts.returning}` : '');
    try {
      const r = await this.client.query<T & pg.QueryResultRow>(sql, arrays);
      return { inserted: r.rowCount ?? 0, rows: opts.returning ? r.rows : [] };
    } catch (err) {
      throw unavailableOr(err, this.where);
    }
  }

  /** A table's columns and their types (int8, text, bytea...), read once. */
  async #columnTypes(table: string): Promise<Map<string, string>> {
    let types = this.columnTypes.get(table);
    if (!types) {
      const rows = await this.all<{ column_name: string; udt_name: string }>(
        'SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?',
        [table],
      );
      types = new Map(rows.map((r) => [r.column_name, r.udt_name]));
      if (types.size) this.columnTypes.set(table, types);
    }
    return types;
  }

  in(column: string): string {
    return `${column} = ANY(?)`;
  }
  async nextKeys(table: string, column: string, n: number): Promise<number[]> {
    const rows = await this.all<{ k: number }>('SELECT nextval(pg_get_serial_sequence(?, ?)) AS k FROM generate_series(1, ?::int)', [table, column, n]);
    return rows.map((r) => r.k);
  }
}

function unavailableOr(err: unknown, where: string): unknown {
  if (err instanceof StoreUnavailable || !unreachable(err)) return err;
  const reason = ((err as { code?: string }).code ?? (err as Error).message) || 'unreachable';
  return new StoreUnavailable(`the database at ${where} cannot be reached (${reason})`, reason);
}

/** Deadlocks and serialization failures: the transaction is run again from its start. */
const TRY_AGAIN = new Set(['40P01', '40001']);

class PostgresStore extends PostgresQueries implements Store {
  constructor(
    private readonly pool: pg.Pool,
    readonly where: string,
  ) {
    super(pool, where);
  }

  async transaction<T>(fn: (q: Queries) => Promise<T>, opts: { lock?: string } = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (err) {
        throw unavailableOr(err, this.where);
      }
      // A checked-out connection that dies between two statements emits 'error': heard here, not a crash.
      let broken: Error | undefined;
      const onError = (err: Error) => (broken = err);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        if (opts.lock) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [opts.lock]);
        const out = await fn(new PostgresQueries(client, this.where, this.columnTypes));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        broken ??= unreachable(err) ? (err as Error) : undefined;
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        const code = (err as { code?: string }).code ?? '';
        if (TRY_AGAIN.has(code) && attempt < 5) continue;
        throw unavailableOr(err, this.where);
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    }
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.all('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new StoreUnavailable(`the database at ${this.where} did not answer within 2s`, 'timeout')), 2000);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The service's schema: its name, as an identifier. */
export const schemaOf = (service: string) => service.replace(/-/g, '_');

export async function openPostgresStore(config: StoreConfig, service: string, migrations: string[], log?: (msg: string) => void): Promise<Store> {
  if (!config.url) throw new Error('store.url is required for the postgres backend');
  const where = redactUrl(config.url);
  const schema = schemaOf(service);
  const password = config.passwordFile ? fs.readFileSync(config.passwordFile, 'utf8').trim() : undefined;
  // The URL's parts, not pg's connectionString: what that parses would override the password given here.
  const u = new URL(config.url);
  const pool = new pg.Pool({
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || undefined,
    ...(password !== undefined ? { password } : {}),
    options: `-c search_path=${schema}`,
    // TLS with the server's certificate checked against the CA given (or the system's) and its name against the URL's host.
    ...(config.tls
      ? {
          ssl: {
            rejectUnauthorized: true,
            ...(config.tls.ca ? { ca: fs.readFileSync(config.tls.ca, 'utf8') } : {}),
            ...(config.tls.cert && config.tls.key ? { cert: fs.readFileSync(config.tls.cert, 'utf8'), key: fs.readFileSync(config.tls.key, 'utf8') } : {}),
          },
        }
      : {}),
    max: 10,
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    application_name: `hmsops-${service}`,
    types,
  });
  // An idle connection the server closed (a restart): the pool drops it and opens another when asked.
  pool.on('error', (err) => log?.(`an idle connection to ${where} failed: ${(err as { code?: string }).code ?? err.message}`));
  const store = new PostgresStore(pool, where);
  try {
    await migrate(store, schema, migrations);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw unavailableOr(err, where);
  }
  return store;
}

/**
 * Numbered migrations in `schema_migrations`, run under an advisory lock so two instances starting
 * at once take turns. The schema is created when missing; where the operator made it (and owns
 * it by another role), the service needs no right to create schemas.
 */
async function migrate(store: PostgresStore, schema: string, migrations: string[]): Promise<void> {
  await store.transaction(
    async (q) => {
      if (!(await q.get('SELECT 1 FROM pg_namespace WHERE nspname = ?', [schema]))) await q.run(`CREATE SCHEMA ${schema}`);
      await q.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const done = (await q.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations'))?.v ?? 0;
      for (let v = done; v < migrations.length; v++) {
        await q.run(migrations[v]!);
        await q.run('INSERT INTO schema_migrations (version) VALUES (?)', [v + 1]);
      }
    },
    { lock: `hmsops:migrate:${schema}` },
  );
}
