/**
 * A service's store behind one async interface: SQLite (a file under the state dir, the default)
 * or PostgreSQL (shared by instances on any number of hosts). A service writes its SQL once, in
 * the subset both accept (`?` placeholders, `ON CONFLICT`, `RETURNING`); the few things the two
 * say differently (a list parameter, a sequence, a row lock, an advisory lock) are methods here.
 */
export type Dialect = 'sqlite' | 'postgres';

/** Statements on the store, or inside one transaction. Arrays as parameters go with `in()`. */
export interface Queries {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** A statement without rows to read: how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Inserts rows (one parameter list per row, in `columns` order), with an `ON CONFLICT ...`
   * clause when given; with `returning`, the rows inserted (or updated by the clause) are
   * answered, the ones it skipped are not.
   */
  insert<T = Record<string, unknown>>(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
    opts?: InsertOptions,
  ): Promise<{ inserted: number; rows: T[] }>;
  /** `column` is one of the values of an array parameter: `WHERE ${q.in('id')}` with `[ids]`. */
  in(column: string): string;
  /** The next `n` values of a table's integer key (AUTOINCREMENT, or the identity's sequence), taken: no later call gets them; call inside a transaction. */
  nextKeys(table: string, column: string, n: number): Promise<number[]>;
  /** Appended to a SELECT that claims rows: other writers skip them (PostgreSQL); SQLite's write lock already does. */
  readonly skipLocked: string;
}

export interface Store extends Queries {
  /**
   * A write transaction: SQLite's BEGIN IMMEDIATE (one writer per file, statements of this
   * process queued behind it), PostgreSQL's BEGIN on a pooled connection (tried again after a
   * deadlock). `lock` names an advisory lock taken first (PostgreSQL), so writers on every host
   * take turns for that work.
   */
  transaction<T>(fn: (q: Queries) => Promise<T>, opts?: { lock?: string }): Promise<T>;
  /** Throws StoreUnavailable when the store cannot be reached now (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Where the store is, without a password: a file, or a postgres:// URL. */
  readonly where: string;
}

export interface InsertOptions {
  /** `ON CONFLICT (key) DO NOTHING`, or `DO UPDATE SET ... WHERE ...` (without parameters). */
  conflict?: string;
  /**
   * Columns to answer for each row written (inserted, or updated by the conflict clause), e.g. the
   * key. SQLite answers columns the row gives from the values given (`RETURNING` cost ~13 us a
   * row more than counting the change), so a `DO UPDATE` must not set a column it returns to
   * anything else.
   */
  returning?: string;
}

/** Column types the two say differently, for migrations written once: `${t.bigint}`. */
export const COLUMN_TYPES = {
  sqlite: { key: 'INTEGER PRIMARY KEY AUTOINCREMENT', bigint: 'INTEGER', bytes: 'BLOB' },
  postgres: { key: 'BIGSERIAL PRIMARY KEY', bigint: 'BIGINT', bytes: 'BYTEA' },
} as const;
export type ColumnTypes = (typeof COLUMN_TYPES)[Dialect];

/** Each service's migrations, numbered by their place in the list, one list per dialect. */
export interface Migrations {
  sqlite: string[];
  postgres: string[];
}

/** What the daemon passes a bundled service (HMSOPS_STORE): the fleet's `store`, or the service's own. */
export interface StoreConfig {
  backend: Dialect;
  /** postgres://USER@HOST:PORT/DB, never with a password in it. */
  url?: string;
  /** A file holding the database password (else PGPASSWORD, else none). */
  passwordFile?: string;
  /** TLS to the server (files: its CA, a client certificate and key), the server's certificate verified. */
  tls?: { ca?: string; cert?: string; key?: string };
}

/** The store could not be reached or did not answer in time: answered 503 STORE_UNAVAILABLE. */
export class StoreUnavailable extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(
    message: string,
    /** What the driver said (an errno, a SQLSTATE, SQLITE_BUSY). */
    readonly reason: string,
  ) {
    super(message);
  }
}

/** A store error that passes: a SQLite file locked past the busy timeout, a database unreachable. */
export function storeUnavailable(err: unknown): err is Error & { code: string; reason?: string } {
  if (err instanceof StoreUnavailable) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** A URL as it may be shown: any password in it replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

/** `WHERE a = ? AND b = ?` for the filters given (undefined ones left out), and its parameters; '' for none. */
export function whereEqual(filters: Record<string, string | undefined>): { where: string; args: string[] } {
  const given = Object.entries(filters).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  return { where: given.length ? `WHERE ${given.map(([c]) => `${c} = ?`).join(' AND ')}` : '', args: given.map(([, v]) => v) };
}
