/**
 * `hmsops up [service...]`: start the daemon if needed, apply the config, wait until ready.
 *   step 1: load and validate the config (exit 2 on problems)
 *   step 2: make sure a daemon runs for this state dir
 *   step 3: apply the config (adds, removes, rescales; otherwise a no-op)
 *   step 4: wait for every instance to be ready, or explain which one is not
 */
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors/index.js';
import { ensureDaemon, loadContext, type GlobalOptions, ownFleet } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson } from '../output.js';
import { notReadyError, waitForFleet } from '../fleet-ops.js';
import { renderInstances } from '../views/instances.js';

export interface UpOptions extends GlobalOptions {
  wait: boolean;
  timeout: string;
  json?: boolean;
}

export async function upCommand(services: string[], opts: UpOptions): Promise<CommandResult> {
  const timeoutMs = parseDuration(opts.timeout);
  if (timeoutMs === undefined) throw new UsageError(`--timeout: expected a duration such as 30s, got "${opts.timeout}"`);
  // step 1
  const ctx = await loadContext(opts);
  ownFleet(ctx, 'up');
  const unknown = services.filter((s) => !(s in ctx.config.services) && !(s === 'gateway' && ctx.config.gateway.enabled));
  if (unknown.length) throw new UsageError(`not in the config: ${unknown.join(', ')} (configured: ${Object.keys(ctx.config.services).join(', ')})`);
  // step 2
  const started = await ensureDaemon(ctx);
  if (started && !opts.json) process.stderr.write(color.dim(`started hmsopsd for ${ctx.paths.root}\n`));
  // step 3
  await ctx.client.call('POST /v1/fleet/apply', { body: { config: ctx.config, services } });
  if (!opts.wait) {
    const { instances } = await ctx.client.call('GET /v1/instances');
    if (opts.json) printJson({ ready: false, instances });
    else console.log(renderInstances(instances));
    return ok;
  }
  // step 4
  const result = await waitForFleet(ctx, services, timeoutMs, !opts.json);
  if (opts.json) printJson({ ready: result.ready, instances: result.instances, problem: result.problem ?? null });
  else if (result.ready) console.log(renderInstances(result.instances));
  if (!result.ready) throw notReadyError(ctx, result.instances, result.problem!);
  return ok;
}
