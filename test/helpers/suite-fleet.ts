/**
 * A suite's fleet on a store of its own (`storeFleet`): up before the suite's tests, down after
 * (its store too). And the one the disbursement suites run against (`disburseFleet`: auth, two ACH
 * instances, analytics, messaging, the mail sink, the gateway), with what they read it with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { execa } from 'execa';
import { cliPath, downAll, makeFleet, type TestFleet, until } from './fleet.js';
import { type Backend, storesFor } from './stores.js';
import { generateGrant, grantYaml } from '../../src/disburse/generate.js';

/**
 * A suite's fleet of `config` on its own store of `backend`: made and `up` before the suite's
 * tests (exit 0 expected), down after, its store too, also when a test failed. `fleet()` is it
 * once made.
 */
export function storeFleet(backend: Backend, config: string): () => TestFleet {
  const stores = storesFor(backend);
  let fleet: TestFleet | undefined;
  beforeAll(async () => {
    fleet = makeFleet(config, { store: await stores.store() });
    const up = await fleet.hmsops(['up']);
    expect(up.exitCode, up.stderr).toBe(0);
  });
  afterAll(async () => {
    try {
      await downAll();
    } finally {
      await stores.stop();
    }
  });
  return () => {
    if (!fleet) throw new Error('the fleet is made in beforeAll');
    return fleet;
  };
}

/** The whole fleet, two ACH instances: what a disbursement runs through. */
export const DISBURSE_FLEET = 'version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: { instances: 2 }\n  analytics: {}\n  messaging: {}\n  mail-sink: {}\n';

export function disburseFleet(backend: Backend) {
  const up = storeFleet(backend, DISBURSE_FLEET);
  return {
    fleet: up,
    /** The first row of a read in the ACH ledger. */
    ledger: async <T>(sql: string, ...args: unknown[]): Promise<T> => (await up().store.query<T>('ach', sql, args))[0]!,
    /**
     * `hmsops disburse` of `file` started in the background (batches of 100), handed back once at
     * least `stored` of `grantId`'s transfers are in the ledger: a run to interrupt mid-way (wrapped:
     * the process is a promise, which an async function would wait for).
     */
    disburseUnderWay: async (file: string, grantId: string, stored = 200) => {
      const child = execa(process.execPath, [cliPath, 'disburse', '--grant', file, '--batch-size', '100', '--json'], { cwd: up().dir, reject: false, env: { NO_COLOR: '1' } });
      await until(
        'some transfers stored',
        async () => (await up().store.query<{ n: number }>('ach', 'SELECT COUNT(*) AS n FROM transfers WHERE grant_id = ?', [grantId]))[0]!.n >= stored,
        60_000,
        10,
      );
      return { child };
    },
    /**
     * A generated grant of `n` recipients in the fleet's dir: what `hmsops fixtures grant` writes
     * (that command is run in odfi-send.test.ts), made here without a CLI process.
     */
    generate: async (n: number, id: string, seed = 3) => {
      const file = path.join(up().dir, `${id}.yaml`);
      fs.writeFileSync(file, grantYaml(generateGrant({ recipients: n, seed, id })));
      return file;
    },
  };
}
