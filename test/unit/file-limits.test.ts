import { describe, expect, it } from 'vitest';
import { FILE_LIMITS, rowsThatFit } from '../../services/ach/file-cutting.js';

const rows = (...cents: number[]) => cents.map((amount_cents) => ({ amount_cents }));

describe('what one NACHA file may carry', () => {
  it('takes the oldest rows whose total fits the 12-digit File Control totals', () => {
    expect(FILE_LIMITS.maxTotalCents).toBe(999_999_999_999);
    expect(rowsThatFit(rows(5, 5, 5), 10)).toEqual(rows(5, 5));
    expect(rowsThatFit(rows(5, 5), 10)).toEqual(rows(5, 5));
    expect(rowsThatFit(rows(4, 7, 1), 10)).toEqual(rows(4)); // in order: never skips one to fit a later one
    expect(rowsThatFit([], 10)).toEqual([]);
  });

  it('always takes at least one row, so a cut makes progress', () => {
    expect(rowsThatFit(rows(50, 1), 10)).toEqual(rows(50));
  });
});
