/** The daemon's registry as seen by fleet processes: self-registration, TTL heartbeat, watch. */
import type { RouteAnswer, RouteBody, RouteInput } from '../control/api.js';
import { ControlClient } from '../control/client.js';
import { HmsopsError } from '../errors/index.js';
import type { RegistryEntry, RegistryHealth } from './types.js';
import { sleep } from '../sleep.js';

export interface DaemonLink {
  socket: string;
  token: string;
}

export function daemonLinkFromEnv(env: NodeJS.ProcessEnv = process.env): DaemonLink | undefined {
  const socket = env.HMSOPS_CONTROL_SOCKET;
  const token = env.HMSOPS_FLEET_TOKEN;
  return socket && token ? { socket, token } : undefined;
}

type RegistryWrite = 'POST /v1/registry/register' | 'POST /v1/registry/heartbeat' | 'POST /v1/registry/deregister';

/** A registry write with the fleet's token; a refusal's message names the daemon's status. */
export async function callDaemon<R extends RegistryWrite>(link: DaemonLink, route: R, body: RouteBody<R>): Promise<RouteAnswer<R>> {
  try {
    return (await new ControlClient(link.socket, { fleetToken: link.token }).call<RegistryWrite>(route, { body } as RouteInput<RegistryWrite>, {
      timeoutMs: 5000,
    })) as RouteAnswer<R>;
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
  // The daemon registers an instance at its host's address unless told one.
  const address = process.env.HOST ?? '127.0.0.1';
  await callDaemon(link, 'POST /v1/registry/register', { ...entry, address, ttlMs });
  const timer = setInterval(
    async () => {
      try {
        await callDaemon(link, 'POST /v1/registry/heartbeat', { instanceId: entry.instanceId });
      } catch (err) {
        log(`heartbeat failed: ${(err as Error).message}; registering again`);
        await callDaemon(link, 'POST /v1/registry/register', { ...entry, address, ttlMs }).catch(() => undefined);
      }
    },
    Math.max(100, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    async deregister() {
      clearInterval(timer);
      await callDaemon(link, 'POST /v1/registry/deregister', { instanceId: entry.instanceId }).catch(() => undefined);
    },
  };
}

/** Long-polls the registry; calls onChange with every new state (entries, the registry's health, the configured routes) until stopped. */
export function watchRegistry(socket: string, onChange: (entries: RegistryEntry[], health: RegistryHealth, routes: Record<string, string>) => void, onError: (err: Error) => void) {
  let stopped = false;
  let index = 0;
  const client = new ControlClient(socket);
  const once = () => client.call('GET /v1/registry/watch', { query: { index, waitMs: 30_000 } }, { timeoutMs: 40_000 });
  void (async () => {
    while (!stopped) {
      try {
        const r = await once();
        if (r.index !== index) {
          index = r.index;
          onChange(r.entries, r.registry, r.routes ?? {});
        }
      } catch (err) {
        onError(err as Error);
        await sleep(500);
      }
    }
  })();
  return { stop: () => (stopped = true) };
}
