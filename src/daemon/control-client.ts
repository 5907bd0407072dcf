/**
 * The one client of hmsopsd's control API (HTTP/JSON over its unix socket), for the CLI, the SDK,
 * the gateway and the services. node:http, so read commands stay fast to start.
 */
import http from 'node:http';
import { HmsopsError } from '../errors/index.js';

export class ControlClient {
  /** fleetToken: sent as x-hmsops-fleet-token, which registry writes need. */
  constructor(
    readonly socketPath: string,
    private readonly opts: { fleetToken?: string } = {},
  ) {}

  /** `signal` aborts the request (a blocking watch the caller no longer wants). */
  request<T = any>(method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs = 0, signal?: AbortSignal): Promise<T> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          socketPath: this.socketPath,
          method,
          path,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...(this.opts.fleetToken ? { 'x-hmsops-fleet-token': this.opts.fleetToken } : {}),
          },
          timeout: timeoutMs || undefined,
          signal,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            let parsed: any;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              return reject(new HmsopsError('DAEMON_BAD_ANSWER', `daemon answered ${res.statusCode} with non-JSON`));
            }
            if ((res.statusCode ?? 500) >= 400) {
              const e = parsed?.error ?? {};
              return reject(
                HmsopsError.passedOn(e.code ?? 'DAEMON_ERROR', e.message ?? `daemon answered ${res.statusCode}`, { status: res.statusCode ?? 500, details: e.details }),
              );
            }
            resolve(parsed as T);
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'ENOENT' || err.code === 'ECONNREFUSED'
            ? new HmsopsError('DAEMON_NOT_RUNNING', 'no hmsops daemon runs for this state dir (start one with `hmsops up`)')
            : new HmsopsError('DAEMON_UNREACHABLE', `cannot reach the daemon: ${err.message}`),
        ),
      );
      if (payload) req.write(payload);
      req.end();
    });
  }

  get<T = any>(path: string, signal?: AbortSignal) {
    return this.request<T>('GET', path, undefined, 0, signal);
  }
  post<T = any>(path: string, body: unknown = {}) {
    return this.request<T>('POST', path, body);
  }
}
