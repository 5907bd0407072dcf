// Drill: an ACH instance frozen with SIGSTOP in the middle of a batch. The CLI is told to send one
// batch at a time (--batches-in-flight 1; two by default), so the instance that stops the ledger growing is the one with the batch in flight; the
// drill freezes instances until it catches that one in the state it wants:
// inside a write transaction, holding the batch's keys and the SQLite write lock (with SQLite a
// batch's instance is outside a transaction only for the instant between two chunks). Then:
//  - thawed (SIGCONT) after the gateway gave up on it (504) and its holds' lease ended, while the
//    batch sent again waits on the lock (503 STORE_UNAVAILABLE after the busy timeout, sent
//    again): its batch completes, and the batch sent again is answered with replays;
//  - left frozen: liveness fails, the supervisor SIGKILLs it (a stopped process does not handle
//    SIGTERM), the lock goes with it and the run finishes on the other instances.
// Either way every recipient is paid exactly once and each transfer is in exactly one file.
import path from 'node:path';
import Database from 'better-sqlite3';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { pidAlive } from '../../src/daemon/process-group.js';
import { cliPath, downAll, makeFleet, sleep, until, type TestFleet } from '../helpers/fleet.js';

afterEach(downAll);

const N = 30_000;
const BATCH = 2000;

function fleetWith(liveness: string): TestFleet {
  return makeFleet(`version: 1
gateway: { port: 0, upstreamTimeout: 5s }
services:
  auth: {}
  ach:
    instances: 3
    stopTimeout: 1s
    health:
      liveness: ${liveness}
      readiness: { interval: 1s, timeout: 500ms }
  analytics: {}
  messaging: {}
  mail-sink: {}
`);
}

/** The ACH ledger, read (and probed for its write lock) the way a second process sees it. */
function ledgerOf(fleet: TestFleet) {
  const file = path.join(fleet.stateDir, 'data', 'ach.sqlite');
  const get = <T>(sql: string, ...args: unknown[]): T => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).get(...args) as T;
    } finally {
      db.close();
    }
  };
  return {
    transfers: (grantId: string) => get<{ n: number }>('SELECT COUNT(*) AS n FROM transfers WHERE grant_id = ?', grantId).n,
    heldKeys: () => get<{ n: number }>('SELECT COUNT(*) AS n FROM reservations WHERE lease_until > ?', Date.now()).n,
    /** Who holds keys now: `<instance>/<request>`. */
    holder: () => get<{ owner: string } | undefined>('SELECT owner FROM reservations WHERE lease_until > ? LIMIT 1', Date.now())?.owner,
    summary: (grantId: string) =>
      get<Record<string, number>>(
        `SELECT COUNT(*) AS transfers, COUNT(DISTINCT idempotency_key) AS keys, COUNT(DISTINCT recipient_id) AS recipients,
                SUM(status = 'filed') AS filed, COUNT(DISTINCT file_id) AS files, SUM(amount_cents) AS cents,
                (SELECT COUNT(*) FROM ledger) AS ledgerRows
           FROM transfers WHERE grant_id = ?`,
        grantId,
      ),
    /** Whether some process holds the write lock now (a write transaction cannot start at once). */
    writeLocked: () => {
      const db = new Database(file, { timeout: 0 });
      try {
        db.exec('BEGIN IMMEDIATE');
        db.exec('ROLLBACK');
        return false;
      } catch (err) {
        if (String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) return true;
        throw err;
      } finally {
        db.close();
      }
    },
  };
}

/**
 * Freezes the ACH instance that holds the batch's keys (a hold's owner is `<instance>/<request>`)
 * and checks it was caught mid-batch: with it stopped the ledger does not grow (the CLI sends one
 * batch at a time here) and its holds are still there. Whether it was caught inside a write transaction
 * (the SQLite lock held) or between two is chance; it keeps trying for the state asked for a
 * while, then takes either. An instance that was not caught so is let go at once.
 */
async function freezeMidBatch(fleet: TestFleet, grantId: string, prefer: 'lock held' | 'lock free') {
  const ledger = ledgerOf(fleet);
  const pids = new Map((await fleet.instances()).filter((i: any) => i.service === 'ach').map((i: any) => [i.id, i]));
  let caught = 0;
  for (let attempt = 0; ; attempt++) {
    if (attempt % 50 === 0 && ledger.transfers(grantId) >= N - 2 * BATCH) throw new Error(`the run got too far before an instance was caught mid-batch (${attempt} tries)`);
    const victim = pids.get(ledger.holder()?.split('/')[0]);
    if (!victim) {
      await sleep(2);
      continue;
    }
    process.kill(victim.pid, 'SIGSTOP');
    const stalledAt = ledger.transfers(grantId);
    await sleep(300);
    if (ledger.transfers(grantId) === stalledAt && ledger.holder()?.startsWith(`${victim.id}/`)) {
      const state = ledger.writeLocked() ? 'lock held' : 'lock free';
      if (state === prefer || ++caught > 3) return { victim, stalledAt, state };
    }
    process.kill(victim.pid, 'SIGCONT');
    await sleep(Math.random() * 50);
  }
}

function disburse(fleet: TestFleet, file: string) {
  return execa(process.execPath, [cliPath, 'disburse', '--grant', file, '--batch-size', String(BATCH), '--batches-in-flight', '1'], {
    cwd: fleet.dir,
    reject: false,
    env: { NO_COLOR: '1' },
    timeout: 240_000,
  });
}

async function generate(fleet: TestFleet, id: string, seed: number) {
  const file = path.join(fleet.dir, `${id}.yaml`);
  const r = await fleet.hmsops(['fixtures', 'grant', '--recipients', String(N), '--seed', String(seed), '--id', id, '--out', file]);
  expect(r.exitCode, r.stderr).toBe(0);
  return file;
}

function expectPaidOnce(fleet: TestFleet, grantId: string) {
  const s = ledgerOf(fleet).summary(grantId);
  expect(s).toMatchObject({ transfers: N, keys: N, recipients: N, filed: N, files: Math.ceil(N / 20_000) }); // 20,000 entries a file
  return s;
}

/**
 * A fleet with this liveness, a 30,000-recipient disbursement started, and the ACH instance with
 * a batch in flight frozen (in the state asked for when it can). The CLI's stderr is kept from the
 * start.
 */
async function startAndFreeze(liveness: string, grantId: string, seed: number, prefer: 'lock held' | 'lock free') {
  const fleet = fleetWith(liveness);
  expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
  const file = await generate(fleet, grantId, seed);
  const ledger = ledgerOf(fleet);
  const run = disburse(fleet, file);
  let stderr = '';
  run.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  await until('the first batch stored', () => ledger.transfers(grantId) >= BATCH, 60_000, 20);
  const frozen = await freezeMidBatch(fleet, grantId, prefer);
  console.log(`frozen ${frozen.victim.id} mid-batch, ${frozen.state}, at ${frozen.stalledAt} of ${N}`);
  return { fleet, ledger, run, stderr: () => stderr, ...frozen };
}

describe('drill: an ACH instance frozen with SIGSTOP mid-batch', () => {
  it('its holds expire, the batch is sent again and paid once; SIGCONT later changes nothing', async () => {
    // Liveness lenient enough that the frozen instance outlives the freeze.
    const { fleet, ledger, run, stderr, victim, stalledAt, state } = await startAndFreeze('{ interval: 1s, timeout: 500ms, failureThreshold: 300 }', 'GEN-FROZEN', 41, 'lock free');
    let exited = false;
    void run.finally(() => {
      exited = true;
    });

    // The gateway gives up on it (504) and the CLI sends the batch again: 409 for the keys it
    // holds until their lease ends, then served by another instance. Caught inside a write
    // transaction instead, the others' writes wait on its lock (504 or 503, sent again) and
    // nothing moves until it is thawed.
    const frozenAt = Date.now();
    await until('the batch sent again', () => /sending the batch of \d+ again/.test(stderr()), 30_000).catch((err) => {
      throw new Error(`${err.message}; the CLI said:\n${stderr().slice(-2000)}`);
    });
    if (state === 'lock free') {
      await until('the run done while it is still frozen', () => exited, 120_000);
    } else {
      await until('its holds expired, and sent again since', () => Date.now() - frozenAt > 12_000 && stderr().split('again').length > 3, 60_000);
      expect(ledger.transfers('GEN-FROZEN')).toBe(stalledAt);
    }
    process.kill(victim.pid, 'SIGCONT');

    const done = await run;
    expect(done.exitCode, done.stderr).toBe(0);
    const after = expectPaidOnce(fleet, 'GEN-FROZEN');
    expect((await fleet.instances()).find((i: any) => i.id === victim.id)).toMatchObject({ pid: victim.pid }); // never restarted
    await until('the thawed instance ready again', async () => (await fleet.instances()).find((i: any) => i.id === victim.id)?.state === 'ready', 20_000);
    await sleep(1500); // whatever was left of its batch: replays, nothing new
    expect(ledgerOf(fleet).summary('GEN-FROZEN')).toEqual(after);
    expect(ledger.heldKeys()).toBe(0);
  }, 180_000);

  it('left frozen: liveness fails, the supervisor SIGKILLs it, the run finishes on the others', async () => {
    const { fleet, run, victim } = await startAndFreeze('{ interval: 500ms, timeout: 300ms, failureThreshold: 3, startPeriod: 0ms }', 'GEN-KILLED-FROZEN', 42, 'lock held');

    const done = await run;
    expect(done.exitCode, done.stderr).toBe(0);
    expectPaidOnce(fleet, 'GEN-KILLED-FROZEN');
    const events = await fleet.events();
    expect(events.some((e: any) => e.type === 'liveness-failed' && e.instance === victim.id)).toBe(true);
    expect(pidAlive(victim.pid)).toBe(false);
    const replacement = await until('a replacement ready', async () => {
      const i = (await fleet.instances()).find((x: any) => x.id === victim.id);
      return i?.state === 'ready' && i.pid !== victim.pid ? i : undefined;
    });
    expect(replacement.restarts).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
