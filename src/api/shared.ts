/** Pieces the services' API schemas share. */
import { type Static, type TSchema, Type } from 'typebox';

/** T or null, written as JSON Schema's type list (fast to serialize; anyOf is not). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, type: [(schema as { type?: string }).type ?? 'string', 'null'] });

/** One of these strings: JSON Schema's enum (one message from ajv, a fast path in the serializer; a union of literals has neither). */
export const StringEnum = <const V extends readonly string[]>(values: V, options: Record<string, unknown> = {}) =>
  Type.Unsafe<V[number]>({ type: 'string', enum: [...values], ...options });

/** One field a request got wrong, and why (VALIDATION's `fields`). */
export const FieldProblem = Type.Object({ field: Type.String(), reason: Type.String() });

/** An item's error inside a batch answer: a catalog code, a message, and the code's own fields (`fields`, `transferId`...). */
export const ItemErrorBody = Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Optional(Type.Array(FieldProblem)) }, { additionalProperties: true });

export const IdParams = Type.Object({ id: Type.String() });
export type IdParams = Static<typeof IdParams>;

/** One entry of a service's audit log (services/kit/audit.ts): the JSON text hashed, verbatim, and its place in the chain. */
export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  body: Type.String({ description: 'JSON: at, who, action, requestId, detail; hashed as it is' }),
  prevHash: Type.String(),
  hash: Type.String({ description: 'SHA-256 (hex) of prevHash followed by body' }),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditQuery = Type.Object(
  { after: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })), limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })) },
  { additionalProperties: false },
);
export const AuditList = Type.Object({ chain: Type.String(), entries: Type.Array(AuditEntry) });
