/**
 * A service's settings, read from its environment once, in its `main.ts` (the daemon sets them
 * when it starts an instance: src/daemon/main.ts, src/daemon/supervisor.ts). `build(env, store)` takes this,
 * never `process.env`, so a test builds a service in-process with the settings it wants.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseDuration } from '../../src/duration.js';
import { fleetIdentityKey } from '../../src/internal-identity.js';
import type { OdfiConfig } from '../../src/config/types.js';
import type { StoreConfig } from './store.js';

export interface ServiceEnv {
  /** The fleet's state dir (data/, keys/, ach/outbound/ under it). */
  stateDir: string;
  instanceId: string;
  /** The fleet's token (registry writes); a random one for an instance run alone. */
  fleetToken: string;
  /** The key that signs the gateway's identity header (the fleet secret's, else the token's). */
  identityKey: Buffer;
  /** The address it listens and is registered at (host.advertise; loopback on one machine). */
  host: string;
  /** Its HTTP port (0: any free one). */
  port: number;
  logLevel: string;
  store: StoreConfig;
  /** The daemon's control socket (registry reads), when started by one (run-service.ts registers it: src/registry/self-registration.ts). */
  controlSocket?: string;
  /** auth: the first operator's password, from a file (an orchestrator's Secret); else generated into the credentials file. */
  operatorPasswordFile?: string;
  /** auth: how long a token is good for. */
  tokenTtlMs: number;
  /** auth: scrypt's N for new password hashes (HMSOPS_SCRYPT_N; services/auth/passwords.ts). */
  scryptN: number;
  /** ach: where files cut are sent (ach.odfi), when configured. */
  odfi?: OdfiConfig;
  /** ach: grants over this many cents (total or one payment) are paid only once approved (approvals.over). */
  approvalsOverCents?: number;
  /** messaging: the From of every email, and the relay (else the fleet's mail sink, from the registry). */
  mailFrom: string;
  smtpUrl?: string;
  /** mail-sink: its SMTP port (0: any free one). */
  smtpPort: number;
}

export const DEFAULT_SCRYPT_N = 2 ** 17;
const MIN_SCRYPT_N = 2 ** 14;
export const MAX_SCRYPT_N = 2 ** 20;

/** A setting in the environment that cannot be read: the service says which and exits 2 (services/kit/run-service.ts). */
export class ServiceEnvError extends Error {}

function scryptN(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_SCRYPT_N;
  const n = Number(text);
  if (Number.isInteger(n) && n >= MIN_SCRYPT_N && n <= MAX_SCRYPT_N && (n & (n - 1)) === 0) return n;
  throw new ServiceEnvError(`HMSOPS_SCRYPT_N: expected a power of two from ${MIN_SCRYPT_N} (2^14) to ${MAX_SCRYPT_N} (2^20), got "${text}"`);
}

function json<T>(name: string, text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new ServiceEnvError(`${name}: expected JSON, as the daemon or \`hmsops export\` writes it: ${(err as Error).message}`);
  }
}

/** Settings a test or an embedder leaves out take these (an instance run alone, its state in `stateDir`). */
export function serviceEnv(name: string, env: NodeJS.ProcessEnv = process.env): ServiceEnv {
  const fleetToken = env.HMSOPS_FLEET_TOKEN ?? crypto.randomBytes(24).toString('base64url');
  const socket = env.HMSOPS_CONTROL_SOCKET;
  return {
    stateDir: path.resolve(env.HMSOPS_STATE_DIR ?? '.hmsops'),
    // Under Compose (no downward API) the container's hostname, its id, tells replicas apart in the registry.
    instanceId: env.HMSOPS_INSTANCE_ID ?? (env.HMSOPS_REGISTRY ? `${name}-${os.hostname()}` : `${name}-standalone`),
    fleetToken,
    identityKey: fleetIdentityKey(env, fleetToken),
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 0),
    logLevel: env.HMSOPS_LOG_LEVEL ?? 'info',
    // The store config a service was started with, else SQLite.
    store: json<StoreConfig>('HMSOPS_STORE', env.HMSOPS_STORE) ?? { backend: 'sqlite' },
    controlSocket: socket,
    operatorPasswordFile: env.HMSOPS_OPERATOR_PASSWORD_FILE || undefined,
    tokenTtlMs: parseDuration(env.HMSOPS_TOKEN_TTL ?? '15m') ?? 900_000,
    scryptN: scryptN(env.HMSOPS_SCRYPT_N),
    odfi: json<OdfiConfig>('HMSOPS_ACH_ODFI', env.HMSOPS_ACH_ODFI),
    approvalsOverCents: env.HMSOPS_APPROVALS_OVER_CENTS ? Number(env.HMSOPS_APPROVALS_OVER_CENTS) : undefined,
    mailFrom: env.HMSOPS_MAIL_FROM ?? 'hmsops <noreply@hmsops.local>',
    smtpUrl: env.HMSOPS_SMTP_URL || undefined,
    smtpPort: Number(env.HMSOPS_SMTP_PORT ?? 0),
  };
}
