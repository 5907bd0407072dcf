/**
 * The ACH service built in-process (test/helpers/in-process.ts), two instances on one store as two
 * processes would share it, on each store: a temp SQLite file and a database of its own on the test
 * PostgreSQL. Idempotency, the rules a transfer is held to, batches, files cut exactly once, and the
 * files the bank sends back. What needs processes (an instance SIGKILLed mid-batch, the SDK through
 * the gateway) is the drill test/drills/ach-killed.test.ts; a grant paid and returned end to end is ach-returns.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReturnFile, readNachaFile } from '../../src/nacha/index.js';
import { ach } from '../../services/ach/app.js';
import { until } from '../helpers/fleet.js';
import { transfer } from '../helpers/grants.js';
import { buildInProcess, type InProcessService, tempState } from '../helpers/in-process.js';
import { describeStores, type FleetStore, storesFor } from '../helpers/stores.js';

describeStores('the ACH service in-process (two instances, %s store)', (backend) => {
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
  const submit = (s: InProcessService, body: unknown, key?: string) =>
    s.call({ method: 'POST', url: '/v1/transfers', payload: body as object, headers: key ? { 'idempotency-key': key } : {} });
  const batch = (s: InProcessService, transfers: unknown[], atomic?: boolean) =>
    s.call({ method: 'POST', url: '/v1/transfers:batch', payload: { transfers, ...(atomic === undefined ? {} : { atomic }) } });
  const cut = async (s: InProcessService, body: Record<string, unknown>) => json(await s.call({ method: 'POST', url: '/v1/files', payload: body }));
  const countFor = async (grantId: string) =>
    (await store.query<{ n: number; keys: number }>('ach', 'SELECT COUNT(*) AS n, COUNT(DISTINCT idempotency_key) AS keys FROM transfers WHERE grant_id = ?', [grantId]))[0]!;

  describe('transfers', () => {
    it('answers a repeated key with the first answer at either instance, and a reused key with another body with 422', async () => {
      const t = transfer('G-REPEAT', 1);
      const first = await submit(a, t, 'G-REPEAT:R-1');
      expect(first.statusCode, first.body).toBe(201);
      expect(json(first)).toMatchObject({ status: 'queued', accountLast4: '0001', name: t.name });
      expect(json(first).traceNumber).toMatch(/^02100002\d{7}$/);
      for (const s of [a, b, b]) {
        const again = await submit(s, t, 'G-REPEAT:R-1');
        expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([200, 'true']);
        expect(json(again)).toEqual(json(first));
      }
      const reused = await submit(b, { ...t, amountCents: 99 }, 'G-REPEAT:R-1');
      expect(reused.statusCode).toBe(422);
      expect(json(reused).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const keyless = await submit(a, t);
      expect([keyless.statusCode, json(keyless).error.code]).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED']);
      expect(await countFor('G-REPEAT')).toEqual({ n: 1, keys: 1 });
    });

    it('lists every problem of a bad transfer by field and stores nothing', async () => {
      const bad = { ...transfer('G-BAD', 1), routing: '011000016', account: 'x'.repeat(18), amountCents: 10_000_000_000, name: 'Ærøskøbing 株式会社', secCode: 'WEB' };
      const r = await submit(a, bad, 'G-BAD:1');
      expect(r.statusCode).toBe(400);
      expect(
        json(r)
          .error.fields.map((f: { field: string }) => f.field)
          .sort(),
      ).toEqual(['account', 'amountCents', 'name', 'routing', 'secCode']);
      expect((await countFor('G-BAD')).n).toBe(0);
    });

    it('answers 409 for a key whose first request is still being processed at the other instance, then the first answer', async () => {
      const items = Array.from({ length: 10_000 }, (_, i) => ({ ...transfer('G-INFLIGHT', i), idempotencyKey: `G-INFLIGHT:${i}` }));
      const { idempotencyKey, ...body } = items[9_999]!;
      let batchDone = false;
      const inFlight = batch(a, items).finally(() => (batchDone = true));
      await until(
        'keys held',
        async () => (await store.query<{ n: number }>('ach', "SELECT COUNT(*) AS n FROM reservations WHERE idempotency_key LIKE 'G-INFLIGHT:%'"))[0]!.n > 0,
        20_000,
        2,
      );
      const answers = new Set<number>();
      while (!batchDone) {
        const r = await submit(b, body, idempotencyKey);
        answers.add(r.statusCode);
        if (r.statusCode === 409) expect(json(r).error.code).toBe('IDEMPOTENCY_KEY_IN_FLIGHT');
      }
      const done = json(await inFlight);
      expect(done.failed).toBe(0);
      expect(answers.has(409)).toBe(true);
      expect([...answers].every((s) => s === 409 || s === 200)).toBe(true);
      expect(json(await submit(b, body, idempotencyKey)).id).toBe(done.results[9_999].transfer.id);
      expect(await countFor('G-INFLIGHT')).toEqual({ n: 10_000, keys: 10_000 });
    });

    it('reports bad batch items by index without poisoning the others, and stores nothing of an atomic batch with a bad item', async () => {
      const items: Record<string, unknown>[] = [0, 1, 2].map((i) => ({ ...transfer('G-BATCH', i), idempotencyKey: `G-BATCH:${i}` }));
      items[1] = { ...items[1], routing: '123456789' };
      const r = json(await batch(a, items));
      expect(r.results.map((x: { status: number }) => x.status)).toEqual([201, 400, 201]);
      expect(r.results[1].error.fields[0]).toMatchObject({ field: 'routing' });
      const atomic = await batch(
        b,
        items.map((x) => ({ ...x, grantId: 'G-ATOMIC', idempotencyKey: `A:${x.recipientId}` })),
        true,
      );
      expect(atomic.statusCode).toBe(422);
      expect(json(atomic).error.code).toBe('BATCH_REJECTED');
      expect((await countFor('G-ATOMIC')).n).toBe(0);
    });
  });

  describe('files', () => {
    it('puts each transfer in exactly one file while transfers keep arriving and both instances cut files', async () => {
      // Each round: a batch of 50 arrives while both instances cut.
      let n = 0;
      const files: string[] = [];
      for (let round = 0; round < 12; round++) {
        const items = Array.from({ length: 50 }, () => {
          const i = n++;
          return { ...transfer('G-CUT', i), idempotencyKey: `G-CUT:${i}` };
        });
        const [stored, ...both] = await Promise.all([batch(round % 2 ? a : b, items), cut(a, { grantId: 'G-CUT' }), cut(b, { grantId: 'G-CUT' })]);
        expect(json(stored).created).toBe(50);
        for (const f of both) if (f.fileId) files.push(f.fileId);
      }
      const last = await cut(a, { grantId: 'G-CUT' });
      if (last.fileId) files.push(last.fileId);
      expect(files.length).toBeGreaterThan(3);
      const traces = new Map<string, string>();
      for (const fileId of files) {
        // Either instance serves any file.
        const download = await (traces.size % 2 ? a : b).call({ method: 'GET', url: `/v1/files/${fileId}` });
        const r = readNachaFile(download.body);
        expect(r.problems).toEqual([]);
        for (const batch of r.file!.batches)
          for (const e of batch.entries) {
            expect(traces.has(e.traceNumber), `${e.traceNumber} in ${fileId} and ${traces.get(e.traceNumber)}`).toBe(false);
            traces.set(e.traceNumber, fileId);
          }
      }
      const listed = json(await b.call({ method: 'GET', url: '/v1/transfers?grantId=G-CUT' })).transfers as { status: string; fileId: string; traceNumber: string }[];
      expect(traces.size).toBe(n);
      expect(listed).toHaveLength(n);
      expect(listed.every((t) => t.status === 'filed' && t.fileId)).toBe(true);
      expect(new Set(listed.map((t) => t.traceNumber))).toEqual(new Set(traces.keys()));
    });

    it('cuts a grant over what one file may carry into several files, oldest first, each within the limits', async () => {
      const small = Array.from({ length: 20 }, (_, i) => ({ ...transfer('G-SPLIT-N', i), idempotencyKey: `G-SPLIT-N:${i}` }));
      await batch(a, small);
      const byCount: { fileId: string; entries: number }[] = [];
      for (let f = await cut(a, { grantId: 'G-SPLIT-N', maxEntries: 7 }); f.fileId; f = await cut(b, { grantId: 'G-SPLIT-N', maxEntries: 7 })) byCount.push(f);
      expect(byCount.map((f) => f.entries)).toEqual([7, 7, 6]);
      // Amounts: 101 transfers of $99,999,999.99; the File Control's totals have 12 digits, so one file takes 100.
      const big = Array.from({ length: 101 }, (_, i) => ({ ...transfer('G-SPLIT-USD', i, { amountCents: 9_999_999_999 }), idempotencyKey: `G-SPLIT-USD:${i}` }));
      expect(json(await batch(b, big)).created).toBe(101);
      const first = await cut(a, { grantId: 'G-SPLIT-USD' });
      const second = await cut(a, { grantId: 'G-SPLIT-USD' });
      expect((await cut(b, { grantId: 'G-SPLIT-USD' })).fileId).toBeNull();
      expect([first.entries, second.entries]).toEqual([100, 1]);
      expect(first.totalCreditCents).toBe(999_999_999_900);
      const traces = new Set<string>();
      for (const f of [...byCount, first, second]) {
        const r = readNachaFile((await a.call({ method: 'GET', url: `/v1/files/${f.fileId}` })).body);
        expect(r.problems).toEqual([]);
        for (const batch of r.file!.batches) for (const e of batch.entries) traces.add(e.traceNumber);
      }
      expect(traces.size).toBe(121);
      // Oldest first: the first file holds the first 7 transfers submitted.
      const listed = json(await a.call({ method: 'GET', url: '/v1/transfers?grantId=G-SPLIT-N' })).transfers as { fileId: string; recipientId: string }[];
      expect(
        listed
          .filter((t) => t.fileId === byCount[0]!.fileId)
          .map((t) => t.recipientId)
          .sort(),
      ).toEqual(small.slice(0, 7).map((t) => t.recipientId));
      // Each file is also on disk, under the state dir's ach/outbound/.
      expect(fs.readdirSync(path.join(state.dir, 'ach', 'outbound')).length).toBeGreaterThanOrEqual(5);
    });
  });

  describe('files the bank sends back', () => {
    const returnFile = (items: { trace: string; code: string; correctedData?: string; amountCents: number }[]) =>
      buildReturnFile(
        items.map((x) => ({ ...x, originalTrace: x.trace })),
        { rdfi: '01100001', odfiRouting: '021000021', companyName: 'US DEPT OF LABOR', companyId: '1234567890', createdAt: new Date('2026-12-03T10:00:00Z') },
      );

    it('records each return and change beside its transfer, lists the unmatched one; the same file again, at either instance, changes nothing', async () => {
      const items = [0, 1, 2].map((i) => ({ ...transfer('G-RET', i), idempotencyKey: `G-RET:${i}` }));
      const paid = json(await batch(a, items)).results.map((r: { transfer: { traceNumber: string; amountCents: number } }) => r.transfer);
      expect((await cut(a, { grantId: 'G-RET' })).entries).toBe(3);
      const text = returnFile([
        { trace: paid[0].traceNumber, code: 'R03', amountCents: paid[0].amountCents },
        { trace: paid[1].traceNumber, code: 'C01', correctedData: '99887766', amountCents: 0 },
        { trace: '021000029999999', code: 'R02', amountCents: 100 },
      ]);
      const first = await a.call({ method: 'POST', url: '/v1/inbound-files', payload: { name: 'RET1.ach', text } });
      expect(first.statusCode, first.body).toBe(201);
      const result = json(first);
      expect(result.records.map((r: { kind: string; code: string; recipientId: string | null }) => [r.kind, r.code, r.recipientId])).toEqual([
        ['returned', 'R03', 'R-00000'],
        ['corrected', 'C01', 'R-00001'],
        ['returned', 'R02', null],
      ]);
      expect(result.records[2]).toMatchObject({ transferId: null, originalTrace: '021000029999999' });
      const again = await b.call({ method: 'POST', url: '/v1/inbound-files', payload: { name: 'RET1-again.ach', text } });
      expect(again.statusCode).toBe(200);
      expect(json(again)).toMatchObject({ alreadyImported: true, fileId: result.fileId });
      expect((await store.query<{ n: number }>('ach', 'SELECT COUNT(*) AS n FROM returns'))[0]!.n).toBe(3);
      // Nothing in the transfers is overwritten: they stay filed.
      expect((await store.query<{ n: number }>('ach', "SELECT COUNT(*) AS n FROM transfers WHERE grant_id = 'G-RET' AND status = 'filed'"))[0]!.n).toBe(3);
      const listed = json(await b.call({ method: 'GET', url: '/v1/grants/G-RET/returns' })).returns;
      expect(listed.map((r: { recipientId: string; code: string }) => `${r.recipientId} ${r.code}`)).toEqual(['R-00000 R03', 'R-00001 C01']);
    });

    it("watches each originator's return rates over 60 days against NACHA's thresholds, names the accounts an administrative return came back from, and exports the rates as metrics", async () => {
      // An originator of its own, so the other tests' transfers do not count: 40 entries, then 1 R10 (unauthorized), 2 R03 (administrative), 1 R01.
      const originator = { name: 'RATE WATCH AGCY', companyId: 'RATE000001', odfiRouting: '021000021' };
      const items = Array.from({ length: 40 }, (_, i) => ({ ...transfer('G-RATE', 500 + i, { originator }), idempotencyKey: `G-RATE:${i}` }));
      const submitted = json(await batch(a, items));
      expect(submitted.created, JSON.stringify(submitted.results[0])).toBe(40);
      const paid = submitted.results.map((r: { transfer: { traceNumber: string; amountCents: number } }) => r.transfer);
      expect((await cut(a, { grantId: 'G-RATE' })).entries).toBe(40);
      const back = [
        ['R10', 0],
        ['R03', 1],
        ['R03', 2],
        ['R01', 3],
      ] as const;
      const text = returnFile(back.map(([code, i]) => ({ trace: paid[i].traceNumber, code, amountCents: paid[i].amountCents })));
      expect((await b.call({ method: 'POST', url: '/v1/inbound-files', payload: { name: 'RATES.ach', text } })).statusCode).toBe(201);

      const ratesAnswer = await b.call({ method: 'GET', url: '/v1/return-rates' });
      expect(ratesAnswer.statusCode, ratesAnswer.body).toBe(200);
      const rates = json(ratesAnswer);
      expect(rates.windowDays).toBe(60);
      const mine = rates.originators.find((o: { companyId: string }) => o.companyId === 'RATE000001');
      expect(mine).toMatchObject({ originatorName: 'RATE WATCH AGCY', entries: 40 });
      expect(
        mine.rates.map((r: { category: string; returns: number; rate: number; threshold: number; over: boolean }) => [r.category, r.returns, r.rate, r.threshold, r.over]),
      ).toEqual([
        ['unauthorized', 1, 0.025, 0.005, true],
        ['administrative', 2, 0.05, 0.03, true],
        ['overall', 4, 0.1, 0.15, false],
      ]);
      // The returns were recorded just now: a 1-day window holds them all; a window of 0 days is refused.
      expect(
        json(await a.call({ method: 'GET', url: '/v1/return-rates?days=1' })).originators.find((o: { companyId: string }) => o.companyId === 'RATE000001').rates[2].returns,
      ).toBe(4);
      expect((await a.call({ method: 'GET', url: '/v1/return-rates?days=0' })).statusCode).toBe(400);

      // The two R03 accounts, by a key that does not show the number; the R10 and R01 accounts are not administrative.
      const { accounts } = json(await a.call({ method: 'GET', url: '/v1/returned-accounts' }));
      const rate = accounts.filter((x: { grantId: string }) => x.grantId === 'G-RATE');
      expect(rate.map((x: { recipientId: string; code: string }) => `${x.recipientId} ${x.code}`).sort()).toEqual(['R-00501 R03', 'R-00502 R03']);
      expect(rate[0].accountKey).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(accounts)).not.toContain(items[1]!.account);

      // The rates as gauges, read from the store at each scrape: the same at either instance.
      for (const s of [a, b]) {
        const metrics = (await s.call({ method: 'GET', url: '/metrics' })).body;
        expect(metrics).toContain('# TYPE ach_return_rate gauge');
        expect(metrics).toContain('ach_return_rate{category="administrative",originator="RATE000001"} 0.05');
        expect(metrics).toContain('ach_return_rate_threshold{category="unauthorized",originator="RATE000001"} 0.005');
        expect(metrics).toContain('ach_returns_60d{category="overall",originator="RATE000001"} 4');
      }
    });

    it('refuses a file with a return code NACHA does not have, naming the line, and records nothing', async () => {
      const before = (await store.query<{ n: number }>('ach', 'SELECT COUNT(*) AS n FROM returns'))[0]!.n;
      const text = returnFile([{ trace: '021000020000001', code: 'R03', amountCents: 1 }]).replace(/^799R03/m, '799R99');
      const r = await a.call({ method: 'POST', url: '/v1/inbound-files', payload: { name: 'BAD.ach', text } });
      expect(r.statusCode).toBe(422);
      expect(json(r).error.code).toBe('INVALID_NACHA_FILE');
      expect(json(r).error.details).toEqual([expect.stringMatching(/^line 4: return reason code "R99" \(positions 4-6\) is not one of NACHA's \(rule: return-code\)$/)]);
      expect((await store.query<{ n: number }>('ach', 'SELECT COUNT(*) AS n FROM returns'))[0]!.n).toBe(before);
    });
  });

  it('never writes a full account number to its log', async () => {
    expect(json(await submit(a, transfer('G-LOG', 424242, { account: '99887766554433' }), 'G-LOG:1')).accountLast4).toBe('4433');
    const log = [...a.log, ...b.log].join('');
    expect(log).toContain('/v1/transfers');
    expect(log).not.toContain('99887766554433');
  });
});
