/**
 * Cutting NACHA files from queued transfers (and prenotes), so that no transfer is ever in two
 * files or in a file that is not whole on disk, and finishing at start-up what a crash interrupted.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HmsopsError } from '../../src/errors/index.js';
import { fileHeaderKey, readNachaFile, serializeNachaFile } from '../../src/nacha/index.js';
import { type Actor, appendAudit } from '../kit/audit.js';
import type { Store } from '../kit/store.js';
import { planNachaFile, type QueuedTransfer } from './file-plan.js';
import { appendToLedger, FILE_COLUMNS, type FileRecord, type FileRow, fileRecord, type TransferRow } from './tables.js';

/**
 * What one file may carry. The File Control record's total credit and debit fields have 12 digits
 * ($9,999,999,999.99) and a batch's entry count 6: a grant over either goes out in several files,
 * each cut taking the oldest queued transfers that fit (`cutFile` again takes the rest). A cut is
 * one write transaction: with SQLite it holds the ledger's write lock (and its instance's event
 * loop) throughout, so by default a file takes 20,000 entries; a caller may ask for up to
 * 100,000, whose cut holds the lock long enough for liveness probes to fail meanwhile
 * (docs/benchmarks.md, the million-recipient run).
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
  constructor(
    private readonly db: Store,
    private readonly outboundDir: string,
  ) {
    fs.mkdirSync(outboundDir, { recursive: true });
  }

  /**
   * Cuts one NACHA file from the queued transfers (optionally one grant's). Order matters for
   * money: write and fsync a temp file; in one transaction mark the transfers filed and record
   * the file (its bytes too, so any instance on any host serves it); only then rename the temp
   * file into place. A crash before the commit leaves only a temp file (removed at start-up,
   * transfers still queued); a crash after it leaves a recorded file whose temp is renamed at
   * start-up. No transfer is ever in two files: cuts take turns (SQLite's write lock, or an
   * advisory lock every host's instances share on PostgreSQL). One cut takes what fits in one
   * file (FILE_LIMITS, or fewer entries when asked); cut again for the rest.
   */
  async cutFile(opts: { grantId?: string; maxEntries?: number }, actor: Actor): Promise<FileRecord | null> {
    const now = new Date();
    const limit = Math.min(opts.maxEntries ?? FILE_LIMITS.defaultEntries, FILE_LIMITS.maxEntries);
    /** The temp file of a cut that did not commit (or whose commit was lost with its connection: the store has the bytes) goes at once. */
    let written: string | undefined;
    const result = await this.db
      .transaction(
        async (q) => {
          const queued = <R>(table: string, columns: readonly string[], n: number) =>
            n <= 0
              ? Promise.resolve([] as R[])
              : q.all<R>(`SELECT ${columns.join(', ')} FROM ${table} WHERE status = 'queued' ${opts.grantId ? 'AND grant_id = ?' : ''} ORDER BY seq LIMIT ?`, [
                  ...(opts.grantId ? [opts.grantId] : []),
                  n,
                ]);
          // Prenotes first (zero dollars, and their payments wait for them), then the transfers that fit.
          const prenotes = await queued<PrenoteCutRow>('prenotes', PRENOTE_CUT_COLUMNS, limit);
          const rows = rowsThatFit(await queued<CutRow>('transfers', CUT_COLUMNS, limit - prenotes.length));
          if (rows.length === 0 && prenotes.length === 0) return null;
          const today = now.toISOString().slice(0, 10);
          const todays = (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM files WHERE created_at >= ?', [today]))!.n;
          const modifier = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[todays % 36]!;
          const file = planNachaFile([...prenotes.map((p) => ({ ...toQueued({ ...p, amount_cents: 0 }), prenote: true })), ...rows.map(toQueued)], now, modifier);
          const text = serializeNachaFile(file);
          const check = readNachaFile(text, { keepEntries: false });
          if (!check.ok) throw new Error(`refusing to write an invalid NACHA file: ${JSON.stringify(check.problems[0])}`);
          const fileId = `file_${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}_${crypto.randomBytes(3).toString('hex')}`;
          const finalPath = path.join(this.outboundDir, `${fileId}.ach`);
          const tmp = `${finalPath}.tmp`;
          const bytes = Buffer.from(text, 'latin1'); // NACHA text is ASCII
          writeWhole(tmp, bytes); // throws (and rolls this transaction back) unless every byte is on disk
          written = tmp;
          // By the row's key (in order), not by its id: 20,000 rows found in one walk of the table.
          const marked = await q.run(`UPDATE transfers SET status = 'filed', file_id = ? WHERE ${q.in('seq')} AND status = 'queued'`, [fileId, rows.map((r) => r.seq)]);
          if (marked !== rows.length) throw new Error(`${rows.length - marked} transfer(s) changed while the file was cut`);
          if (prenotes.length) {
            const p = await q.run(`UPDATE prenotes SET status = 'filed', file_id = ? WHERE ${q.in('seq')} AND status = 'queued'`, [fileId, prenotes.map((r) => r.seq)]);
            if (p !== prenotes.length) throw new Error(`${prenotes.length - p} prenote(s) changed while the file was cut`);
          }
          await appendToLedger(
            q,
            rows.map((r) => [r.id, 'filed', r.amount_cents, fileId, now.toISOString()] as const),
          );
          const rec: FileRecord = {
            fileId,
            path: finalPath,
            grantId: opts.grantId ?? null,
            entries: rows.length + prenotes.length,
            totalCreditCents: check.summary.totalCreditCents,
            totalDebitCents: check.summary.totalDebitCents,
            entryHash: check.summary.entryHash,
            createdAt: now.toISOString(),
          };
          await q.run(
            'INSERT INTO files (id, path, grant_id, entries, total_credit_cents, total_debit_cents, entry_hash, created_at, body, header_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [
              rec.fileId,
              rec.path,
              rec.grantId,
              rec.entries,
              rec.totalCreditCents,
              rec.totalDebitCents,
              rec.entryHash,
              rec.createdAt,
              bytes,
              fileHeaderKey(bytes.subarray(0, 34).toString('latin1')),
            ],
          );
          await appendAudit(q, actor, [
            {
              action: 'file.cut',
              detail: { fileId, grantId: rec.grantId, entries: rec.entries, prenotes: prenotes.length, totalCreditCents: rec.totalCreditCents, entryHash: rec.entryHash },
            },
          ]);
          return { rec, tmp };
        },
        { lock: 'hmsops:ach:cut' },
      )
      .catch((err: unknown) => {
        if (written) fs.rmSync(written, { force: true });
        throw err;
      });
    if (!result) return null;
    finishFile(result.tmp, result.rec.path);
    syncDir(this.outboundDir);
    return result.rec;
  }

  /** Start-up: finish renames the last run committed; drop temp files it never committed. */
  async recoverFiles(): Promise<void> {
    const temps = fs.readdirSync(this.outboundDir).filter((name) => name.endsWith('.ach.tmp'));
    if (temps.length === 0) return;
    const known = new Set((await this.db.all<{ path: string }>('SELECT path FROM files')).map((r) => path.basename(r.path)));
    for (const name of temps) {
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
   * A recorded file's bytes, from the store. Files cut before the store kept them are read from
   * disk: a record is visible to other instances as soon as the cut commits, a moment before the
   * cutting instance renames the temp into place (or for good when it died in between: the temp
   * is then already whole and fsynced), so whoever reads first finishes the rename.
   */
  async fileBytes(id: string): Promise<Buffer | undefined> {
    const r = await this.db.get<{ path: string; body: Buffer | null }>('SELECT path, body FROM files WHERE id = ?', [id]);
    if (!r) return undefined;
    if (r.body) return Buffer.from(r.body);
    if (!fs.existsSync(r.path)) finishFile(`${r.path}.tmp`, r.path);
    return fs.readFileSync(r.path);
  }

  async getFile(id: string): Promise<FileRecord | undefined> {
    const r = await this.db.get<FileRow>(`SELECT ${FILE_COLUMNS} FROM files WHERE id = ?`, [id]);
    return r ? fileRecord(r) : undefined;
  }

  async listFiles(q: { grantId?: string }): Promise<FileRecord[]> {
    const rows = q.grantId
      ? await this.db.all<FileRow>(`SELECT ${FILE_COLUMNS} FROM files WHERE grant_id = ? ORDER BY created_at`, [q.grantId])
      : await this.db.all<FileRow>(`SELECT ${FILE_COLUMNS} FROM files ORDER BY created_at`);
    return rows.map(fileRecord);
  }
}

/** What a cut reads of a queued transfer: what its entry carries, and the keys it is marked filed by. */
const CUT_COLUMNS = [
  'seq',
  'id',
  'trace_number',
  'recipient_id',
  'name',
  'routing',
  'account',
  'account_type',
  'amount_cents',
  'sec_code',
  'effective_date',
  'originator_name',
  'company_id',
  'odfi_routing',
] as const satisfies readonly (keyof TransferRow)[];
type CutRow = Pick<TransferRow, (typeof CUT_COLUMNS)[number]>;
/** A queued prenote's: the same, without an amount (it carries none). */
const PRENOTE_CUT_COLUMNS = CUT_COLUMNS.filter((c) => c !== 'amount_cents');
type PrenoteCutRow = Omit<CutRow, 'amount_cents'>;

function toQueued(r: CutRow): QueuedTransfer {
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
function writeWhole(file: string, bytes: Buffer): void {
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
