/**
 * `hmsops export compose`: the workloads as a Compose file. Healthchecks from the readiness
 * probes (node's fetch: the image has no shell and no curl), the gateway and messaging start
 * once what they call is healthy, restart policies from the config, secret files mounted where
 * the manifests mount them.
 */
import type { RestartPolicy } from '../config/types.js';
import type { FleetConfig } from '../config/types.js';
import { SECRETS_DIR, type Workload } from './workloads.js';

const duration = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);
const restartOf = (p: RestartPolicy['policy'] | undefined) => (p === 'never' ? 'no' : p === 'always' ? 'always' : 'on-failure');

/** `secretsDir`: where each workload's files are, relative to the Compose file (`<dir>/<workload>/<file>`). */
export function composeFile(workloads: Workload[], config: FleetConfig, image: string, secretsDir: string) {
  const secrets: Record<string, { file: string }> = {};
  const services: Record<string, unknown> = {};
  for (const w of workloads) {
    const own = Object.keys(w.secrets).map((file) => {
      const name = `${w.name}-${file}`;
      secrets[name] = { file: `${secretsDir}/${w.name}/${file}` };
      return { source: name, target: `${SECRETS_DIR}/${file}` };
    });
    const r = w.readiness;
    const check = `fetch('http://127.0.0.1:${w.port}${r.path}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`;
    const dependsOn =
      w.name === 'gateway'
        ? workloads.filter((x) => x.name !== 'gateway').map((x) => x.name)
        : w.name === 'messaging' && workloads.some((x) => x.name === 'mail-sink')
          ? ['mail-sink']
          : [];
    const env: Record<string, string> = { ...w.env };
    // Compose has no downward API: the container's hostname (its id) names the instance.
    if (w.fieldEnv.HMSOPS_ADVERTISE) env.HMSOPS_ADVERTISE = w.name;
    services[w.name] = {
      image,
      command: w.args,
      environment: env,
      secrets: own,
      ...(w.name === 'gateway' ? { ports: [`${w.port}:${w.port}`] } : {}),
      ...(dependsOn.length ? { depends_on: Object.fromEntries(dependsOn.map((d) => [d, { condition: 'service_healthy' }])) } : {}),
      healthcheck: {
        test: ['CMD', '/usr/local/bin/node', '-e', check],
        interval: duration(r.intervalMs),
        timeout: duration(r.timeoutMs),
        retries: r.failureThreshold,
        start_period: duration(r.startPeriodMs),
      },
      restart: restartOf(config.services[w.name]?.restart.policy),
      read_only: true,
      tmpfs: ['/tmp', '/var/lib/hmsops'],
      stop_grace_period: duration(w.stopTimeoutMs + 5000),
      ...(w.replicas > 1 ? { deploy: { replicas: w.replicas } } : {}),
    };
  }
  return { services, secrets };
}
