import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../services/kit/sqlite-store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('opening a service store', () => {
  it('needs no write lock when the store is at the latest version: an instance starts while another holds the lock', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-store-'));
    dirs.push(dir);
    const file = path.join(dir, 's.sqlite');
    const migrations = ['CREATE TABLE t (x INTEGER)'];
    await openSqliteStore(file, migrations).close();
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE; INSERT INTO t VALUES (1)');
    try {
      const t0 = Date.now();
      const db = openSqliteStore(file, migrations);
      expect(Date.now() - t0).toBeLessThan(1000); // not the 5 s busy timeout
      expect(await db.get('PRAGMA user_version')).toEqual({ user_version: 1 });
      await db.close();
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });
});
