/**
 * TypeBox builders for the files' schemas (the config, grants), with the two annotations the
 * checker reads (schema-check.ts): `x-hint` says in words what a pattern means, `x-kind` marks a
 * duration, a byte size or a map of names to strings, so a problem is said as one reason.
 * Used where the schemas are defined; at run time the CLI uses the validators compiled from them.
 */
import { type Static, type TSchema, Type } from 'typebox';

/** A mapping with exactly these keys (none other), each optional unless `required` names it. */
export const Strict = <P extends Record<string, TSchema>>(properties: P, options: Record<string, unknown> = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

/** A string that must match `pattern`; `hint` says in words what it must be. */
export const Matching = (pattern: string, hint: string, options: Record<string, unknown> = {}) => Type.String({ pattern, 'x-hint': hint, ...options });

/** The largest finite number: what a YAML .inf is not. */
const FINITE = Number.MAX_VALUE;

/** A value written as text matching `pattern`, or as a number: one shape of two, said as one reason (`x-kind`). */
const textOrNumber =
  (kind: 'duration' | 'bytes', pattern: string, number: Record<string, unknown>) =>
  (options: Record<string, unknown> = {}) =>
    Type.Unsafe<string | number>({
      'x-kind': kind,
      anyOf: [
        { type: 'string', pattern },
        { ...number, minimum: 0, maximum: FINITE },
      ],
      ...options,
    });

/**
 * A duration with its unit: "500ms", "2s", "5m", "1h" (what parseDuration takes as text). A bare
 * number is refused: `stopTimeout: 10` could mean seconds, and would have been 10 milliseconds.
 */
export const Duration = (options: Record<string, unknown> = {}) =>
  Type.Unsafe<string>({
    type: 'string',
    'x-kind': 'duration',
    pattern: '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$',
    'x-hint': 'a duration with its unit, such as 30s, 500ms or 5m (a bare number could be seconds or milliseconds)',
    ...options,
  });

/** A size: "512kb", "1mb", or a number of bytes (exactly what parseByteSize takes). */
export const Bytes = textOrNumber('bytes', '^\\s*\\d+\\s*([bB]|[kK][bB]|[mM][bB]|[gG][bB])?\\s*$', { type: 'integer' });

/** Names to strings (numbers and booleans are taken as their text): environment variables. */
export const StringMap = (options: Record<string, unknown> = {}) =>
  Type.Unsafe<Record<string, string | number | boolean>>({ type: 'object', 'x-kind': 'stringMap', additionalProperties: { type: ['string', 'number', 'boolean'] }, ...options });

/** A mapping of names matching `namePattern` to values of one schema (the services). */
export const NamedMap = <T extends TSchema>(namePattern: string, values: T, options: Record<string, unknown> = {}) =>
  Type.Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: values, propertyNames: { pattern: namePattern }, ...options });
