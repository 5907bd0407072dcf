/**
 * The one client of hmsopsd's control API (HTTP/JSON over its unix socket), for the CLI, the SDK,
 * the gateway and the services; typed by ./api.ts. node:http, so read commands stay fast to start.
 */
import http from 'node:http';
import { HmsopsError } from '../errors/index.js';
import { readAnswer } from '../http-answer.js';
import type { ControlRoute, RouteAnswer, RouteInput } from './api.js';

export interface CallOptions {
  /** Gives up after this long (0: never). */
  timeoutMs?: number;
  /** Aborts the call (a blocking watch the caller no longer wants). */
  signal?: AbortSignal;
}

/** `GET /v1/registry` with {service: 'ach'} -> `/v1/registry?service=ach`. */
export function routePath(route: ControlRoute, query: Record<string, string | number | undefined> = {}): { method: 'GET' | 'POST'; path: string } {
  const [method, path] = route.split(' ') as ['GET' | 'POST', string];
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
  const qs = q.toString();
  return { method, path: qs ? `${path}?${qs}` : path };
}

/**
 * Connections to daemons kept open between calls (as Node's global agent does), with no idle
 * limit: the global agent (Node 19 and later) ends a call after 5 s without a byte, and `up` that
 * restarts a service or `scale` that drains is a call that long. A call gives up only after its
 * own `timeoutMs`. Idle connections do not keep the process alive.
 */
const agent = new http.Agent({ keepAlive: true });

export class ControlClient {
  /** fleetToken: sent as x-hmsops-fleet-token, which registry writes need. */
  constructor(
    readonly socketPath: string,
    private readonly opts: { fleetToken?: string } = {},
  ) {}

  /** One route of the control API; its failures are HmsopsErrors with the daemon's code. */
  call<R extends ControlRoute>(
    route: R,
    ...[input, opts]: Record<never, never> extends RouteInput<R> ? [RouteInput<R>?, CallOptions?] : [RouteInput<R>, CallOptions?]
  ): Promise<RouteAnswer<R>> {
    const { method, path } = routePath(route, (input as { query?: Record<string, string | number | undefined> } | undefined)?.query);
    const body = (input as { body?: unknown } | undefined)?.body;
    return this.#request(method, path, method === 'POST' ? (body ?? {}) : undefined, opts ?? {}) as Promise<RouteAnswer<R>>;
  }

  async #request(method: 'GET' | 'POST', path: string, body: unknown, { timeoutMs = 0, signal }: CallOptions): Promise<unknown> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request({
      socketPath: this.socketPath,
      agent,
      method,
      path,
      headers: {
        // The daemon reads no Host; an IP literal here (Node's default is "localhost") spares Node 20
        // compiling its IPv6 pattern to check the name, ~10 ms of every process that calls the daemon.
        host: '127.0.0.1',
        ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        ...(this.opts.fleetToken ? { 'x-hmsops-fleet-token': this.opts.fleetToken } : {}),
      },
      timeout: timeoutMs || undefined,
      signal,
    });
    const answer = await readAnswer(req, payload, () => new Error('timeout')).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'ENOENT' || err.code === 'ECONNREFUSED' ? noDaemon() : new HmsopsError('DAEMON_UNREACHABLE', `cannot reach the daemon: ${err.message}`);
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.text);
    } catch {
      throw new HmsopsError('DAEMON_BAD_ANSWER', `daemon answered ${answer.status} with non-JSON`);
    }
    if (answer.status >= 400) {
      const e = (parsed as { error?: { code?: string; message?: string; details?: string[] } } | null)?.error ?? {};
      throw HmsopsError.passedOn(e.code ?? 'DAEMON_ERROR', e.message ?? `daemon answered ${answer.status}`, { status: answer.status, details: e.details });
    }
    return parsed;
  }
}

/** The one answer every command that needs a running fleet gives when none runs (exit 4). */
const noDaemon = () => new HmsopsError('DAEMON_NOT_RUNNING', 'no hmsops daemon runs for this state dir (start one with `hmsops up`)');
