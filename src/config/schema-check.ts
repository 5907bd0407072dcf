/**
 * Says each problem a schema check found in a parsed file (the config, a grant) the way the CLI
 * says it: the path, and one reason a person can act on ("expected a whole number, got string
 * "eighty"", "unknown key "colour" (expected one of: ...)"). The checks themselves are ajv's,
 * compiled ahead of time from the TypeBox definitions (src/generated/validators.ts, written by
 * `npm run gen:validators`), so the CLI starts without loading TypeBox or compiling anything.
 */
import type { ErrorObject } from 'ajv';

export interface PathProblem {
  path: (string | number)[];
  message: string;
}

/** A validator ajv compiled: true, or false with its errors. */
export interface CompiledCheck {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** A value from the file as a message shows it: on one line, and not longer than a line. */
export function shown(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `${typeof v} ${shown(v)}`);

/** Every problem of `value` by `check`, one reason per place. */
export function checkAgainst(check: CompiledCheck, value: unknown): PathProblem[] {
  if (check(value)) return [];
  const errors = check.errors ?? [];
  // A duration or a size is one choice of two shapes (x-kind): its failure is said once, as what it should be.
  const kindFailed = new Set(errors.filter((e) => e.keyword === 'anyOf' && (e.parentSchema as Record<string, unknown>)?.['x-kind']).map((e) => e.instancePath));
  const out: PathProblem[] = [];
  const typeFailed = new Set<string>();
  for (const e of errors) {
    if (kindFailed.has(e.instancePath) && e.keyword !== 'anyOf') continue;
    const p = problemOf(e);
    if (!p) continue;
    // A value of the wrong type gets one reason, not one per keyword that also failed on it.
    const at = JSON.stringify(p.path);
    if (typeFailed.has(at)) continue;
    if (e.keyword === 'type' || e.keyword === 'anyOf') typeFailed.add(at);
    out.push(p);
  }
  return out;
}

const pathOf = (instancePath: string): (string | number)[] =>
  instancePath === ''
    ? []
    : instancePath
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));

function problemOf(e: ErrorObject): PathProblem | undefined {
  // A name that fails propertyNames comes twice: as the inner keyword's error and as propertyNames'; the latter says it.
  if (e.propertyName !== undefined) return undefined;
  const path = pathOf(e.instancePath);
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  const v = e.data;
  switch (e.keyword) {
    case 'type': {
      const type = parent.type;
      if (type === 'object' && parent['x-kind'] === 'stringMap') return { path, message: `expected a mapping of names to strings, got ${typeName(v)}` };
      if (type === 'object') return { path, message: `expected a mapping, got ${typeName(v)}` };
      if (type === 'array') return { path, message: `expected a list, got ${typeName(v)}` };
      if (type === 'integer') return { path, message: `expected a whole number, got ${typeName(v)}` };
      if (type === 'boolean') return { path, message: `expected true or false, got ${typeName(v)}` };
      if (type === 'string' && parent['x-kind'] === 'duration')
        return {
          path,
          message: `expected a duration with its unit, such as 30s, 500ms or 5m, got ${typeName(v)}${typeof v === 'number' ? ` (was it ${v}s or ${v}ms?)` : ''}`,
        };
      if (type === 'string') {
        const values = parent.enum as string[] | undefined;
        return { path, message: `expected a string${values ? ` (one of: ${values.join(', ')})` : ''}, got ${typeName(v)}` };
      }
      if (Array.isArray(type) && type.includes('string')) return { path, message: `expected a string, got ${typeName(v)}` };
      return { path, message: `expected ${String(type)}, got ${typeName(v)}` };
    }
    case 'anyOf': {
      const kind = parent['x-kind'];
      if (kind === 'duration') return { path, message: `expected a duration such as 500ms, 2s or 5m, got ${typeName(v)}` };
      if (kind === 'bytes') return { path, message: `expected a size such as 512kb or 1mb, got ${typeName(v)}` };
      return { path, message: e.message ?? 'matches none of the allowed shapes' };
    }
    case 'enum':
      return { path, message: `expected one of: ${(parent.enum as string[]).join(', ')}, got ${shown(v)}` };
    case 'const':
      return { path, message: `expected one of: ${String(parent.const)}, got ${shown(v)}` };
    case 'minLength':
      return { path, message: `must not be shorter than ${e.params.limit} characters` };
    case 'maxLength':
      return { path, message: `must not be longer than ${e.params.limit} characters` };
    case 'pattern':
      return { path, message: `${shown(v)} is not ${(parent['x-hint'] as string | undefined) ?? `matching /${parent.pattern}/`}` };
    case 'minimum':
      return { path, message: `must be at least ${e.params.limit}, got ${v}` };
    case 'maximum':
      return { path, message: `must be at most ${e.params.limit}, got ${v}` };
    case 'minItems':
      return { path, message: `expected at least ${e.params.limit} item(s)` };
    case 'required':
      return { path, message: `missing required key "${e.params.missingProperty}"` };
    case 'additionalProperties': {
      const key = e.params.additionalProperty as string;
      const known = Object.keys((parent.properties as object | undefined) ?? {});
      return { path: [...path, key], message: `unknown key ${shown(key)} (expected one of: ${known.join(', ')})` };
    }
    case 'propertyNames': {
      const name = e.params.propertyName as string;
      const pattern = ((parent.propertyNames as { pattern?: string } | undefined)?.pattern ?? '').toString();
      return { path: [...path, name], message: `name ${shown(name)} must match /${pattern}/` };
    }
    default:
      return { path, message: e.message ?? e.keyword };
  }
}

/** The schema as plain JSON Schema for editors (`config schema`): without the annotations only the checker reads. */
export function asJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([k]) => k !== 'x-kind' && k !== 'x-hint')
      .map(([k, v]) => [k, asJsonSchema(v)]),
  );
}
