/** `hmsops ps` (alias status): one row per instance; --json for machines; --watch for a live view. */
import { daemonRunning, loadContext, type CliContext, type GlobalOptions, ownFleet } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson } from '../output.js';
import { renderInstances } from '../views/instances.js';
import { liveTerminal } from '../views/terminal.js';

export async function psCommand(opts: GlobalOptions & { json?: boolean; watch?: boolean }): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  ownFleet(ctx, 'ps');
  if (opts.watch && !opts.json && liveTerminal(process.stdout)) {
    const { watchInstances } = await import('../views/ps-watch.js');
    await watchInstances(ctx);
    return ok;
  }
  if (opts.watch) return watchPlain(ctx, Boolean(opts.json));
  if (!(await daemonRunning(ctx))) {
    if (opts.json) printJson({ daemon: null, instances: [] });
    else console.log(color.dim(`no daemon runs for ${ctx.paths.root}; nothing is running`));
    return ok;
  }
  const [daemon, { instances }] = await Promise.all([ctx.client.call('GET /v1/status'), ctx.client.call('GET /v1/instances')]);
  // The same keys with a daemon and without one (daemon: null).
  if (opts.json) printJson({ daemon: { pid: daemon.pid, stateDir: daemon.stateDir, startedAt: new Date(daemon.startedAt).toISOString() }, instances });
  else console.log(renderInstances(instances));
  return ok;
}

/**
 * `ps --watch` off a live terminal (piped, or under CI) or with --json: the table, or one JSON line,
 * again whenever an instance appears, goes or changes state, pid or restarts (not for uptime alone).
 */
async function watchPlain(ctx: CliContext, json: boolean): Promise<CommandResult> {
  // Ctrl-C ends the question the daemon is holding, and the watch with it.
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  let last = '';
  let index: number | undefined;
  while (!stop.signal.aborted) {
    // Held by the daemon until an instance changes: no polling.
    const answer = await ctx.client
      .call('GET /v1/instances', { query: index === undefined ? {} : { after: index, waitMs: 30_000 } }, { timeoutMs: 40_000, signal: stop.signal })
      .catch((err: unknown) => {
        if (stop.signal.aborted) return undefined;
        throw err;
      });
    if (!answer) break;
    index = answer.index;
    const { instances } = answer;
    const shape = JSON.stringify(instances.map((i) => [i.id, i.state, i.pid, i.restarts]));
    if (shape !== last) process.stdout.write(json ? `${JSON.stringify({ instances })}\n` : `${renderInstances(instances)}\n\n`);
    last = shape;
  }
  return ok;
}
