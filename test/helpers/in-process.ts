/**
 * A bundled service built in the test's own process (services/<name>/app.ts `build`), on a real
 * store (a temp SQLite file, or a database of its own on the test PostgreSQL), called with
 * Fastify's `inject()`: the same routes, hooks and error handling as the process the daemon
 * starts, without a fleet, a port or a daemon. What needs processes (the gateway, restarts,
 * SIGKILL, several hosts) stays in the suites that start fleets.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { IDENTITY_HEADER, type Identity, signIdentity } from '../../src/internal-identity.js';
import { statePaths } from '../../src/state/paths.js';
import { openStore } from '../../services/kit/open-store.js';
import type { BuiltService, ServiceDefinition } from '../../services/kit/service.js';
import { buildService } from '../../services/kit/service.js';
import { type ServiceEnv, serviceEnv } from '../../services/kit/service-env.js';
import type { Store } from '../../services/kit/store.js';
import { afterAll, beforeAll } from 'vitest';
import { ach } from '../../services/ach/app.js';
import { type Backend, type FleetStore, storesFor } from './stores.js';

export interface InProcessService {
  service: BuiltService;
  env: ServiceEnv;
  db: Store;
  /** Every line the service logged (pino's JSON). */
  log: string[];
  /** A request as the gateway forwards it: with the identity of `as` (default: the operator, admin), or none (`as: null`). */
  call(opts: InjectOptions & { as?: Partial<Identity> | null }): Promise<LightMyRequestResponse>;
  /** Stops it and closes its store (its state dir stays: another instance or a restart may use it). */
  close(): Promise<void>;
}

/** A fleet's state dir for in-process services: removed by `remove()`, also when a test failed. */
export function tempState(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-inproc-'));
  fs.mkdirSync(statePaths(dir).data, { recursive: true });
  fs.mkdirSync(statePaths(dir).achOutbound, { recursive: true });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `def` built on `store` (the suite's FleetStore, bound to `stateDir`) and started. `env`: settings
 * other than the defaults (a token TTL, an SMTP relay); the identity key is shared by every service
 * built with the same `fleetToken` (default: one per state dir).
 */
export async function buildInProcess(def: ServiceDefinition, store: FleetStore, stateDir: string, env: Partial<ServiceEnv> = {}): Promise<InProcessService> {
  store.bind(stateDir);
  const fleetToken = env.fleetToken ?? crypto.createHash('sha256').update(stateDir).digest('base64url');
  const full: ServiceEnv = {
    ...serviceEnv(def.name, { HMSOPS_STATE_DIR: stateDir, HMSOPS_FLEET_TOKEN: fleetToken, HMSOPS_LOG_LEVEL: 'info', HMSOPS_SCRYPT_N: process.env.HMSOPS_SCRYPT_N }),
    store: store.storeConfig,
    ...env,
  };
  const db = await openStore(full.store, { name: def.name, migrations: def.migrations, dataDir: statePaths(stateDir).data });
  const log: string[] = [];
  let service: BuiltService;
  try {
    service = await buildService(def, full, db, { logTo: { write: (line) => void log.push(line) } });
    await service.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  return {
    service,
    env: full,
    db,
    log,
    call({ as, ...opts }) {
      const identity = as === null ? undefined : identityHeader(full.identityKey, as);
      return service.app.inject({ ...opts, headers: { ...(identity ? { [IDENTITY_HEADER]: identity } : {}), ...opts.headers } });
    },
    async close() {
      await service.close();
      await db.close();
    },
  };
}

function identityHeader(key: Buffer, as: Partial<Identity> = {}): string {
  return signIdentity({ sub: 'test-operator', username: 'operator', roles: ['admin', 'operator'], exp: Math.floor(Date.now() / 1000) + 600, ...as }, key);
}

/**
 * A suite's ACH instance, built in-process on its store before the suite's tests (with `env`
 * beyond the defaults) and closed after, its store stopped and its state dir removed, also when a
 * test failed. `ready` runs once it is built (data the suite's tests share).
 */
export function achForSuite(backend: Backend, env: Partial<ServiceEnv> = {}, ready?: (a: InProcessService) => Promise<void>) {
  const stores = storesFor(backend);
  let state: ReturnType<typeof tempState> | undefined;
  let store: FleetStore | undefined;
  let service: InProcessService | undefined;
  beforeAll(async () => {
    state = tempState();
    store = await stores.store();
    service = await buildInProcess(ach, store, state.dir, { instanceId: 'ach-1', ...env });
    await ready?.(service);
  });
  afterAll(async () => {
    try {
      await service?.close();
      await store?.close();
      await stores.stop();
    } finally {
      state?.remove();
    }
  });
  const built = <T>(x: T | undefined) => {
    if (x === undefined) throw new Error('the ACH instance is built in beforeAll');
    return x;
  };
  return { ach: () => built(service), store: () => built(store) };
}
