import { describe, expect, it } from 'vitest';
import { type ReconcileFacts, reconcile } from '../../src/disburse/reconcile.js';

const transfer = (n: number, amountCents = 1000) => ({ id: `t${n}`, recipientId: `R-${n}`, traceNumber: `02100002000000${n}`, amountCents, status: 'filed' });
const ret = (n: number, amountCents = 1000) => ({
  line: n,
  kind: 'returned' as const,
  code: 'R03',
  description: 'No Account/Unable to Locate Account',
  originalTrace: `02100002000000${n}`,
  dateOfDeath: null,
  correctedData: null,
  transferId: `t${n}`,
  prenoteId: null,
  grantId: 'G',
  recipientId: `R-${n}`,
  amountCents,
  at: '2026-12-03T10:00:00Z',
});

function facts(over: Partial<ReconcileFacts> = {}): ReconcileFacts {
  const transfers = [1, 2, 3].map((n) => transfer(n));
  return {
    grantId: 'G',
    transfers,
    files: [{ fileId: 'f1', valid: true, entries: transfers.map((t) => ({ traceNumber: t.traceNumber, amountCents: t.amountCents })) }],
    returns: [ret(2)],
    analytics: { 'disbursement.transfer': { count: 3, amountCents: 3000 }, 'disbursement.returned': { count: 1, amountCents: 1000 } },
    notices: { payments: 3, returns: 1 },
    ...over,
  };
}

describe('reconcile', () => {
  it("counts a grant's prenotes apart: zero-dollar entries in its files that are no transfer, each in one file", () => {
    const base = facts();
    const prenote = { id: 'p9', recipientId: 'R-9', traceNumber: '021000020000009', status: 'filed' };
    const withPrenote = (amountCents: number, copies = 1) =>
      facts({
        prenotes: [prenote],
        files: [{ ...base.files[0]!, entries: [...base.files[0]!.entries, ...Array(copies).fill({ traceNumber: prenote.traceNumber, amountCents })] }],
      });
    const r = reconcile(withPrenote(0));
    expect([r.verdict, r.inFiles.count, r.prenotes]).toEqual(['balances', 3, { count: 1, inFiles: 1 }]);
    expect(reconcile(withPrenote(100)).mismatches).toEqual(['prenote trace 021000020000009 (R-9): 100 cents in file f1, a prenote carries none']);
    expect(reconcile(withPrenote(0, 2)).mismatches).toEqual(['prenote p9 (R-9, trace 021000020000009) is filed but in 2 files']);
    // Without the prenote known, its entry is one the grant's transfers do not explain.
    expect(reconcile(facts({ files: withPrenote(0).files })).mismatches[0]).toMatch(/trace 021000020000009\) that is no transfer/);
  });

  it('balances a grant whose ledger, file, returns, analytics and notices agree: transfers = entries = paid + returned', () => {
    const r = reconcile(facts());
    expect(r).toMatchObject({
      transfers: { count: 3, amountCents: 3000 },
      inFiles: { count: 3, files: 1 },
      returned: { count: 1, amountCents: 1000 },
      paid: { count: 2, amountCents: 2000 },
    });
    expect(r.mismatches).toEqual([]);
    expect(r.verdict).toBe('balances');
  });

  it('does not call a grant with no transfers a balance, nor one with a part left unchecked', () => {
    const none = reconcile(facts({ transfers: [], files: [], returns: [], analytics: {}, notices: { payments: 0, returns: 0 } }));
    expect([none.mismatches, none.verdict]).toEqual([[], 'no-transfers']);
    const noAnalytics = reconcile(facts({ analytics: undefined }));
    expect([noAnalytics.mismatches, noAnalytics.unchecked, noAnalytics.verdict]).toEqual([[], ['analytics did not answer'], 'not-checked']);
    expect(reconcile(facts({ notices: { payments: 2, returns: 1 } })).verdict).toBe('mismatches');
  });

  it('names each disagreement: a transfer in no file, one in two, an entry that is no transfer, an amount that differs', () => {
    const f = facts();
    f.files = [
      {
        fileId: 'f1',
        valid: true,
        entries: [
          { traceNumber: f.transfers[0]!.traceNumber, amountCents: 1000 },
          { traceNumber: f.transfers[1]!.traceNumber, amountCents: 999 },
        ],
      },
      {
        fileId: 'f2',
        valid: true,
        entries: [
          { traceNumber: f.transfers[0]!.traceNumber, amountCents: 1000 },
          { traceNumber: '999999990000001', amountCents: 5 },
        ],
      },
    ];
    expect(reconcile(f).mismatches).toEqual([
      'trace 021000020000002 (R-2): 999 cents in file f1, 1000 in the ledger',
      'file f2 has an entry (trace 999999990000001) that is no transfer of this grant',
      'transfer t1 (R-1, trace 021000020000001) is filed but in 2 files',
      'transfer t3 (R-3, trace 021000020000003) is filed but in 0 files',
    ]);
  });

  it('holds analytics and the notices to the ledger, and says what it could not check', () => {
    expect(reconcile(facts({ analytics: { 'disbursement.transfer': { count: 2, amountCents: 2000 } }, notices: { payments: 3, returns: 0 } })).mismatches).toEqual([
      'analytics has 2 transfer event(s) for 2000 cents; the ledger 3 for 3000',
      'analytics has 0 return event(s) for 0 cents; the ledger 1 for 1000',
      '0 return notice(s) queued for 1 returned transfer(s)',
    ]);
    const r = reconcile(facts({ analytics: undefined, notices: undefined }));
    expect(r.mismatches).toEqual([]);
    expect(r.unchecked).toEqual(['analytics did not answer', 'messaging did not answer']);
  });

  it('counts a transfer returned twice as a mismatch, and an unfiled one', () => {
    const f = facts({ returns: [ret(2), { ...ret(2), line: 9 }] });
    f.transfers[2] = { ...f.transfers[2]!, status: 'queued' };
    f.files[0]!.entries.pop();
    expect(reconcile({ ...f, analytics: undefined, notices: undefined }).mismatches).toEqual([
      '1 transfer(s) in the ledger are in no file yet (queued)',
      'transfer t2 (R-2) was returned more than once',
    ]);
  });
});
