/**
 * Files sent to the ODFI over SFTP (odfi-sftp.ts), by one instance at a time across every host (a
 * lease in the store), each second: with merging (ach.odfi.merge, the default) the files cut for a
 * window go up merged a lead time before its cutoff (odfi-windows.ts); without, every file cut goes
 * up as soon as it is cut. A failed upload is tried again with backoff (1 s doubling to 60 s) and
 * reported late once a cutoff passes without it. A file found already there whole (sent, then
 * a crash before it was recorded) is recorded as sent, not sent again; so is one the bank has
 * acknowledged (inbound.ts), even when it is no longer in the bank's folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { sleep } from '../../src/sleep.js';
import { appendAudit, system } from '../kit/audit.js';
import type { Store } from '../kit/store.js';
import { formatCutoff, nextCutoff } from '../../src/domain/cutoffs.js';
import type { FileTransmission, TransmissionList, UploadTransmission } from '../../src/api/ach.js';
import type { OdfiConfig } from '../../src/config/types.js';
import type { InboundFiles, InboundImport } from './inbound.js';
import type { OdfiPgp } from '../../src/nacha/pgp.js';
import { Windows } from './odfi-windows.js';
import { fetchFile, listRemote, sendFile, type SftpTarget, withSftp } from './odfi-sftp.js';

export type OdfiSettings = Pick<OdfiConfig, 'sftp' | 'cutoffs' | 'timezone' | 'sendLeadMs' | 'merge' | 'maxLines' | 'maxEntries'>;

interface Row {
  id: string;
  path: string;
  grant_id: string | null;
  entries: number;
  created_at: string;
  remote_path: string | null;
  sent_at: string | null;
  attempts: number | null;
  last_error: string | null;
  last_at: number | null;
  acknowledged_at: string | null;
}

type SendOutcomeRow = { fileId: string; name?: string; outcome: string };

const LEASE = 'odfi-sender';
const LEASE_MS = 30_000;
const backoffMs = (attempts: number) => Math.min(60_000, 1000 * 2 ** Math.max(0, attempts - 1));

export class OdfiSender {
  readonly #owner: string;
  readonly #target: SftpTarget;
  /** With merging per window; undefined when every file goes up as soon as it is cut. */
  readonly windows: Windows | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #rounds: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Store,
    private readonly settings: OdfiSettings,
    private readonly instanceId: string,
    private readonly log: FastifyBaseLogger,
    /** ach.odfi.pgp: files go encrypted and signed, files come back decrypted and checked. */
    private readonly pgp?: OdfiPgp,
  ) {
    this.#owner = `${instanceId}/${crypto.randomUUID()}`;
    this.#target = { url: settings.sftp.url, privateKey: fs.readFileSync(settings.sftp.privateKeyFile), hostKey: settings.sftp.hostKey };
    this.windows = settings.merge ? new Windows(db, settings, log) : undefined;
  }

  start(everyMs = 1000): void {
    this.#timer = setInterval(() => {
      this.#running ??= this.sendDue()
        .catch((err) => this.log.warn({ err: (err as Error).message }, 'sending files to the ODFI failed'))
        .finally(() => (this.#running = undefined));
    }, everyMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
    await this.#releaseLease();
  }

  /** The lease is held for a round only: the next round (or an operator's `ach send`) may run at any instance. */
  async #releaseLease(): Promise<void> {
    await this.db.run('DELETE FROM leases WHERE name = ? AND owner = ?', [LEASE, this.#owner]).catch(() => undefined);
  }

  /**
   * Sends what is due; `now` (`hmsops ach send`): what waits, at once, merged for the upcoming
   * window when merging (`fileId`: only that file, without merging). False when another instance
   * holds the lease.
   */
  sendDue(opts: { now?: boolean; fileId?: string } = {}): Promise<{ sending: boolean; results: SendOutcomeRow[] }> {
    // One round at a time in this instance (the lease is this instance's: its timer's round and an
    // operator's would both hold it), one across instances (the lease).
    const round = this.#rounds.then(() => this.#round(opts));
    this.#rounds = round.catch(() => undefined);
    return round;
  }

  async #round(opts: { now?: boolean; fileId?: string }): Promise<{ sending: boolean; results: SendOutcomeRow[] }> {
    // Asked by an operator: another instance's round ends soon (the lease is let go after each), then this one sends.
    const until = Date.now() + (opts.now ? 30_000 : 0);
    while (!(await this.#takeLease())) {
      if (Date.now() >= until) return { sending: false, results: [] };
      await sleep(200);
    }
    try {
      return this.windows ? { sending: true, results: await this.#sendUploads(this.windows, Boolean(opts.now)) } : await this.#sendFiles(opts.fileId);
    } finally {
      await this.#releaseLease();
    }
  }

  /** With merging: uploads past their window looked for on the server (found: sent; not: missed), what is due merged, the uploads sent. */
  async #sendUploads(windows: Windows, now: boolean): Promise<SendOutcomeRow[]> {
    const results: SendOutcomeRow[] = [];
    const outbound = this.settings.sftp.outbound;
    const late = (await windows.unsent()).filter((u) => Date.parse(u.windowAt) < Date.now());
    if (late.length) {
      try {
        const there = await withSftp(this.#target, (sftp) => listRemote(sftp, outbound));
        for (const u of late) {
          const w = await this.#wire(u.id, u.name, u.body);
          if (there.some((f) => f.name === w.name && f.size === w.bytes.length)) {
            await windows.recordSent(u, `${outbound}/${w.name}`, true, system(this.instanceId));
            results.push({ fileId: u.id, name: u.name, outcome: 'already-there' });
          } else await windows.markMissed(u);
        }
      } catch (err) {
        this.log.warn({ err: (err as Error).message, uploads: late.map((u) => u.name) }, 'uploads late for their window: the server cannot be asked yet');
      }
    }
    await windows.mergeWaiting(now);
    const t = Date.now();
    for (const u of (await windows.unsent()).filter((x) => now || !x.lastAt || t - x.lastAt >= backoffMs(x.attempts))) {
      try {
        const w = await this.#wire(u.id, u.name, u.body);
        const sent = await sendFile(this.#target, outbound, w.name, w.bytes);
        await windows.recordSent(u, sent.remotePath, sent.outcome === 'already-there', system(this.instanceId));
        const lateNow = Date.now() > Date.parse(u.windowAt);
        this.log.info(
          { uploadId: u.id, remotePath: sent.remotePath, outcome: sent.outcome, late: lateNow },
          lateNow ? 'upload sent to the ODFI after its cutoff' : 'upload sent to the ODFI',
        );
        results.push({ fileId: u.id, name: u.name, outcome: sent.outcome });
      } catch (err) {
        const message = (err as Error).message;
        await windows.recordFailure(u, message);
        this.log.warn({ uploadId: u.id, name: u.name, attempts: u.attempts + 1, err: message }, 'upload not sent yet');
        results.push({ fileId: u.id, name: u.name, outcome: `failed: ${message}` });
      }
    }
    return results;
  }

  /** Without merging: each file cut and not sent (or the one named, at once). */
  async #sendFiles(onlyFileId: string | undefined): Promise<{ sending: boolean; results: SendOutcomeRow[] }> {
    const now = Date.now();
    const waiting = (await this.#rows('s.file_id IS NULL AND a.file_id IS NULL', [])).filter((r) =>
      onlyFileId ? r.id === onlyFileId : !r.last_at || now - Number(r.last_at) >= backoffMs(r.attempts ?? 0),
    );
    const results: SendOutcomeRow[] = [];
    for (const r of waiting) {
      const body = await this.db.get<{ body: Buffer | null }>('SELECT body FROM files WHERE id = ?', [r.id]);
      const bytes = body?.body ? Buffer.from(body.body) : fs.readFileSync(r.path);
      try {
        const w = await this.#wire(r.id, path.basename(r.path), bytes);
        const sent = await sendFile(this.#target, this.settings.sftp.outbound, w.name, w.bytes);
        await this.db.transaction(async (q) => {
          const { inserted } = await q.insert(
            'file_sends',
            ['file_id', 'remote_path', 'sent_at', 'found_there'],
            [[r.id, sent.remotePath, new Date().toISOString(), sent.outcome === 'already-there' ? 1 : 0]],
            { conflict: 'ON CONFLICT (file_id) DO NOTHING' },
          );
          await q.run('DELETE FROM file_send_failures WHERE file_id = ?', [r.id]);
          if (inserted)
            await appendAudit(q, system(this.instanceId), [
              { action: 'file.sent', detail: { fileId: r.id, remotePath: sent.remotePath, foundThere: sent.outcome === 'already-there' } },
            ]);
        });
        const late = Date.now() > this.#cutoffFor(r.created_at);
        this.log.info(
          { fileId: r.id, remotePath: sent.remotePath, outcome: sent.outcome, late },
          late ? 'NACHA file sent to the ODFI after its cutoff' : 'NACHA file sent to the ODFI',
        );
        results.push({ fileId: r.id, outcome: sent.outcome });
      } catch (err) {
        const message = (err as Error).message;
        await this.db.insert('file_send_failures', ['file_id', 'attempts', 'last_error', 'last_at'], [[r.id, 1, message, Date.now()]], {
          conflict: 'ON CONFLICT (file_id) DO UPDATE SET attempts = file_send_failures.attempts + 1, last_error = excluded.last_error, last_at = excluded.last_at',
        });
        const late = Date.now() > this.#cutoffFor(r.created_at);
        this.log.warn({ fileId: r.id, attempts: (r.attempts ?? 0) + 1, late, err: message }, late ? 'NACHA file late for its cutoff: not sent yet' : 'NACHA file not sent yet');
        results.push({ fileId: r.id, outcome: `failed: ${message}` });
      }
    }
    return { sending: true, results };
  }

  /**
   * The bank's files in its inbound folder not fetched before (by name; the import itself knows
   * a file by its SHA-256, so the same bytes under another name are recorded once too), each
   * imported. A file that is not valid NACHA is listed with its problems and tried again next time.
   */
  async fetchInbound(inbound: InboundFiles): Promise<{ name: string; imported?: InboundImport; error?: string }[]> {
    const dir = this.settings.sftp.inbound;
    return withSftp(this.#target, async (sftp) => {
      const remote = (await listRemote(sftp, dir)).filter((f) => !f.name.startsWith('.'));
      const names = remote.map((f) => f.name);
      const known = names.length
        ? new Set((await this.db.all<{ name: string }>(`SELECT name FROM inbound_files WHERE ${this.db.in('name')}`, [names])).map((r) => r.name))
        : new Set<string>();
      const out: { name: string; imported?: InboundImport; error?: string }[] = [];
      for (const f of remote.filter((x) => !known.has(x.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const raw = await fetchFile(sftp, `${dir}/${f.name}`);
        try {
          // With ach.odfi.pgp, nothing the bank did not encrypt to us and sign is imported.
          const text = (this.pgp ? await this.pgp.open(raw) : raw).toString('latin1');
          out.push({ name: f.name, imported: await inbound.import(f.name, text, system(this.instanceId)) });
        } catch (err) {
          out.push({ name: f.name, error: [(err as Error).message, ...((err as { details?: string[] }).details ?? [])].join('; ') });
        }
      }
      return out;
    });
  }

  /**
   * What goes on the wire for a file or an upload: as cut; with ach.odfi.pgp, encrypted and signed
   * once and kept (`sealed_files`), so a send tried again, by any instance, puts up the very same
   * bytes (and one already there whole is known by its size), under the name with `.pgp`.
   */
  async #wire(id: string, name: string, bytes: Buffer): Promise<{ name: string; bytes: Buffer }> {
    if (!this.pgp) return { name, bytes };
    const kept = () => this.db.get<{ bytes: Buffer }>('SELECT bytes FROM sealed_files WHERE id = ?', [id]);
    if (!(await kept())) await this.db.insert('sealed_files', ['id', 'bytes'], [[id, await this.pgp.seal(bytes)]], { conflict: 'ON CONFLICT (id) DO NOTHING' });
    return { name: `${name}.pgp`, bytes: Buffer.from((await kept())!.bytes) };
  }

  /** Every file and where it stands; with merging, every upload too. */
  async transmissions(): Promise<TransmissionList> {
    const { cutoffs, timezone } = this.settings;
    const now = Date.now();
    const files = (await this.#rows('1 = 1', [])).map((r): FileTransmission => {
      const made = this.#cutoffFor(r.created_at);
      const sentAt = r.sent_at ? Date.parse(r.sent_at) : null;
      return {
        fileId: r.id,
        name: path.basename(r.path),
        grantId: r.grant_id,
        entries: Number(r.entries),
        cutAt: r.created_at,
        state: r.acknowledged_at ? 'acknowledged' : sentAt === null ? 'cut' : 'sent',
        sentAt: r.sent_at,
        acknowledgedAt: r.acknowledged_at,
        remotePath: r.remote_path,
        cutoff: formatCutoff(sentAt === null ? nextCutoff(Math.max(now, made), cutoffs, timezone) : nextCutoff(sentAt, cutoffs, timezone), timezone),
        late: sentAt === null ? !r.acknowledged_at && now > made : sentAt > made,
        attempts: Number(r.attempts ?? 0),
        lastError: r.last_error,
        upload: null,
        missedWindows: [],
      };
    });
    if (!this.windows) return { merge: false, nextWindow: null, files, uploads: [] };
    const uploads = await this.#uploads();
    const byFile = new Map<string, UploadTransmission>();
    const missed = new Map<string, string[]>();
    for (const u of uploads)
      for (const f of u.files) {
        if (u.state === 'missed') missed.set(f, [...(missed.get(f) ?? []), u.window]);
        else byFile.set(f, u);
      }
    const upcoming = this.windows.upcoming(now);
    for (const f of files) {
      f.missedWindows = missed.get(f.fileId) ?? [];
      const u = byFile.get(f.fileId);
      if (f.sentAt !== null) continue; // sent on its own, before merging was on
      f.upload = u?.name ?? null;
      f.state = f.acknowledgedAt ? 'acknowledged' : u && (u.state === 'sent' || u.state === 'acknowledged') ? 'sent' : 'cut';
      f.sentAt = u?.sentAt ?? null;
      f.remotePath = u?.remotePath ?? null;
      f.cutoff = u?.window ?? formatCutoff(upcoming, timezone);
      f.late = f.missedWindows.length > 0;
      f.attempts = u?.attempts ?? 0;
      f.lastError = u?.lastError ?? null;
    }
    return {
      merge: true,
      nextWindow: { cutoff: formatCutoff(upcoming, timezone), uploadAt: new Date(Math.max(now, upcoming - this.settings.sendLeadMs)).toISOString() },
      files,
      uploads,
    };
  }

  async #uploads(): Promise<UploadTransmission[]> {
    const rows = await this.db.all<{
      id: string;
      name: string;
      window_at: string;
      entries: number;
      lines: number;
      total_credit_cents: number;
      created_at: string;
      missed_at: string | null;
      sent_at: string | null;
      remote_path: string | null;
      attempts: number | null;
      last_error: string | null;
      acked: number;
    }>(
      `SELECT u.id, u.name, u.window_at, u.entries, u.lines, u.total_credit_cents, u.created_at, u.missed_at, s.sent_at, s.remote_path, e.attempts, e.last_error,
              (SELECT COUNT(*) FROM upload_files x JOIN file_acks a ON a.file_id = x.file_id WHERE x.upload_id = u.id) AS acked
         FROM uploads u LEFT JOIN upload_sends s ON s.upload_id = u.id LEFT JOIN upload_send_failures e ON e.upload_id = u.id
        ORDER BY u.created_at, u.name`,
      [],
    );
    const links = await this.db.all<{ upload_id: string; file_id: string }>('SELECT upload_id, file_id FROM upload_files ORDER BY file_id', []);
    const filesOf = new Map<string, string[]>();
    for (const l of links) filesOf.set(l.upload_id, [...(filesOf.get(l.upload_id) ?? []), l.file_id]);
    return rows.map((r) => ({
      uploadId: r.id,
      name: r.name,
      window: formatCutoff(Date.parse(r.window_at), this.settings.timezone),
      state: Number(r.acked) > 0 ? 'acknowledged' : r.sent_at ? 'sent' : r.missed_at ? 'missed' : 'merged',
      entries: Number(r.entries),
      lines: Number(r.lines),
      totalCreditCents: Number(r.total_credit_cents),
      createdAt: r.created_at,
      sentAt: r.sent_at,
      remotePath: r.remote_path,
      attempts: Number(r.attempts ?? 0),
      lastError: r.last_error,
      files: filesOf.get(r.id) ?? [],
    }));
  }

  /** The first cutoff after a file was cut: the one it is to make. */
  #cutoffFor(cutAt: string): number {
    return nextCutoff(Date.parse(cutAt), this.settings.cutoffs, this.settings.timezone);
  }

  #rows(where: string, args: unknown[]): Promise<Row[]> {
    return this.db.all<Row>(
      `SELECT f.id, f.path, f.grant_id, f.entries, f.created_at, s.remote_path, s.sent_at, e.attempts, e.last_error, e.last_at, a.acknowledged_at
         FROM files f LEFT JOIN file_sends s ON s.file_id = f.id LEFT JOIN file_send_failures e ON e.file_id = f.id
         LEFT JOIN file_acks a ON a.file_id = f.id
        WHERE ${where} ORDER BY f.created_at, f.id`,
      args,
    );
  }

  async #takeLease(): Promise<boolean> {
    const now = Date.now();
    const { rows } = await this.db.insert<{ owner: string }>('leases', ['name', 'owner', 'until_ms'], [[LEASE, this.#owner, now + LEASE_MS]], {
      conflict: `ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until_ms = excluded.until_ms WHERE leases.until_ms <= ${now} OR leases.owner = excluded.owner`,
      returning: 'owner',
    });
    return rows.length === 1;
  }
}
