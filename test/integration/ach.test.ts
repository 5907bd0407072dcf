import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readNachaFile } from '../../src/nacha/index.js';
import { connect, HmsopsApiError, type HmsopsClient } from '../../src/sdk/index.js';
import { downAll, makeFleet, until, type TestFleet } from '../helpers/fleet.js';
import { transfer } from '../helpers/grants.js';
import { describeStores, storesFor } from '../helpers/stores.js';

describeStores('ACH transfers through the gateway (two instances, %s store)', (backend) => {
  let fleet: TestFleet;
  let client: HmsopsClient;
  const stores = storesFor(backend);

  beforeAll(async () => {
    fleet = makeFleet('version: 1\ngateway: { port: 0 }\nservices:\n  auth: { instances: 1 }\n  ach: { instances: 2, restart: { initialBackoff: 100ms } }\n', {
      store: await stores.store(),
    });
    const up = await fleet.hmsops(['up']);
    expect(up.exitCode, up.stderr).toBe(0);
    client = await connect({ stateDir: fleet.stateDir });
  });
  afterAll(async () => {
    try {
      await client?.close();
      await downAll();
    } finally {
      await stores.stop();
    }
  });

  const countFor = async (grantId: string) =>
    (await fleet.store.query<{ n: number; keys: number }>('ach', 'SELECT COUNT(*) AS n, COUNT(DISTINCT idempotency_key) AS keys FROM transfers WHERE grant_id = ?', [grantId]))[0]!;

  it('answers a repeated key with the first answer, and a reused key with another body with 422', async () => {
    const t = transfer('G-REPEAT', 1);
    const first = await client.payments.transfer(t, { idempotencyKey: 'G-REPEAT:R-1' });
    expect(first).toMatchObject({ status: 'queued', accountLast4: '0001', name: transfer('G-REPEAT', 1).name }); // kept whole
    expect(first.traceNumber).toMatch(/^02100002\d{7}$/);
    for (let i = 0; i < 4; i++) expect(await client.payments.transfer(t, { idempotencyKey: 'G-REPEAT:R-1' })).toEqual(first);
    const reused = await client.payments.transfer({ ...t, amountCents: 99 }, { idempotencyKey: 'G-REPEAT:R-1' }).catch((e) => e);
    expect(reused).toBeInstanceOf(HmsopsApiError);
    expect(reused).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await countFor('G-REPEAT')).toEqual({ n: 1, keys: 1 });
  });

  it('lists every problem of a bad transfer by field and stores nothing', async () => {
    const bad = { ...transfer('G-BAD', 1), routing: '011000016', account: 'x'.repeat(18), amountCents: 10_000_000_000, name: 'Ærøskøbing 株式会社', secCode: 'WEB' };
    const err = (await client.payments.transfer(bad as any, { idempotencyKey: 'G-BAD:1' }).catch((e) => e)) as HmsopsApiError;
    expect(err.status).toBe(400);
    expect(((err.body as any).error.fields as any[]).map((f) => f.field).sort()).toEqual(['account', 'amountCents', 'name', 'routing', 'secCode']);
    expect((await countFor('G-BAD')).n).toBe(0);
  });

  it('answers 409 for a key whose first request is still being processed, then the first answer', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ ...transfer('G-INFLIGHT', i), idempotencyKey: `G-INFLIGHT:${i}` }));
    const last = items[9_999]!;
    const { idempotencyKey, ...body } = last;
    await client.auth.me();
    let batchDone = false;
    const batch = client.payments.transferBatch(items).finally(() => (batchDone = true));
    // Wait until the batch holds its keys (an instance is working on it).
    await until(
      'keys held',
      async () => (await fleet.store.query<{ n: number }>('ach', "SELECT COUNT(*) AS n FROM reservations WHERE idempotency_key LIKE 'G-INFLIGHT:%'"))[0]!.n > 0,
      20_000,
      2,
    );
    const answers: (number | string)[] = [];
    let transferId: string | undefined;
    while (!batchDone) {
      const r = await client.payments.transfer(body, { idempotencyKey, waitIfInFlight: false }).catch((e) => e);
      if (r instanceof HmsopsApiError) {
        expect(r.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
        answers.push(409);
      } else {
        transferId = r.id;
        answers.push(200);
      }
    }
    const b = await batch;
    expect(b.failed).toBe(0);
    expect(answers).toContain(409);
    const final = await client.payments.transfer(body, { idempotencyKey });
    expect(final.id).toBe(b.results[9_999]!.transfer!.id);
    if (transferId) expect(transferId).toBe(final.id);
    expect(await countFor('G-INFLIGHT')).toEqual({ n: 10_000, keys: 10_000 });
  });

  it('makes one transfer of many concurrent submissions with the same key (the SDK waits out a 409 in flight)', async () => {
    const t = transfer('G-RACE', 7);
    const answers = await Promise.all(Array.from({ length: 40 }, () => client.payments.transfer(t, { idempotencyKey: 'G-RACE:R-7' })));
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await countFor('G-RACE')).toEqual({ n: 1, keys: 1 });
  });

  it('reports bad batch items by index without poisoning the others, and stores nothing of an atomic batch with a bad item', async () => {
    const items = [0, 1, 2].map((i) => ({ ...transfer('G-BATCH', i), idempotencyKey: `G-BATCH:${i}` }));
    items[1] = { ...items[1]!, routing: '123456789' } as any;
    const r = await client.payments.transferBatch(items);
    expect(r.results.map((x) => x.status)).toEqual([201, 400, 201]);
    expect(r.results[1]!.error!.fields![0]).toMatchObject({ field: 'routing' });
    const atomic = await client.payments
      .transferBatch(
        items.map((x) => ({ ...x, grantId: 'G-ATOMIC', idempotencyKey: `A:${x.recipientId}` })),
        { atomic: true },
      )
      .catch((e) => e);
    expect(atomic).toMatchObject({ status: 422, code: 'BATCH_REJECTED' });
    expect((await countFor('G-ATOMIC')).n).toBe(0);
  });

  it('pays each key once when every ACH instance is killed with SIGKILL mid-batch and the batch is retried', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ ...transfer('G-KILL', i), idempotencyKey: `G-KILL:${i}` }));
    await client.auth.me(); // logged in already, so the batch goes straight out
    const pids = (await fleet.instances()).filter((i) => i.service === 'ach').map((i) => i.pid);
    const inFlight = client.payments.transferBatch(items).catch((e) => e);
    // Kill once an instance is working on it: its CPU time starts to climb.
    const cpu = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[11]);
    const cpu0 = pids.map(cpu);
    await until('an ACH instance busy with the batch', () => pids.some((p, i) => cpu(p) - cpu0[i]! >= 5), 10_000, 5);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const first = await inFlight;
    await until('ach ready again', async () => (await fleet.instances()).filter((i) => i.service === 'ach' && i.state === 'ready' && !pids.includes(i.pid)).length === 2, 30_000);
    // Retries: what the first attempt committed is replayed; keys it still held answer 409 until
    // their lease runs out (the holder died), then they are created. Never twice.
    let created = 0;
    const statuses = new Set<number>();
    const retry = await until(
      'every key answered',
      async () => {
        const r = await client.payments.transferBatch(items).catch(() => undefined);
        if (!r) return undefined;
        created += r.created;
        r.results.forEach((x) => statuses.add(x.status));
        return r.failed === 0 ? r : undefined;
      },
      60_000,
      500,
    );
    expect(retry.created + retry.replayed).toBe(10_000);
    expect([...statuses].every((s) => [200, 201, 409].includes(s))).toBe(true);
    expect(created).toBeLessThanOrEqual(10_000);
    // The first attempt reached an instance and was cut off: the client never got its answer.
    expect(first).toMatchObject({ status: 502, code: 'UPSTREAM_UNREACHABLE' });
    expect(await countFor('G-KILL')).toEqual({ n: 10_000, keys: 10_000 });
  });

  it('puts each transfer in exactly one file while transfers keep arriving and both instances cut files', async () => {
    let submitting = true;
    let n = 0;
    const submitter = (async () => {
      while (submitting) {
        const batch = Array.from({ length: 50 }, () => {
          const i = n++;
          return { ...transfer('G-CUT', i), idempotencyKey: `G-CUT:${i}` };
        });
        await client.payments.transferBatch(batch);
      }
    })();
    const files: string[] = [];
    for (let i = 0; i < 12; i++) {
      const [a, b] = await Promise.all([client.payments.cutFile({ grantId: 'G-CUT' }), client.payments.cutFile({ grantId: 'G-CUT' })]);
      for (const f of [a, b]) if (f.fileId) files.push((f as any).path);
    }
    submitting = false;
    await submitter;
    const last = await client.payments.cutFile({ grantId: 'G-CUT' });
    if (last.fileId) files.push((last as any).path);
    expect(files.length).toBeGreaterThan(3);
    const traces = new Map<string, string>();
    let entries = 0;
    for (const f of files) {
      const r = readNachaFile(fs.readFileSync(f, 'latin1'));
      expect(r.problems).toEqual([]);
      for (const b of r.file!.batches)
        for (const e of b.entries) {
          expect(traces.has(e.traceNumber), `${e.traceNumber} in ${f} and ${traces.get(e.traceNumber)}`).toBe(false);
          traces.set(e.traceNumber, f);
          entries++;
        }
    }
    const listed = await client.payments.list({ grantId: 'G-CUT' });
    expect(entries).toBe(n);
    expect(listed.transfers).toHaveLength(n);
    expect(listed.transfers.every((t) => t.status === 'filed' && t.fileId)).toBe(true);
    expect(new Set(listed.transfers.map((t) => t.traceNumber))).toEqual(new Set(traces.keys()));
  });

  it('cuts a grant over what one file may carry into several files, oldest first, each within the limits', async () => {
    // Entries: 20 transfers, at most 7 a file.
    const small = Array.from({ length: 20 }, (_, i) => ({ ...transfer('G-SPLIT-N', i), idempotencyKey: `G-SPLIT-N:${i}` }));
    await client.payments.transferBatch(small);
    const byCount: any[] = [];
    for (let f = await client.payments.cutFile({ grantId: 'G-SPLIT-N', maxEntries: 7 }); f.fileId; f = await client.payments.cutFile({ grantId: 'G-SPLIT-N', maxEntries: 7 }))
      byCount.push(f);
    expect(byCount.map((f) => f.entries)).toEqual([7, 7, 6]);
    // Amounts: 101 transfers of $99,999,999.99; the File Control's totals have 12 digits, so one file takes 100.
    const big = Array.from({ length: 101 }, (_, i) => ({ ...transfer('G-SPLIT-USD', i, { amountCents: 9_999_999_999 }), idempotencyKey: `G-SPLIT-USD:${i}` }));
    const stored = await client.payments.transferBatch(big);
    expect(stored.results.every((r) => r.status === 201)).toBe(true);
    const first = (await client.payments.cutFile({ grantId: 'G-SPLIT-USD' })) as any;
    const second = (await client.payments.cutFile({ grantId: 'G-SPLIT-USD' })) as any;
    expect((await client.payments.cutFile({ grantId: 'G-SPLIT-USD' })).fileId).toBeNull();
    expect([first.entries, second.entries]).toEqual([100, 1]);
    expect(first.totalCreditCents).toBe(999_999_999_900);
    const traces = new Set<string>();
    for (const f of [...byCount, first, second]) {
      const r = readNachaFile(await client.payments.downloadFile(f.fileId));
      expect(r.problems).toEqual([]);
      for (const b of r.file!.batches) for (const e of b.entries) traces.add(e.traceNumber);
    }
    expect(traces.size).toBe(121);
    // Oldest first: the first file holds the first 7 transfers submitted.
    const listed = (await client.payments.list({ grantId: 'G-SPLIT-N' })).transfers;
    const firstFile = listed.filter((t) => t.fileId === byCount[0].fileId).map((t) => t.recipientId);
    expect(firstFile.sort()).toEqual(small.slice(0, 7).map((t) => t.recipientId));
  });

  it('never writes a full account number to the logs', async () => {
    await client.payments.transfer(transfer('G-LOG', 424242, { account: '99887766554433' }), { idempotencyKey: 'G-LOG:1' });
    const logs = (await fleet.hmsops(['logs'])).stdout;
    expect(logs).toContain('/v1/transfers');
    expect(logs).not.toContain('99887766554433');
  });
});
