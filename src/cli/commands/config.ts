/** `hmsops config print|schema`: the resolved config, and the JSON Schema editors can use (with every default). */
import { stringify } from 'yaml';
import { asJsonSchema } from '../../config/schema-check.js';
import { configSchemaJson } from '../../config/compiled-validators.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { printJson } from '../output.js';

export async function configPrintCommand(opts: GlobalOptions & { json?: boolean }): Promise<CommandResult> {
  const { config } = await loadContext(opts);
  if (opts.json) printJson(config);
  else process.stdout.write(stringify(config));
  return ok;
}

export function configSchemaCommand(): CommandResult {
  printJson({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://hmsops.dev/schema/config-v1.json',
    title: 'hmsops.config.yaml',
    ...(asJsonSchema(configSchemaJson) as object),
  });
  return ok;
}
