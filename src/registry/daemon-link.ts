/** The daemon's registry as seen by fleet processes: self-registration, TTL heartbeat, watch. */
import { ControlClient } from '../daemon/control-client.js';
import { HmsopsError } from '../errors/index.js';
import type { RegistryEntry } from './types.js';

export interface DaemonLink {
  socket: string;
  token: string;
}

export function daemonLinkFromEnv(): DaemonLink | undefined {
  const socket = process.env.HMSOPS_CONTROL_SOCKET;
  const token = process.env.HMSOPS_FLEET_TOKEN;
  return socket && token ? { socket, token } : undefined;
}

export async function callDaemon(link: DaemonLink, path: string, body: unknown): Promise<any> {
  try {
    return await new ControlClient(link.socket, { fleetToken: link.token }).request('POST', path, body, 5000);
  } catch (err) {
    throw err instanceof HmsopsError && err.code !== 'DAEMON_NOT_RUNNING' && err.code !== 'DAEMON_UNREACHABLE' ? new Error(`daemon answered ${err.status}: ${err.message}`) : err;
  }
}

/** Registers, then heartbeats every third of the TTL; re-registers if the daemon forgot us. */
export async function registerWithDaemon(
  link: DaemonLink,
  entry: { service: string; instanceId: string; port: number; version: string; metadata?: Record<string, string> },
  ttlMs: number,
  log: (msg: string) => void,
) {
  await callDaemon(link, '/v1/registry/register', { ...entry, address: '127.0.0.1', ttlMs });
  const timer = setInterval(
    async () => {
      try {
        await callDaemon(link, '/v1/registry/heartbeat', { instanceId: entry.instanceId });
      } catch (err) {
        log(`heartbeat failed: ${(err as Error).message}; registering again`);
        await callDaemon(link, '/v1/registry/register', { ...entry, address: '127.0.0.1', ttlMs }).catch(() => undefined);
      }
    },
    Math.max(100, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    async deregister() {
      clearInterval(timer);
      await callDaemon(link, '/v1/registry/deregister', { instanceId: entry.instanceId }).catch(() => undefined);
    },
  };
}

/** Long-polls the registry; calls onChange with every new state until stopped. */
export function watchRegistry(socket: string, onChange: (entries: RegistryEntry[], index: number, routes: Record<string, string>) => void, onError: (err: Error) => void) {
  let stopped = false;
  let index = 0;
  const client = new ControlClient(socket);
  const once = () =>
    client.request<{ index: number; entries: RegistryEntry[]; routes?: Record<string, string> }>('GET', `/v1/registry/watch?index=${index}&waitMs=30000`, undefined, 40_000);
  void (async () => {
    while (!stopped) {
      try {
        const r = await once();
        if (r.index !== index) {
          index = r.index;
          onChange(r.entries, r.index, r.routes ?? {});
        }
      } catch (err) {
        onError(err as Error);
        await new Promise((res) => setTimeout(res, 500));
      }
    }
  })();
  return { stop: () => (stopped = true) };
}
