import { describe, expect, it } from 'vitest';
import { requestFingerprint, validateTransfer } from '../../services/ach/transfer-rules.js';
import { transfer } from '../helpers/grants.js';

const now = new Date('2026-11-27T15:00:00Z'); // a Friday

describe('transfer rules', () => {
  it('accepts a valid transfer, folds the name and defaults the effective date to the next business day', () => {
    const r = validateTransfer({ ...transfer('G', 1), name: 'José Núñez' }, now);
    expect(r).toMatchObject({ ok: true, transfer: { name: 'JOSE NUNEZ', effectiveDate: '2026-11-30' } });
  });

  it('lists every problem at once', () => {
    const r = validateTransfer({ ...transfer('G', 1), routing: '011000016', account: '', amountCents: 0, accountType: 'money-market', effectiveDate: '2020-01-01', color: 'red' }, now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field).sort()).toEqual(['account', 'accountType', 'amountCents', 'color', 'effectiveDate', 'routing']);
  });

  it('refuses amounts over $99,999,999.99 and fractional cents', () => {
    for (const amountCents of [10_000_000_000, 10.5, -5, Number.NaN])
      expect(validateTransfer({ ...transfer('G', 1), amountCents }, now).ok).toBe(false);
    expect(validateTransfer({ ...transfer('G', 1), amountCents: 9_999_999_999 }, now).ok).toBe(true);
  });

  it('refuses names NACHA cannot carry or that are too long once folded', () => {
    const bad = (name: string) => {
      const r = validateTransfer({ ...transfer('G', 1), name }, now);
      return r.ok ? [] : r.problems.map((p) => p.reason);
    };
    expect(bad('株式会社')[0]).toContain('cannot carry');
    expect(bad('ACME\u0007BELL')[0]).toContain('cannot carry');
    expect(bad('A Very Long Organisation Name Inc')[0]).toContain('at most 22');
  });

  it('defaults the effective date to the next banking day, and refuses one that is not', () => {
    const dated = (nowAt: string, effectiveDate?: string) => validateTransfer({ ...transfer('G', 1), ...(effectiveDate ? { effectiveDate } : {}) }, new Date(nowAt));
    expect(dated('2026-11-25T15:00:00Z')).toMatchObject({ ok: true, transfer: { effectiveDate: '2026-11-27' } }); // Thanksgiving skipped
    expect(dated('2026-11-24T15:00:00Z', '2026-12-25')).toEqual({ ok: false, problems: [{ field: 'effectiveDate', reason: 'must be a banking day: 2026-12-25 is a Federal Reserve holiday, when ACH does not settle; the next banking day is 2026-12-28' }] });
    expect(dated('2026-11-24T15:00:00Z', '2026-12-28')).toMatchObject({ ok: true, transfer: { effectiveDate: '2026-12-28' } });
  });

  it('fingerprints requests regardless of key order and of the idempotency key itself', () => {
    expect(requestFingerprint({ a: 1, b: { c: 2, d: 3 }, idempotencyKey: 'x' })).toBe(requestFingerprint({ b: { d: 3, c: 2 }, a: 1, idempotencyKey: 'y' }));
    expect(requestFingerprint({ a: 1 })).not.toBe(requestFingerprint({ a: 2 }));
  });
});
