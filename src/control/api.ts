/**
 * The daemon's control API, typed once: for each route, what its body and query carry and what
 * it answers. The daemon's server (src/daemon/control-server.ts) implements exactly these
 * routes and the one client (./client.ts) calls them, so both are checked against this file.
 */
import type { FleetConfig } from '../config/types.js';
import type { RegistrationInput, RegistryEntry, RegistryHealth } from '../registry/types.js';

export type InstanceState = 'starting' | 'ready' | 'unhealthy' | 'restarting' | 'draining' | 'stopped' | 'crash-looping';

/** One instance as `ps` shows it. */
export interface InstanceView {
  id: string;
  service: string;
  ordinal: number;
  pid: number | null;
  address: string | null;
  state: InstanceState;
  restarts: number;
  startedAt: number | null;
  uptimeMs: number | null;
  lastExit: { code: number | null; signal: string | null; at: number } | null;
  lastProbe: { kind: 'liveness' | 'readiness'; ok: boolean; at: number; detail: string } | null;
  /** A crash-looping instance's next try (it is tried again, later each time). */
  nextAttemptAt: number | null;
}

export interface SupervisorEvent {
  at: number;
  instance: string;
  service: string;
  type: 'spawned' | 'ready' | 'unready' | 'exited' | 'restart-scheduled' | 'crash-looping' | 'liveness-failed' | 'stopping' | 'stopped' | 'registered';
  detail?: string;
}

/** What `apply` changes to move the running fleet to the configured one. */
export interface FleetPlan {
  add: string[];
  remove: string[];
  /** Definition changed (command, env, probes...): rolling restart. */
  redefine: string[];
  scale: { service: string; from: number; to: number }[];
}

export interface DaemonStatus {
  pid: number;
  stateDir: string;
  startedAt: number;
  configFile: string | null;
  instances: number;
}

export interface ScaleResult {
  started: string[];
  stopped: string[];
}

export interface RegistryAnswer {
  index: number;
  entries: RegistryEntry[];
  /** Whether the registry's server answers; when not, `entries` is the last table known (stale). */
  registry: RegistryHealth;
}

/** Each route: `body` (POST) and `query` it takes, the `answer` it gives. */
export interface ControlRoutes {
  'GET /v1/status': { query: Record<string, never>; answer: DaemonStatus };
  /**
   * With `after` (an `index` this route gave): answers once an instance changed since (spawned, ready,
   * unready, exited, stopped...), or after `waitMs` (at most 30 s) with the same list.
   */
  'GET /v1/instances': { query: { after?: number; waitMs?: number }; answer: { instances: InstanceView[]; index: number } };
  'GET /v1/events': { query: { since?: number }; answer: { events: SupervisorEvent[] } };
  'GET /v1/config': { query: Record<string, never>; answer: { config: FleetConfig | null } };
  'POST /v1/fleet/apply': { body: { config: FleetConfig; services?: string[] }; answer: { plan: FleetPlan } };
  'POST /v1/scale': { body: { targets: Record<string, number> }; answer: { scaled: Record<string, ScaleResult> } };
  'POST /v1/restart': { body: { target: string; readyTimeoutMs?: number }; answer: { replaced: [string, string][] } };
  'POST /v1/wait': { body: { instances?: string[]; timeoutMs?: number }; answer: { ready: boolean; reason?: string } };
  'POST /v1/shutdown': { body: { timeoutMs?: number }; answer: { stopping: true } };
  'GET /v1/registry': { query: { service?: string }; answer: RegistryAnswer };
  /** Blocks until the registry's index passes `index`, or `waitMs` (at most 300 s) has gone by. */
  'GET /v1/registry/watch': { query: { index?: number; waitMs?: number; service?: string }; answer: RegistryAnswer & { routes: Record<string, string> } };
  /** Registry writes need the fleet's token (x-hmsops-fleet-token). */
  'POST /v1/registry/register': { body: Omit<RegistrationInput, 'address'> & { address?: string }; answer: { entry: RegistryEntry } };
  'POST /v1/registry/heartbeat': { body: { instanceId: string }; answer: { ok: true } };
  'POST /v1/registry/deregister': { body: { instanceId: string }; answer: { removed: boolean } };
}

export type ControlRoute = keyof ControlRoutes;
export type RouteBody<R extends ControlRoute> = ControlRoutes[R] extends { body: infer B } ? B : undefined;
export type RouteQuery<R extends ControlRoute> = ControlRoutes[R] extends { query: infer Q } ? Q : Record<string, never>;
export type RouteAnswer<R extends ControlRoute> = ControlRoutes[R]['answer'];

/** What a call passes: a body for POST routes, a query for GET routes. */
export type RouteInput<R extends ControlRoute> = R extends `POST ${string}` ? { body: RouteBody<R> } : { query?: RouteQuery<R> };
