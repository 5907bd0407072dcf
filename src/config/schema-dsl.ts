/**
 * A small schema language: one description per fact that both validates a parsed file
 * (with the path of every problem) and emits the JSON Schema editors use.
 */
import { parseByteSize, parseDuration } from '../duration.js';

export type Schema =
  | { kind: 'object'; description?: string; properties: Record<string, Schema>; required?: string[] }
  | { kind: 'map'; description?: string; values: Schema; keyPattern?: RegExp }
  | { kind: 'array'; description?: string; items: Schema; minItems?: number }
  | { kind: 'string'; description?: string; pattern?: RegExp; patternHint?: string; enum?: string[]; minLength?: number; maxLength?: number }
  | { kind: 'integer'; description?: string; minimum?: number; maximum?: number }
  | { kind: 'boolean'; description?: string }
  | { kind: 'duration'; description?: string }
  | { kind: 'bytes'; description?: string }
  | { kind: 'stringMap'; description?: string };

export interface PathProblem {
  path: (string | number)[];
  message: string;
}

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `${typeof v} ${shown(v)}`);

/** A value from the file as a message shows it: on one line, and not longer than a line. */
export function shown(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function validate(schema: Schema, value: unknown, path: (string | number)[] = [], out: PathProblem[] = []): PathProblem[] {
  const fail = (message: string) => out.push({ path, message });
  switch (schema.kind) {
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        fail(`expected a mapping, got ${typeName(value)}`);
        break;
      }
      const obj = value as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        const sub = schema.properties[key];
        if (!sub) out.push({ path: [...path, key], message: `unknown key ${shown(key)} (expected one of: ${Object.keys(schema.properties).join(', ')})` });
        else validate(sub, obj[key], [...path, key], out);
      }
      for (const key of schema.required ?? []) if (!(key in obj)) fail(`missing required key "${key}"`);
      break;
    }
    case 'map': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        fail(`expected a mapping, got ${typeName(value)}`);
        break;
      }
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        if (schema.keyPattern && !schema.keyPattern.test(key)) out.push({ path: [...path, key], message: `name ${shown(key)} must match ${schema.keyPattern}` });
        validate(schema.values, v, [...path, key], out);
      }
      break;
    }
    case 'array': {
      if (!Array.isArray(value)) {
        fail(`expected a list, got ${typeName(value)}`);
        break;
      }
      if (schema.minItems !== undefined && value.length < schema.minItems) fail(`expected at least ${schema.minItems} item(s)`);
      value.forEach((v, i) => validate(schema.items, v, [...path, i], out));
      break;
    }
    case 'string': {
      if (typeof value !== 'string') {
        fail(`expected a string${schema.enum ? ` (one of: ${schema.enum.join(', ')})` : ''}, got ${typeName(value)}`);
        break;
      }
      if (schema.enum && !schema.enum.includes(value)) fail(`expected one of: ${schema.enum.join(', ')}, got ${shown(value)}`);
      if (schema.minLength !== undefined && value.length < schema.minLength) fail(`must not be shorter than ${schema.minLength} characters`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) fail(`must not be longer than ${schema.maxLength} characters`);
      if (schema.pattern && !schema.pattern.test(value)) fail(`${shown(value)} is not ${schema.patternHint ?? `matching ${schema.pattern}`}`);
      break;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        fail(`expected a whole number, got ${typeName(value)}`);
        break;
      }
      if (schema.minimum !== undefined && value < schema.minimum) fail(`must be at least ${schema.minimum}, got ${value}`);
      if (schema.maximum !== undefined && value > schema.maximum) fail(`must be at most ${schema.maximum}, got ${value}`);
      break;
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail(`expected true or false, got ${typeName(value)}`);
      break;
    case 'duration':
      if ((typeof value !== 'string' && typeof value !== 'number') || parseDuration(value) === undefined)
        fail(`expected a duration such as 500ms, 2s or 5m, got ${typeName(value)}`);
      break;
    case 'bytes':
      if ((typeof value !== 'string' && typeof value !== 'number') || parseByteSize(value) === undefined) fail(`expected a size such as 512kb or 1mb, got ${typeName(value)}`);
      break;
    case 'stringMap':
      if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`expected a mapping of names to strings, got ${typeName(value)}`);
      else
        for (const [k, v] of Object.entries(value as Record<string, unknown>))
          if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') out.push({ path: [...path, k], message: `expected a string, got ${typeName(v)}` });
      break;
  }
  return out;
}

export function toJsonSchema(schema: Schema): Record<string, unknown> {
  const d = schema.description ? { description: schema.description } : {};
  switch (schema.kind) {
    case 'object':
      return {
        type: 'object',
        ...d,
        additionalProperties: false,
        properties: Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, toJsonSchema(v)])),
        ...(schema.required ? { required: schema.required } : {}),
      };
    case 'map':
      return { type: 'object', ...d, additionalProperties: toJsonSchema(schema.values), ...(schema.keyPattern ? { propertyNames: { pattern: schema.keyPattern.source } } : {}) };
    case 'array':
      return { type: 'array', ...d, items: toJsonSchema(schema.items), ...(schema.minItems !== undefined ? { minItems: schema.minItems } : {}) };
    case 'string':
      return {
        type: 'string',
        ...d,
        ...(schema.enum ? { enum: schema.enum } : {}),
        ...(schema.pattern ? { pattern: schema.pattern.source } : {}),
        ...(schema.minLength !== undefined ? { minLength: schema.minLength } : {}),
        ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}),
      };
    case 'integer':
      return { type: 'integer', ...d, ...(schema.minimum !== undefined ? { minimum: schema.minimum } : {}), ...(schema.maximum !== undefined ? { maximum: schema.maximum } : {}) };
    case 'boolean':
      return { type: 'boolean', ...d };
    case 'duration':
      return {
        ...d,
        oneOf: [
          { type: 'string', pattern: '^\\d+(\\.\\d+)?(ms|s|m|h)?$' },
          { type: 'integer', minimum: 0 },
        ],
      };
    case 'bytes':
      return {
        ...d,
        oneOf: [
          { type: 'string', pattern: '^\\d+(b|kb|mb|gb)?$' },
          { type: 'integer', minimum: 0 },
        ],
      };
    case 'stringMap':
      return { type: 'object', ...d, additionalProperties: { type: ['string', 'number', 'boolean'] } };
  }
}
