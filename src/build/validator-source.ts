/**
 * Compiles the files' TypeBox definitions into standalone ajv validators (the code of
 * src/generated/validators.ts): run by `npm run gen:validators`, and by a test that fails
 * when the compiled file no longer matches the definitions. Not loaded by the CLI.
 */
import { Ajv } from 'ajv';
import * as standalone from 'ajv/dist/standalone/index.js';
import * as ach from '../api/ach.js';
import * as analytics from '../api/analytics.js';
import * as auth from '../api/auth.js';
import * as mailSink from '../api/mail-sink.js';
import * as messaging from '../api/messaging.js';
import * as shared from '../api/shared.js';
import { grantDefinition, recipientDefinition } from '../disburse/grant-definition.js';
import { configDefinition } from '../config/definition.js';

/** ajv's own logger, without the one deprecation notice we chose to accept (`unicode: false`, below). */
const quietAboutUnicode = {
  log: console.log,
  warn: (...args: unknown[]) => {
    if (!String(args[0]).includes('option unicode')) console.warn(...args);
  },
  error: console.error,
};

export function compiledValidatorsSource(): string {
  // The options the messages rely on: every error, with its data and its schema. `unicode: false`
  // (deprecated, still honoured) counts lengths in UTF-16 units as JavaScript does, and keeps the
  // code free of ajv's runtime helpers, which the ESM output could only reach through require().
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    unicode: false,
    logger: quietAboutUnicode,
    code: { source: true, esm: true, lines: true },
  });
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-kind', schemaType: 'string' });
  ajv.addSchema(configDefinition, 'config');
  ajv.addSchema(grantDefinition, 'grant');
  ajv.addSchema(recipientDefinition, 'recipient');
  // A CommonJS module: its function is the default export's `default` when imported from ESM.
  type Standalone = (ajv: Ajv, refs: Record<string, string>) => string;
  const mod = standalone as unknown as { default: Standalone | { default: Standalone } };
  const standaloneCode = typeof mod.default === 'function' ? mod.default : mod.default.default;
  const code = standaloneCode(ajv, { validateConfig: 'config', validateGrant: 'grant', validateRecipient: 'recipient' });
  return [
    '// Written by `npm run gen:validators` from src/config/definition.ts and src/disburse/grant-definition.ts: do not edit.',
    '// @ts-nocheck',
    code,
    '',
    `export const configSchemaJson = ${JSON.stringify(configDefinition, null, 2)};`,
    '',
  ].join('\n');
}

/**
 * The services' API schemas (src/api/*.ts) as plain JSON (src/generated/api-schemas.ts): what
 * the services load, so an instance starts without TypeBox (about 200 ms of module loading each).
 */
export function compiledApiSource(): string {
  const modules: Record<string, Record<string, unknown>> = { ach, analytics, auth, mailSink, messaging, shared };
  const out = ['// Written by `npm run gen:validators` from src/api/*.ts: do not edit.', '// @ts-nocheck', ''];
  for (const [name, mod] of Object.entries(modules)) {
    // The schemas are the module's objects; its functions are builders, its types are gone at run time.
    // Sorted by name: a module's exports come in another order under Node than under vitest.
    const schemas = Object.fromEntries(
      Object.entries(mod)
        .filter(([, v]) => v !== null && typeof v === 'object')
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    out.push(`export const ${name} = ${JSON.stringify(schemas, null, 2)};`, '');
  }
  return out.join('\n');
}
