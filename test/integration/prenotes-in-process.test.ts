/**
 * Prenotes in the ACH service, built in-process on each store (a temp SQLite file, a database of
 * its own on the test PostgreSQL): a payment to an account never paid waits for its zero-dollar
 * prenote, which goes in the grant's file (23 or 33); it is paid from the third banking day after
 * the prenote settles (the clock moved with vitest's fake Date); the bank's return or change for the
 * prenote holds it. The whole run through the CLI and the gateway is in disburse-prenotes.test.ts.
 */
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { addBankingDays, nextBankingDay } from '../../src/banking-days.js';
import { buildReturnFile, readNachaFile } from '../../src/nacha/index.js';
import { transfer } from '../helpers/grants.js';
import { achForSuite, type InProcessService } from '../helpers/in-process.js';
import { describeStores, type FleetStore } from '../helpers/stores.js';

describeStores('prenotes in the ACH service (%s store)', (backend) => {
  const suite = achForSuite(backend);
  let a: InProcessService;
  let store: FleetStore;
  beforeAll(() => {
    a = suite.ach();
    store = suite.store();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const json = (r: { body: string }) => JSON.parse(r.body);
  const batch = async (transfers: unknown[]) => {
    const r = await a.call({ method: 'POST', url: '/v1/transfers:batch', payload: { transfers } });
    expect(r.statusCode, r.body).toBe(200);
    return json(r);
  };
  const cut = async (grantId: string) => {
    const r = await a.call({ method: 'POST', url: '/v1/files', payload: { grantId } });
    expect(r.statusCode, `${r.body} ${a.log.filter((l) => l.includes('"level":50')).join('\n')}`).toBeLessThan(300);
    return json(r);
  };
  const fileText = async (fileId: string) => (await a.call({ method: 'GET', url: `/v1/files/${fileId}` })).body;
  const prenotesOf = async (grantId: string) => json(await a.call({ method: 'GET', url: `/v1/prenotes?grantId=${grantId}` })).prenotes;
  const keyed = (grantId: string, i: number, extra: Record<string, unknown> = {}) => ({ ...transfer(grantId, i), idempotencyKey: `${grantId}:${i}`, ...extra });
  /** The service's clock (Date only: timers and the store's sockets keep real time). */
  const at = (day: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${day}T15:00:00Z`));
  };

  it('answers 202 with one prenote per account never paid, pays an account paid before at once, and cuts the prenotes (23, 33, $0) into the grant file', async () => {
    const today = new Date().toISOString().slice(0, 10);
    // Account 100901 was paid before (another grant, no prenote asked).
    const before = await batch([{ ...keyed('G-PRE-OLD', 901) }]);
    expect(before.results[0].status).toBe(201);
    const first = await batch([
      keyed('G-PRE', 1, { prenote: true }),
      keyed('G-PRE', 3, { prenote: true }), // savings
      { ...keyed('G-PRE', 4, { prenote: true }), account: '100001', routing: transfer('G-PRE', 1).routing, accountType: 'checking', recipientId: 'R-00001b' }, // the same account as R-00001
      { ...keyed('G-PRE', 901, { prenote: true }) }, // paid before
    ]);
    expect(first.results.map((r: { status: number }) => r.status)).toEqual([202, 202, 202, 201]);
    expect(first.waiting).toBe(3);
    const [p1, p3, p1b] = first.results.map((r: { prenote?: unknown }) => r.prenote);
    const effective = nextBankingDay(new Date());
    expect(p1).toMatchObject({ state: 'waiting', status: 'queued', accountLast4: '0001', effectiveDate: effective, payableFrom: addBankingDays(effective, 3), answer: null });
    expect(p1b.id).toBe(p1.id); // one prenote per account
    expect(p3.accountType).toBe('savings');
    expect(await store.query('ach', 'SELECT id FROM transfers WHERE grant_id = ?', ['G-PRE'])).toHaveLength(1);

    // Asked again (a --resume the same day): the same prenotes, nothing new.
    const again = await batch([keyed('G-PRE', 1, { prenote: true }), keyed('G-PRE', 1)]);
    expect(again.results.map((r: { status: number; prenote: { id: string } }) => [r.status, r.prenote.id])).toEqual([
      [202, p1.id],
      [202, p1.id], // without `prenote` too: the account's prenote holds every payment to it
    ]);

    const file = await cut('G-PRE');
    expect(file.entries).toBe(3); // two prenotes and the payment to the account paid before
    const read = readNachaFile(await fileText(file.fileId));
    expect(read.ok, JSON.stringify(read.problems)).toBe(true);
    const entries = read.file!.batches.flatMap((b) => b.entries);
    const byTrace = new Map(entries.map((e) => [e.traceNumber, e]));
    expect([byTrace.get(p1.traceNumber)?.transactionCode, byTrace.get(p1.traceNumber)?.amount]).toEqual([23, 0]);
    expect([byTrace.get(p3.traceNumber)?.transactionCode, byTrace.get(p3.traceNumber)?.amount]).toEqual([33, 0]);
    expect(new Set(entries.map((e) => e.traceNumber)).size).toBe(3); // one sequence of trace numbers
    expect((await prenotesOf('G-PRE')).map((p: { status: string; fileId: string }) => [p.status, p.fileId])).toEqual([
      ['filed', file.fileId],
      ['filed', file.fileId],
    ]);
    expect(today <= effective).toBe(true);
  });

  it('pays from the third banking day after the prenote settles, the next banking day when the date asked for has passed', async () => {
    const grant = 'G-PRE-DUE';
    const asked = nextBankingDay(new Date());
    const waiting = await batch([keyed(grant, 11, { prenote: true, effectiveDate: asked }), keyed(grant, 12, { prenote: true })]);
    const p = waiting.results[0].prenote;
    expect(waiting.results.map((r: { status: number }) => r.status)).toEqual([202, 202]);
    await cut(grant);

    at(dayBefore(p.payableFrom));
    expect((await batch([keyed(grant, 11, { prenote: true, effectiveDate: asked })])).results[0].status).toBe(202);

    at(p.payableFrom);
    const paid = await batch([keyed(grant, 11, { prenote: true, effectiveDate: asked }), keyed(grant, 12, { prenote: true })]);
    expect(paid.results.map((r: { status: number }) => r.status)).toEqual([201, 201]);
    // Its date (`asked`) passed while it waited: the next banking day from the payable day.
    expect(paid.results[0].transfer.effectiveDate).toBe(nextBankingDay(new Date(`${p.payableFrom}T15:00:00Z`)));
    expect(paid.results[0].transfer.traceNumber).not.toBe(p.traceNumber);
    // Repeated: the same transfers, and the date in the request still matches the first.
    const repeat = await batch([keyed(grant, 11, { prenote: true, effectiveDate: asked })]);
    expect([repeat.results[0].status, repeat.results[0].transfer.id]).toEqual([200, paid.results[0].transfer.id]);
    expect((await prenotesOf(grant)).map((x: { state: string }) => x.state)).toEqual(['payable', 'payable']);
    vi.useRealTimers();
    // A past date with no prenote behind it is still refused.
    const past = await batch([keyed('G-PAST', 951, { effectiveDate: '2020-01-02' })]);
    expect([past.results[0].status, past.results[0].error.fields[0].field]).toEqual([400, 'effectiveDate']);
  });

  it('holds the payment when the bank returns the prenote or sends a change for it, and records the answer against the prenote (no transfer, $0)', async () => {
    const grant = 'G-PRE-RET';
    const first = await batch([keyed(grant, 21, { prenote: true }), keyed(grant, 22, { prenote: true }), keyed(grant, 23, { prenote: true })]);
    const [r03, c01] = first.results.map((r: { prenote: { traceNumber: string } }) => r.prenote);
    await cut(grant);
    const text = buildReturnFile(
      [
        { originalTrace: r03.traceNumber, code: 'R03', amountCents: 0 },
        { originalTrace: c01.traceNumber, code: 'C01', correctedData: '99887766', amountCents: 0 },
      ],
      { rdfi: '01100001', odfiRouting: '021000021', companyName: 'US DEPT OF LABOR', companyId: '1234567890' },
    );
    const imported = json(await a.call({ method: 'POST', url: '/v1/inbound-files', payload: { name: 'RET-PRENOTE.ach', text } }));
    expect(
      imported.records.map((r: { code: string; prenoteId: string; transferId: string; grantId: string; amountCents: number }) => [
        r.code,
        r.prenoteId !== null,
        r.transferId,
        r.grantId,
        r.amountCents,
      ]),
    ).toEqual([
      ['R03', true, null, grant, 0],
      ['C01', true, null, grant, 0],
    ]);

    at(addBankingDays(first.results[2].prenote.payableFrom, 1));
    const later = await batch([keyed(grant, 21, { prenote: true }), keyed(grant, 22, { prenote: true }), keyed(grant, 23, { prenote: true })]);
    expect(later.results.map((r: { status: number; error?: { code: string } }) => [r.status, r.error?.code ?? null])).toEqual([
      [409, 'PRENOTE_ANSWERED'],
      [409, 'PRENOTE_ANSWERED'],
      [201, null],
    ]);
    expect(later.results[0].error.message).toMatch(/R03.*another account/);
    expect(later.results[1].error.message).toMatch(/C01.*use 99887766.*corrected account/);
    expect(later.results[0].error.prenote.answer).toMatchObject({ kind: 'returned', code: 'R03' });
    const states = (await prenotesOf(grant)).map((p: { state: string }) => p.state);
    expect(states).toEqual(['held', 'held', 'payable']);
    // The corrected account, given in the grant: never paid, so a prenote of its own first.
    const corrected = await batch([{ ...keyed(grant, 22, { prenote: true }), account: '99887766' }]);
    expect(corrected.results[0].status).toBe(202);
    // The return of a prenote is no return of a payment: the rates and the returned accounts leave it out.
    const rates = json(await a.call({ method: 'GET', url: '/v1/return-rates' }));
    expect(rates.unmatched).toBe(0);
    expect(json(await a.call({ method: 'GET', url: '/v1/returned-accounts' })).accounts.filter((x: { grantId: string }) => x.grantId === grant)).toEqual([]);
  });
});

/** The calendar day before a YYYY-MM-DD day. */
function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
