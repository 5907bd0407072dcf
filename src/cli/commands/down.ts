/**
 * `hmsops down`: stop everything. With a live daemon it drains and stops the fleet and exits;
 * with a dead one, the CLI itself stops every process group the daemon left behind.
 */
import fs from 'node:fs';
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors/index.js';
import { lockOwnerAlive } from '../../daemon/lock.js';
import { reapOrphans } from '../../daemon/orphans.js';
import { pidAlive, sleep } from '../../daemon/process-group.js';
import { daemonRunning, loadContext, type CliContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson } from '../output.js';

export async function downCommand(opts: GlobalOptions & { timeout: string; json?: boolean }): Promise<CommandResult> {
  const timeoutMs = parseDuration(opts.timeout);
  if (timeoutMs === undefined) throw new UsageError(`--timeout: expected a duration such as 10s, got "${opts.timeout}"`);
  const ctx = await loadContext(opts);
  const result = await stopFleet(ctx, timeoutMs);
  if (opts.json) printJson(result);
  else if (result.via === 'nothing') console.log(color.dim('nothing was running'));
  else
    console.log(
      `fleet stopped${result.reaped.length ? ` (stopped ${result.reaped.length} left by a dead daemon: ${result.reaped.join(', ')}${result.killed.length ? `; ${result.killed.join(', ')} needed SIGKILL` : ''})` : ''} in ${result.durationMs}ms`,
    );
  return ok;
}

/** Stops the fleet and its daemon, or reaps what a dead daemon left; waits until all is gone. */
export async function stopFleet(ctx: CliContext, timeoutMs: number) {
  const t0 = Date.now();
  const owner = lockOwnerAlive(ctx.paths.lock);
  let how: 'daemon' | 'reaped' | 'nothing' = 'nothing';
  let reaped: string[] = [];
  if (await daemonRunning(ctx)) {
    await ctx.client.post('/v1/shutdown', { timeoutMs });
    how = 'daemon';
    // The daemon exits once every instance is gone; give it the stop timeout plus a margin.
    const deadline = Date.now() + timeoutMs + 5000;
    while (owner && pidAlive(owner.pid) && Date.now() < deadline) await sleep(20);
    if (owner && pidAlive(owner.pid)) process.kill(owner.pid, 'SIGKILL');
  } else if (owner) {
    // A daemon that holds the lock but does not answer: end it, then reap below.
    process.kill(owner.pid, 'SIGKILL');
    await sleep(50);
  }
  // Whatever is left (a daemon killed with SIGKILL, or one that timed out) is stopped here.
  const left = await reapOrphans(ctx.paths, timeoutMs);
  reaped = left.reaped;
  if (reaped.length) how = how === 'nothing' ? 'reaped' : how;
  fs.rmSync(ctx.paths.socket, { force: true });
  // `killed`: of those, the ones that did not stop on SIGTERM within the timeout.
  return { stopped: how !== 'nothing', via: how, reaped, killed: left.killed, durationMs: Date.now() - t0 };
}
