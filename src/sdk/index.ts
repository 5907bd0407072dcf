/**
 * The hmsops SDK: typed clients for the fleet's services through the gateway, the seed's
 * `auth.login`, `analytics.trackEvent`, `payments.transfer`, `messaging.sendEmail`, `registry.get`.
 *
 *   import { connect } from 'hmsops';
 *   const fleet = await connect({ stateDir: '.hmsops' });
 *   await fleet.payments.transfer({ ... }, { idempotencyKey: 'G-1:R-1' });
 */
import fs from 'node:fs';
import http from 'node:http';
import { ControlClient } from '../control/client.js';
import { type Answer, readAnswer } from '../http-answer.js';
import { errorCatalog, type ApiErrorCode, type ErrorCode } from '../errors/catalog.js';
import { untilDone } from '../retry.js';
import { statePaths } from '../state/paths.js';
import type * as T from './types.js';

export type * from './types.js';

export type { ApiErrorCode } from '../errors/catalog.js';

/**
 * A failed call, with its stable code from hmsops' error catalog (UNAUTHENTICATED,
 * NO_HEALTHY_INSTANCE, IDEMPOTENCY_KEY_REUSED...; README "Error codes"). `status` is the HTTP
 * status, 0 for a failure before any request was sent.
 */
export class HmsopsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'HmsopsApiError';
  }

  /** A failure the SDK finds itself, with the catalog's status for its code. */
  static of(code: ErrorCode, message: string): HmsopsApiError {
    return new HmsopsApiError(errorCatalog[code].status ?? 0, code, message, undefined);
  }
}

export interface ConnectOptions {
  /** The fleet's state dir: finds the gateway and, unless given, the operator's local credentials. */
  stateDir?: string;
  gatewayUrl?: string;
  username?: string;
  password?: string;
  token?: string;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  /** Told of each login the client makes (the CLI keeps the session, so the next command needs none). */
  onLogin?: (r: T.LoginResult) => void;
  /** With `token`: log in with the state dir's credentials when the token is refused (it expired, or the fleet was made anew). */
  loginWhenRefused?: boolean;
  /** How long a call is sent again while the answer is "not now" (default 10 s; see CallOptions). */
  retryForMs?: number;
}

/**
 * How one call is sent again. The error catalog's `retry` column says which answers mean "not
 * now" (no passing instance, a store busy, a key still in flight, an instance gone mid-request):
 * the call is sent again after a growing wait (or the Retry-After the answer gave) until
 * `retryForMs` has passed. An answer that may mean the request was done (a timeout, a connection
 * cut) is sent again only when the request is safe to repeat: a read, a login, a request with
 * idempotency keys.
 */
export interface CallOptions {
  /** Safe to send again whatever happened to the first (default: GETs, logins and requests with an Idempotency-Key). */
  repeatable?: boolean;
  /** How long to keep sending it again (default: the client's, 10 s); 0 sends it once. */
  retryForMs?: number;
  /** Told before each wait: why, and how long. */
  onRetry?: (why: string, waitMs: number) => void;
}

export class HmsopsClient {
  /**
   * Node's own HTTP client, its connections kept between calls (up to 16 at once). Not undici, as
   * the gateway is: a command makes a handful of calls, and loading undici's index cost ~100 ms of
   * CPU in every command, a third of one (docs/benchmarks.md, "Session 22").
   */
  readonly #transport: Promise<{ request: typeof http.request; agent: http.Agent }>;
  readonly #origin: URL;
  readonly #timeoutMs: number;
  #token: string | undefined;
  #credentials: { username: string; password: string } | undefined;
  /** The login in flight: calls that need a token meanwhile wait for it rather than each logging in. */
  #loggingIn: Promise<unknown> | undefined;
  readonly #onLogin: ((r: T.LoginResult) => void) | undefined;
  readonly #retryForMs: number;

  constructor(
    readonly gatewayUrl: string,
    opts: { token?: string; credentials?: { username: string; password: string }; timeoutMs?: number; onLogin?: (r: T.LoginResult) => void; retryForMs?: number },
    private readonly control?: ControlClient,
  ) {
    this.#origin = new URL(gatewayUrl);
    this.#timeoutMs = opts.timeoutMs ?? 60_000;
    const agentOptions = { keepAlive: true, maxSockets: 16 };
    // node:https (TLS, ~10 ms to load) only for a gateway behind TLS (an ingress).
    this.#transport =
      this.#origin.protocol === 'https:'
        ? import('node:https').then((https) => ({ request: https.request, agent: new https.Agent(agentOptions) }))
        : Promise.resolve({ request: http.request, agent: new http.Agent(agentOptions) });
    this.#token = opts.token;
    this.#credentials = opts.credentials;
    this.#onLogin = opts.onLogin;
    this.#retryForMs = opts.retryForMs ?? 10_000;
  }

  /** One login with the client's credentials, shared by every call that needs it meanwhile. */
  #logIn(): Promise<unknown> {
    const { username, password } = this.#credentials!;
    this.#loggingIn ??= this.auth.login(username, password).finally(() => (this.#loggingIn = undefined));
    return this.#loggingIn;
  }

  /** One JSON call through the gateway; logs in first (and again once when a token expired); sent again while the answer is "not now" (CallOptions). */
  call<R>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}, opts: CallOptions = {}): Promise<R> {
    const repeatable = opts.repeatable ?? (method === 'GET' || method === 'PUT' || path === '/auth/v1/login' || headers['idempotency-key'] !== undefined);
    return untilDone(async () => ({ done: await this.#callOnce<R>(method, path, body, headers) }), {
      giveUpAt: Date.now() + (opts.retryForMs ?? this.#retryForMs),
      repeatable,
      onRetry: opts.onRetry,
    });
  }

  /**
   * A batch of keyed transfers: sent again whole while the answer is "not now", and the items whose
   * key another request still holds (409 in flight) sent again once it is free; the answers by the
   * items' places in `items`.
   */
  async #transferBatch(items: (T.TransferRequest & { idempotencyKey: string })[], opts: CallOptions & { atomic?: boolean }): Promise<T.BatchResult> {
    const answers: T.BatchResult['results'] = new Array(items.length);
    let pending = items.map((_, i) => i);
    const giveUpAt = Date.now() + (opts.retryForMs ?? this.#retryForMs);
    return untilDone<T.BatchResult>(
      async () => {
        const sent = pending;
        const r = await this.#callOnce<T.BatchResult>('POST', '/ach/v1/transfers:batch', { atomic: opts.atomic ?? false, transfers: sent.map((i) => items[i]) }, {});
        const held: number[] = [];
        let retryAfter = 1;
        for (const item of r.results) {
          const i = sent[item.index]!;
          if (item.error?.code === 'IDEMPOTENCY_KEY_IN_FLIGHT' && Date.now() < giveUpAt) {
            held.push(i);
            retryAfter = Math.max(retryAfter, Number((item.error as { retryAfterSeconds?: number }).retryAfterSeconds) || 1);
          } else answers[i] = { ...item, index: i };
        }
        pending = held;
        if (held.length > 0) return { again: `${held.length} key(s) held by a request still in flight elsewhere`, afterMs: retryAfter * 1000 };
        return {
          done: {
            results: answers,
            created: answers.filter((a) => a.status === 201).length,
            replayed: answers.filter((a) => a.status === 200).length,
            failed: answers.filter((a) => a.status >= 400).length,
          },
        };
      },
      { giveUpAt, repeatable: true, onRetry: opts.onRetry },
    );
  }

  async #callOnce<R>(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, headers: Record<string, string>): Promise<R> {
    const needsToken = !(path === '/auth/v1/login' || path === '/auth/v1/jwks.json');
    for (let attempt = 0; attempt < 2; attempt++) {
      if (needsToken && !this.#token && this.#credentials) await this.#logIn();
      const h: Record<string, string> = { ...headers };
      if (body !== undefined) h['content-type'] = 'application/json';
      const token = needsToken ? this.#token : undefined;
      if (token) h.authorization = `Bearer ${token}`;
      const r = await this.#send(method, path, h, body === undefined ? undefined : JSON.stringify(body));
      const text = r.text;
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = text;
      }
      if (r.status === 401 && needsToken && attempt === 0 && this.#credentials) {
        // The token expired: log in again, once, unless another call already has.
        if (this.#token === token) this.#token = undefined;
        continue;
      }
      if (r.status >= 400) {
        const e = (parsed as { error?: { code?: ApiErrorCode; message?: string } } | undefined)?.error ?? {};
        throw new HmsopsApiError(r.status, e.code ?? `HTTP_${r.status}`, e.message ?? text, parsed);
      }
      return parsed as R;
    }
    throw HmsopsApiError.of('UNAUTHENTICATED', 'login did not give a usable token');
  }

  /**
   * One request and its whole answer. No answer within the timeout (for the headers, or between
   * two parts of the body) fails with ETIMEDOUT, a connection refused or cut with its errno
   * (ECONNREFUSED, ECONNRESET): what `mayRetry` reads as "no answer".
   */
  async #send(method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<Answer> {
    const { request, agent } = await this.#transport;
    const origin = this.#origin;
    const timeoutMs = this.#timeoutMs;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    // The URL itself for where (an IPv6 literal loses its brackets there), the options for what.
    const req = request(origin, { method, path, headers, agent, timeout: timeoutMs });
    return readAnswer(req, body, () => Object.assign(new Error(`no answer from ${origin.host} in ${timeoutMs} ms (${method} ${path})`), { code: 'ETIMEDOUT' }));
  }

  readonly auth = {
    login: async (username: string, password: string): Promise<T.LoginResult> => {
      const r = await this.call<T.LoginResult>('POST', '/auth/v1/login', { username, password });
      this.#token = r.token;
      this.#onLogin?.(r);
      return r;
    },
    me: () => this.call<T.User>('GET', '/auth/v1/me'),
    token: () => this.#token,
    /** Users and their roles (admin). */
    users: () => this.call<{ users: T.User[] }>('GET', '/auth/v1/users'),
    createUser: (u: T.CreateUserRequest) => this.call<T.User>('POST', '/auth/v1/users', u),
    /** Replaces a user's roles (admin). */
    setRoles: (username: string, roles: T.CreateUserRequest['roles']) => this.call<T.User>('PUT', `/auth/v1/users/${encodeURIComponent(username)}/roles`, { roles }),
  };

  readonly payments = {
    /** `retryForMs: 0` gives the first answer, a 409 IDEMPOTENCY_KEY_IN_FLIGHT included, instead of waiting for the first request's. */
    /** A transfer; or, 202, the prenote its account waits for (a `prenote` request to an account never paid). */
    transfer: (t: T.TransferRequest, opts: { idempotencyKey: string } & CallOptions) =>
      this.call<T.Transfer | T.Prenote>('POST', '/ach/v1/transfers', t, { 'idempotency-key': opts.idempotencyKey }, opts),
    transferBatch: (items: (T.TransferRequest & { idempotencyKey: string })[], opts: { atomic?: boolean } & CallOptions = {}) => this.#transferBatch(items, opts),
    get: (id: string) => this.call<T.Transfer>('GET', `/ach/v1/transfers/${encodeURIComponent(id)}`),
    list: (q: { grantId?: string; status?: string } = {}) => this.call<{ transfers: T.Transfer[] }>('GET', `/ach/v1/transfers?${new URLSearchParams(q as Record<string, string>)}`),
    /** Cutting takes the queued transfers, so a cut sent again after an answer that got lost files only what is left: repeatable. */
    cutFile: (body: { grantId?: string; effectiveDate?: string; maxEntries?: number } = {}, opts: CallOptions = {}) =>
      this.call<T.AchFile | { fileId: null }>('POST', '/ach/v1/files', body, {}, { repeatable: true, ...opts }),
    files: (q: { grantId?: string } = {}, opts: CallOptions = {}) =>
      this.call<{ files: T.AchFile[] }>('GET', `/ach/v1/files?${new URLSearchParams(q as Record<string, string>)}`, undefined, {}, opts),
    /** The NACHA file's text. */
    downloadFile: (fileId: string, opts: CallOptions = {}) => this.call<string>('GET', `/ach/v1/files/${encodeURIComponent(fileId)}`, undefined, {}, opts),
    /** Asks for the approval of a grant file over approvals.over (the same file again: the same request). */
    requestApproval: (body: T.ApprovalRequest, opts: CallOptions = {}) => this.call<T.Approval>('POST', '/ach/v1/approvals', body, {}, { repeatable: true, ...opts }),
    approvals: (q: { grantId?: string; status?: string } = {}, opts: CallOptions = {}) =>
      this.call<{ approvals: T.Approval[]; limitCents: number | null }>('GET', `/ach/v1/approvals?${new URLSearchParams(q as Record<string, string>)}`, undefined, {}, opts),
    /** An approver's decision; never the user who asked. */
    approve: (id: string) => this.call<T.Approval>('POST', `/ach/v1/approvals/${encodeURIComponent(id)}/approve`, {}),
    reject: (id: string, reason: string) => this.call<T.Approval>('POST', `/ach/v1/approvals/${encodeURIComponent(id)}/reject`, { reason }),
    /** Prenotes (a grant's): each one's trace, when its payment is payable, and the bank's answer if any. */
    prenotes: (grantId?: string, opts: CallOptions = {}) =>
      this.call<{ prenotes: T.Prenote[] }>('GET', `/ach/v1/prenotes${grantId ? `?grantId=${encodeURIComponent(grantId)}` : ''}`, undefined, {}, opts),
    grants: () => this.call<{ grants: T.GrantSummary[] }>('GET', '/ach/v1/grants'),
    grant: (grantId: string) => this.call<T.GrantSummary>('GET', `/ach/v1/grants/${encodeURIComponent(grantId)}`),
    /** Imports a file an RDFI sent back; the same file again changes nothing and answers what was recorded. */
    importInbound: (name: string, text: string) => this.call<T.InboundImport>('POST', '/ach/v1/inbound-files', { name, text }, {}, { repeatable: true }),
    /** Files cut and where each stands with the ODFI (needs ach.odfi in the config). */
    odfiFiles: () => this.call<T.TransmissionList>('GET', '/ach/v1/odfi/files'),
    /** Fetches the bank's new files from its inbound folder, each imported. */
    fetchFromOdfi: () => this.call<T.FetchResult>('POST', '/ach/v1/odfi/fetch', {}),
    /** Sends the files that wait (or the one named) to the ODFI now. */
    sendToOdfi: (fileId?: string) => this.call<T.SendResult>('POST', '/ach/v1/odfi/send', fileId ? { fileId } : {}),
    returns: (grantId: string) => this.call<{ returns: T.ReturnRecord[] }>('GET', `/ach/v1/grants/${encodeURIComponent(grantId)}/returns`),
    /** Returns and changes of every grant recorded in the last `days` days (default 60), newest first. */
    recentReturns: (days?: number) => this.call<{ returns: T.ReturnRecord[] }>('GET', `/ach/v1/returns${days ? `?days=${days}` : ''}`),
    /** Each originator's return rates over a rolling window (default 60 days) against NACHA's thresholds. */
    returnRates: (days?: number, opts: CallOptions = {}) => this.call<T.ReturnRates>('GET', `/ach/v1/return-rates${days ? `?days=${days}` : ''}`, undefined, {}, opts),
    /** Accounts an administrative return (R02, R03, R04) came back from, each by `accountKey` (SHA-256 of routing:account). */
    returnedAccounts: (opts: CallOptions = {}) => this.call<{ accounts: T.ReturnedAccount[] }>('GET', '/ach/v1/returned-accounts', undefined, {}, opts),
  };

  /** A service's audit log as stored (admin), oldest first, up to 10,000 entries after `after`. */
  audit(service: 'auth' | 'ach', after = 0, opts: CallOptions = {}) {
    return this.call<{ chain: string; entries: T.AuditEntry[] }>('GET', `/${service}/v1/audit?after=${after}`, undefined, {}, opts);
  }

  readonly analytics = {
    /** Events are kept by id: sending one again is safe. */
    trackEvent: (e: T.AnalyticsEvent, opts: CallOptions = {}) =>
      this.call<{ accepted: number; duplicates: number }>('POST', '/analytics/v1/events', e, {}, { repeatable: true, ...opts }),
    trackEvents: (events: T.AnalyticsEvent[], opts: CallOptions = {}) =>
      this.call<{ accepted: number; duplicates: number }>('POST', '/analytics/v1/events:batch', { events }, {}, { repeatable: true, ...opts }),
    grantReport: (grantId: string) => this.call<T.GrantReport>('GET', `/analytics/v1/reports/grants/${encodeURIComponent(grantId)}`),
    summary: (since?: string) => this.call<T.SummaryReport>('GET', `/analytics/v1/reports/summary${since ? `?since=${encodeURIComponent(since)}` : ''}`),
  };

  readonly messaging = {
    sendEmail: (m: T.EmailRequest, opts: { idempotencyKey: string }) => this.call<T.Email>('POST', '/messaging/v1/emails', m, { 'idempotency-key': opts.idempotencyKey }),
    sendEmails: (emails: (T.EmailRequest & { idempotencyKey: string })[], opts: CallOptions = {}) =>
      this.call<T.EmailBatchResult>('POST', '/messaging/v1/emails:batch', { emails }, {}, { repeatable: true, ...opts }),
    get: (id: string) => this.call<T.Email>('GET', `/messaging/v1/emails/${encodeURIComponent(id)}`),
    /** The emails queued under these idempotency keys (up to 10,000), each with its key. */
    lookup: (keys: string[]) => this.call<{ emails: { key: string; email: T.Email }[] }>('POST', '/messaging/v1/emails:lookup', { keys }, {}, { repeatable: true }),
    list: (q: { status?: string; keyPrefix?: string; countsOnly?: boolean } = {}) =>
      this.call<{ counts: Record<string, number>; emails?: T.Email[] }>('GET', `/messaging/v1/emails?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`),
  };

  readonly registry = {
    /** One healthy address of a service (the seed's ServiceRegistry.get). */
    get: async (service: string): Promise<string> => {
      if (!this.control) throw HmsopsApiError.of('NO_REGISTRY', 'connect with stateDir to read the registry');
      const r = await this.control.call('GET /v1/registry', { query: { service } });
      const passing = r.entries.filter((e) => e.status === 'passing');
      if (!passing.length) throw HmsopsApiError.of('NO_HEALTHY_INSTANCE', `no healthy instance of ${service}`);
      const e = passing[Math.floor(Math.random() * passing.length)]!;
      return `${e.address}:${e.port}`;
    },
  };

  async close() {
    (await this.#transport).agent.destroy();
  }
}

export async function connect(opts: ConnectOptions = {}): Promise<HmsopsClient> {
  const paths = statePaths(opts.stateDir ?? process.env.HMSOPS_STATE_DIR ?? '.hmsops');
  const control = fs.existsSync(paths.socket) ? new ControlClient(paths.socket) : undefined;
  let gatewayUrl = opts.gatewayUrl;
  if (!gatewayUrl) {
    if (!control) throw HmsopsApiError.of('DAEMON_NOT_RUNNING', `no fleet runs for ${paths.root}; start it with hmsops up`);
    const r = await control.call('GET /v1/registry', { query: { service: 'gateway' } });
    const gw = r.entries.find((e) => e.status === 'passing') ?? r.entries[0];
    if (!gw) throw HmsopsApiError.of('NO_GATEWAY', 'the fleet has no gateway running');
    gatewayUrl = `http://${gw.address}:${gw.port}`;
  }
  let credentials = opts.username && opts.password ? { username: opts.username, password: opts.password } : undefined;
  if (!credentials && (!opts.token || opts.loginWhenRefused) && fs.existsSync(paths.credentials)) credentials = JSON.parse(fs.readFileSync(paths.credentials, 'utf8'));
  return new HmsopsClient(gatewayUrl, { token: opts.token, credentials, timeoutMs: opts.timeoutMs, onLogin: opts.onLogin, retryForMs: opts.retryForMs }, control);
}
