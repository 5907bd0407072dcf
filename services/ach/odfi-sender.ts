/**
 * Files sent to the ODFI: every file cut and not yet on the bank's server goes up over SFTP
 * (odfi-sftp.ts), by one instance at a time across every host (a lease in the store), each
 * second while files wait, a failed one tried again with backoff (1 s doubling to 60 s) and
 * reported late once a cutoff passes without it. A file found already there whole (sent, then
 * a crash before it was recorded) is recorded as sent, not sent again; so is one the bank has
 * acknowledged (inbound.ts), even when it is no longer in the bank's folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../kit/store.js';
import { formatCutoff, nextCutoff } from '../../src/domain/cutoffs.js';
import type { InboundFiles, InboundImport } from './inbound.js';
import { fetchFile, listRemote, sendFile, type SftpTarget, withSftp } from './odfi-sftp.js';

export interface OdfiSettings {
  sftp: { url: string; privateKeyFile: string; hostKey: string; outbound: string; inbound: string };
  cutoffs: string[];
  timezone: string;
}

export interface FileTransmission {
  fileId: string;
  name: string;
  grantId: string | null;
  entries: number;
  cutAt: string;
  state: 'cut' | 'sent' | 'acknowledged';
  sentAt: string | null;
  /** When the bank's acknowledgement of it was imported. */
  acknowledgedAt: string | null;
  remotePath: string | null;
  /** The cutoff it made (sent), or the one it is to make (not yet). */
  cutoff: string;
  /** Not sent, and the first cutoff after it was cut has passed. */
  late: boolean;
  attempts: number;
  lastError: string | null;
}

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

const LEASE = 'odfi-sender';
const LEASE_MS = 30_000;
const backoffMs = (attempts: number) => Math.min(60_000, 1000 * 2 ** Math.max(0, attempts - 1));

export class OdfiSender {
  readonly #owner: string;
  readonly #target: SftpTarget;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;

  constructor(
    private readonly db: Store,
    private readonly settings: OdfiSettings,
    instanceId: string,
    private readonly log: FastifyBaseLogger,
  ) {
    this.#owner = `${instanceId}/${crypto.randomUUID()}`;
    this.#target = { url: settings.sftp.url, privateKey: fs.readFileSync(settings.sftp.privateKeyFile), hostKey: settings.sftp.hostKey };
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
    await this.db.run('DELETE FROM leases WHERE name = ? AND owner = ?', [LEASE, this.#owner]).catch(() => undefined);
  }

  /** Sends what waits (or the one file named, at once); false when another instance holds the lease. */
  async sendDue(onlyFileId?: string): Promise<{ sending: boolean; results: { fileId: string; outcome: string }[] }> {
    if (!(await this.#takeLease())) return { sending: false, results: [] };
    const now = Date.now();
    const waiting = (await this.#rows('s.file_id IS NULL AND a.file_id IS NULL', [])).filter((r) =>
      onlyFileId ? r.id === onlyFileId : !r.last_at || now - Number(r.last_at) >= backoffMs(r.attempts ?? 0),
    );
    const results: { fileId: string; outcome: string }[] = [];
    for (const r of waiting) {
      const body = await this.db.get<{ body: Buffer | null }>('SELECT body FROM files WHERE id = ?', [r.id]);
      const bytes = body?.body ? Buffer.from(body.body) : fs.readFileSync(r.path);
      try {
        const sent = await sendFile(this.#target, this.settings.sftp.outbound, path.basename(r.path), bytes);
        await this.db.insert(
          'file_sends',
          ['file_id', 'remote_path', 'sent_at', 'found_there'],
          [[r.id, sent.remotePath, new Date().toISOString(), sent.outcome === 'already-there' ? 1 : 0]],
          { conflict: 'ON CONFLICT (file_id) DO NOTHING' },
        );
        await this.db.run('DELETE FROM file_send_failures WHERE file_id = ?', [r.id]);
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
        const text = (await fetchFile(sftp, `${dir}/${f.name}`)).toString('latin1');
        try {
          out.push({ name: f.name, imported: await inbound.import(f.name, text) });
        } catch (err) {
          out.push({ name: f.name, error: [(err as Error).message, ...((err as { details?: string[] }).details ?? [])].join('; ') });
        }
      }
      return out;
    });
  }

  /** Every file and where it stands. */
  async transmissions(): Promise<FileTransmission[]> {
    const { cutoffs, timezone } = this.settings;
    const now = Date.now();
    return (await this.#rows('1 = 1', [])).map((r) => {
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
      };
    });
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
