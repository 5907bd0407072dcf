/** The ODFI (the originating bank): where each file stands, send now, fetch what the bank sent. */
import { ach as api } from '../../../src/api/schemas.js';
import { HmsopsError } from '../../../src/errors/index.js';
import type { RoutePlugin } from '../../kit/service.js';
import type { AchDeps } from './deps.js';

export const odfiRoutes: RoutePlugin<AchDeps> = (app, { odfi, inbound }) => {
  app.get(
    '/v1/odfi/files',
    {
      schema: {
        summary: 'Files cut and where each stands with the ODFI (cut, sent; the window it made or waits for; late), and with merging the uploads',
        response: { 200: api.TransmissionList },
      },
    },
    async () => odfi().transmissions(),
  );
  app.post(
    '/v1/odfi/fetch',
    {
      schema: {
        summary: "Fetch the bank's files not fetched before from its inbound folder, each imported (returns, notifications of change)",
        response: { 200: api.FetchResult },
      },
    },
    async () => ({ fetched: await odfi().fetchInbound(inbound) }),
  );
  app.post(
    '/v1/odfi/send',
    {
      schema: {
        summary: 'Send what waits to the ODFI now: with merging, the waiting files merged for the upcoming window; without, each file (or the one named)',
        body: api.SendRequest,
        response: { 200: api.SendResult },
      },
    },
    async (req) => {
      if (req.body?.fileId && odfi().windows)
        throw new HmsopsError('VALIDATION', 'files go to the bank merged per window (ach.odfi.merge): `ach send` sends what waits, merged, without --file', {
          extra: { fields: [{ field: 'fileId', reason: 'only without merging (ach.odfi.merge: false)' }] },
        });
      const r = await odfi().sendDue({ now: true, fileId: req.body?.fileId });
      return { ...r, ...(await odfi().transmissions()) };
    },
  );
};
