/** The analytics service's API, one schema per shape (validation, OpenAPI, serialization, SDK types). */
import { type Static, Type } from 'typebox';
import { Nullable } from './shared.js';

export const AnalyticsEvent = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.String({ pattern: '^[a-z][a-z0-9_.-]{0,63}$' }),
    at: Type.String({ format: 'date-time' }),
    grantId: Type.Optional(Type.String({ maxLength: 64 })),
    amountCents: Type.Optional(Type.Integer({ minimum: 0 })),
    status: Type.Optional(Type.String({ maxLength: 32 })),
    attributes: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
export type AnalyticsEvent = Static<typeof AnalyticsEvent>;

export const EventBatch = Type.Object({ events: Type.Array(AnalyticsEvent, { minItems: 1, maxItems: 10_000 }) }, { additionalProperties: false });

export const Ingested = Type.Object({ accepted: Type.Integer(), duplicates: Type.Integer() });
export type Ingested = Static<typeof Ingested>;

export const GrantReport = Type.Object({
  grantId: Type.String(),
  byType: Type.Array(Type.Object({ type: Type.String(), status: Nullable(Type.String()), count: Type.Integer(), amountCents: Type.Integer() })),
  total: Type.Object({ count: Type.Integer(), amountCents: Type.Integer() }),
});
export type GrantReport = Static<typeof GrantReport>;
export const GrantParams = Type.Object({ grantId: Type.String() });

export const SummaryQuery = Type.Object({ since: Type.Optional(Type.String({ format: 'date-time' })) });
export const SummaryReport = Type.Object({
  since: Nullable(Type.String()),
  byType: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer(), amountCents: Type.Integer() })),
  grants: Type.Integer(),
});
export type SummaryReport = Static<typeof SummaryReport>;
