import { describe, expect, it } from 'vitest';
import { FirstIndex, IdColumn, NineDigitColumn } from '../../src/disburse/columns.js';
import { type GrantRecipient, RecipientList } from '../../src/disburse/recipient-list.js';
import { RecipientResults } from '../../src/disburse/results.js';

const recipient = (i: number, over: Partial<GrantRecipient> = {}): GrantRecipient => ({
  id: `R-${i}`,
  name: `Recipient ${i}`,
  email: `r${i}@example.org`,
  routing: '021000021',
  account: String(1000 + i),
  accountType: i % 2 ? 'savings' : 'checking',
  amountCents: 100 * i + 1,
  secCode: i % 3 ? 'PPD' : 'CCD',
  ...over,
});

describe('a grant stored by column', () => {
  it('gives back every recipient as it was pushed, unicode names and all, past every buffer growth', () => {
    const all = Array.from({ length: 5000 }, (_, i) => recipient(i, i === 7 ? { name: 'Zoë Ñúñez 北京 – ☃' } : {}));
    const list = RecipientList.of(all);
    expect(list.length).toBe(5000);
    expect([...list]).toEqual(all);
    expect(list.at(7).name).toBe('Zoë Ñúñez 北京 – ☃');
    expect(list.amountCents(4999)).toBe(499_901);
    expect(JSON.parse(JSON.stringify(list))).toEqual(all);
    expect(() => list.at(5000)).toThrow(RangeError);
  });

  it('packs our transfer ids and keeps any other as it is', () => {
    const ids = new IdColumn(3);
    ids.set(0, 'tr_0123456789abcdef0123456789abcdef');
    ids.set(2, 'txn-from-elsewhere');
    expect([ids.at(0), ids.at(1), ids.at(2)]).toEqual(['tr_0123456789abcdef0123456789abcdef', null, 'txn-from-elsewhere']);
  });

  it('keeps routing numbers in 4 bytes each, leading zeros included, any other text as it is; trimmed it takes more', () => {
    const routing = new NineDigitColumn();
    const given = Array.from({ length: 600 }, (_, i) => (i === 7 ? '12345' : String(i * 1_000_003).padStart(9, '0')));
    given[3] = '021000021';
    for (const r of given) routing.push(r);
    routing.trim();
    routing.push('999999999');
    expect(Array.from({ length: 601 }, (_, i) => routing.at(i))).toEqual([...given, '999999999']);
  });

  it('trims the room reserved for more strings and takes more after', () => {
    const list = new RecipientList(5000);
    for (let i = 1; i <= 1500; i++) list.push(recipient(i));
    list.trim();
    list.push(recipient(1501));
    expect(list.at(1500)).toEqual(recipient(1501));
    expect(list.at(0)).toEqual(recipient(1));
  });
});

describe("a run's results stored by column", () => {
  it("keeps trace numbers (leading zero included), times, errors and the follow-ups' state", () => {
    const list = RecipientList.of([recipient(1), recipient(2), recipient(3), recipient(4)]);
    const results = new RecipientResults(list);
    results.transferred(0, 'paid', { id: 'tr_0123456789abcdef0123456789abcdef', traceNumber: '021000020000001', createdAt: '2026-11-29T08:00:00.123Z' });
    results.transferred(1, 'already-disbursed', { id: 'tr_ffffffffffffffffffffffffffffffff', traceNumber: '12345678', createdAt: '2026-11-28T08:00:00.000Z' });
    results.refused(2, 'routing: check digit is wrong');
    results.analyticsRecorded(0);
    results.emailQueued(1);
    expect(results.at(0)).toEqual({
      id: 'R-1',
      name: 'Recipient 1',
      amountCents: 101,
      status: 'paid',
      transferId: 'tr_0123456789abcdef0123456789abcdef',
      traceNumber: '021000020000001',
      error: null,
      prenote: null,
      analytics: 'recorded',
      email: 'pending',
    });
    expect(results.createdAt(0)).toBe('2026-11-29T08:00:00.123Z');
    expect(results.traceNumber(1)).toBe('12345678');
    expect(results.at(3)).toMatchObject({ status: 'not-sent', transferId: null, traceNumber: null, error: null });
    expect([results.count('paid'), results.count('already-disbursed'), results.count('refused'), results.count('not-sent')]).toEqual([1, 1, 1, 1]);
    expect(results.cents('paid', 'already-disbursed')).toBe(101 + 201);
    expect([results.pending('analytics'), results.pending('email')]).toEqual([1, 1]);
    expect([...results.refusals()].map((r) => [r.id, r.error])).toEqual([['R-3', 'routing: check digit is wrong']]);
    // A payment that waits for its account's prenote, then one the bank's answer to it holds.
    results.prenoted(3, 'waiting', { traceNumber: '021000020000009', payableFrom: '2026-12-10', answer: null });
    expect(results.at(3)).toMatchObject({ status: 'waiting', transferId: null, prenote: { payableFrom: '2026-12-10' }, error: null });
    expect([...results.waiting()].map((r) => r.id)).toEqual(['R-4']);
    results.prenoted(3, 'held', { traceNumber: '021000020000009', payableFrom: '2026-12-10', answer: 'R03 No Account' }, 'held: R03');
    expect([results.count('waiting'), results.count('held'), [...results.waiting()].length]).toEqual([0, 1, 0]);
    expect([...results.refusals()].map((r) => r.id)).toEqual(['R-3', 'R-4']);
  });
});

describe('first index of each key', () => {
  it('answers as a Map of first occurrences would, through many rehashes', () => {
    const index = new FirstIndex();
    const reference = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = `R-${(i * 7919) % 15_000}${i % 5 === 0 ? 'é' : ''}`;
      index.set(key, i);
      if (!reference.has(key)) reference.set(key, i);
    }
    for (const [k, v] of reference) expect(index.get(k)).toBe(v);
    expect(index.has('R-missing')).toBe(false);
    expect(index.get('')).toBeUndefined();
  });
});
