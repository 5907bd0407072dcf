/**
 * Cutting NACHA files from queued transfers, so that no transfer is ever in two files or in a
 * file that is not whole on disk, and finishing at start-up what a crash interrupted.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HmsopsError } from '../../src/errors/index.js';
import { readNachaFile, serializeNachaFile } from '../../src/nacha/index.js';
import type { Store } from '../kit/store.js';
import { planNachaFile, type QueuedTransfer } from './file-plan.js';
import { type FileRecord, type FileRow, fileRecord, ledgerInsert, type TransferRow } from './tables.js';

/**
 * What one file may carry. The File Control record's total credit and debit fields have 12 digits
 * ($9,999,999,999.99) and a batch's entry count 6: a grant over either goes out in several files,
 * each cut taking the oldest queued transfers that fit (`cutFile` again takes the rest). A cut is
 * one write transaction: with SQLite it holds the ledger's write lock (and its instance's event
 * loop) throughout, so by default a file takes 20,000 entries (under a second); a caller may ask
 * for up to 100,000. The million-recipient benchmark found 100,000-entry cuts long enough for
 * liveness to kill the cutting instance and the one waiting on its lock.
 */
export const FILE_LIMITS = { defaultEntries: 20_000, maxEntries: 100_000, maxTotalCents: 999_999_999_999 };

/** The oldest rows that fit in one file; at least one (one transfer is at most $99,999,999.99). */
export function rowsThatFit<R extends { amount_cents: number }>(rows: R[], maxTotalCents = FILE_LIMITS.maxTotalCents): R[] {
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    total += rows[i]!.amount_cents;
    if (total > maxTotalCents) return rows.slice(0, Math.max(1, i));
  }
  return rows;
}

export class FileCutter {
  #ledger;
  constructor(
    private readonly db: Store,
    private readonly outboundDir: string,
  ) {
    this.#ledger = ledgerInsert(db);
    fs.mkdirSync(outboundDir, { recursive: true });
    this.recoverFiles();
  }

  /**
   * Cuts one NACHA file from the queued transfers (optionally one grant's). Order matters for
   * money: write and fsync a temp file; in one transaction mark the transfers filed and record
   * the file; only then rename the temp file into place. A crash before the commit leaves only a
   * temp file (removed at start-up, transfers still queued); a crash after it leaves a recorded
   * file whose temp is renamed at start-up. No transfer is ever in two files. One cut takes what
   * fits in one file (FILE_LIMITS, or fewer entries when asked); the answer says how many are left.
   */
  cutFile(opts: { grantId?: string; maxEntries?: number } = {}): FileRecord | null {
    const now = new Date();
    const limit = Math.min(opts.maxEntries ?? FILE_LIMITS.defaultEntries, FILE_LIMITS.maxEntries);
    const result = this.db
      .transaction(() => {
        const rows = rowsThatFit(
          this.db
            .prepare<(string | number)[], TransferRow>(`SELECT * FROM transfers WHERE status = 'queued' ${opts.grantId ? 'AND grant_id = ?' : ''} ORDER BY seq LIMIT ?`)
            .all(...(opts.grantId ? [opts.grantId] : []), limit),
        );
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
    finishFile(result.tmp, result.rec.path);
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
      if (known.has(finalName)) finishFile(full, path.join(this.outboundDir, finalName));
      else if (Date.now() - (fs.statSync(full, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 60_000) {
        // Not committed: its transfers are still queued. (Young temps may be another instance's cut in progress.)
        fs.rmSync(full, { force: true });
      }
    }
  }

  /**
   * A recorded file's bytes. Its record is visible to other instances as soon as the cut commits,
   * a moment before the cutting instance renames the temp into place (longer when that commit
   * also checkpoints SQLite's log), or for good when it died in between: the temp is then
   * already whole and fsynced, so whoever reads first finishes the rename.
   */
  fileBytes(rec: FileRecord): Buffer {
    if (!fs.existsSync(rec.path)) finishFile(`${rec.path}.tmp`, rec.path);
    return fs.readFileSync(rec.path);
  }

  getFile(id: string): FileRecord | undefined {
    const r = this.db.prepare<[string], FileRow>('SELECT * FROM files WHERE id = ?').get(id);
    return r ? fileRecord(r) : undefined;
  }

  listFiles(q: { grantId?: string }): FileRecord[] {
    return (
      q.grantId
        ? this.db.prepare<[string], FileRow>('SELECT * FROM files WHERE grant_id = ? ORDER BY created_at').all(q.grantId)
        : this.db.prepare<[], FileRow>('SELECT * FROM files ORDER BY created_at').all()
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

/**
 * Renames a committed file's temp into place. Another instance starting up may finish the same
 * rename first (its start-up recovery sees the committed temp): a temp already gone with the file
 * in place is done, not an error.
 */
function finishFile(tmp: string, finalPath: string): void {
  try {
    if (fs.existsSync(finalPath)) fs.rmSync(tmp, { force: true });
    else fs.renameSync(tmp, finalPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !fs.existsSync(finalPath)) throw err;
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
