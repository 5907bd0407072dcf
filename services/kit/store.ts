/** Each service's own SQLite file: WAL, a busy timeout for several instances, numbered migrations. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Store = Database.Database;

export function openStore(file: string, migrations: string[]): Store {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
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
      if (!storeUnavailable(err) || Date.now() > giveUpAt) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250); // nothing is served yet: wait, then try again
    }
  }
  return db;
}

/** How long start-up waits for the write lock to migrate the store (each try waits the busy timeout too). */
const MIGRATION_WAIT_MS = 60_000;

/** A store error that passes: the file locked by another instance past the busy timeout. Answered 503 STORE_UNAVAILABLE. */
export function storeUnavailable(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
