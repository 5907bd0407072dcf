/** `hmsops config print|schema`: the resolved config, and the JSON Schema editors can use (with every default). */
import { stringify } from 'yaml';
import { configFileForm } from '../../config/load.js';
import { asJsonSchema } from '../../config/schema-check.js';
import { configSchemaJson } from '../../generated/validators.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { printJson } from '../output.js';

/** The config in the file's own keys with every default that applies: pasted into a file, it loads to the same config. */
export async function configPrintCommand(opts: GlobalOptions & { json?: boolean }): Promise<CommandResult> {
  const { config } = await loadContext(opts);
  const form = configFileForm(config);
  if (opts.json) printJson(form);
  else process.stdout.write(stringify(form));
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
