import fs from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { HmsopsClient } from '../../src/sdk/index.js';
import { until, type TestFleet } from '../helpers/fleet.js';
import { transfer } from '../helpers/grants.js';
import { describeStores } from '../helpers/stores.js';
import { storeFleet } from '../helpers/suite-fleet.js';

/**
 * Drill (`npm run drills`): ACH as the daemon runs it, two instances behind the gateway, called with the SDK. The routes'
 * rules, idempotency and files on both stores are ach-in-process.test.ts; here what needs
 * processes: every instance SIGKILLed mid-batch, the SDK waiting out a key in flight, the logs.
 */
describeStores('ACH transfers through the gateway (two instances, %s store)', (backend) => {
  const fleetUp = storeFleet(backend, 'version: 1\ngateway: { port: 0 }\nservices:\n  auth: { instances: 1 }\n  ach: { instances: 2, restart: { initialBackoff: 100ms } }\n');
  let fleet: TestFleet;
  let client: HmsopsClient;

  beforeAll(async () => {
    fleet = fleetUp();
    client = await fleet.sdk();
  });

  const countFor = async (grantId: string) =>
    (await fleet.store.query<{ n: number; keys: number }>('ach', 'SELECT COUNT(*) AS n, COUNT(DISTINCT idempotency_key) AS keys FROM transfers WHERE grant_id = ?', [grantId]))[0]!;

  it('makes one transfer of many concurrent submissions with the same key (the SDK waits out a 409 in flight)', async () => {
    const t = transfer('G-RACE', 7);
    const answers = await Promise.all(Array.from({ length: 40 }, () => client.payments.transfer(t, { idempotencyKey: 'G-RACE:R-7' })));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await countFor('G-RACE')).toEqual({ n: 1, keys: 1 });
  });

  it('pays each key once when every ACH instance is killed with SIGKILL mid-batch: sent once it fails, and the SDK sending it again finishes it', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ ...transfer('G-KILL', i), idempotencyKey: `G-KILL:${i}` }));
    await client.auth.me(); // logged in already, so the batch goes straight out
    const pids = (await fleet.instances()).filter((i) => i.service === 'ach').map((i) => i.pid);
    // Sent once (retryForMs 0): what a caller that does not send again sees.
    const inFlight = client.payments.transferBatch(items, { retryForMs: 0 }).catch((e) => e);
    // Kill once an instance is working on it: its CPU time starts to climb.
    const cpu = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[11]);
    const cpu0 = pids.map(cpu);
    await until('an ACH instance busy with the batch', () => pids.some((p, i) => cpu(p) - cpu0[i]! >= 5), 10_000, 5);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const first = await inFlight;
    await until('ach ready again', async () => (await fleet.instances()).filter((i) => i.service === 'ach' && i.state === 'ready' && !pids.includes(i.pid)).length === 2, 30_000);
    // The first attempt reached an instance and was cut off: the client never got its answer.
    expect(first).toMatchObject({ status: 502, code: 'UPSTREAM_UNREACHABLE' });
    // Sent again by the SDK (one call): what the first attempt committed is replayed; keys it still
    // held answer 409 until their lease runs out (the holder died), then they are created. Never twice.
    const notices: string[] = [];
    const retry = await client.payments.transferBatch(items, { retryForMs: 60_000, onRetry: (why) => notices.push(why) });
    expect(retry.failed, notices.join('\n')).toBe(0);
    expect(retry.created + retry.replayed).toBe(10_000);
    expect(retry.results.map((r) => r.index)).toEqual(items.map((_, i) => i));
    expect(await countFor('G-KILL')).toEqual({ n: 10_000, keys: 10_000 });
  });

  it('never writes a full account number to the logs', async () => {
    await client.payments.transfer(transfer('G-LOG', 424242, { account: '99887766554433' }), { idempotencyKey: 'G-LOG:1' });
    const logs = (await fleet.hmsops(['logs'])).stdout;
    expect(logs).toContain('/v1/transfers');
    expect(logs).not.toContain('99887766554433');
  });
});
