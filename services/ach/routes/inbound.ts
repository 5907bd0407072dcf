/** Files an RDFI sent back (returns, notifications of change): imported, and read per grant. */
import { ach as api } from '../../../src/api/schemas.js';
import type { RoutePlugin } from '../../kit/service.js';
import type { AchDeps } from './deps.js';

export const inboundRoutes: RoutePlugin<AchDeps> = (app, { inbound }) => {
  app.post(
    '/v1/inbound-files',
    {
      schema: {
        summary: 'Import a file an RDFI sent back: each return and notification of change matched to its transfer (the same file again changes nothing)',
        body: api.InboundFileRequest,
        response: { 200: api.InboundImport, 201: api.InboundImport },
      },
    },
    async (req, reply) => {
      const result = await inbound.import(req.body.name, req.body.text);
      if (!result.alreadyImported) req.log.info({ fileId: result.fileId, records: result.records.length }, 'inbound file imported');
      return reply.code(result.alreadyImported ? 200 : 201).send(result);
    },
  );
  app.get(
    '/v1/grants/:grantId/returns',
    { schema: { summary: "Returns and notifications of change for a grant's transfers", params: api.GrantParams, response: { 200: api.ReturnList } } },
    async (req) => ({ returns: await inbound.forGrant(req.params.grantId) }),
  );
};
