/** Transfers: one or a batch submitted (idempotent by key), read, listed; per-grant summaries. */
import { HmsopsError, itemError } from '../../../src/errors/index.js';
import { ach as api, shared } from '../../../src/api/schemas.js';
import { actorOf } from '../../kit/audit.js';
import { requireRole, type RoutePlugin } from '../../kit/service.js';
import { publicTransfer } from '../ledger.js';
import type { AchDeps } from './deps.js';

export const transferRoutes: RoutePlugin<AchDeps> = (app, { ledger, metrics }) => {
  const counted = (status: number) => metrics.inc('ach_transfers_total', 'Transfer submissions by outcome', { status });

  app.post(
    '/v1/transfers',
    {
      // The schema documents the body (OpenAPI); the ledger's rules check it, so every problem,
      // shape or check digit, is reported in one answer.
      schema: {
        summary: "Queue a credit transfer (Idempotency-Key header required); 202 with the prenote when the payment waits for its account's prenote",
        body: api.TransferRequest,
        response: { 200: api.Transfer, 201: api.Transfer, 202: api.Prenote },
      },
      validatorCompiler: () => () => true,
    },
    async (req, reply) => {
      requireRole(req, 'operator');
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || !key) throw new HmsopsError('IDEMPOTENCY_KEY_REQUIRED', 'send an Idempotency-Key header; a retry with the same key never pays twice');
      const out = await ledger.submit(key, (req.body ?? {}) as Record<string, unknown>, actorOf(req));
      counted(out.status);
      if ('error' in out) {
        const { code, message, ...extra } = out.error;
        throw new HmsopsError(code, message, { extra, headers: 'retryAfterSeconds' in out.error ? { 'retry-after': String(out.error.retryAfterSeconds) } : {} });
      }
      if ('prenote' in out) return reply.code(202).send(out.prenote);
      if ('replayed' in out) reply.header('idempotent-replayed', 'true');
      return reply.code(out.status).send(out.transfer);
    },
  );

  app.post(
    '/v1/transfers::batch',
    {
      schema: {
        summary: 'Queue up to 10,000 transfers in one transaction; each item carries its own idempotencyKey',
        body: api.BatchRequest,
        response: { 200: api.BatchResult, 422: api.BatchRejected },
      },
    },
    async (req, reply) => {
      requireRole(req, 'operator');
      const { transfers, atomic = false } = req.body;
      const { results, committed } = await ledger.submitBatch(transfers, atomic, actorOf(req));
      const view = results.map((r) =>
        'error' in r
          ? { index: r.index, status: r.status, error: r.error }
          : 'prenote' in r
            ? { index: r.index, status: r.status, prenote: r.prenote }
            : { index: r.index, status: r.status, transfer: r.transfer, ...('replayed' in r ? { replayed: true } : {}) },
      );
      for (const r of results) counted(r.status);
      const failed = results.filter((r) => r.status >= 400).length;
      if (!committed) {
        const rejected = itemError('BATCH_REJECTED', `atomic batch: ${failed} item(s) failed; nothing was stored`);
        return reply.code(rejected.status as 422).send({ error: rejected.error, results: view });
      }
      return {
        results: view,
        created: results.filter((r) => r.status === 201).length,
        replayed: results.filter((r) => r.status === 200).length,
        waiting: results.filter((r) => r.status === 202).length,
        failed,
      };
    },
  );

  app.get('/v1/transfers/:id', { schema: { summary: 'One transfer', params: shared.IdParams, response: { 200: api.Transfer } } }, async (req) => {
    const row = await ledger.getRow(req.params.id);
    if (!row) throw new HmsopsError('NOT_FOUND', 'no such transfer');
    return publicTransfer(row);
  });

  app.get(
    '/v1/transfers',
    {
      schema: {
        summary: 'Transfers by grant and status',
        querystring: api.TransferQuery,
        response: { 200: api.TransferList },
      },
    },
    async (req) => ({ transfers: await ledger.list(req.query) }),
  );

  app.get(
    '/v1/prenotes',
    {
      schema: {
        summary: "Prenotes (a grant's, with grantId): where each payment stands, and the bank's answer",
        querystring: api.PrenoteQuery,
        response: { 200: api.PrenoteList },
      },
    },
    async (req) => ({ prenotes: await ledger.prenotes(req.query.grantId) }),
  );

  app.get('/v1/grants', { schema: { summary: 'Per grant: transfers, amounts, statuses and files', response: { 200: api.GrantList } } }, async () => ({
    grants: await ledger.grantSummaries(),
  }));
  app.get('/v1/grants/:grantId', { schema: { summary: "One grant's summary", params: api.GrantParams, response: { 200: api.GrantSummary } } }, async (req) => {
    const g = (await ledger.grantSummaries(req.params.grantId))[0];
    if (!g) throw new HmsopsError('NOT_FOUND', 'no transfers for this grant');
    return g;
  });
};
