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
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < migrations.length; v++) db.exec(migrations[v]!);
    if (current < migrations.length) db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
  return db;
}

/** A store error that passes: the file locked by another instance past the busy timeout. Answered 503 STORE_UNAVAILABLE. */
export function storeUnavailable(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
