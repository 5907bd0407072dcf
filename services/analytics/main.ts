/** analytics: idempotent event ingestion (by event id) and reports per grant and overall. */
import type { AnalyticsEvent } from '../../src/sdk/types.js';
import { runService } from '../kit/service.js';
import { HmsopsError } from '../../src/errors/index.js';

const migrations = [
  `CREATE TABLE events (
     id TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     at TEXT NOT NULL,
     grant_id TEXT,
     amount_cents INTEGER,
     status TEXT,
     attributes TEXT NOT NULL DEFAULT '{}',
     received_at TEXT NOT NULL
   );
   CREATE INDEX events_by_grant ON events (grant_id, type);
   CREATE INDEX events_by_time ON events (at);`,
];

const eventSchema = {
  type: 'object',
  required: ['id', 'type', 'at'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 200 },
    type: { type: 'string', pattern: '^[a-z][a-z0-9_.-]{0,63}$' },
    at: { type: 'string', format: 'date-time' },
    grantId: { type: 'string', maxLength: 64 },
    amountCents: { type: 'integer', minimum: 0 },
    status: { type: 'string', maxLength: 32 },
    attributes: { type: 'object' },
  },
};
type Event = AnalyticsEvent;

await runService({
  name: 'analytics',
  version: '1.0.0',
  migrations,
  bodyLimit: 32 * 1024 * 1024,
  routes(app, { db, metrics }) {
    const insert = db.prepare('INSERT OR IGNORE INTO events (id, type, at, grant_id, amount_cents, status, attributes, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const ingest = db.transaction((events: Event[]) => {
      const now = new Date().toISOString();
      let accepted = 0;
      for (const e of events)
        accepted += insert.run(e.id, e.type, e.at, e.grantId ?? null, e.amountCents ?? null, e.status ?? null, JSON.stringify(e.attributes ?? {}), now).changes;
      metrics.inc('analytics_events_total', 'Events accepted', {}, accepted);
      // A repeat is acknowledged, not counted twice.
      return { accepted, duplicates: events.length - accepted };
    });

    app.post('/v1/events', { schema: { summary: 'Record one event (idempotent by id)', body: eventSchema } }, async (req) => ingest([req.body as Event]));
    app.post(
      '/v1/events::batch',
      {
        schema: {
          summary: 'Record up to 10,000 events in one transaction',
          body: { type: 'object', required: ['events'], additionalProperties: false, properties: { events: { type: 'array', minItems: 1, maxItems: 10_000, items: eventSchema } } },
        },
      },
      async (req) => ingest((req.body as { events: Event[] }).events),
    );

    app.get(
      '/v1/reports/grants/:grantId',
      { schema: { summary: 'Counts and sums by event type and status for one grant', params: { type: 'object', properties: { grantId: { type: 'string' } } } } },
      async (req) => {
        const { grantId } = req.params as { grantId: string };
        const byType = db
          .prepare(
            'SELECT type, status, COUNT(*) AS count, COALESCE(SUM(amount_cents), 0) AS amountCents FROM events WHERE grant_id = ? GROUP BY type, status ORDER BY type, status',
          )
          .all(grantId) as { count: number; amountCents: number }[];
        if (byType.length === 0) throw new HmsopsError('NOT_FOUND', `no events for grant ${grantId}`);
        return { grantId, byType, total: { count: byType.reduce((n, r) => n + r.count, 0), amountCents: byType.reduce((n, r) => n + r.amountCents, 0) } };
      },
    );

    app.get(
      '/v1/reports/summary',
      { schema: { summary: 'Counts and sums by event type since a time', querystring: { type: 'object', properties: { since: { type: 'string', format: 'date-time' } } } } },
      async (req) => {
        const since = (req.query as { since?: string }).since ?? null;
        const where = since ? 'WHERE at >= ?' : '';
        const args = since ? [since] : [];
        return {
          since,
          byType: db.prepare(`SELECT type, COUNT(*) AS count, COALESCE(SUM(amount_cents), 0) AS amountCents FROM events ${where} GROUP BY type ORDER BY type`).all(...args),
          grants: db
            .prepare(`SELECT COUNT(DISTINCT grant_id) FROM events ${where}`)
            .pluck()
            .get(...args),
        };
      },
    );
  },
});
