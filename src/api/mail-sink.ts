/** The mail sink's API, one schema per shape (validation, OpenAPI, serialization). */
import { type Static, Type } from 'typebox';
import { Nullable } from './shared.js';

export const Message = Type.Object({
  id: Type.String(),
  messageId: Nullable(Type.String()),
  from: Nullable(Type.String()),
  to: Type.Array(Type.String()),
  subject: Nullable(Type.String()),
  size: Type.Integer(),
  receivedAt: Type.String(),
});
export type Message = Static<typeof Message>;

export const MessageQuery = Type.Object({ to: Type.Optional(Type.String()), limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,6}$' })) });
export const MessageList = Type.Object({ messages: Type.Array(Message), smtpPort: Type.Integer() });
export const CountQuery = Type.Object({ domain: Type.Optional(Type.String()) });
export const MessageCount = Type.Object({ count: Type.Integer() });
export const MessageWithRaw = Type.Object({ ...Message.properties, raw: Type.String() });
export type MessageWithRaw = Static<typeof MessageWithRaw>;
