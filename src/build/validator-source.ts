/**
 * Compiles the files' TypeBox definitions into standalone ajv validators (the code of
 * src/config/compiled-validators.ts): run by `npm run gen:validators`, and by a test that fails
 * when the compiled file no longer matches the definitions. Not loaded by the CLI.
 */
import { Ajv } from 'ajv';
import * as standalone from 'ajv/dist/standalone/index.js';
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
