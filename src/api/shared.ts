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
