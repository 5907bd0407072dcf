/**
 * hmsops.config.yaml as written, in TypeBox: the one definition of its shape, descriptions and
 * defaults. `npm run gen:validators` compiles it (src/generated/validators.ts) into the
 * validator the CLI runs and the JSON Schema `config schema` prints and resolveConfig takes its
 * defaults from; a test fails when that file is older than this one.
 */
import { Type } from 'typebox';
import { StringEnum } from '../api/shared.js';
import { Bytes, Duration, Matching, NamedMap, StringMap, Strict } from './schema-builders.js';

/** A probe; its defaults differ for liveness and readiness. */
const probe = (what: string, d: { interval: string; timeout: string; failureThreshold: number; successThreshold: number; startPeriod: string }) =>
  Strict(
    {
      path: Type.Optional(
        Matching('^/', 'a path starting with /', {
          description: 'HTTP path probed with GET; 2xx/3xx is success (default: health.path, else /healthz or /readyz for bundled services, / for others)',
        }),
      ),
      interval: Type.Optional(Duration({ description: 'time between probes', default: d.interval })),
      timeout: Type.Optional(Duration({ description: 'a probe slower than this fails', default: d.timeout })),
      failureThreshold: Type.Optional(Type.Integer({ minimum: 1, description: 'consecutive failures before the probe counts as failed', default: d.failureThreshold })),
      successThreshold: Type.Optional(Type.Integer({ minimum: 1, description: 'consecutive successes before it counts as passing again', default: d.successThreshold })),
      startPeriod: Type.Optional(Duration({ description: 'failures during this time after start do not count', default: d.startPeriod })),
    },
    { description: `An HTTP ${what} probe with Kubernetes semantics` },
  );

const Liveness = probe('liveness', { interval: '2s', timeout: '1s', failureThreshold: 3, successThreshold: 1, startPeriod: '10s' });
const Readiness = probe('readiness', { interval: '1s', timeout: '1s', failureThreshold: 1, successThreshold: 1, startPeriod: '0s' });

const Restart = Strict(
  {
    policy: Type.Optional(StringEnum(['on-failure', 'always', 'never'], { default: 'on-failure' })),
    initialBackoff: Type.Optional(Duration({ default: '100ms' })),
    maxBackoff: Type.Optional(Duration({ default: '10s' })),
    minUptime: Type.Optional(Duration({ description: 'an instance up this long resets its backoff', default: '10s' })),
    maxRestarts: Type.Optional(Type.Integer({ minimum: 0, description: 'restarts allowed within the window before crash-looping', default: 5 })),
    window: Type.Optional(Duration({ default: '1m' })),
  },
  { description: 'restart policy with exponential backoff' },
);

const RateLimitFile = Strict(
  {
    requests: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'requests one client may make per period' }),
    per: Type.Optional(Duration({ description: 'the period', default: '1s' })),
    burst: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'requests at once after a quiet spell (default: requests)' })),
  },
  { description: 'a limit per client address at the gateway: over it, 429 RATE_LIMITED with Retry-After' },
);

/** The files of a TLS client: the CA the server is checked against, a client certificate and its key. */
const tlsFiles = (server: string, description: string) =>
  Strict(
    {
      ca: Type.Optional(Type.String({ minLength: 1, description: `the CA certificate ${server}'s certificate is checked against (PEM)` })),
      cert: Type.Optional(Type.String({ minLength: 1, description: `a client certificate (PEM), where ${server} asks for one` })),
      key: Type.Optional(Type.String({ minLength: 1, description: "the client certificate's key (PEM, mode 0600)" })),
    },
    { description },
  );

/** Where bundled services keep their data: the fleet's `store`, or one service's (its keys override the fleet's). */
const store = (defaults: boolean) =>
  Strict(
    {
      backend: Type.Optional(
        StringEnum(['sqlite', 'postgres'], {
          description: 'sqlite: a file per service under the state dir (one machine); postgres: a database instances on several hosts share',
          ...(defaults ? { default: 'sqlite' } : {}),
        }),
      ),
      url: Type.Optional(
        Matching('^postgres(ql)?://', 'a postgres:// URL', {
          description: 'postgres://USER@HOST:PORT/DB (no password here: passwordFile or PGPASSWORD); each service uses its own schema in it',
        }),
      ),
      passwordFile: Type.Optional(Type.String({ minLength: 1, description: "a file holding the database user's password, relative to the config file (else PGPASSWORD)" })),
      tls: Type.Optional(
        tlsFiles('the server', "PostgreSQL over TLS, the server's certificate verified (name and CA; without ca, the system's CAs): files relative to the config file"),
      ),
    },
    { description: defaults ? "the bundled services' store" : "this service's store, where it differs from the fleet's (its own database user, say)" },
  );

export const Service = Strict(
  {
    command: Type.Optional(
      Type.String({ minLength: 1, description: 'shell command that starts one instance; gets PORT and HOST (host.advertise, 127.0.0.1 by default) to listen on' }),
    ),
    cwd: Type.Optional(Type.String({ description: 'working directory, relative to the config file', default: '.' })),
    env: Type.Optional(StringMap({ description: 'extra environment variables' })),
    instances: Type.Optional(Type.Integer({ minimum: 0, maximum: 64, description: 'how many instances to run', default: 1 })),
    route: Type.Optional(
      Matching('^(\\/[A-Za-z0-9._~-]+)+$|^none$', 'a path prefix such as /billing, or none', {
        description: 'gateway route prefix (default /<name>, /mail for mail-sink); none keeps it off the gateway',
      }),
    ),
    version: Type.Optional(Type.String({ description: 'version reported in the registry (default: bundled for bundled services, 0.0.0 for others)' })),
    rateLimit: Type.Optional(RateLimitFile),
    health: Type.Optional(
      Strict({
        path: Type.Optional(Matching('^/', 'a path starting with /', { description: 'shortcut: one path for liveness and readiness' })),
        liveness: Type.Optional(Liveness),
        readiness: Type.Optional(Readiness),
      }),
    ),
    restart: Type.Optional(Restart),
    store: Type.Optional(store(false)),
    stopTimeout: Type.Optional(Duration({ description: 'time between SIGTERM and SIGKILL', default: '10s' })),
    drainDelay: Type.Optional(Duration({ description: 'time between deregistering and SIGTERM, so routers stop sending', default: '100ms' })),
  },
  { description: 'One service of the fleet: a bundled one (auth, ach, analytics, messaging, mail-sink) or any program with a command' },
);

const Gateway = Strict({
  url: Type.Optional(
    Matching('^https?://[^/\\s]+/?$', 'the gateway URL such as http://10.0.0.5:8080', {
      description: 'a fleet run by an orchestrator (Kubernetes, podman kube play): the commands that talk to the gateway go to this URL (or --gateway, HMSOPS_GATEWAY)',
    }),
  ),
  enabled: Type.Optional(Type.Boolean({ default: true })),
  port: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535, description: 'fixed port of the gateway (0: any free port)', default: 8080 })),
  host: Type.Optional(Type.String({ default: '127.0.0.1' })),
  upstreamTimeout: Type.Optional(Duration({ default: '30s' })),
  bodyLimit: Type.Optional(Bytes({ default: '10mb' })),
  balancing: Type.Optional(StringEnum(['round-robin', 'least-outstanding'], { default: 'round-robin' })),
  cooldown: Type.Optional(Duration({ description: 'how long an instance that refused a connection stays out of rotation', default: '5s' })),
  auth: Type.Optional(Type.Boolean({ description: 'verify bearer tokens at the edge', default: true })),
  workers: Type.Optional(Type.Integer({ minimum: 1, maximum: 64, description: 'gateway processes sharing its port; up to one per core for throughput', default: 1 })),
});

const Registry = Strict({
  backend: Type.Optional(
    StringEnum(['embedded', 'etcd'], {
      description: "embedded: a table in this host's daemon (one machine); etcd: a cluster every host's daemon publishes to and reads from",
      default: 'embedded',
    }),
  ),
  ttl: Type.Optional(Duration({ description: "an instance that has not heartbeated for this long is critical; with etcd, also the host lease's TTL", default: '10s' })),
  deregisterAfter: Type.Optional(Duration({ description: 'a critical instance silent for this long is removed', default: '1m' })),
  endpoints: Type.Optional(
    Type.Array(Matching('^https?://[^/]+/?$', 'an http:// or https:// URL of an etcd member (scheme, host and port)'), {
      minItems: 1,
      description: "etcd: the cluster's client URLs",
    }),
  ),
  prefix: Type.Optional(
    Matching('^/([A-Za-z0-9._-]+/)+$', 'a key prefix such as /hmsops/grants/ (starts and ends with /)', {
      description: "etcd: where this fleet's keys live; fleets sharing a cluster use different prefixes",
      default: '/hmsops/default/',
    }),
  ),
  user: Type.Optional(Type.String({ minLength: 1, description: "etcd: a user of etcd's own authentication" })),
  passwordFile: Type.Optional(Type.String({ minLength: 1, description: "etcd: a file (mode 0600) holding the user's password, relative to the config file" })),
  tls: Type.Optional(tlsFiles('etcd', 'etcd over https: files relative to the config file')),
});

const Host = Strict(
  {
    name: Type.Optional(
      Matching('^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$', 'a host name: letters, digits, dots and dashes', {
        description: "this host's name in the registry (default: the machine's hostname)",
      }),
    ),
    advertise: Type.Optional(
      Type.String({
        minLength: 1,
        description: "the address this host's instances listen on and are registered at: one other hosts reach (never 0.0.0.0)",
        default: '127.0.0.1',
      }),
    ),
  },
  { description: 'this machine, where a fleet spans several' },
);

const Fleet = Strict(
  {
    secretFile: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'a file (mode 0600) every host of the fleet has, the same on each: the key of the identity a gateway forwards to services on any host (default: a secret of this daemon, one machine)',
      }),
    ),
  },
  { description: 'what every host of the fleet shares' },
);

const Logs = Strict({
  maxSize: Type.Optional(Bytes({ description: 'rotate an instance log at this size', default: '10mb' })),
  maxFiles: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 3 })),
});

const Smtp = Strict(
  { url: Type.Optional(Matching('^smtps?:\\/\\/', 'an smtp:// or smtps:// URL')) },
  { description: 'where messaging delivers mail (default: the bundled mail sink)' },
);

const Ach = Strict(
  {
    odfi: Type.Optional(
      Strict(
        {
          sftp: Strict(
            {
              url: Matching('^sftp://[^@/]+@[^/]+$', 'an sftp://USER@HOST:PORT URL', { description: "the ODFI's SFTP server" }),
              privateKeyFile: Type.String({ minLength: 1, description: 'the private key (mode 0600) hmsops logs in with, relative to the config file' }),
              hostKey: Matching('^SHA256:[A-Za-z0-9+/]{43}$', 'a host key fingerprint as ssh-keygen -l prints it: SHA256: and 43 characters', {
                description: "the server's host key, pinned",
              }),
              outbound: Type.Optional(Type.String({ minLength: 1, description: 'the remote folder files are sent to', default: '/outbound' })),
              inbound: Type.Optional(Type.String({ minLength: 1, description: 'the remote folder the bank leaves returns in', default: '/inbound' })),
            },
            { description: 'how files reach the ODFI' },
          ),
          cutoffs: Type.Optional(
            Type.Array(Matching('^([01]\\d|2[0-3]):[0-5]\\d$', 'a time of day such as 10:30'), {
              minItems: 1,
              description: "the bank's processing windows: a file is sent before the next one",
              default: ['10:30', '14:45'],
            }),
          ),
          timezone: Type.Optional(Type.String({ minLength: 1, description: 'the time zone of the cutoffs (IANA name)', default: 'America/New_York' })),
          sameDayCutoffs: Type.Optional(
            Type.Array(Matching('^([01]\\d|2[0-3]):[0-5]\\d$', 'a time of day such as 14:45'), {
              minItems: 1,
              description: "the bank's Same Day ACH cutoffs (`disburse --same-day`), in `timezone`",
              default: ['10:30', '14:45', '16:45'],
            }),
          ),
          sendLead: Type.Optional(Duration({ description: 'how long before a cutoff its files go up; a same-day payment must be sent before then', default: '15m' })),
          merge: Type.Optional(
            Type.Boolean({
              description:
                'true: the files cut for a window go to the bank merged, `sendLead` before its cutoff (or at once with `hmsops ach send`); false: each file as soon as it is cut',
              default: true,
            }),
          ),
          maxLines: Type.Optional(
            Type.Integer({ minimum: 20, maximum: 1_000_000, description: "records a merged file may have, padding included (the bank's limit)", default: 10_000 }),
          ),
          maxEntries: Type.Optional(Type.Integer({ minimum: 1, description: 'entries and addenda a merged file may have, if the bank has such a limit' })),
          pgp: Type.Optional(
            Strict(
              {
                bankPublicKeyFile: Type.String({
                  minLength: 1,
                  description: "the bank's OpenPGP public key (armored, mode 0600): files sent are encrypted to it, files received must be signed by it",
                }),
                privateKeyFile: Type.String({ minLength: 1, description: 'our OpenPGP private key (armored, mode 0600): files sent are signed with it, files received decrypted' }),
                passphraseFile: Type.Optional(Type.String({ minLength: 1, description: "a file (mode 0600) holding the private key's passphrase, if it has one" })),
              },
              { description: 'files to and from the bank encrypted and signed (OpenPGP); paths relative to the config file' },
            ),
          ),
        },
        { description: 'the originating bank (ODFI): files sent to it over SFTP' },
      ),
    ),
    prenote: Type.Optional(
      Type.Boolean({
        description:
          "true: every grant sends a zero-dollar prenote to an account the ledger never paid, and its payment waits three banking days after the prenote settles (a grant's own `prenote` wins)",
        default: false,
      }),
    ),
  },
  { description: 'ACH settings that are not about processes' },
);

const Approvals = Strict(
  {
    over: Matching('^\\$?\\d{1,3}(,?\\d{3})*(\\.\\d{2})?$', 'an amount in dollars such as "$10,000.00"', {
      description: 'a grant whose total, or any one payment, is over this is paid only once a second user with the approver role approves it',
    }),
  },
  { description: 'dual approval (maker-checker) of large grants' },
);

/** hmsops.config.yaml as written: validated by src/config/schema-check.ts, printed by `config schema` with its defaults. */
export const configDefinition = Strict(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1, description: 'config format version; 1', default: 1 })),
    stateDir: Type.Optional(Type.String({ description: 'state directory, relative to the config file', default: '.hmsops' })),
    gateway: Type.Optional(Gateway),
    registry: Type.Optional(Registry),
    host: Type.Optional(Host),
    fleet: Type.Optional(Fleet),
    logs: Type.Optional(Logs),
    smtp: Type.Optional(Smtp),
    ach: Type.Optional(Ach),
    approvals: Type.Optional(Approvals),
    store: Type.Optional(store(true)),
    services: Type.Optional(NamedMap('^[a-z][a-z0-9-]{0,30}$', Service, { description: 'the services (default: the bundled ones)' })),
  },
  { description: 'hmsops fleet configuration' },
);
