/** `hmsops fixtures grant`: synthetic, valid grant files of any size. */
import fs from 'node:fs';
import { UsageError } from '../../errors/index.js';
import { generateGrant, grantYaml } from '../../disburse/generate.js';
import { ok, type CommandResult } from '../end.js';

export function fixturesGrantCommand(opts: { recipients: string; out?: string; seed?: string; id?: string }): CommandResult {
  const n = Number(opts.recipients);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new UsageError(`--recipients: expected a whole number from 1 to 1000000, got "${opts.recipients}"`);
  const seed = opts.seed === undefined ? 1 : Number(opts.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed: expected a whole number, got "${opts.seed}"`);
  const text = grantYaml(generateGrant({ recipients: n, seed, id: opts.id }));
  if (opts.out) {
    fs.writeFileSync(opts.out, text);
    process.stderr.write(`wrote ${n} recipient(s) to ${opts.out}\n`);
  } else process.stdout.write(text);
  return ok;
}
