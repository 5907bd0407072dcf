/**
 * messaging: idempotent email requests kept in an outbox (its store) and delivered by a worker over
 * SMTP (nodemailer, pooled), retried with backoff while the SMTP server is unreachable.
 * A repeated Idempotency-Key never makes a second email.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { ControlClient } from '../../src/control/client.js';
import { runService, type ServiceContext } from '../kit/service.js';
import { COLUMN_TYPES } from '../kit/store.js';
import { HmsopsError, itemError } from '../../src/errors/index.js';
import { requestFingerprint } from '../kit/idempotency.js';
import { orderedId } from '../kit/ordered-id.js';
import type * as types from '../../src/api/messaging.js';
import { messaging as api, shared } from '../../src/api/schemas.js';
import { envelopeAddress, plainMessage } from './plain-message.js';

const emailsTable = (bigint: string) => `CREATE TABLE emails (
     id TEXT PRIMARY KEY,
     idempotency_key TEXT NOT NULL UNIQUE,
     fingerprint TEXT NOT NULL,
     rcpt TEXT NOT NULL,
     subject TEXT NOT NULL,
     text TEXT NOT NULL,
     html TEXT,
     status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     next_attempt_at ${bigint} NOT NULL,
     claimed_until ${bigint} NOT NULL DEFAULT 0,
     message_id TEXT,
     created_at TEXT NOT NULL,
     sent_at TEXT
   );
   CREATE INDEX emails_due ON emails (status, next_attempt_at);`;
const migrations = { sqlite: [emailsTable(COLUMN_TYPES.sqlite.bigint)], postgres: [emailsTable(COLUMN_TYPES.postgres.bigint)] };

/**
 * Claims due emails (up to 500) for this instance, so two instances (on any host) never send the
 * same one. SQLite: due emails in the order of the emails_due index (new ones: next_attempt_at 0,
 * then insertion order), then expired claims, both read off the index; ordered by created_at,
 * each claim sorted every queued row first (~90 ms with 300,000 queued, the event loop blocked
 * for it, and with a million-recipient grant's notices the service went unready); its write lock
 * keeps claims apart. PostgreSQL: the rows another instance is claiming are skipped, not waited for
 * (each half on its own, so each reads the index; up to 500 of each).
 */
const CLAIM = {
  sqlite: `UPDATE emails SET status = 'sending', claimed_until = ?
           WHERE id IN (
             SELECT id FROM (SELECT id FROM emails WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?)
             UNION ALL SELECT id FROM (SELECT id FROM emails WHERE status = 'sending' AND claimed_until < ? LIMIT ?)
             LIMIT ?)
           RETURNING *`,
  postgres: `UPDATE emails SET status = 'sending', claimed_until = ?
             WHERE id IN (SELECT id FROM emails WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                OR id IN (SELECT id FROM emails WHERE status = 'sending' AND claimed_until < ? LIMIT ? FOR UPDATE SKIP LOCKED)
             RETURNING *`,
};

/** The claim's parameters: claimed until, now, and how many (each half up to `limit`). */
const claimParams = (dialect: keyof typeof CLAIM, now: number, limit: number) =>
  dialect === 'sqlite' ? [now + 60_000, now, limit, now, limit, limit] : [now + 60_000, now, limit, now, limit];

/**
 * While emails keep being queued (a batch in the last second), the outbox claims a few at a time,
 * once a tick: queueing a run's notices is what its caller waits for, delivery is not, and on a
 * small machine both at full speed halve each other (a million notices: messaging and the mail
 * sink spend ~1 ms of CPU on each delivered). At least 125 a second still go out meanwhile.
 */
const QUEUEING_QUIET_MS = 1000;
const CLAIM_WHILE_QUEUEING = 25;
const CLAIM_SIZE = 500;

const MAX_ATTEMPTS = 50;
export const retryDelayMs = (attempts: number) => Math.min(5000, 100 * 2 ** Math.min(attempts, 10));
const FROM = process.env.HMSOPS_MAIL_FROM ?? 'hmsops <noreply@hmsops.local>';

/** An emails row as the store gives it. */
interface EmailRow {
  id: string;
  idempotency_key: string;
  fingerprint: string;
  rcpt: string;
  subject: string;
  text: string;
  html: string | null;
  status: types.Email['status'];
  attempts: number;
  last_error: string | null;
  next_attempt_at: number;
  claimed_until: number;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
}

const view = (r: EmailRow): types.Email => ({
  id: r.id,
  status: r.status,
  to: r.rcpt,
  subject: r.subject,
  attempts: r.attempts,
  lastError: r.last_error,
  messageId: r.message_id,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/** Where mail goes: a configured relay, or the fleet's mail sink found in the registry. */
async function smtpUrl(): Promise<string | undefined> {
  if (process.env.HMSOPS_SMTP_URL) return process.env.HMSOPS_SMTP_URL;
  const socket = process.env.HMSOPS_CONTROL_SOCKET;
  if (!socket) return undefined;
  const { entries } = await new ControlClient(socket).call('GET /v1/registry', { query: { service: 'mail-sink' } }, { timeoutMs: 2000 });
  const sink = entries.find((e) => e.status === 'passing' && e.metadata.smtpPort);
  return sink ? `smtp://${sink.address}:${sink.metadata.smtpPort}` : undefined;
}

class Outbox {
  #transport: { url: string; t: Transporter } | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #stopped = false;
  /** When emails were last queued here (ms). */
  queuedAt = 0;
  constructor(private readonly ctx: ServiceContext) {}

  start() {
    this.#timer = setInterval(() => this.kick(), 200);
  }
  stop() {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#transport?.t.close();
  }

  /** Claims due emails so two instances never send the same one, then sends them. */
  kick() {
    if (this.#running || this.#stopped) return;
    this.#running = true;
    // A store that cannot be reached now (a database restarting) is tried again on the next tick, not a crash.
    void this.#drain()
      .catch((err: Error) => this.ctx.log.warn({ reason: (err as { reason?: string }).reason ?? err.message }, 'outbox: the store did not answer; trying again'))
      .finally(() => (this.#running = false));
  }

  async #drain() {
    for (;;) {
      const now = Date.now();
      const { db } = this.ctx;
      const queueing = now - this.queuedAt < QUEUEING_QUIET_MS;
      const claimed = await db.transaction((q) => q.all<EmailRow>(CLAIM[q.dialect], claimParams(q.dialect, now, queueing ? CLAIM_WHILE_QUEUEING : CLAIM_SIZE)));
      if (claimed.length === 0) return;
      let url: string | undefined;
      try {
        url = await smtpUrl();
      } catch {
        url = undefined;
      }
      if (!url) {
        for (const e of claimed) await this.#failed(e, 'no SMTP server: the mail sink is not passing and no smtp.url is configured');
        return;
      }
      if (this.#transport?.url !== url) {
        this.#transport?.t.close();
        this.#transport = {
          url,
          t: nodemailer.createTransport({
            url,
            pool: true,
            maxConnections: 16,
            maxMessages: Infinity,
            ignoreTLS: url.startsWith('smtp://'),
            connectionTimeout: 3000,
            greetingTimeout: 3000,
            socketTimeout: 10_000,
          } as SMTPPool.Options),
        };
      }
      const transport = this.#transport.t;
      let anyFailed = false;
      const sent: string[] = [];
      await Promise.all(
        claimed.map(async (e) => {
          try {
            const messageId = `<${e.id}@hmsops.local>`;
            const raw = e.html ? undefined : plainMessage({ from: FROM, to: e.rcpt, subject: e.subject, text: e.text, messageId, date: new Date() });
            await transport.sendMail(
              raw
                ? { envelope: { from: envelopeAddress(FROM), to: [e.rcpt] }, raw }
                : { from: FROM, to: e.rcpt, subject: e.subject, text: e.text, html: e.html ?? undefined, messageId },
            );
            sent.push(e.id);
          } catch (err) {
            anyFailed = true;
            await this.#failed(e, (err as Error).message);
          }
        }),
      );
      // One statement for the claim's delivered emails, not one commit each (with PostgreSQL each
      // commit waits for the disk). Their Message-ID is derived from the id, as sent.
      if (sent.length)
        await db.run(
          `UPDATE emails SET status = 'sent', attempts = attempts + 1, sent_at = ?, message_id = '<' || id || '@hmsops.local>', last_error = NULL WHERE ${db.in('id')}`,
          [new Date().toISOString(), sent],
        );
      this.ctx.metrics.inc('messaging_emails_sent_total', 'Emails delivered over SMTP', {}, sent.length);
      if (anyFailed) {
        // A dead relay: a new transport next time, not a pool of broken connections.
        this.#transport?.t.close();
        this.#transport = undefined;
        return;
      }
      if (queueing) return; // the next tick claims again
    }
  }

  async #failed(e: EmailRow, reason: string) {
    const attempts = e.attempts + 1;
    const status = attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
    await this.ctx.db.run('UPDATE emails SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?', [
      status,
      attempts,
      reason,
      Date.now() + retryDelayMs(attempts),
      e.id,
    ]);
    this.ctx.metrics.inc('messaging_delivery_failures_total', 'SMTP delivery attempts that failed');
  }
}

let outbox: Outbox | undefined;

await runService({
  name: 'messaging',
  version: '1.0.0',
  migrations,
  // A batch may hold 10,000 emails (the schema's limit); the default 1 MiB would stop it at ~2,000.
  bodyLimit: 32 * 1024 * 1024,
  routes(app, ctx) {
    outbox = new Outbox(ctx);
    type EmailBody = types.EmailRequest;
    type Enqueued = { outcome: 'queued'; row: Pick<EmailRow, 'id' | 'status'> } | { outcome: 'replayed'; row: EmailRow } | { outcome: 'reused'; existing: EmailRow };
    /**
     * Emails into the outbox, or the answer each key already has, in one transaction. The key's
     * UNIQUE constraint decides between requests (on any instance): a key stored first by
     * another is answered from its row.
     */
    const enqueue = (emails: { key: string; body: EmailBody }[]): Promise<Enqueued[]> =>
      ctx.db.transaction(async (q) => {
        outbox!.queuedAt = Date.now();
        const now = new Date().toISOString();
        const prints = emails.map((e) => requestFingerprint(e.body));
        const ids = emails.map(() => `em_${orderedId()}`);
        const stored = await q.insert<{ id: string }>(
          'emails',
          ['id', 'idempotency_key', 'fingerprint', 'rcpt', 'subject', 'text', 'html', 'status', 'next_attempt_at', 'created_at'],
          emails.map(({ key, body }, i) => [ids[i], key, prints[i], body.to, body.subject, body.text, body.html ?? null, 'queued', 0, now]),
          { conflict: 'ON CONFLICT (idempotency_key) DO NOTHING', returning: 'id' },
        );
        const mine = new Set(stored.rows.map((r) => r.id));
        const others = emails.filter((_, i) => !mine.has(ids[i]!)).map((e) => e.key);
        const byKey = new Map(
          (others.length ? await q.all<EmailRow>(`SELECT * FROM emails WHERE ${q.in('idempotency_key')}`, [[...new Set(others)]]) : []).map((r) => [r.idempotency_key, r]),
        );
        return emails.map(({ key }, i): Enqueued => {
          if (mine.has(ids[i]!)) return { outcome: 'queued', row: { id: ids[i]!, status: 'queued' } };
          const existing = byKey.get(key)!;
          return existing.fingerprint === prints[i] ? { outcome: 'replayed', row: existing } : { outcome: 'reused', existing };
        });
      });
    app.post(
      '/v1/emails',
      { schema: { summary: 'Queue an email (Idempotency-Key header required)', body: api.EmailRequest, response: { 200: api.Email, 202: api.Email } } },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        if (typeof key !== 'string' || !key) throw new HmsopsError('IDEMPOTENCY_KEY_REQUIRED', 'send an Idempotency-Key header');
        const [out] = (await enqueue([{ key, body: req.body }])) as [Enqueued];
        if (out.outcome === 'reused')
          throw new HmsopsError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} was used for a different email`, { extra: { emailId: out.existing.id } });
        outbox!.kick();
        if (out.outcome === 'replayed') reply.header('idempotent-replayed', 'true');
        const row = out.outcome === 'queued' ? await ctx.db.get<EmailRow>('SELECT * FROM emails WHERE id = ?', [out.row.id]) : out.row;
        return reply.code(out.outcome === 'replayed' ? 200 : 202).send(view(row!));
      },
    );

    app.post(
      '/v1/emails::lookup',
      {
        schema: {
          summary: 'Emails by idempotency key, up to 10,000 keys a request (keys with no email are left out)',
          body: api.EmailLookupRequest,
          response: { 200: api.EmailLookup },
        },
      },
      async (req) => {
        const rows = await ctx.db.all<EmailRow>(`SELECT * FROM emails WHERE ${ctx.db.in('idempotency_key')}`, [[...new Set(req.body.keys)]]);
        return { emails: rows.map((r) => ({ key: r.idempotency_key, email: view(r) })) };
      },
    );
    app.post(
      '/v1/emails::batch',
      {
        schema: {
          summary: 'Queue up to 10,000 emails in one transaction; each item carries its own idempotencyKey',
          body: api.EmailBatchRequest,
          response: { 200: api.EmailBatchResult },
        },
      },
      async (req) => {
        const { emails } = req.body;
        const outcomes = await enqueue(emails.map(({ idempotencyKey, ...body }) => ({ key: idempotencyKey, body })));
        const results = outcomes.map((out, index) => {
          if (out.outcome === 'reused') return { index, ...itemError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${emails[index]!.idempotencyKey} was used for a different email`) };
          return out.outcome === 'replayed' ? { index, status: 200, email: view(out.row), replayed: true } : { index, status: 202, email: out.row };
        });
        outbox!.kick();
        return {
          results,
          queued: results.filter((r) => r.status === 202).length,
          replayed: results.filter((r) => r.status === 200).length,
          failed: results.filter((r) => r.status >= 400).length,
        };
      },
    );

    app.get('/v1/emails/:id', { schema: { summary: 'Status and attempts of an email', params: shared.IdParams, response: { 200: api.Email } } }, async (req) => {
      const r = await ctx.db.get<EmailRow>('SELECT * FROM emails WHERE id = ?', [req.params.id]);
      if (!r) throw new HmsopsError('NOT_FOUND', 'no such email');
      return view(r);
    });
    app.get(
      '/v1/emails',
      {
        schema: {
          summary: 'Emails by status and idempotency-key prefix; counts by status',
          querystring: api.EmailQuery,
          response: { 200: api.EmailList },
        },
      },
      async (req) => {
        const { status, keyPrefix, countsOnly } = req.query;
        const where: string[] = [];
        const args: string[] = [];
        if (status) {
          where.push('status = ?');
          args.push(status);
        }
        // Range on the unique index instead of LIKE, so % and _ in keys mean nothing special.
        if (keyPrefix) {
          where.push('idempotency_key >= ? AND idempotency_key < ?');
          args.push(keyPrefix, `${keyPrefix}\uffff`);
        }
        const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
        const counts = Object.fromEntries(
          (await ctx.db.all<{ status: string; n: number }>(`SELECT status, COUNT(*) AS n FROM emails ${w} GROUP BY status`, args)).map((r) => [r.status, r.n]),
        );
        if (countsOnly === 'true') return { counts };
        return { counts, emails: (await ctx.db.all<EmailRow>(`SELECT * FROM emails ${w} ORDER BY created_at`, args)).map(view) };
      },
    );
  },
  start: () => outbox!.start(),
  stop: () => outbox?.stop(),
});
