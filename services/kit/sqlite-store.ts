/** The SQLite store: a file under the state dir, WAL, a busy timeout for several instances, numbered migrations. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { InsertOptions, Queries, Store } from './store.js';

/**
 * better-sqlite3 is synchronous: each statement runs to its end before the event loop moves on.
 * A transaction that awaits between its statements would let another request's statements run
 * inside it on the same connection, so while one is open every other call waits its turn.
 */
class SqliteQueries implements Queries {
  readonly dialect = 'sqlite' as const;
  readonly skipLocked = '';
  constructor(
    readonly db: Database.Database,
    /** Prepared once per connection, shared with the transactions' view of it. */
    readonly statements = new Map<string, Database.Statement>(),
  ) {}

  statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.statement(sql).all(...bind(params)) as T[];
  }
  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.statement(sql).get(...bind(params)) as T | undefined;
  }
  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    return this.statement(sql).run(...bind(params)).changes;
  }
  async insert<T>(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], opts: InsertOptions = {}) {
    // Returned columns the row gives are answered from it: a row counted as changed was written with them.
    const given = opts.returning?.split(',').map((c) => columns.indexOf(c.trim()));
    const fromRow = given?.every((i) => i >= 0) ? given.map((i) => [columns[i]!, i] as const) : undefined;
    const s = this.statement(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})` +
        (opts.conflict ? ` ${opts.conflict}` : '') +
        (opts.returning && !fromRow ? ` RETURNING ${opts.returning}` : ''),
    );
    const out: T[] = [];
    let inserted = 0;
    for (const row of rows) {
      if (fromRow) {
        if (s.run(...bind(row)).changes === 0) continue;
        out.push(Object.fromEntries(fromRow.map(([c, i]) => [c, row[i]])) as T);
        inserted++;
      } else if (opts.returning) {
        const r = s.get(...bind(row)) as T | undefined;
        if (r) out.push(r);
        inserted += r ? 1 : 0;
      } else inserted += s.run(...bind(row)).changes;
    }
    return { inserted, rows: out };
  }
  in(column: string): string {
    return `${column} IN (SELECT value FROM json_each(?))`;
  }
  async nextKeys(table: string, _column: string, n: number): Promise<number[]> {
    // AUTOINCREMENT keeps the last key in sqlite_sequence; inside the write transaction nobody else
    // takes one. The keys are taken there at once (as PostgreSQL's nextval does), so a key given to
    // a row of another table (a prenote's trace number, from the transfers' keys) is given once.
    const last = (this.statement('SELECT seq FROM sqlite_sequence WHERE name = ?').pluck().get(table) as number | undefined) ?? 0;
    if (n > 0 && this.statement('UPDATE sqlite_sequence SET seq = ? WHERE name = ?').run(last + n, table).changes === 0)
      this.statement('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(table, last + n);
    return Array.from({ length: n }, (_, i) => last + 1 + i);
  }
}

/** Arrays (for `in()`) go to SQLite as JSON text; everything else as it is. */
const bind = (params: readonly unknown[]) => params.map((p) => (Array.isArray(p) ? JSON.stringify(p) : p));

class SqliteStore extends SqliteQueries implements Store {
  /** Set while a transaction is open: other calls wait for it. */
  #open: Promise<void> | undefined;
  /** What a transaction's function gets: the same connection, not waiting for the transaction it is in. */
  readonly #inside: SqliteQueries;
  constructor(
    db: Database.Database,
    readonly where: string,
  ) {
    super(db);
    this.#inside = new SqliteQueries(db, this.statements);
  }

  /** Runs `op` when no transaction is open, checked and started in one step (no await between). */
  async #whenFree<T>(op: () => Promise<T>): Promise<T> {
    while (this.#open) await this.#open;
    return op();
  }
  override all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.#whenFree(() => super.all<T>(sql, params));
  }
  override get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.#whenFree(() => super.get<T>(sql, params));
  }
  override run(sql: string, params?: readonly unknown[]): Promise<number> {
    return this.#whenFree(() => super.run(sql, params));
  }
  override insert<T>(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], opts?: InsertOptions) {
    return this.#whenFree(() => super.insert<T>(table, columns, rows, opts));
  }

  async transaction<T>(fn: (q: Queries) => Promise<T>): Promise<T> {
    while (this.#open) await this.#open;
    let done!: () => void;
    this.#open = new Promise((r) => (done = r));
    try {
      this.db.exec('BEGIN IMMEDIATE'); // waits out another instance's write lock up to the busy timeout
      try {
        const out = await fn(this.#inside);
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      this.#open = undefined;
      done();
    }
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {
    while (this.#open) await this.#open;
    this.db.close();
  }
}

export function openSqliteStore(file: string, migrations: string[]): Store {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // 64 MiB of pages instead of 2: a million transfers' indexes are ~100 MB, and every page the
  // cache does not hold is a read from the OS on each insert.
  db.pragma('cache_size = -65536');
  // Migrations run in one immediate transaction so two instances starting together do not race.
  // A store already at the latest version needs no lock at all: an instance (re)started while
  // another holds the write lock for a long cut used to wait out the busy timeout and exit 1.
  const version = () => db.pragma('user_version', { simple: true }) as number;
  for (const giveUpAt = Date.now() + MIGRATION_WAIT_MS; version() < migrations.length; ) {
    try {
      db.transaction(() => {
        const current = version();
        for (let v = current; v < migrations.length; v++) db.exec(migrations[v]!);
        if (current < migrations.length) db.pragma(`user_version = ${migrations.length}`);
      }).immediate();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || Date.now() > giveUpAt) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250); // nothing is served yet: wait, then try again
    }
  }
  return new SqliteStore(db, file);
}

/** How long start-up waits for the write lock to migrate the store (each try waits the busy timeout too). */
const MIGRATION_WAIT_MS = 60_000;
