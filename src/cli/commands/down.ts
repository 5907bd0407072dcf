/**
 * `hmsops down`: stop everything. With a live daemon it drains and stops the fleet and exits;
 * with a dead one, the CLI itself stops every process group the daemon left behind.
 */
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors/index.js';
import { loadContext, type GlobalOptions, ownFleet } from '../context.js';
import { stopFleet } from '../fleet-ops.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson } from '../output.js';

export async function downCommand(opts: GlobalOptions & { timeout: string; json?: boolean }): Promise<CommandResult> {
  const timeoutMs = parseDuration(opts.timeout);
  if (timeoutMs === undefined) throw new UsageError(`--timeout: expected a duration such as 10s, got "${opts.timeout}"`);
  const ctx = await loadContext(opts);
  ownFleet(ctx, 'down');
  const result = await stopFleet(ctx, timeoutMs);
  if (opts.json) printJson(result);
  else if (result.via === 'nothing') console.log(color.dim('nothing was running'));
  else
    console.log(
      `fleet stopped${result.reaped.length ? ` (stopped ${result.reaped.length} left by a dead daemon: ${result.reaped.join(', ')}${result.killed.length ? `; ${result.killed.join(', ')} needed SIGKILL` : ''})` : ''} in ${result.durationMs}ms`,
    );
  return ok;
}
