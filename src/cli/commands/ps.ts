/** `hmsops ps` (alias status): one row per instance; --json for machines; --watch for a live view. */
import type { InstanceView } from '../../daemon/supervisor.js';
import { daemonRunning, loadContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { age, color, colorFor, printJson, stateColor, table } from '../output.js';

export function renderInstances(instances: InstanceView[]): string {
  if (instances.length === 0) return color.dim('no instances');
  return table(
    ['SERVICE', 'INSTANCE', 'PID', 'ADDRESS', 'STATE', 'RESTARTS', 'UPTIME', 'LAST PROBE'],
    instances.map((i) => [
      colorFor(i.service)(i.service),
      i.id,
      i.pid ? String(i.pid) : '-',
      i.address ?? '-',
      stateColor(i.state),
      String(i.restarts),
      age(i.uptimeMs),
      i.lastProbe ? `${i.lastProbe.kind} ${i.lastProbe.ok ? 'ok' : 'failed'} (${i.lastProbe.detail})` : '-',
    ]),
  );
}

export async function psCommand(opts: GlobalOptions & { json?: boolean; watch?: boolean }): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  if (opts.watch) {
    const { watchInstances } = await import('../views/ps-watch.js');
    await watchInstances(ctx);
    return ok;
  }
  if (!(await daemonRunning(ctx))) {
    if (opts.json) printJson({ daemon: null, instances: [] });
    else console.log(color.dim(`no daemon runs for ${ctx.paths.root}; nothing is running`));
    return ok;
  }
  const { instances } = await ctx.client.get<{ instances: InstanceView[] }>('/v1/instances');
  if (opts.json) printJson({ instances });
  else console.log(renderInstances(instances));
  return ok;
}
