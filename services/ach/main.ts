/** ach: idempotent transfers into a SQLite ledger, and NACHA files cut from them. */
import fs from 'node:fs';
import { runService } from '../kit/service.js';
import { HmsopsError, itemError } from '../../src/errors/index.js';
import { Ledger, migrations, publicTransfer } from './ledger.js';

const transferBody = {
  type: 'object',
  required: ['grantId', 'recipientId', 'name', 'routing', 'account', 'accountType', 'amountCents', 'secCode', 'originator'],
  properties: {
    grantId: { type: 'string' },
    recipientId: { type: 'string' },
    name: { type: 'string', maxLength: 100, description: 'kept whole (at most 100 characters); the NACHA record carries it folded to upper-case ASCII and cut to 22 characters' },
    routing: { type: 'string', pattern: '^\\d{9}$' },
    account: { type: 'string', pattern: '^[0-9A-Za-z-]{1,17}$' },
    accountType: { type: 'string', enum: ['checking', 'savings'] },
    amountCents: { type: 'integer', minimum: 1, maximum: 9999999999 },
    secCode: { type: 'string', enum: ['CCD', 'PPD'] },
    effectiveDate: { type: 'string', format: 'date' },
    originator: {
      type: 'object',
      required: ['name', 'companyId', 'odfiRouting'],
      properties: { name: { type: 'string' }, companyId: { type: 'string' }, odfiRouting: { type: 'string' } },
    },
  },
};
const transferSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'filed'] },
    traceNumber: { type: 'string' },
    grantId: { type: 'string' },
    recipientId: { type: 'string' },
    name: { type: 'string' },
    routing: { type: 'string' },
    accountLast4: { type: 'string' },
    accountType: { type: 'string' },
    amountCents: { type: 'integer' },
    secCode: { type: 'string' },
    effectiveDate: { type: 'string' },
    fileId: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
};

await runService({
  name: 'ach',
  version: '1.0.0',
  migrations,
  bodyLimit: 32 * 1024 * 1024,
  routes(app, ctx) {
    const ledger = new Ledger(ctx.db, ctx.paths.achOutbound);
    const counted = (status: number) => ctx.metrics.inc('ach_transfers_total', 'Transfer submissions by outcome', { status });

    app.post(
      '/v1/transfers',
      {
        // The schema documents the body (OpenAPI); the ledger's rules check it, so every problem,
        // shape or check digit, is reported in one answer.
        schema: { summary: 'Queue a credit transfer (Idempotency-Key header required)', body: transferBody, response: { 200: transferSchema, 201: transferSchema } },
        validatorCompiler: () => () => true,
      },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        if (typeof key !== 'string' || !key) throw new HmsopsError('IDEMPOTENCY_KEY_REQUIRED', 'send an Idempotency-Key header; a retry with the same key never pays twice');
        const out = ledger.submit(key, (req.body ?? {}) as Record<string, unknown>);
        counted(out.status);
        if ('error' in out) {
          const { code, message, ...extra } = out.error;
          throw new HmsopsError(code, message, { extra, headers: 'retryAfterSeconds' in out.error ? { 'retry-after': String(out.error.retryAfterSeconds) } : {} });
        }
        if ('replayed' in out) reply.header('idempotent-replayed', 'true');
        return reply.code(out.status).send(out.transfer);
      },
    );

    app.post(
      '/v1/transfers::batch',
      {
        schema: {
          summary: 'Queue up to 10,000 transfers in one transaction; each item carries its own idempotencyKey',
          body: {
            type: 'object',
            required: ['transfers'],
            additionalProperties: false,
            properties: { atomic: { type: 'boolean' }, transfers: { type: 'array', minItems: 1, maxItems: 10_000, items: { type: 'object' } } },
          },
        },
      },
      async (req, reply) => {
        const { transfers, atomic = false } = req.body as { transfers: Record<string, unknown>[]; atomic?: boolean };
        const { results, committed } = await ledger.submitBatch(transfers, atomic);
        const view = results.map((r) =>
          'error' in r
            ? { index: r.index, status: r.status, error: r.error }
            : { index: r.index, status: r.status, transfer: r.transfer, ...('replayed' in r ? { replayed: true } : {}) },
        );
        for (const r of results) counted(r.status);
        const failed = results.filter((r) => r.status >= 400).length;
        if (!committed) {
          const rejected = itemError('BATCH_REJECTED', `atomic batch: ${failed} item(s) failed; nothing was stored`);
          return reply.code(rejected.status).send({ error: rejected.error, results: view });
        }
        return {
          results: view,
          created: results.filter((r) => r.status === 201).length,
          replayed: results.filter((r) => r.status === 200).length,
          failed,
        };
      },
    );

    app.get(
      '/v1/transfers/:id',
      { schema: { summary: 'One transfer', params: { type: 'object', properties: { id: { type: 'string' } } }, response: { 200: transferSchema } } },
      async (req) => {
        const row = ledger.getRow((req.params as { id: string }).id);
        if (!row) throw new HmsopsError('NOT_FOUND', 'no such transfer');
        return publicTransfer(row);
      },
    );

    app.get(
      '/v1/transfers',
      {
        schema: {
          summary: 'Transfers by grant and status',
          querystring: { type: 'object', additionalProperties: false, properties: { grantId: { type: 'string' }, status: { type: 'string', enum: ['queued', 'filed'] } } },
        },
      },
      async (req) => ({ transfers: ledger.list(req.query as { grantId?: string; status?: string }) }),
    );

    app.post(
      '/v1/files',
      {
        schema: {
          summary: "Cut a NACHA file from every queued transfer (or one grant's)",
          body: { type: ['object', 'null'], additionalProperties: false, properties: { grantId: { type: 'string' }, effectiveDate: { type: 'string' } } },
        },
      },
      async (req, reply) => {
        const rec = ledger.cutFile({ grantId: (req.body as { grantId?: string } | null)?.grantId });
        if (!rec) return reply.code(200).send({ fileId: null, entries: 0, message: 'no queued transfers' });
        ctx.metrics.inc('ach_files_total', 'NACHA files cut');
        req.log.info({ fileId: rec.fileId, entries: rec.entries }, 'NACHA file cut');
        return reply.code(201).send(rec);
      },
    );

    app.get('/v1/grants', { schema: { summary: 'Per grant: transfers, amounts, statuses and files' } }, async () => ({ grants: ledger.grantSummaries() }));
    app.get('/v1/grants/:grantId', { schema: { summary: "One grant's summary", params: { type: 'object', properties: { grantId: { type: 'string' } } } } }, async (req) => {
      const g = ledger.grantSummaries((req.params as { grantId: string }).grantId)[0];
      if (!g) throw new HmsopsError('NOT_FOUND', 'no transfers for this grant');
      return g;
    });

    app.get('/v1/files', { schema: { summary: 'Files cut so far', querystring: { type: 'object', properties: { grantId: { type: 'string' } } } } }, async (req) => ({
      files: ledger.listFiles(req.query as { grantId?: string }),
    }));

    app.get('/v1/files/:id', { schema: { summary: 'Download a NACHA file', params: { type: 'object', properties: { id: { type: 'string' } } } } }, async (req, reply) => {
      const rec = ledger.getFile((req.params as { id: string }).id);
      if (!rec) throw new HmsopsError('NOT_FOUND', 'no such file');
      return reply.type('text/plain; charset=us-ascii').header('content-disposition', `attachment; filename="${rec.fileId}.ach"`).send(fs.readFileSync(rec.path));
    });
  },
});
