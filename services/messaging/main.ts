/**
 * messaging: idempotent email requests kept in an outbox (SQLite) and delivered by a worker over
 * SMTP (nodemailer, pooled), retried with backoff while the SMTP server is unreachable.
 * A repeated Idempotency-Key never makes a second email.
 */
import crypto from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { ControlClient } from '../../src/control/client.js';
import { runService, type ServiceContext } from '../kit/service.js';
import { HmsopsError, itemError } from '../../src/errors/index.js';
import { requestFingerprint } from '../kit/idempotency.js';
import type * as types from '../../src/api/messaging.js';
import { messaging as api, shared } from '../../src/api/schemas.js';
import { envelopeAddress, plainMessage } from './plain-message.js';

const migrations = [
  `CREATE TABLE emails (
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
     next_attempt_at INTEGER NOT NULL,
     claimed_until INTEGER NOT NULL DEFAULT 0,
     message_id TEXT,
     created_at TEXT NOT NULL,
     sent_at TEXT
   );
   CREATE INDEX emails_due ON emails (status, next_attempt_at);`,
];

const MAX_ATTEMPTS = 50;
export const retryDelayMs = (attempts: number) => Math.min(5000, 100 * 2 ** Math.min(attempts, 10));
const FROM = process.env.HMSOPS_MAIL_FROM ?? 'hmsops <noreply@hmsops.local>';

/** An emails row as SQLite gives it. */
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
    void this.#drain().finally(() => (this.#running = false));
  }

  async #drain() {
    for (;;) {
      // Due emails in the order of the emails_due index (new ones: next_attempt_at 0, then insertion
      // order), then expired claims: both read off the index. Ordered by created_at, each claim
      // sorted every queued row first: ~90 ms with 300,000 queued, the event loop blocked for it,
      // and with a million-recipient grant's notices the service went unready.
      const now = Date.now();
      const claimed = this.ctx.db
        .prepare(
          `UPDATE emails SET status = 'sending', claimed_until = ?
           WHERE id IN (
             SELECT id FROM (SELECT id FROM emails WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 500)
             UNION ALL SELECT id FROM (SELECT id FROM emails WHERE status = 'sending' AND claimed_until < ? LIMIT 500)
             LIMIT 500)
           RETURNING *`,
        )
        .all(now + 60_000, now, now) as EmailRow[];
      if (claimed.length === 0) return;
      let url: string | undefined;
      try {
        url = await smtpUrl();
      } catch {
        url = undefined;
      }
      if (!url) {
        for (const e of claimed) this.#failed(e, 'no SMTP server: the mail sink is not passing and no smtp.url is configured');
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
            this.ctx.db
              .prepare("UPDATE emails SET status = 'sent', attempts = attempts + 1, sent_at = ?, message_id = ?, last_error = NULL WHERE id = ?")
              .run(new Date().toISOString(), messageId, e.id);
            this.ctx.metrics.inc('messaging_emails_sent_total', 'Emails delivered over SMTP');
          } catch (err) {
            anyFailed = true;
            this.#failed(e, (err as Error).message);
          }
        }),
      );
      if (anyFailed) {
        // A dead relay: a new transport next time, not a pool of broken connections.
        this.#transport?.t.close();
        this.#transport = undefined;
        return;
      }
    }
  }

  #failed(e: EmailRow, reason: string) {
    const attempts = e.attempts + 1;
    const status = attempts >= MAX_ATTEMPTS ? 'failed' : 'queued';
    this.ctx.db
      .prepare('UPDATE emails SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?')
      .run(status, attempts, reason, Date.now() + retryDelayMs(attempts), e.id);
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
    const byKey = ctx.db.prepare<[string], EmailRow>('SELECT * FROM emails WHERE idempotency_key = ?');
    const insert = ctx.db.prepare(
      "INSERT INTO emails (id, idempotency_key, fingerprint, rcpt, subject, text, html, status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?)",
    );
    type EmailBody = types.EmailRequest;
    /** One email into the outbox, or the answer its key already has. Call inside a transaction. */
    const enqueue = (
      key: string,
      body: EmailBody,
    ): { outcome: 'queued'; row: Pick<EmailRow, 'id' | 'status'> } | { outcome: 'replayed'; row: EmailRow } | { outcome: 'reused'; existing: EmailRow } => {
      const fingerprint = requestFingerprint(body);
      const existing = byKey.get(key);
      if (existing) return existing.fingerprint === fingerprint ? { outcome: 'replayed', row: existing } : { outcome: 'reused', existing };
      const id = `em_${crypto.randomUUID().replace(/-/g, '')}`;
      insert.run(id, key, fingerprint, body.to, body.subject, body.text, body.html ?? null, new Date().toISOString());
      return { outcome: 'queued', row: { id, status: 'queued' } };
    };
    app.post(
      '/v1/emails',
      { schema: { summary: 'Queue an email (Idempotency-Key header required)', body: api.EmailRequest, response: { 200: api.Email, 202: api.Email } } },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        if (typeof key !== 'string' || !key) throw new HmsopsError('IDEMPOTENCY_KEY_REQUIRED', 'send an Idempotency-Key header');
        const out = ctx.db.transaction(() => enqueue(key, req.body)).immediate();
        if (out.outcome === 'reused')
          throw new HmsopsError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} was used for a different email`, { extra: { emailId: out.existing.id } });
        outbox!.kick();
        if (out.outcome === 'replayed') reply.header('idempotent-replayed', 'true');
        const row = out.outcome === 'queued' ? ctx.db.prepare('SELECT * FROM emails WHERE id = ?').get(out.row.id) : out.row;
        return reply.code(out.outcome === 'replayed' ? 200 : 202).send(view(row as EmailRow));
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
        const results = ctx.db
          .transaction(() =>
            emails.map(({ idempotencyKey, ...body }, index) => {
              const out = enqueue(idempotencyKey, body);
              if (out.outcome === 'reused') return { index, ...itemError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${idempotencyKey} was used for a different email`) };
              return out.outcome === 'replayed' ? { index, status: 200, email: view(out.row), replayed: true } : { index, status: 202, email: out.row };
            }),
          )
          .immediate();
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
      const r = ctx.db.prepare<[string], EmailRow>('SELECT * FROM emails WHERE id = ?').get(req.params.id);
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
          (ctx.db.prepare(`SELECT status, COUNT(*) AS n FROM emails ${w} GROUP BY status`).all(...args) as { status: string; n: number }[]).map((r) => [r.status, r.n]),
        );
        if (countsOnly === 'true') return { counts };
        return {
          counts,
          emails: ctx.db
            .prepare<string[], EmailRow>(`SELECT * FROM emails ${w} ORDER BY created_at`)
            .all(...args)
            .map(view),
        };
      },
    );
  },
  start: () => outbox!.start(),
  stop: () => outbox?.stop(),
});
