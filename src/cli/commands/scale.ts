/** `hmsops scale SERVICE=N...`: more or fewer instances; lowering drains the newest first. */
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors/index.js';
import { loadContext, type GlobalOptions, ownFleet } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { printJson } from '../output.js';
import { notReadyError, waitForFleet } from '../fleet-ops.js';
import { renderInstances } from '../views/instances.js';

export function parseScaleTargets(args: string[]): Record<string, number> {
  if (args.length === 0) throw new UsageError('expected SERVICE=N, for example: hmsops scale ach=3');
  const out: Record<string, number> = {};
  for (const a of args) {
    const m = /^([a-z][a-z0-9-]*)=(\d+)$/.exec(a);
    if (!m || Number(m[2]) > 64) throw new UsageError(`"${a}" is not SERVICE=N with N from 0 to 64, for example ach=3`);
    out[m[1]!] = Number(m[2]);
  }
  return out;
}

export async function scaleCommand(args: string[], opts: GlobalOptions & { wait: boolean; timeout: string; json?: boolean }): Promise<CommandResult> {
  const targets = parseScaleTargets(args);
  const timeoutMs = parseDuration(opts.timeout);
  if (timeoutMs === undefined) throw new UsageError(`--timeout: expected a duration, got "${opts.timeout}"`);
  const ctx = await loadContext(opts);
  ownFleet(ctx, 'scale');
  const res = await ctx.client.call('POST /v1/scale', { body: { targets } });
  if (opts.wait) {
    const w = await waitForFleet(ctx, Object.keys(targets), timeoutMs, !opts.json);
    if (!w.ready) throw notReadyError(ctx, w.instances, w.problem!);
  }
  const { instances } = await ctx.client.call('GET /v1/instances');
  if (opts.json) printJson({ scaled: res.scaled, instances: instances.filter((i) => i.service in targets) });
  else console.log(renderInstances(instances.filter((i) => i.service in targets)));
  return ok;
}
