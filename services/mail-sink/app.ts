/**
 * mail-sink: a local SMTP server (smtp-server) that keeps every message it receives, raw, in its
 * store, listed over HTTP (`hmsops mail show ID` prints the RFC 5322 text, an .eml).
 * The default SMTP target of messaging. main.ts runs it as a process.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { SMTPServer } from 'smtp-server';
import { groupedInsert } from '../kit/grouped-insert.js';
import { buildService, registerRoutes, type RoutePlugin, type ServiceContext, type ServiceDefinition } from '../kit/service.js';
import type { ServiceEnv } from '../kit/service-env.js';
import { type ColumnTypes, COLUMN_TYPES, type Store } from '../kit/store.js';
import { HmsopsError } from '../../src/errors/index.js';
import type * as types from '../../src/api/mail-sink.js';
import { mailSink as api, shared } from '../../src/api/schemas.js';
import { headerValue } from './headers.js';

const messagesTable = `CREATE TABLE messages (
     id TEXT PRIMARY KEY,
     message_id TEXT,
     mail_from TEXT,
     rcpt_to TEXT NOT NULL,
     subject TEXT,
     size INTEGER NOT NULL,
     path TEXT NOT NULL,
     received_at TEXT NOT NULL
   );
   CREATE INDEX messages_by_rcpt ON messages (rcpt_to);`;
// The raw message in the row: a file per message cost more CPU than the SMTP exchange itself
// (docs/benchmarks.md). Rows from before keep `path` to their .eml file.
const rawColumn = (t: ColumnTypes) => `ALTER TABLE messages ADD COLUMN raw ${t.bytes};`;
const migrations = {
  sqlite: [messagesTable, rawColumn(COLUMN_TYPES.sqlite)],
  postgres: [`${messagesTable}\n${rawColumn(COLUMN_TYPES.postgres)}`],
};

/** A messages row as a listing reads it. */
interface MessageRow {
  id: string;
  message_id: string | null;
  mail_from: string | null;
  rcpt_to: string;
  subject: string | null;
  size: number;
  received_at: string;
}

/** What a listing shows: everything but the raw message, which only `GET /v1/messages/:id` reads. */
const LISTED = 'id, message_id, mail_from, rcpt_to, subject, size, received_at';

/**
 * The SMTP side: every message stored (committed) before its 250 reply, so a message the sink
 * accepted is never lost. Listens on the address its HTTP side is registered at.
 */
class SmtpSide {
  port = 0;
  readonly #server: SMTPServer;
  constructor(private readonly ctx: ServiceContext) {
    const store = groupedInsert(ctx.db, 'messages', ['id', 'message_id', 'mail_from', 'rcpt_to', 'subject', 'size', 'path', 'received_at', 'raw']);
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      banner: 'hmsops mail sink',
      disableReverseLookup: true,
      size: 25 * 1024 * 1024,
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          try {
            const raw = Buffer.concat(chunks);
            const id = `msg_${Date.now()}_${crypto.randomBytes(4).toString('hex')}`;
            const end = raw.indexOf('\r\n\r\n');
            const head = raw.subarray(0, end >= 0 ? end : Math.min(raw.length, 64 * 1024)).toString('utf8');
            const rcpt = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(',');
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
            // Stored (committed) before the 250 reply: a message the sink accepted is never lost.
            await store([id, headerValue(head, 'message-id'), from, rcpt, headerValue(head, 'subject'), raw.length, '', new Date().toISOString(), raw]);
            ctx.metrics.inc('mail_sink_messages_total', 'Messages received');
            callback(null, `queued as ${id}`);
          } catch (err) {
            callback(err as Error);
          }
        });
      },
    });
    this.#server = server;
  }

  listen(): Promise<void> {
    const { host, smtpPort } = this.ctx.env;
    return new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(smtpPort, host, () => {
        this.port = (this.#server.server.address() as { port: number }).port;
        this.ctx.log.info({ smtpPort: this.port }, `SMTP listening on ${host}:${this.port}`);
        resolve();
      });
    });
  }

  close(): Promise<void> {
    if (!this.#server.server.listening) return Promise.resolve();
    return new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** Received messages: listed, counted, read whole. */
const messageRoutes: RoutePlugin<{ ctx: ServiceContext; smtp: SmtpSide }> = (app, { ctx, smtp }) => {
  const view = (r: MessageRow): types.Message => ({
    id: r.id,
    messageId: r.message_id,
    from: r.mail_from,
    to: r.rcpt_to.split(','),
    subject: r.subject,
    size: r.size,
    receivedAt: r.received_at,
  });
  app.get(
    '/v1/messages',
    {
      schema: {
        summary: 'Received messages, newest last; ?to= filters by recipient',
        querystring: api.MessageQuery,
        response: { 200: api.MessageList },
      },
    },
    async (req) => {
      const { to } = req.query;
      const limit = Number(req.query.limit ?? 100000);
      const rows = to
        ? await ctx.db.all<MessageRow>(`SELECT ${LISTED} FROM messages WHERE ',' || rcpt_to || ',' LIKE ? ORDER BY received_at, id LIMIT ?`, [`%,${to.toLowerCase()},%`, limit])
        : await ctx.db.all<MessageRow>(`SELECT ${LISTED} FROM messages ORDER BY received_at, id LIMIT ?`, [limit]);
      return { messages: rows.map(view), smtpPort: smtp.port };
    },
  );
  app.get(
    '/v1/messages::count',
    { schema: { summary: 'How many messages were received, optionally for one recipient domain', querystring: api.CountQuery, response: { 200: api.MessageCount } } },
    async (req) => {
      const { domain } = req.query;
      const row = domain
        ? await ctx.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM messages WHERE ',' || rcpt_to || ',' LIKE ?", [`%@${domain.toLowerCase()},%`])
        : await ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM messages');
      return { count: row!.n };
    },
  );
  app.get('/v1/messages/:id', { schema: { summary: 'One message with its raw text', params: shared.IdParams, response: { 200: api.MessageWithRaw } } }, async (req) => {
    const r = await ctx.db.get<MessageRow & { path: string; raw: Buffer | null }>('SELECT * FROM messages WHERE id = ?', [req.params.id]);
    if (!r) throw new HmsopsError('NOT_FOUND', 'no such message');
    return { ...view(r), raw: r.raw ? r.raw.toString('utf8') : fs.readFileSync(r.path, 'utf8') };
  });
};

export const mailSink: ServiceDefinition = {
  name: 'mail-sink',
  version: '1.0.0',
  migrations,
  async setup(app, ctx) {
    const smtp = new SmtpSide(ctx);
    await registerRoutes(app, { ctx, smtp }, [messageRoutes]);
    return { start: () => smtp.listen(), stop: () => smtp.close(), metadata: () => ({ smtpPort: String(smtp.port) }) };
  },
};

export const build = (env: ServiceEnv, store: Store, opts?: Parameters<typeof buildService>[3]) => buildService(mailSink, env, store, opts);
