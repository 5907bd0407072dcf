/**
 * The ACH ledger in SQLite. Exactly-once is the store's job: the idempotency key is UNIQUE on the
 * transfer row, written in the same transaction as its ledger entry, so no crash, retry or second
 * instance can make two transfers of one key.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HmsopsError, itemError, type ItemError } from '../../src/errors/index.js';
import type { Store } from '../kit/store.js';
import { readNachaFile, serializeNachaFile } from '../../src/nacha/index.js';
import { planNachaFile, type QueuedTransfer } from './file-plan.js';
import { transferFingerprint, validateTransfer, type FieldProblem } from './transfer-rules.js';

export const migrations = [
  `CREATE TABLE transfers (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     idempotency_key TEXT NOT NULL UNIQUE,
     fingerprint TEXT NOT NULL,
     grant_id TEXT NOT NULL,
     recipient_id TEXT NOT NULL,
     name TEXT NOT NULL,
     routing TEXT NOT NULL,
     account TEXT NOT NULL,
     account_type TEXT NOT NULL CHECK (account_type IN ('checking', 'savings')),
     amount_cents INTEGER NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 9999999999),
     sec_code TEXT NOT NULL CHECK (sec_code IN ('CCD', 'PPD')),
     originator_name TEXT NOT NULL,
     company_id TEXT NOT NULL,
     odfi_routing TEXT NOT NULL,
     effective_date TEXT NOT NULL,
     trace_number TEXT NOT NULL UNIQUE,
     status TEXT NOT NULL CHECK (status IN ('queued', 'filed')),
     file_id TEXT,
     created_at TEXT NOT NULL
   );
   CREATE INDEX transfers_by_grant ON transfers (grant_id, status);
   CREATE INDEX transfers_by_status ON transfers (status, seq);
   CREATE TABLE ledger (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     transfer_id TEXT NOT NULL REFERENCES transfers (id),
     event TEXT NOT NULL CHECK (event IN ('queued', 'filed')),
     amount_cents INTEGER NOT NULL,
     file_id TEXT,
     at TEXT NOT NULL
   );
   CREATE TABLE files (
     id TEXT PRIMARY KEY,
     path TEXT NOT NULL,
     grant_id TEXT,
     entries INTEGER NOT NULL,
     total_credit_cents INTEGER NOT NULL,
     total_debit_cents INTEGER NOT NULL,
     entry_hash INTEGER NOT NULL,
     created_at TEXT NOT NULL
   );`,
  // A request holds its keys while it works; a second request with a held key gets 409. The lease
  // ends a hold that a crashed instance never released.
  `CREATE TABLE reservations (
     idempotency_key TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     lease_until INTEGER NOT NULL
   );`,
];

interface TransferRow {
  seq: number;
  id: string;
  idempotency_key: string;
  fingerprint: string;
  grant_id: string;
  recipient_id: string;
  name: string;
  routing: string;
  account: string;
  account_type: 'checking' | 'savings';
  amount_cents: number;
  sec_code: 'CCD' | 'PPD';
  originator_name: string;
  company_id: string;
  odfi_routing: string;
  effective_date: string;
  trace_number: string;
  status: 'queued' | 'filed';
  file_id: string | null;
  created_at: string;
}

/** What the API shows of a transfer: never the full account number. */
export function publicTransfer(r: TransferRow) {
  return {
    id: r.id,
    status: r.status,
    traceNumber: r.trace_number,
    grantId: r.grant_id,
    recipientId: r.recipient_id,
    name: r.name,
    routing: r.routing,
    accountLast4: r.account.slice(-4),
    accountType: r.account_type,
    amountCents: r.amount_cents,
    secCode: r.sec_code,
    effectiveDate: r.effective_date,
    fileId: r.file_id,
    createdAt: r.created_at,
  };
}
export type PublicTransfer = ReturnType<typeof publicTransfer>;

export type SubmitOutcome =
  | { status: 201; transfer: PublicTransfer }
  | { status: 200; transfer: PublicTransfer; replayed: true }
  | ItemError<'VALIDATION', { fields: FieldProblem[] }>
  | ItemError<'IDEMPOTENCY_KEY_REUSED', { transferId: string }>
  | ItemError<'IDEMPOTENCY_KEY_IN_FLIGHT', { retryAfterSeconds: number }>;

/** How long a request may hold its keys before another may take them over (a crashed holder's keys come free). */
const LEASE_MS = 5000;

export interface FileRecord {
  fileId: string;
  path: string;
  grantId: string | null;
  entries: number;
  totalCreditCents: number;
  totalDebitCents: number;
  entryHash: number;
  createdAt: string;
}

const fileRecord = (r: any): FileRecord => ({
  fileId: r.id,
  path: r.path,
  grantId: r.grant_id,
  entries: r.entries,
  totalCreditCents: r.total_credit_cents,
  totalDebitCents: r.total_debit_cents,
  entryHash: r.entry_hash,
  createdAt: r.created_at,
});

export class Ledger {
  #byKey;
  #insert;
  #ledger;
  #heldBy;
  #hold;
  #release;
  constructor(
    private readonly db: Store,
    private readonly outboundDir: string,
  ) {
    this.#byKey = db.prepare<[string], TransferRow>('SELECT * FROM transfers WHERE idempotency_key = ?');
    this.#insert = db.prepare(
      `INSERT INTO transfers (id, idempotency_key, fingerprint, grant_id, recipient_id, name, routing, account, account_type, amount_cents, sec_code,
         originator_name, company_id, odfi_routing, effective_date, trace_number, status, created_at)
       VALUES (@id, @key, @fingerprint, @grantId, @recipientId, @name, @routing, @account, @accountType, @amountCents, @secCode,
         @originatorName, @companyId, @odfiRouting, @effectiveDate, @traceNumber, 'queued', @createdAt)`,
    );
    this.#ledger = db.prepare('INSERT INTO ledger (transfer_id, event, amount_cents, file_id, at) VALUES (?, ?, ?, ?, ?)');
    this.#heldBy = db.prepare<[string], { owner: string; lease_until: number }>('SELECT owner, lease_until FROM reservations WHERE idempotency_key = ?');
    this.#hold = db.prepare(
      'INSERT INTO reservations (idempotency_key, owner, lease_until) VALUES (?, ?, ?) ON CONFLICT (idempotency_key) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until',
    );
    this.#release = db.prepare('DELETE FROM reservations WHERE idempotency_key = ? AND owner = ?');
    fs.mkdirSync(outboundDir, { recursive: true });
    this.recoverFiles();
  }

  /** Replay, 422 or 409 when the key is known or held; undefined when it is free to use. */
  #known(key: string, fingerprint: string, owner: string, nowMs: number): SubmitOutcome | undefined {
    if (typeof key !== 'string' || key.length === 0 || key.length > 255)
      return itemError('VALIDATION', 'an Idempotency-Key of 1-255 characters is required', { fields: [{ field: 'idempotencyKey', reason: 'is required' }] });
    const existing = this.#byKey.get(key);
    if (existing) {
      if (existing.fingerprint === fingerprint) return { status: 200, transfer: publicTransfer(existing), replayed: true };
      return itemError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} was used for a different transfer (${existing.id})`, { transferId: existing.id });
    }
    const held = this.#heldBy.get(key);
    if (held && held.owner !== owner && held.lease_until > nowMs) {
      const retryAfterSeconds = Math.max(1, Math.ceil((held.lease_until - nowMs) / 1000));
      return itemError('IDEMPOTENCY_KEY_IN_FLIGHT', `a request with idempotency key ${key} is being processed; retry in ${retryAfterSeconds}s for its answer`, {
        retryAfterSeconds,
      });
    }
    return undefined;
  }

  /** One transfer; call inside a transaction. The key's UNIQUE constraint is the final guard. */
  #submitOne(key: string, body: Record<string, unknown>, fingerprint: string, owner: string, now: Date): SubmitOutcome {
    const known = this.#known(key, fingerprint, owner, now.getTime());
    if (known) return known;
    const v = validateTransfer(body, now);
    if (!v.ok) return itemError('VALIDATION', 'the transfer is not valid; nothing was stored', { fields: v.problems });
    const t = v.transfer;
    const id = `tr_${crypto.randomUUID().replace(/-/g, '')}`;
    // The trace number comes from the row's own sequence: ODFI's 8 digits + 7 digits, ascending.
    const seq = (this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'transfers'").pluck().get() as number | undefined) ?? 0;
    const traceNumber = `${t.originator.odfiRouting.slice(0, 8)}${String((seq + 1) % 10_000_000).padStart(7, '0')}`;
    this.#insert.run({
      id,
      key,
      fingerprint,
      grantId: t.grantId,
      recipientId: t.recipientId,
      name: t.name,
      routing: t.routing,
      account: t.account,
      accountType: t.accountType,
      amountCents: t.amountCents,
      secCode: t.secCode,
      originatorName: t.originator.name,
      companyId: t.originator.companyId,
      odfiRouting: t.originator.odfiRouting,
      effectiveDate: t.effectiveDate,
      traceNumber,
      createdAt: now.toISOString(),
    });
    this.#ledger.run(id, 'queued', t.amountCents, null, now.toISOString());
    this.#release.run(key, owner);
    return { status: 201, transfer: publicTransfer(this.getRow(id)!) };
  }

  /**
   * Takes the keys that are free (step 1 of every submission, its own short transaction) and
   * answers at once for the ones that are known or held elsewhere.
   */
  #reserve(items: { key: string; fingerprint: string }[], owner: string, leaseMs: number): (SubmitOutcome | undefined)[] {
    // Replays and 409s need no write lock: answer them from a plain (WAL) read, so a duplicate is
    // not kept waiting behind another request's write transactions.
    const readNow = Date.now();
    const seen = items.map(({ key, fingerprint }) => this.#known(key, fingerprint, owner, readNow));
    if (seen.every((k) => k)) return seen;
    return this.db
      .transaction(() => {
        const now = Date.now();
        return items.map(({ key, fingerprint }, i) => {
          if (seen[i]) return seen[i];
          const known = this.#known(key, fingerprint, owner, now);
          if (!known) this.#hold.run(key, owner, now + leaseMs);
          return known;
        });
      })
      .immediate();
  }

  submit(key: string, body: Record<string, unknown>): SubmitOutcome {
    const owner = crypto.randomUUID();
    const fingerprint = transferFingerprint(body);
    const [known] = this.#reserve([{ key, fingerprint }], owner, LEASE_MS);
    if (known) return known;
    try {
      return this.db.transaction(() => this.#submitOne(key, body, fingerprint, owner, new Date())).immediate();
    } finally {
      this.#release.run(key, owner);
    }
  }

  /**
   * Many transfers. Keys are held first; then the work goes in chunks, each its own transaction,
   * so other requests are served in between (and are told 409 for a key held here). With
   * atomic, everything is one transaction and any failure stores nothing.
   */
  async submitBatch(items: Record<string, unknown>[], atomic: boolean): Promise<{ results: (SubmitOutcome & { index: number })[]; committed: boolean }> {
    const owner = crypto.randomUUID();
    const keyed = items.map((item) => ({ key: String(item?.idempotencyKey ?? ''), fingerprint: transferFingerprint(item ?? {}) }));
    const decided = this.#reserve(keyed, owner, LEASE_MS + Math.ceil(items.length / 2));
    const results: (SubmitOutcome & { index: number })[] = new Array(items.length);
    for (const [index, d] of decided.entries()) if (d) results[index] = { index, ...d };
    const todo = items.map((_, i) => i).filter((i) => !decided[i]);
    const releaseAll = () => this.db.prepare('DELETE FROM reservations WHERE owner = ?').run(owner);
    try {
      if (atomic) {
        const abort = new Error('atomic batch aborted');
        try {
          this.db
            .transaction(() => {
              const now = new Date();
              for (const i of todo) results[i] = { index: i, ...this.#submitOne(keyed[i]!.key, items[i] ?? {}, keyed[i]!.fingerprint, owner, now) };
              if (results.some((r) => r.status >= 400)) throw abort;
            })
            .immediate();
          return { results, committed: true };
        } catch (err) {
          if (err !== abort) throw err;
          return { results, committed: false };
        }
      }
      for (let c = 0; c < todo.length; c += 500) {
        const chunk = todo.slice(c, c + 500);
        this.db
          .transaction(() => {
            const now = new Date();
            for (const i of chunk) results[i] = { index: i, ...this.#submitOne(keyed[i]!.key, items[i] ?? {}, keyed[i]!.fingerprint, owner, now) };
          })
          .immediate();
        await new Promise((r) => setImmediate(r));
      }
      return { results, committed: true };
    } finally {
      releaseAll();
    }
  }

  getRow(id: string): TransferRow | undefined {
    return this.db.prepare<[string], TransferRow>('SELECT * FROM transfers WHERE id = ?').get(id);
  }

  list(q: { grantId?: string; status?: string }): PublicTransfer[] {
    const where: string[] = [];
    const args: string[] = [];
    if (q.grantId) {
      where.push('grant_id = ?');
      args.push(q.grantId);
    }
    if (q.status) {
      where.push('status = ?');
      args.push(q.status);
    }
    return this.db
      .prepare<string[], TransferRow>(`SELECT * FROM transfers ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`)
      .all(...args)
      .map(publicTransfer);
  }

  /**
   * Cuts one NACHA file from the queued transfers (optionally one grant's). Order matters for
   * money: write and fsync a temp file; in one transaction mark the transfers filed and record
   * the file; only then rename the temp file into place. A crash before the commit leaves only a
   * temp file (removed at start-up, transfers still queued); a crash after it leaves a recorded
   * file whose temp is renamed at start-up. No transfer is ever in two files.
   */
  cutFile(opts: { grantId?: string } = {}): FileRecord | null {
    const now = new Date();
    const result = this.db
      .transaction(() => {
        const rows = this.db
          .prepare<string[], TransferRow>(`SELECT * FROM transfers WHERE status = 'queued' ${opts.grantId ? 'AND grant_id = ?' : ''} ORDER BY seq`)
          .all(...(opts.grantId ? [opts.grantId] : []));
        if (rows.length === 0) return null;
        const today = now.toISOString().slice(0, 10);
        const todays = this.db.prepare('SELECT COUNT(*) FROM files WHERE created_at >= ?').pluck().get(today) as number;
        const modifier = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[todays % 36]!;
        const file = planNachaFile(rows.map(toQueued), now, modifier);
        const text = serializeNachaFile(file);
        const check = readNachaFile(text, { keepEntries: false });
        if (!check.ok) throw new Error(`refusing to write an invalid NACHA file: ${JSON.stringify(check.problems[0])}`);
        const fileId = `file_${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}_${crypto.randomBytes(3).toString('hex')}`;
        const finalPath = path.join(this.outboundDir, `${fileId}.ach`);
        const tmp = `${finalPath}.tmp`;
        writeWhole(tmp, text); // throws (and rolls this transaction back) unless every byte is on disk
        const mark = this.db.prepare("UPDATE transfers SET status = 'filed', file_id = ? WHERE id = ? AND status = 'queued'");
        for (const r of rows) {
          if (mark.run(fileId, r.id).changes !== 1) throw new Error(`transfer ${r.id} changed while the file was cut`);
          this.#ledger.run(r.id, 'filed', r.amount_cents, fileId, now.toISOString());
        }
        const rec = {
          fileId,
          path: finalPath,
          grantId: opts.grantId ?? null,
          entries: rows.length,
          totalCreditCents: check.summary.totalCreditCents,
          totalDebitCents: check.summary.totalDebitCents,
          entryHash: check.summary.entryHash,
          createdAt: now.toISOString(),
        };
        this.db
          .prepare('INSERT INTO files (id, path, grant_id, entries, total_credit_cents, total_debit_cents, entry_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(rec.fileId, rec.path, rec.grantId, rec.entries, rec.totalCreditCents, rec.totalDebitCents, rec.entryHash, rec.createdAt);
        return { rec, tmp };
      })
      .immediate();
    if (!result) return null;
    fs.renameSync(result.tmp, result.rec.path);
    syncDir(this.outboundDir);
    return result.rec;
  }

  /** Start-up: finish renames the last run committed; drop temp files it never committed. */
  recoverFiles(): void {
    const known = new Set((this.db.prepare('SELECT path FROM files').pluck().all() as string[]).map((p) => path.basename(p)));
    for (const name of fs.readdirSync(this.outboundDir)) {
      if (!name.endsWith('.ach.tmp')) continue;
      const finalName = name.slice(0, -4);
      const full = path.join(this.outboundDir, name);
      if (known.has(finalName)) {
        if (!fs.existsSync(path.join(this.outboundDir, finalName))) fs.renameSync(full, path.join(this.outboundDir, finalName));
        else fs.rmSync(full);
      } else if (Date.now() - fs.statSync(full).mtimeMs > 60_000) {
        // Not committed: its transfers are still queued. (Young temps may be another instance's cut in progress.)
        fs.rmSync(full);
      }
    }
  }

  grantSummaries(grantId?: string) {
    const rows = this.db
      .prepare(
        `SELECT grant_id AS grantId, COUNT(*) AS transfers, SUM(amount_cents) AS amountCents,
           SUM(status = 'queued') AS queued, SUM(status = 'filed') AS filed,
           COUNT(DISTINCT file_id) AS files, MIN(created_at) AS firstAt, MAX(created_at) AS lastAt
         FROM transfers ${grantId ? 'WHERE grant_id = ?' : ''} GROUP BY grant_id ORDER BY MIN(seq)`,
      )
      .all(...(grantId ? [grantId] : []));
    return rows as { grantId: string; transfers: number; amountCents: number; queued: number; filed: number; files: number; firstAt: string; lastAt: string }[];
  }

  getFile(id: string): FileRecord | undefined {
    const r = this.db.prepare('SELECT * FROM files WHERE id = ?').get(id);
    return r ? fileRecord(r) : undefined;
  }

  listFiles(q: { grantId?: string }): FileRecord[] {
    return (
      q.grantId ? this.db.prepare('SELECT * FROM files WHERE grant_id = ? ORDER BY created_at').all(q.grantId) : this.db.prepare('SELECT * FROM files ORDER BY created_at').all()
    ).map(fileRecord);
  }
}

function toQueued(r: TransferRow): QueuedTransfer {
  return {
    traceNumber: r.trace_number,
    recipientId: r.recipient_id,
    name: r.name,
    routing: r.routing,
    account: r.account,
    accountType: r.account_type,
    amountCents: r.amount_cents,
    secCode: r.sec_code,
    effectiveDate: r.effective_date,
    originatorName: r.originator_name,
    companyId: r.company_id,
    odfiRouting: r.odfi_routing,
  };
}

/**
 * Writes `text` to a new file in full and fsyncs it. One write() may store only part of it (a
 * filesystem that fills up midway returns a short count, not an error): the rest is written until
 * every byte is there. On any failure the file is removed, so no partial NACHA file is left, and a
 * 507 FILE_NOT_WRITTEN says why; the caller's transaction rolls back, so no transfer is filed.
 */
function writeWhole(file: string, text: string): void {
  const bytes = Buffer.from(text, 'latin1'); // NACHA text is ASCII
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
    for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written, bytes.length - written);
    fs.fsyncSync(fd);
    const opened = fd;
    fd = undefined;
    fs.closeSync(opened);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new HmsopsError(
      'FILE_NOT_WRITTEN',
      `the NACHA file could not be written to ${path.dirname(file)} (${code}); no transfer was filed: cut the file again once there is room`,
    );
  }
}

function syncDir(dir: string) {
  try {
    const fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    // not every filesystem lets a directory be fsynced
  }
}
