/**
 * Every stable error code of hmsops, once, read top to bottom (as fastify's lib/errors.js):
 * the HTTP status it is answered with where it travels over HTTP (null: it never does), the
 * exit code the CLI ends with when a command fails on it, and when it happens. Throw sites
 * name the code and say what happened in this case; status and exit code come from here.
 * README "Error codes" and "Exit codes" are checked against this file by a test, both ways
 * (`npm run docs:errors` rewrites the table in docs/errors.md from it).
 */

/** How a command ends. README "Exit codes". */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  notReady: 3,
  daemonUnreachable: 4,
  followUpsPending: 5,
  waiting: 6,
  approvalPending: 7,
  internal: 70,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** What each exit code means, as the README's table says it. */
export const exitCodeMeaning: Record<ExitCodeValue, string> = {
  0: 'done',
  1: 'failure (a refused recipient, an invalid NACHA file, no healthy instance, a service error)',
  2: 'usage or config error, invalid grant file: nothing was started or sent',
  3: "the fleet did not become ready (timeout, crash loop, or a bundled program that exited 2: a configuration error such as the gateway's port taken, not restarted)",
  4: 'no daemon runs for this state dir',
  5: '`disburse`: every payment went through, but analytics events or notices are pending (`--resume` finishes them)',
  6: '`disburse`: everything that could go went; payments to new accounts wait for their prenotes (`--resume` sends them once payable, the receipt says when)',
  7: '`disburse`: the grant is over `approvals.over` and waits for a second user with the approver role (`hmsops approve GRANT_ID`); nothing was sent',
  70: 'internal error (a bug: the message says how to report it)',
  130: '`disburse` stopped by Ctrl-C after the batches in flight',
};

export interface ErrorSpec {
  /** The HTTP status it is answered with; null where it never travels over HTTP. */
  status: number | null;
  /** The CLI's exit code when a command ends on it. */
  exit: ExitCodeValue;
  /** Who raises it. */
  from: string;
  /** When it happens; also the message where a throw site gives none. */
  when: string;
  /**
   * Whether the same request, sent again later, may succeed (src/retry.ts decides with this):
   * `yes` nothing was done (no instance, the store busy, a rate limit), any request may be sent
   * again; `repeatable` the request may have been done, so only one that is safe to repeat (a
   * read, a login, a request with idempotency keys) is sent again; `no` the same request gets the
   * same answer.
   */
  retry: 'yes' | 'repeatable' | 'no';
}

const spec = (status: number | null, exit: ExitCodeValue, from: string, when: string, retry: ErrorSpec['retry'] = 'no'): ErrorSpec => ({ status, exit, from, when, retry });
const { failure, usage, notReady, daemonUnreachable } = ExitCode;

export const errorCatalog = {
  // The command line and the files it reads
  USAGE: spec(null, usage, 'cli', 'the command was called wrongly: an unknown option, a missing or malformed argument'),
  INVALID_INPUT: spec(null, usage, 'cli', 'the config or grant file does not validate; every problem is listed as file:line:column'),
  CONFIG_NOT_FOUND: spec(null, usage, 'cli', 'the config file named by -c or HMSOPS_CONFIG does not exist'),
  CONFIG_UNREADABLE: spec(null, usage, 'cli', 'the config file cannot be read'),
  GRANT_UNREADABLE: spec(null, usage, 'cli', 'the grant file cannot be read'),
  FILE_UNREADABLE: spec(null, usage, 'cli', 'the file given to `ach verify` cannot be read'),
  UNKNOWN_GRANT: spec(null, usage, 'cli', '`disburse --resume` names a grant this state dir never started'),
  ACCOUNT_RETURNED: spec(
    null,
    usage,
    'cli',
    "`disburse`: a recipient's account had an administrative return (R02, R03, R04); nothing was sent until the grant file gives another account",
  ),
  SAME_DAY_MISSED: spec(
    null,
    usage,
    'cli',
    "`disburse --same-day`: today's last same-day cutoff can no longer be made, or today is not a banking day; the message names the next cutoff",
  ),
  SAME_DAY_LIMIT: spec(null, usage, 'cli', "`disburse --same-day`: an entry over Same Day ACH's $1,000,000.00; the recipients are named"),
  PASSWORD_REQUIRED: spec(null, usage, 'cli', '`--user` without HMSOPS_PASSWORD and no terminal to ask on'),
  NO_CREDENTIALS: spec(null, usage, 'cli', 'no operator credentials in the state dir yet and no `--user`'),
  FLEET_NOT_READY: spec(null, notReady, 'cli', 'an instance did not become ready in time, crash-loops, or exited 2'),
  DAEMON_START_FAILED: spec(null, failure, 'cli', 'the daemon did not start; the message ends with its log'),
  DAEMON_NOT_RUNNING: spec(null, daemonUnreachable, 'cli, sdk', 'no daemon runs for this state dir'),
  DAEMON_UNREACHABLE: spec(null, daemonUnreachable, 'cli', "the daemon's socket exists but cannot be reached"),
  REGISTRY_UNREACHABLE: spec(null, failure, 'cli', "`registry ls|get --gateway`: the orchestrated fleet's etcd did not answer"),
  DAEMON_BAD_ANSWER: spec(null, failure, 'cli', 'the daemon answered with something that is not JSON'),
  DAEMON_ERROR: spec(null, failure, 'cli', 'the daemon answered an error without a code'),

  // The daemon's control API
  UNKNOWN_SERVICE: spec(400, usage, 'daemon', 'a service that is not in the config'),
  UNKNOWN_TARGET: spec(400, usage, 'daemon', '`restart` names no running service or instance'),
  RESTART_FAILED: spec(409, failure, 'daemon', 'a replacement did not become ready; its predecessor keeps running'),
  NOT_REGISTERED: spec(404, failure, 'daemon', 'a heartbeat for an instance the registry does not hold'),
  BAD_JSON: spec(400, usage, 'daemon', 'a control request whose body is not JSON'),
  DAEMON_SETTINGS_CHANGED: spec(
    409,
    usage,
    'daemon',
    'the config changes `registry`, `host` or `fleet` settings of a running daemon, which it keeps for its life: `hmsops down`, then `hmsops up`',
  ),

  // The gateway
  NO_ROUTE: spec(404, failure, 'gateway', 'no service has that prefix'),
  UNAUTHENTICATED: spec(401, failure, 'gateway, services', "missing, expired or forged bearer token; a service called without the gateway's identity"),
  BODY_TOO_LARGE: spec(413, failure, 'gateway', 'over `gateway.bodyLimit` (declared or while streaming); the connection closes'),
  RATE_LIMITED: spec(429, failure, 'gateway', "over the service's `rateLimit` for this client address; `Retry-After` and `retryAfterSeconds` say when to try again", 'yes'),
  NO_HEALTHY_INSTANCE: spec(503, failure, 'gateway, sdk', 'the service has no passing instance (`service` names it); also `registry get`', 'yes'),
  UPSTREAM_UNREACHABLE: spec(502, failure, 'gateway', 'refused or reset, after the one retry a safe request gets', 'repeatable'),
  UPSTREAM_BAD_RESPONSE: spec(502, failure, 'gateway', "the instance's answer cannot be forwarded safely (two framings, a malformed head)"),
  UPSTREAM_TIMEOUT: spec(504, failure, 'gateway', 'no answer, or no further body bytes, within `gateway.upstreamTimeout`', 'repeatable'),
  CLIENT_CLOSED: spec(499, failure, 'gateway', 'the client went away before its answer (access log only; nobody is left to answer)'),
  BAD_REQUEST: spec(400, failure, 'gateway, services', "a request llhttp refuses or the gateway's stricter rules refuse (the connection closes); a request a service cannot read"),
  HEADERS_TOO_LARGE: spec(431, failure, 'gateway', 'a request head over 16 KiB; the connection closes'),
  NOT_IMPLEMENTED: spec(501, failure, 'gateway', 'a transfer coding other than chunked, or an upgrade; the connection closes'),
  REQUEST_TIMEOUT: spec(408, failure, 'gateway', 'a request head still incomplete 60 s after it started (slowloris); the connection closes'),

  // The services
  VALIDATION: spec(400, failure, 'services', "the request does not match the route's schema or the domain rules; `fields` lists each field and why"),
  FORBIDDEN: spec(403, failure, 'daemon, services', "the caller lacks the role the route needs; a registry write without the fleet's token"),
  NOT_FOUND: spec(404, failure, 'daemon, services', 'no such route, transfer, file, grant, user, email or message'),
  INTERNAL: spec(500, failure, 'daemon, services', 'a bug in a service or the daemon; the answer carries the request id to find it in the log'),
  IDEMPOTENCY_KEY_REQUIRED: spec(400, failure, 'services', 'a payment or email without an Idempotency-Key header'),
  IDEMPOTENCY_KEY_REUSED: spec(422, failure, 'services', 'the key was used before with another body; the first transfer or email is named'),
  IDEMPOTENCY_KEY_IN_FLIGHT: spec(409, failure, 'services', "the key's first request is still being processed; `Retry-After` says when its answer is there", 'repeatable'),
  PRENOTE_ANSWERED: spec(
    409,
    failure,
    'services',
    "a payment to an account whose prenote the bank returned or sent a change for: held, nothing paid, until the grant gives the account the bank says; `prenote` has the bank's answer",
  ),
  APPROVAL_REJECTED: spec(null, failure, 'cli', '`disburse`: an approver rejected this grant file (the reason is said); a changed file is a new request'),
  APPROVAL_REQUIRED: spec(
    403,
    failure,
    'services',
    "a transfer of a grant over `approvals.over` that no approver approved (or beyond the totals approved): nothing of the grant's in that request was stored",
  ),
  SELF_APPROVAL: spec(403, failure, 'services', '`approve`/`reject`: the user who asked for the approval cannot decide it'),
  APPROVAL_DECIDED: spec(409, failure, 'services', '`approve`/`reject`: the request was decided already (a changed grant file is a new request)'),
  LAST_ADMIN: spec(409, failure, 'services', '`users role`: taking the admin role from the last admin, which would leave nobody to manage users'),
  BATCH_REJECTED: spec(422, failure, 'services', 'an atomic batch with a failed item: nothing was stored'),
  ODFI_NOT_CONFIGURED: spec(409, usage, 'services, cli', '`ach send` / `ach files`: no `ach.odfi` in the config, so files are not sent anywhere'),
  INVALID_NACHA_FILE: spec(422, failure, 'services, cli', '`ach import`: the file is not valid NACHA; every problem is listed with its line, nothing was recorded'),
  STORE_UNAVAILABLE: spec(
    503,
    failure,
    'services',
    "the service's store did not answer in time (its SQLite file locked by another instance past the busy timeout, its database unreachable): nothing was stored; `Retry-After` says when to try again",
    'yes',
  ),
  FILE_NOT_WRITTEN: spec(507, failure, 'services', 'the NACHA file could not be written in full (a full disk): no transfer was filed'),
  INVALID_CREDENTIALS: spec(401, failure, 'services', 'wrong user name or password'),
  ACCOUNT_DISABLED: spec(403, failure, 'services', 'the account is disabled'),
  ACCOUNT_LOCKED: spec(429, failure, 'services', 'too many failed logins; `Retry-After` says when to try again'),
  USERNAME_TAKEN: spec(409, failure, 'services', 'a user of that name exists'),

  // The SDK, before any request is sent
  NO_GATEWAY: spec(503, failure, 'sdk', "`connect` found no gateway in the fleet's registry", 'yes'),
  NO_REGISTRY: spec(null, failure, 'sdk', '`registry.get` on a client connected without `stateDir`'),
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalog;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCatalog, code);
}

/**
 * What the SDK's HmsopsApiError carries: a catalog code, `HTTP_<status>` for an answer without
 * one, or the code of an error Fastify raised itself (`FST_ERR_...`, passed on as received).
 */
export type ApiErrorCode = ErrorCode | `HTTP_${number}` | `FST_${string}`;
