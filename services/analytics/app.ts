/** analytics: idempotent event ingestion (by event id) and reports per grant and overall. main.ts runs it as a process. */
import type * as types from '../../src/api/analytics.js';
import { analytics as api } from '../../src/api/schemas.js';
import { buildService, registerRoutes, type ServiceApp, type ServiceContext, type ServiceDefinition } from '../kit/service.js';
import type { ServiceEnv } from '../kit/service-env.js';
import type { Store } from '../kit/store.js';
import { COLUMN_TYPES } from '../kit/store.js';
import { HmsopsError } from '../../src/errors/index.js';

const eventsTable = (bigint: string) => `CREATE TABLE events (
     id TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     at TEXT NOT NULL,
     grant_id TEXT,
     amount_cents ${bigint},
     status TEXT,
     attributes TEXT NOT NULL DEFAULT '{}',
     received_at TEXT NOT NULL
   );
   CREATE INDEX events_by_grant ON events (grant_id, type);
   CREATE INDEX events_by_time ON events (at);`;
const migrations = { sqlite: [eventsTable(COLUMN_TYPES.sqlite.bigint)], postgres: [eventsTable(COLUMN_TYPES.postgres.bigint)] };

type Event = types.AnalyticsEvent;

/** POST /v1/events, /v1/events::batch. */
function eventRoutes(app: ServiceApp, { db, metrics }: ServiceContext) {
  const ingest = async (events: Event[]) => {
    const now = new Date().toISOString();
    // A repeat is acknowledged, not counted twice.
    const { inserted: accepted } = await db.transaction((q) =>
      q.insert(
        'events',
        ['id', 'type', 'at', 'grant_id', 'amount_cents', 'status', 'attributes', 'received_at'],
        events.map((e) => [e.id, e.type, e.at, e.grantId ?? null, e.amountCents ?? null, e.status ?? null, JSON.stringify(e.attributes ?? {}), now]),
        { conflict: 'ON CONFLICT (id) DO NOTHING' },
      ),
    );
    metrics.inc('analytics_events_total', 'Events accepted', {}, accepted);
    return { accepted, duplicates: events.length - accepted };
  };

  app.post('/v1/events', { schema: { summary: 'Record one event (idempotent by id)', body: api.AnalyticsEvent, response: { 200: api.Ingested } } }, async (req) =>
    ingest([req.body]),
  );
  app.post(
    '/v1/events::batch',
    {
      schema: {
        summary: 'Record up to 10,000 events in one transaction',
        body: api.EventBatch,
        response: { 200: api.Ingested },
      },
    },
    async (req) => ingest(req.body.events),
  );
}

/** GET /v1/reports/... */
function reportRoutes(app: ServiceApp, { db }: ServiceContext) {
  app.get(
    '/v1/reports/grants/:grantId',
    { schema: { summary: 'Counts and sums by event type and status for one grant', params: api.GrantParams, response: { 200: api.GrantReport } } },
    async (req) => {
      const { grantId } = req.params;
      const byType = await db.all<types.GrantReport['byType'][number]>(
        'SELECT type, status, COUNT(*) AS count, COALESCE(SUM(amount_cents), 0) AS "amountCents" FROM events WHERE grant_id = ? GROUP BY type, status ORDER BY type, status',
        [grantId],
      );
      if (byType.length === 0) throw new HmsopsError('NOT_FOUND', `no events for grant ${grantId}`);
      return { grantId, byType, total: { count: byType.reduce((n, r) => n + r.count, 0), amountCents: byType.reduce((n, r) => n + r.amountCents, 0) } };
    },
  );

  app.get(
    '/v1/reports/summary',
    { schema: { summary: 'Counts and sums by event type since a time', querystring: api.SummaryQuery, response: { 200: api.SummaryReport } } },
    async (req) => {
      const since = req.query.since ?? null;
      const where = since ? 'WHERE at >= ?' : '';
      const args = since ? [since] : [];
      return {
        since,
        byType: await db.all<types.SummaryReport['byType'][number]>(
          `SELECT type, COUNT(*) AS count, COALESCE(SUM(amount_cents), 0) AS "amountCents" FROM events ${where} GROUP BY type ORDER BY type`,
          args,
        ),
        grants: (await db.get<{ n: number }>(`SELECT COUNT(DISTINCT grant_id) AS n FROM events ${where}`, args))!.n,
      };
    },
  );
}

export const analytics: ServiceDefinition = {
  name: 'analytics',
  version: '1.0.0',
  migrations,
  bodyLimit: 32 * 1024 * 1024,
  async setup(app, ctx) {
    await registerRoutes(app, ctx, [eventRoutes, reportRoutes]);
    return undefined;
  },
};

export const build = (env: ServiceEnv, store: Store, opts?: Parameters<typeof buildService>[3]) => buildService(analytics, env, store, opts);
