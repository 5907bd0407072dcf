/**
 * `hmsops up [service...]`: start the daemon if needed, apply the config, wait until ready.
 *   step 1: load and validate the config (exit 2 on problems)
 *   step 2: make sure a daemon runs for this state dir
 *   step 3: apply the config (adds, removes, rescales; otherwise a no-op)
 *   step 4: wait for every instance to be ready, or explain which one is not
 */
import { parseDuration } from '../../duration.js';
import { HmsopsError, UsageError } from '../../errors/index.js';
import type { InstanceView } from '../../daemon/supervisor.js';
import { logFileFor } from '../../daemon/log-files.js';
import { ensureDaemon, loadContext, tail, type CliContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson, stateColor } from '../output.js';
import { renderInstances } from './ps.js';
import { liveTerminal } from '../views/terminal.js';

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
  const unknown = services.filter((s) => !(s in ctx.config.services) && !(s === 'gateway' && ctx.config.gateway.enabled));
  if (unknown.length) throw new UsageError(`not in the config: ${unknown.join(', ')} (configured: ${Object.keys(ctx.config.services).join(', ')})`);
  // step 2
  const started = await ensureDaemon(ctx);
  if (started && !opts.json) process.stderr.write(color.dim(`started hmsopsd for ${ctx.paths.root}\n`));
  // step 3
  await ctx.client.post('/v1/fleet/apply', { config: ctx.config, services });
  if (!opts.wait) {
    const { instances } = await ctx.client.get<{ instances: InstanceView[] }>('/v1/instances');
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

function inScope(i: InstanceView, services: string[]) {
  return services.length === 0 || services.includes(i.service);
}

export async function waitForFleet(ctx: CliContext, services: string[], timeoutMs: number, progress: boolean) {
  const deadline = Date.now() + timeoutMs;
  const tty = progress && liveTerminal(process.stderr);
  let instances: InstanceView[] = [];
  let problem: string | undefined;
  for (;;) {
    instances = (await ctx.client.get<{ instances: InstanceView[] }>('/v1/instances')).instances.filter((i) => inScope(i, services));
    const failed = instances.find((i) => i.state === 'crash-looping' || i.state === 'stopped');
    const ready = instances.filter((i) => i.state === 'ready').length;
    if (tty) process.stderr.write(`\r${progressBar(ready, instances.length)} ${ready}/${instances.length} ready `);
    if (failed) problem = `${failed.id} is ${failed.state}`;
    else if (ready === instances.length) break;
    else if (Date.now() > deadline) problem = `timed out after ${timeoutMs}ms`;
    if (problem) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (tty) process.stderr.write('\n');
  return { ready: !problem, instances, problem };
}

export function progressBar(done: number, total: number, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** Names each instance that is not ready, its state and its last 20 log lines. */
export function notReadyError(ctx: CliContext, instances: InstanceView[], problem: string): HmsopsError {
  const details: string[] = [];
  for (const i of instances.filter((x) => x.state !== 'ready')) {
    details.push(`${i.service} (${i.id}): ${stateColor(i.state)}, ${i.restarts} restart(s)${i.lastProbe ? `, last probe ${i.lastProbe.kind} ${i.lastProbe.detail}` : ''}`);
    for (const l of tail(logFileFor(ctx.paths.logs, i.id), 20)) details.push(`  ${color.dim(l)}`);
  }
  return new HmsopsError('FLEET_NOT_READY', `the fleet is not ready: ${problem}`, { details });
}
