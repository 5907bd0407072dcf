/** Files an RDFI sent back (returns, notifications of change): imported, and read per grant. */
import { ach as api } from '../../../src/api/schemas.js';
import { RETURN_RATE_WINDOW_DAYS } from '../../../src/domain/return-rates.js';
import { actorOf } from '../../kit/audit.js';
import type { RoutePlugin } from '../../kit/service.js';
import type { AchDeps } from './deps.js';

/** The `days` query (digits, 1-366, by its schema): the window of the return watch. */
const windowDays = (days: string | undefined) => (days === undefined ? RETURN_RATE_WINDOW_DAYS : Number(days));

export const inboundRoutes: RoutePlugin<AchDeps> = (app, { inbound, returnWatch }) => {
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
      const result = await inbound.import(req.body.name, req.body.text, actorOf(req));
      if (!result.alreadyImported) req.log.info({ fileId: result.fileId, records: result.records.length }, 'inbound file imported');
      return reply.code(result.alreadyImported ? 200 : 201).send(result);
    },
  );
  app.get(
    '/v1/grants/:grantId/returns',
    { schema: { summary: "Returns and notifications of change for a grant's transfers", params: api.GrantParams, response: { 200: api.ReturnList } } },
    async (req) => ({ returns: await inbound.forGrant(req.params.grantId) }),
  );
  app.get(
    '/v1/returns',
    {
      schema: {
        summary: 'Returns and notifications of change recorded in the last `days` days (default 60), every grant, newest first',
        querystring: api.ReturnWindowQuery,
        response: { 200: api.ReturnList },
      },
    },
    async (req) => ({ returns: await inbound.since(new Date(Date.now() - windowDays(req.query.days) * 86_400_000).toISOString()) }),
  );
  app.get(
    '/v1/return-rates',
    {
      schema: {
        summary: "Each originator's return rates over a rolling window (default 60 days) against NACHA's thresholds: unauthorized 0.5 %, administrative 3 %, overall 15 %",
        querystring: api.ReturnWindowQuery,
        response: { 200: api.ReturnRates },
      },
    },
    async (req) => returnWatch.rates(windowDays(req.query.days)),
  );
  app.get(
    '/v1/returned-accounts',
    { schema: { summary: 'Accounts an administrative return (R02, R03, R04) came back from: a new payment to one is refused', response: { 200: api.ReturnedAccountList } } },
    async () => ({ accounts: await returnWatch.returnedAccounts() }),
  );
};
