/** The instance table that `ps`, `up`, `scale` and the live `ps --watch` view print. */
import type { InstanceView } from '../../control/api.js';
import { age, color, colorFor, stateColor, table } from '../output.js';

export function renderInstances(instances: InstanceView[]): string {
  if (instances.length === 0) return color.dim('no instances');
  return table(
    ['SERVICE', 'INSTANCE', 'PID', 'ADDRESS', 'STATE', 'RESTARTS', 'UPTIME', 'LAST PROBE'],
    instances.map((i) => [
      colorFor(i.service)(i.service),
      i.id,
      i.pid ? String(i.pid) : '-',
      i.address ?? '-',
      // A crash-looping instance says when it is tried again.
      i.nextAttemptAt ? `${stateColor(i.state)} (next try in ${age(Math.max(0, i.nextAttemptAt - Date.now()))})` : stateColor(i.state),
      String(i.restarts),
      age(i.uptimeMs),
      i.lastProbe ? `${i.lastProbe.kind} ${i.lastProbe.ok ? 'ok' : 'failed'} (${i.lastProbe.detail})` : '-',
    ]),
  );
}
