import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, requestFingerprint } from '../../services/kit/idempotency.js';
import { transferFingerprint, validateTransfer } from '../../services/ach/transfer-rules.js';
import { transfer } from '../helpers/grants.js';

const now = new Date('2026-11-27T15:00:00Z'); // a Friday

describe('transfer rules', () => {
  it('accepts a valid transfer, keeps the name whole, folds the company name and defaults the effective date to the next business day', () => {
    const r = validateTransfer({ ...transfer('G', 1), name: 'José Núñez', originator: { ...transfer('G', 1).originator, name: 'Dept of Labor' } }, now);
    expect(r).toMatchObject({ ok: true, transfer: { name: 'José Núñez', originator: { name: 'DEPT OF LABOR' }, effectiveDate: '2026-11-30' } });
  });

  it('fingerprints the name as the bank sees it: a case or accent difference is the same payment, another name is not', () => {
    const t = transfer('G', 1);
    expect(transferFingerprint({ ...t, name: 'José Núñez' })).toBe(transferFingerprint({ ...t, name: 'JOSE NUNEZ' }));
    expect(transferFingerprint({ ...t, name: 'JOSE NUNEZ' })).toBe(requestFingerprint({ ...t, name: 'JOSE NUNEZ' })); // what the CLI sent before
    expect(transferFingerprint({ ...t, name: 'José Núñez' })).not.toBe(transferFingerprint({ ...t, name: 'Joseph Núñez' }));
  });

  it('lists every problem at once', () => {
    const r = validateTransfer(
      { ...transfer('G', 1), routing: '011000016', account: '', amountCents: 0, accountType: 'money-market', effectiveDate: '2020-01-01', color: 'red' },
      now,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field).sort()).toEqual(['account', 'accountType', 'amountCents', 'color', 'effectiveDate', 'routing']);
  });

  it('refuses amounts over $99,999,999.99 and fractional cents', () => {
    for (const amountCents of [10_000_000_000, 10.5, -5, Number.NaN]) expect(validateTransfer({ ...transfer('G', 1), amountCents }, now).ok).toBe(false);
    expect(validateTransfer({ ...transfer('G', 1), amountCents: 9_999_999_999 }, now).ok).toBe(true);
  });

  it('holds an entry effective today (Same Day ACH) to $1,000,000, and one effective later to the file limit only', () => {
    const today = now.toISOString().slice(0, 10);
    const r = validateTransfer({ ...transfer('G', 1), amountCents: 100_000_001, effectiveDate: today }, now);
    expect(r).toEqual({
      ok: false,
      problems: [{ field: 'amountCents', reason: 'Same Day ACH carries at most $1,000,000.00 an entry: effective today (2026-11-27), this is a same-day entry' }],
    });
    expect(validateTransfer({ ...transfer('G', 1), amountCents: 100_000_000, effectiveDate: today }, now).ok).toBe(true);
    expect(validateTransfer({ ...transfer('G', 1), amountCents: 100_000_001 }, now).ok).toBe(true);
  });

  it('refuses names NACHA cannot carry or over 100 characters', () => {
    const bad = (name: string) => {
      const r = validateTransfer({ ...transfer('G', 1), name }, now);
      return r.ok ? [] : r.problems.map((p) => p.reason);
    };
    expect(bad('株式会社')[0]).toContain('cannot carry');
    expect(bad('ACME\u0007BELL')[0]).toContain('cannot carry');
    expect(bad('A Very Long Organisation Name Inc')).toEqual([]); // kept whole; the NACHA file cuts it
    expect(bad('x'.repeat(101))[0]).toBe('is 101 characters; at most 100');
  });

  it('defaults the effective date to the next banking day, and refuses one that is not', () => {
    const dated = (nowAt: string, effectiveDate?: string) => validateTransfer({ ...transfer('G', 1), ...(effectiveDate ? { effectiveDate } : {}) }, new Date(nowAt));
    expect(dated('2026-11-25T15:00:00Z')).toMatchObject({ ok: true, transfer: { effectiveDate: '2026-11-27' } }); // Thanksgiving skipped
    expect(dated('2026-11-24T15:00:00Z', '2026-12-25')).toEqual({
      ok: false,
      problems: [
        { field: 'effectiveDate', reason: 'must be a banking day: 2026-12-25 is a Federal Reserve holiday, when ACH does not settle; the next banking day is 2026-12-28' },
      ],
    });
    expect(dated('2026-11-24T15:00:00Z', '2026-12-28')).toMatchObject({ ok: true, transfer: { effectiveDate: '2026-12-28' } });
  });

  it('fingerprints requests regardless of key order and of the idempotency key itself', () => {
    expect(requestFingerprint({ a: 1, b: { c: 2, d: 3 }, idempotencyKey: 'x' })).toBe(requestFingerprint({ b: { d: 3, c: 2 }, a: 1, idempotencyKey: 'y' }));
    expect(requestFingerprint({ a: 1 })).not.toBe(requestFingerprint({ a: 2 }));
    // A known transfer's fingerprint, as stored by earlier versions: it must never change.
    expect(requestFingerprint({ name: 'José', amountCents: 100, originator: { odfiRouting: '021000021', name: 'A' }, tags: [1, null, 'x'] })).toBe(
      crypto.createHash('sha256').update('{"amountCents":100,"name":"José","originator":{"name":"A","odfiRouting":"021000021"},"tags":[1,null,"x"]}').digest('hex'),
    );
  });

  it('writes canonical JSON as JSON.stringify of a key-sorted copy would, for any JSON value', () => {
    const sortedCopy = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortedCopy)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sortedCopy((v as Record<string, unknown>)[k])]),
            )
          : v;
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const value = (depth: number): unknown => {
      const pick = next() % (depth > 3 ? 5 : 7);
      if (pick === 0) return null;
      if (pick === 1) return next() % 2 === 0;
      if (pick === 2) return (next() - 2 ** 30) / (1 + (next() % 1000));
      if (pick === 3) return String.fromCharCode(...Array.from({ length: next() % 8 }, () => next() % 0x2fff));
      if (pick === 4) return undefined;
      if (pick === 5) return Array.from({ length: next() % 4 }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: next() % 5 }, () => [String.fromCharCode(97 + (next() % 26), 65 + (next() % 26)), value(depth + 1)]));
    };
    for (let n = 0; n < 3000; n++) {
      const v = { root: value(0) };
      expect(canonicalJson(v)).toBe(JSON.stringify(sortedCopy(v)));
    }
  });
});
