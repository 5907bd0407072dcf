/** The messaging service's API, one schema per shape (validation, OpenAPI, serialization, SDK types). */
import { type Static, Type } from 'typebox';
import { ItemErrorBody, Nullable, StringEnum } from './shared.js';

const emailFields = {
  to: Type.String({ pattern: '^[^@\\s<>,]+@[^@\\s<>,]+$', maxLength: 254 }),
  subject: Type.String({ minLength: 1, maxLength: 998 }),
  text: Type.String({ maxLength: 1_000_000 }),
  html: Type.Optional(Type.String({ maxLength: 1_000_000 })),
};
export const EmailRequest = Type.Object(emailFields, { additionalProperties: false });
export type EmailRequest = Static<typeof EmailRequest>;

export const EmailBatchRequest = Type.Object(
  {
    emails: Type.Array(Type.Object({ ...emailFields, idempotencyKey: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 10_000,
    }),
  },
  { additionalProperties: false },
);

const EmailStatus = StringEnum(['queued', 'sending', 'sent', 'failed']);
export const Email = Type.Object({
  id: Type.String(),
  status: EmailStatus,
  to: Type.String(),
  subject: Type.String(),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  messageId: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
});
export type Email = Static<typeof Email>;

export const EmailBatchResult = Type.Object({
  results: Type.Array(
    Type.Object({
      index: Type.Integer(),
      status: Type.Integer(),
      /** The email as stored; one queued by this batch shows only its id and status. */
      email: Type.Optional(
        Type.Object({
          id: Type.String(),
          status: EmailStatus,
          to: Type.Optional(Type.String()),
          subject: Type.Optional(Type.String()),
          attempts: Type.Optional(Type.Integer()),
          lastError: Type.Optional(Nullable(Type.String())),
          messageId: Type.Optional(Nullable(Type.String())),
          createdAt: Type.Optional(Type.String()),
          sentAt: Type.Optional(Nullable(Type.String())),
        }),
      ),
      replayed: Type.Optional(Type.Boolean()),
      error: Type.Optional(ItemErrorBody),
    }),
  ),
  queued: Type.Integer(),
  replayed: Type.Integer(),
  failed: Type.Integer(),
});
export type EmailBatchResult = Static<typeof EmailBatchResult>;

export const EmailQuery = Type.Object({
  status: Type.Optional(Type.String()),
  keyPrefix: Type.Optional(Type.String()),
  countsOnly: Type.Optional(StringEnum(['true', 'false'])),
});
/** Emails by their idempotency keys (up to 10,000 a request): the ones that exist, each with its key. */
export const EmailLookupRequest = Type.Object(
  { keys: Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { minItems: 1, maxItems: 10_000 }) },
  { additionalProperties: false },
);
export const EmailLookup = Type.Object({ emails: Type.Array(Type.Object({ key: Type.String(), email: Email })) });
export type EmailLookup = Static<typeof EmailLookup>;

export const EmailList = Type.Object({ counts: Type.Record(Type.String(), Type.Integer()), emails: Type.Optional(Type.Array(Email)) });
export type EmailList = Static<typeof EmailList>;
