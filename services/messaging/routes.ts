/** Emails: queued one or a batch at a time (idempotent by key), looked up, listed. */
import { HmsopsError, itemError } from '../../src/errors/index.js';
import type * as types from '../../src/api/messaging.js';
import { messaging as api, shared } from '../../src/api/schemas.js';
import { requestFingerprint } from '../kit/idempotency.js';
import { orderedId } from '../kit/ordered-id.js';
import type { RoutePlugin } from '../kit/service.js';
import type { Store } from '../kit/store.js';
import { type EmailRow, view } from './emails.js';
import type { Outbox } from './outbox.js';

export const emailRoutes: RoutePlugin<{ db: Store; outbox: Outbox }> = (app, { db, outbox }) => {
  type EmailBody = types.EmailRequest;
  type Enqueued = { outcome: 'queued'; row: Pick<EmailRow, 'id' | 'status'> } | { outcome: 'replayed'; row: EmailRow } | { outcome: 'reused'; existing: EmailRow };
  /**
   * Emails into the outbox, or the answer each key already has, in one transaction. The key's
   * UNIQUE constraint decides between requests (on any instance): a key stored first by
   * another is answered from its row.
   */
  const enqueue = (emails: { key: string; body: EmailBody }[]): Promise<Enqueued[]> =>
    db.transaction(async (q) => {
      outbox.queuedAt = Date.now();
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
      outbox.kick();
      if (out.outcome === 'replayed') reply.header('idempotent-replayed', 'true');
      const row = out.outcome === 'queued' ? await db.get<EmailRow>('SELECT * FROM emails WHERE id = ?', [out.row.id]) : out.row;
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
      const rows = await db.all<EmailRow>(`SELECT * FROM emails WHERE ${db.in('idempotency_key')}`, [[...new Set(req.body.keys)]]);
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
      outbox.kick();
      return {
        results,
        queued: results.filter((r) => r.status === 202).length,
        replayed: results.filter((r) => r.status === 200).length,
        failed: results.filter((r) => r.status >= 400).length,
      };
    },
  );

  app.get('/v1/emails/:id', { schema: { summary: 'Status and attempts of an email', params: shared.IdParams, response: { 200: api.Email } } }, async (req) => {
    const r = await db.get<EmailRow>('SELECT * FROM emails WHERE id = ?', [req.params.id]);
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
        (await db.all<{ status: string; n: number }>(`SELECT status, COUNT(*) AS n FROM emails ${w} GROUP BY status`, args)).map((r) => [r.status, r.n]),
      );
      if (countsOnly === 'true') return { counts };
      return { counts, emails: (await db.all<EmailRow>(`SELECT * FROM emails ${w} ORDER BY created_at`, args)).map(view) };
    },
  );
};
