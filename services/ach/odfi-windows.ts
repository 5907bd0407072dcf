/**
 * The bank's windows, as moov-io/achgateway keeps them: the files cut for a window wait, and a
 * lead time before its cutoff (`ach.odfi.sendLead`) they are merged (src/nacha/merge.ts) into one
 * upload, or a few within the bank's limits, which the sender puts on the bank's server. A file
 * cut within the lead goes up at once, in an upload of its own for the same window. An upload
 * still not on the server when its cutoff passes missed the window: it is kept, marked missed,
 * and its files wait for the next one (the log says so, and `ach files`). An upload sent is never
 * changed, and its files never go in another.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import { formatCutoff, nextCutoff } from '../../src/domain/cutoffs.js';
import { fileHeaderKey, mergeNachaFiles, type NachaFile, readNachaFile, serializeNachaFile } from '../../src/nacha/index.js';
import { type Actor, appendAudit, system } from '../kit/audit.js';
import type { Store } from '../kit/store.js';

export interface WindowSettings {
  cutoffs: string[];
  timezone: string;
  sendLeadMs: number;
  maxLines: number;
  maxEntries?: number;
}

export interface Upload {
  id: string;
  name: string;
  windowAt: string;
  body: Buffer;
  attempts: number;
  lastAt: number | null;
}

/** NACHA's file ID modifiers: a file header names one of 36 per creation date. */
const MODIFIERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Cut files waiting for a window: not in a live upload, not sent on their own, not acknowledged. */
const WAITING = `SELECT f.id, f.body, f.path FROM files f
   WHERE NOT EXISTS (SELECT 1 FROM upload_files u WHERE u.file_id = f.id AND u.live = 1)
     AND NOT EXISTS (SELECT 1 FROM file_sends s WHERE s.file_id = f.id)
     AND NOT EXISTS (SELECT 1 FROM file_acks a WHERE a.file_id = f.id)
   ORDER BY f.created_at, f.id`;

export class Windows {
  /** Cut files that did not read back, said once each. */
  readonly #leftOut = new Set<string>();

  constructor(
    private readonly db: Store,
    private readonly settings: WindowSettings,
    private readonly log: FastifyBaseLogger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The window a file waiting now goes in: the first cutoff not yet passed. */
  upcoming(at = this.now()): number {
    return nextCutoff(at + 1, this.settings.cutoffs, this.settings.timezone);
  }

  /** Whether the upcoming window's files go up now: its lead time has come (or `ach send` says so). */
  due(at = this.now()): boolean {
    return at >= this.upcoming(at) - this.settings.sendLeadMs;
  }

  /**
   * The files waiting, merged into uploads for the upcoming window, when it is due (or `force`).
   * One transaction: a file lands in one live upload (a unique index), or the merge is undone.
   */
  async mergeWaiting(force = false): Promise<string[]> {
    const at = this.now();
    if (!force && !this.due(at)) return [];
    const windowAt = new Date(this.upcoming(at)).toISOString();
    const created = new Date(at);
    const date = `${created.getUTCFullYear()}${pad(created.getUTCMonth() + 1)}${pad(created.getUTCDate())}`;
    // Under the sender's lease: one instance merges at a time, so what waits is read once.
    return this.db.transaction(async (q) => {
      const waiting: { id: string }[] = [];
      const cut: NachaFile[] = [];
      for (const w of await q.all<{ id: string; body: Buffer | null; path: string }>(WAITING, [])) {
        // Files cut before their bytes were kept in the store are read from the outbound folder.
        const read = readNachaFile(w.body ? Buffer.from(w.body).toString('latin1') : fs.readFileSync(w.path, 'latin1'));
        // A file that does not read back is left out (and said, once), not allowed to hold up the others.
        if (!read.file) {
          if (!this.#leftOut.has(w.id))
            this.log.error({ fileId: w.id, problem: read.problems[0]?.message }, `cut file ${w.id} does not read back as NACHA: left out of the window's upload`);
          this.#leftOut.add(w.id);
          continue;
        }
        waiting.push(w);
        cut.push(read.file);
      }
      if (!waiting.length) return [];
      // Each upload of the day its own file ID modifier (and name).
      const today = Number((await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM uploads WHERE name LIKE ?', [`${date}-%`]))!.n);
      const merged = mergeNachaFiles(cut, this.settings, (i) => ({
        fileCreationDate: date.slice(2),
        fileCreationTime: `${pad(created.getUTCHours())}${pad(created.getUTCMinutes())}`,
        fileIdModifier: MODIFIERS[(today + i) % MODIFIERS.length]!,
      }));
      const ids: string[] = [];
      for (const [i, m] of merged.entries()) {
        const text = serializeNachaFile(m);
        const check = readNachaFile(text, { keepEntries: false });
        if (!check.ok) throw new Error(`the merged file does not read back: ${check.problems[0]!.message}`);
        const id = `up_${crypto.randomUUID()}`;
        const name = `${date}-${pad(created.getUTCHours())}${pad(created.getUTCMinutes())}-${pad(today + i + 1, 3)}.ach`;
        await q.insert(
          'uploads',
          ['id', 'name', 'window_at', 'header_key', 'body', 'entries', 'lines', 'total_credit_cents', 'total_debit_cents', 'created_at'],
          [
            [
              id,
              name,
              windowAt,
              fileHeaderKey(text),
              Buffer.from(text, 'latin1'),
              check.summary.entries,
              check.summary.records,
              check.summary.totalCreditCents,
              check.summary.totalDebitCents,
              created.toISOString(),
            ],
          ],
        );
        ids.push(id);
      }
      // Which upload holds each cut file: the one holding its first entry (a file split across two is in both).
      const traces = merged.map((m) => new Set(m.batches.flatMap((b) => b.entries.map((e) => e.traceNumber))));
      const links: unknown[][] = [];
      waiting.forEach((w, k) => {
        const mine = new Set(cut[k]!.batches.flatMap((b) => b.entries.map((e) => e.traceNumber)));
        traces.forEach((t, i) => {
          if ([...mine].some((x) => t.has(x))) links.push([ids[i], w.id, 1]);
        });
      });
      await q.insert('upload_files', ['upload_id', 'file_id', 'live'], links);
      this.log.info({ uploads: merged.length, files: waiting.length, window: formatCutoff(Date.parse(windowAt), this.settings.timezone) }, 'files cut for a window merged');
      return ids;
    });
  }

  /** Uploads to send: live, not sent, not acknowledged. */
  async unsent(): Promise<Upload[]> {
    const rows = await this.db.all<{ id: string; name: string; window_at: string; body: Buffer; attempts: number | null; last_at: number | null }>(
      `SELECT u.id, u.name, u.window_at, u.body, e.attempts, e.last_at FROM uploads u
         LEFT JOIN upload_send_failures e ON e.upload_id = u.id
        WHERE u.missed_at IS NULL AND NOT EXISTS (SELECT 1 FROM upload_sends s WHERE s.upload_id = u.id)
          AND NOT EXISTS (SELECT 1 FROM upload_files x JOIN file_acks a ON a.file_id = x.file_id WHERE x.upload_id = u.id)
        ORDER BY u.created_at, u.name`,
      [],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      windowAt: r.window_at,
      body: Buffer.from(r.body),
      attempts: Number(r.attempts ?? 0),
      lastAt: r.last_at === null ? null : Number(r.last_at),
    }));
  }

  async recordSent(u: Upload, remotePath: string, foundThere: boolean, actor: Actor = system('ach')): Promise<void> {
    await this.db.transaction(async (q) => {
      const { inserted } = await q.insert(
        'upload_sends',
        ['upload_id', 'remote_path', 'sent_at', 'found_there'],
        [[u.id, remotePath, new Date(this.now()).toISOString(), foundThere ? 1 : 0]],
        {
          conflict: 'ON CONFLICT (upload_id) DO NOTHING',
        },
      );
      await q.run('DELETE FROM upload_send_failures WHERE upload_id = ?', [u.id]);
      if (inserted)
        await appendAudit(q, actor, [
          {
            action: 'upload.sent',
            detail: { uploadId: u.id, name: u.name, remotePath, foundThere, window: u.windowAt, sha256: crypto.createHash('sha256').update(u.body).digest('hex') },
          },
        ]);
    });
  }

  async recordFailure(u: Upload, message: string): Promise<void> {
    await this.db.insert('upload_send_failures', ['upload_id', 'attempts', 'last_error', 'last_at'], [[u.id, 1, message, this.now()]], {
      conflict: 'ON CONFLICT (upload_id) DO UPDATE SET attempts = upload_send_failures.attempts + 1, last_error = excluded.last_error, last_at = excluded.last_at',
    });
  }

  /**
   * An upload whose cutoff passed unsent, and which is not on the bank's server (the sender looked):
   * marked missed; its files wait again, for the next window.
   */
  async markMissed(u: Upload): Promise<void> {
    const at = new Date(this.now()).toISOString();
    await this.db.transaction(async (q) => {
      await q.run('UPDATE uploads SET missed_at = ? WHERE id = ? AND missed_at IS NULL', [at, u.id]);
      await q.run('UPDATE upload_files SET live = 0 WHERE upload_id = ?', [u.id]);
    });
    const next = formatCutoff(this.upcoming(), this.settings.timezone);
    this.log.warn(
      { uploadId: u.id, name: u.name, window: formatCutoff(Date.parse(u.windowAt), this.settings.timezone), next },
      `upload ${u.name} missed its window: its files go in the next one, ${next}`,
    );
  }
}
