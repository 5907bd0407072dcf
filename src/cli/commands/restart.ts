/** `hmsops restart SERVICE|INSTANCE`: rolling; each replacement is ready before its predecessor drains. */
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors/index.js';
import { loadContext, type GlobalOptions, ownFleet } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { printJson } from '../output.js';

export async function restartCommand(target: string, opts: GlobalOptions & { timeout: string; json?: boolean }): Promise<CommandResult> {
  const readyTimeoutMs = parseDuration(opts.timeout);
  if (readyTimeoutMs === undefined) throw new UsageError(`--timeout: expected a duration, got "${opts.timeout}"`);
  const ctx = await loadContext(opts);
  ownFleet(ctx, 'restart');
  const res = await ctx.client.call('POST /v1/restart', { body: { target, readyTimeoutMs } });
  if (opts.json) printJson(res);
  else for (const [old, fresh] of res.replaced) console.log(`${old} -> ${fresh}`);
  return ok;
}
