/**
 * etcd's v3 API through its JSON gateway (`/v3/...`, keys and values base64), over undici: the
 * few calls a registry needs. Leases (grant, keep alive, revoke), keys bound to them, a range
 * read by prefix with its revision, and a watch from a revision: one streamed HTTP response of
 * JSON messages, no polling. With etcd's authentication on, a token from user and password.
 */
import { Agent, request } from 'undici';

export interface EtcdKeyValue {
  key: string;
  value: string;
  modRevision: number;
  lease: string;
}

export interface EtcdEvent {
  type: 'put' | 'delete';
  kv: EtcdKeyValue;
}

export interface EtcdOptions {
  endpoints: string[];
  user?: string;
  password?: string;
  /** Each call gives up after this long (the watch stream excepted). */
  timeoutMs?: number;
  /** https endpoints: the CA to check etcd's certificate against, and a client certificate where etcd asks for one (PEM text). */
  tls?: { ca?: string; cert?: string; key?: string };
}

/** etcd could not be reached, or answered with an error: what the registry reports as "registry unreachable". */
export class EtcdError extends Error {
  readonly code = 'ETCD_UNAVAILABLE';
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: string | undefined) => Buffer.from(s ?? '', 'base64').toString('utf8');

/** The end of a prefix's range: the prefix with its last byte plus one. */
export function prefixEnd(prefix: string): string {
  const bytes = Buffer.from(prefix, 'utf8');
  for (let i = bytes.length - 1; i >= 0; i--) {
    if (bytes[i]! < 0xff) {
      const end = Buffer.from(bytes.subarray(0, i + 1));
      end[i]! += 1;
      return end.toString('base64');
    }
  }
  return b64('\0');
}

interface RawKv {
  key?: string;
  value?: string;
  mod_revision?: string;
  lease?: string;
}
const keyValue = (kv: RawKv): EtcdKeyValue => ({ key: unb64(kv.key), value: unb64(kv.value), modRevision: Number(kv.mod_revision ?? 0), lease: kv.lease ?? '0' });

export class EtcdClient {
  readonly #agent: Agent;
  #endpoint = 0;
  #token: string | undefined;
  constructor(private readonly opts: EtcdOptions) {
    if (opts.endpoints.length === 0) throw new Error('etcd: no endpoints');
    this.#agent = new Agent({ keepAliveTimeout: 30_000, connections: 8, ...(opts.tls ? { connect: { ...opts.tls } } : {}) });
  }

  /** One call; on a connection failure the next endpoint is tried (each once). */
  async #call<T>(path: string, body: unknown, retriedAuth = false): Promise<T> {
    let last: unknown;
    for (let tries = 0; tries < this.opts.endpoints.length; tries++) {
      const base = this.opts.endpoints[this.#endpoint % this.opts.endpoints.length]!;
      try {
        if (this.opts.user && !this.#token) await this.#authenticate(base);
        const r = await request(`${base}${path}`, {
          method: 'POST',
          dispatcher: this.#agent,
          headers: { 'content-type': 'application/json', ...(this.#token ? { authorization: this.#token } : {}) },
          body: JSON.stringify(body),
          headersTimeout: this.opts.timeoutMs ?? 3000,
          bodyTimeout: this.opts.timeoutMs ?? 3000,
        });
        const text = await r.body.text();
        const parsed = text ? (JSON.parse(text) as { error?: string; message?: string; code?: number } & T) : ({} as T);
        if (r.statusCode >= 400) {
          const message = (parsed as { message?: string; error?: string }).message ?? (parsed as { error?: string }).error ?? `HTTP ${r.statusCode}`;
          // An expired auth token: authenticate again, once.
          if (this.opts.user && !retriedAuth && /token/i.test(message)) {
            this.#token = undefined;
            return this.#call<T>(path, body, true);
          }
          throw new EtcdError(`etcd ${path}: ${message}`);
        }
        return parsed;
      } catch (err) {
        if (err instanceof EtcdError) throw err;
        last = err;
        this.#endpoint++;
      }
    }
    throw new EtcdError(`etcd unreachable (${this.opts.endpoints.join(', ')}): ${(last as Error)?.message ?? last}`);
  }

  async #authenticate(base: string): Promise<void> {
    const r = await request(`${base}/v3/auth/authenticate`, {
      method: 'POST',
      dispatcher: this.#agent,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: this.opts.user, password: this.opts.password ?? '' }),
      headersTimeout: this.opts.timeoutMs ?? 3000,
    });
    const parsed = (await r.body.json()) as { token?: string; message?: string };
    if (r.statusCode >= 400 || !parsed.token) throw new EtcdError(`etcd authentication failed for ${this.opts.user}: ${parsed.message ?? r.statusCode}`);
    this.#token = parsed.token;
  }

  /** A lease of `ttlSeconds`; its id. */
  async grant(ttlSeconds: number): Promise<string> {
    const r = await this.#call<{ ID: string }>('/v3/lease/grant', { TTL: ttlSeconds });
    return r.ID;
  }

  /** Renews a lease; its remaining TTL, 0 when it has already expired. */
  async keepAlive(lease: string): Promise<number> {
    const r = await this.#call<{ result?: { TTL?: string } }>('/v3/lease/keepalive', { ID: lease });
    return Number(r.result?.TTL ?? 0);
  }

  async revoke(lease: string): Promise<void> {
    await this.#call('/v3/lease/revoke', { ID: lease }).catch((err: unknown) => {
      if (!/not found/i.test((err as Error).message)) throw err;
    });
  }

  async put(key: string, value: string, lease?: string): Promise<number> {
    const r = await this.#call<{ header: { revision: string } }>('/v3/kv/put', { key: b64(key), value: b64(value), ...(lease ? { lease } : {}) });
    return Number(r.header.revision);
  }

  async delete(key: string): Promise<number> {
    const r = await this.#call<{ deleted?: string }>('/v3/kv/deleterange', { key: b64(key) });
    return Number(r.deleted ?? 0);
  }

  /** Every key under `prefix`, and the revision they were read at (watch from the next one). */
  async range(prefix: string): Promise<{ kvs: EtcdKeyValue[]; revision: number }> {
    const r = await this.#call<{ header: { revision: string }; kvs?: RawKv[] }>('/v3/kv/range', { key: b64(prefix), range_end: prefixEnd(prefix) });
    return { kvs: (r.kvs ?? []).map(keyValue), revision: Number(r.header.revision) };
  }

  /**
   * Changes under `prefix` from `fromRevision` on, as etcd sends them (a streamed response, not
   * polling). `onError` is called once when the stream ends or fails; watch again from the
   * revision after the last event seen.
   */
  watch(prefix: string, fromRevision: number, onEvents: (events: EtcdEvent[], revision: number) => void, onError: (err: Error) => void): { close(): void } {
    const controller = new AbortController();
    let closed = false;
    const base = this.opts.endpoints[this.#endpoint % this.opts.endpoints.length]!;
    void (async () => {
      try {
        if (this.opts.user && !this.#token) await this.#authenticate(base);
        const r = await request(`${base}/v3/watch`, {
          method: 'POST',
          dispatcher: this.#agent,
          signal: controller.signal,
          headers: { 'content-type': 'application/json', ...(this.#token ? { authorization: this.#token } : {}) },
          body: JSON.stringify({ create_request: { key: b64(prefix), range_end: prefixEnd(prefix), start_revision: fromRevision } }),
          headersTimeout: this.opts.timeoutMs ?? 3000,
          bodyTimeout: 0,
        });
        if (r.statusCode >= 400) throw new EtcdError(`etcd watch: HTTP ${r.statusCode}`);
        let buffered = '';
        for await (const chunk of r.body) {
          buffered += chunk.toString('utf8');
          // The gateway sends one JSON message per line.
          for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
            const line = buffered.slice(0, nl).trim();
            buffered = buffered.slice(nl + 1);
            if (!line) continue;
            const msg = JSON.parse(line) as {
              result?: { header?: { revision?: string }; events?: { type?: string; kv: RawKv }[]; canceled?: boolean; compact_revision?: string; cancel_reason?: string };
              error?: { message?: string };
            };
            if (msg.error) throw new EtcdError(`etcd watch: ${msg.error.message}`);
            const res = msg.result;
            if (!res) continue;
            if (res.canceled) throw new EtcdError(`etcd watch canceled: ${res.cancel_reason ?? `compacted at ${res.compact_revision}`}`);
            if (res.events?.length)
              onEvents(
                res.events.map((e) => ({ type: e.type === 'DELETE' ? 'delete' : 'put', kv: keyValue(e.kv) })),
                Number(res.header?.revision ?? 0),
              );
          }
        }
        throw new EtcdError('etcd watch: the stream ended');
      } catch (err) {
        if (!closed) onError(err instanceof EtcdError ? err : new EtcdError(`etcd watch: ${(err as Error).message}`));
      }
    })();
    return {
      close() {
        closed = true;
        controller.abort();
      },
    };
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}
