/** NACHA files: cut from the queued transfers, listed, downloaded. */
import { HmsopsError } from '../../../src/errors/index.js';
import { ach as api, shared } from '../../../src/api/schemas.js';
import { actorOf } from '../../kit/audit.js';
import { requireRole, type RoutePlugin } from '../../kit/service.js';
import type { AchDeps } from './deps.js';

export const fileRoutes: RoutePlugin<AchDeps> = (app, { ledger, metrics }) => {
  app.post(
    '/v1/files',
    {
      schema: {
        summary:
          "Cut a NACHA file from the queued transfers (or one grant's): the oldest that fit in one file (20,000 entries unless asked for up to 100,000; $9,999,999,999.99); cut again for the rest",
        body: api.CutFileRequest,
        response: { 200: api.NoFile, 201: api.AchFile },
      },
    },
    async (req, reply) => {
      requireRole(req, 'operator');
      const rec = await ledger.cutFile({ grantId: req.body?.grantId, maxEntries: req.body?.maxEntries }, actorOf(req));
      if (!rec) return reply.code(200).send({ fileId: null, entries: 0, message: 'no queued transfers' });
      metrics.inc('ach_files_total', 'NACHA files cut');
      req.log.info({ fileId: rec.fileId, entries: rec.entries }, 'NACHA file cut');
      return reply.code(201).send(rec);
    },
  );

  app.get('/v1/files', { schema: { summary: 'Files cut so far', querystring: api.FileQuery, response: { 200: api.FileList } } }, async (req) => ({
    files: await ledger.listFiles(req.query),
  }));

  app.get('/v1/files/:id', { schema: { summary: 'Download a NACHA file (text/plain)', params: shared.IdParams } }, async (req, reply) => {
    const bytes = await ledger.fileBytes(req.params.id);
    if (!bytes) throw new HmsopsError('NOT_FOUND', 'no such file');
    return reply.type('text/plain; charset=us-ascii').header('content-disposition', `attachment; filename="${req.params.id}.ach"`).send(bytes);
  });
};
