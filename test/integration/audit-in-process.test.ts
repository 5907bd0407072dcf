/**
 * The audit log of the ACH service, two instances built in-process on one store (each store):
 * what moves money is written in the same transaction as the entry that says so, the instances
 * writing at once make one chain (no fork), and a row changed in the database afterwards is
 * found: `verifyChain` (what `hmsops audit verify` runs) names it. The whole run through the CLI
 * with returns is audit.test.ts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBody, verifyChain } from '../../src/audit/verify.js';
import { buildReturnFile } from '../../src/nacha/index.js';
import { ach } from '../../services/ach/app.js';
import { transfer } from '../helpers/grants.js';
import { buildInProcess, type InProcessService, tempState } from '../helpers/in-process.js';
import { describeStores, type FleetStore, storesFor } from '../helpers/stores.js';

describeStores('the audit log (%s store)', (backend) => {
  const stores = storesFor(backend);
  let state: ReturnType<typeof tempState>;
  let store: FleetStore;
  let a: InProcessService;
  let b: InProcessService;

  beforeAll(async () => {
    state = tempState();
    store = await stores.store();
    a = await buildInProcess(ach, store, state.dir, { instanceId: 'ach-1' });
    b = await buildInProcess(ach, store, state.dir, { instanceId: 'ach-2' });
  });
  afterAll(async () => {
    try {
      await a?.close();
      await b?.close();
      await store?.close();
      await stores.stop();
    } finally {
      state?.remove();
    }
  });

  const json = (r: { body: string }) => JSON.parse(r.body);
  const audit = async (s: InProcessService) => json(await s.call({ method: 'GET', url: '/v1/audit' })).entries;

  it('writes one chain from two instances at once, saying who did what, and names the first entry changed afterwards', async () => {
    // 20 requests at once, spread over both instances: one chain, in whatever order they committed.
    await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        (k % 2 ? a : b).call({
          method: 'POST',
          url: '/v1/transfers:batch',
          payload: { transfers: [0, 1, 2].map((i) => ({ ...transfer(`G-AUD-${k}`, i), idempotencyKey: `G-AUD-${k}:${i}` })) },
          as: { username: k % 2 ? 'olga' : 'omar' },
        }),
      ),
    );
    const cut = json(await a.call({ method: 'POST', url: '/v1/files', payload: { grantId: 'G-AUD-3' } }));
    const paid = json(await a.call({ method: 'GET', url: '/v1/transfers?grantId=G-AUD-3' })).transfers;
    const text = buildReturnFile([{ originalTrace: paid[0].traceNumber, code: 'R03', amountCents: paid[0].amountCents }], {
      rdfi: '01100001',
      odfiRouting: '021000021',
      companyName: 'US DEPT OF LABOR',
      companyId: '1234567890',
    });
    expect((await b.call({ method: 'POST', url: '/v1/inbound-files', payload: { name: 'RET.ach', text } })).statusCode).toBe(201);
    // A repeat stores nothing and says nothing.
    await a.call({ method: 'POST', url: '/v1/transfers:batch', payload: { transfers: [{ ...transfer('G-AUD-3', 0), idempotencyKey: 'G-AUD-3:0' }] } });

    const entries = await audit(b);
    expect(entries).toEqual(await audit(a));
    expect(verifyChain('ach', entries)).toMatchObject({ entries: 22, broken: null });
    const bodies = entries.map((e: { body: string }) => readBody(e.body)!);
    const submitted = bodies.filter((x: { action: string }) => x.action === 'transfers.submitted');
    expect(submitted).toHaveLength(20);
    expect(new Set(submitted.map((x: { detail: { grantId: string } }) => x.detail.grantId)).size).toBe(20);
    expect(submitted.find((x: { detail: { grantId: string } }) => x.detail.grantId === 'G-AUD-3')).toMatchObject({
      who: 'olga',
      detail: { count: 3, totalCents: paid.reduce((n: number, t: { amountCents: number }) => n + t.amountCents, 0) },
    });
    expect(bodies.at(-2)).toMatchObject({ action: 'file.cut', who: 'operator', detail: { fileId: cut.fileId, grantId: 'G-AUD-3', entries: 3 } });
    expect(bodies.at(-1)).toMatchObject({ action: 'returns.imported', detail: { name: 'RET.ach', returned: 1, unmatched: 0 } });
    expect(bodies.every((x: { requestId: string | null }) => typeof x.requestId === 'string')).toBe(true);

    // Someone with access to the database changes one entry's amount: the chain breaks there.
    const target = entries[5];
    const changed = target.body.replace(/"totalCents":(\d+)/, (_: string, n: string) => `"totalCents":${Number(n) + 100000}`);
    expect(await store.write('ach', 'UPDATE audit SET body = ? WHERE seq = ?', [changed, target.seq])).toBe(1);
    const after = verifyChain('ach', await audit(a));
    expect(after.broken).toEqual({ seq: target.seq, reason: expect.stringContaining('(it was changed)') });
    // Put back, and one removed instead: the entry after it no longer follows.
    await store.write('ach', 'UPDATE audit SET body = ? WHERE seq = ?', [target.body, target.seq]);
    expect(verifyChain('ach', await audit(a)).broken).toBeNull();
    await store.write('ach', 'DELETE FROM audit WHERE seq = ?', [entries[9].seq]);
    expect(verifyChain('ach', await audit(a)).broken).toEqual({ seq: entries[10].seq, reason: expect.stringContaining('an entry removed or put in before it') });
  });

  it('keeps the log to admins', async () => {
    const r = await a.call({ method: 'GET', url: '/v1/audit', as: { username: 'olga', roles: ['operator'] } });
    expect([r.statusCode, json(r).error.code]).toEqual([403, 'FORBIDDEN']);
  });
});
