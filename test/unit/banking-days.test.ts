import { describe, expect, it } from 'vitest';
import { addBankingDays, fedHolidays, isBankingDay, nextBankingDay, notBankingDayReason } from '../../src/banking-days.js';

describe('banking days', () => {
  it("knows the Federal Reserve's holidays, Sunday ones on the Monday and Saturday ones not moved", () => {
    // The Federal Reserve's published schedule (federalreserve.gov, K.8, 2026-2030).
    expect([...fedHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
    expect([...fedHolidays(2027)].sort()).toEqual(['2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25']);
    expect([...fedHolidays(2028)].sort()).toEqual(['2028-01-17', '2028-02-21', '2028-05-29', '2028-06-19', '2028-07-04', '2028-09-04', '2028-10-09', '2028-11-23', '2028-12-25']);
    expect(fedHolidays(2029).has('2029-11-12')).toBe(true); // Veterans Day on a Sunday
    expect(fedHolidays(2030).has('2030-11-28')).toBe(true);
    expect(fedHolidays(2021).has('2021-06-18')).toBe(false); // Juneteenth from 2022 on
  });

  it('skips weekends and holidays for the next banking day', () => {
    expect(nextBankingDay(new Date('2026-11-24T23:59:00Z'))).toBe('2026-11-25'); // Tue -> Wed
    expect(nextBankingDay(new Date('2026-11-25T12:00:00Z'))).toBe('2026-11-27'); // Thanksgiving skipped
    expect(nextBankingDay('2026-12-24')).toBe('2026-12-28'); // Christmas, then the weekend
    expect(nextBankingDay('2027-07-02')).toBe('2027-07-06'); // weekend, then Independence Day observed on Monday
    expect(nextBankingDay('2026-12-31')).toBe('2027-01-04'); // New Year's Day, then the weekend
  });

  it("counts banking days forward (a prenote's payment waits three after it settles)", () => {
    expect(addBankingDays('2026-12-07', 3)).toBe('2026-12-10'); // Mon -> Thu
    expect(addBankingDays('2026-12-04', 3)).toBe('2026-12-09'); // Fri -> Wed, over the weekend
    expect(addBankingDays('2026-11-24', 3)).toBe('2026-11-30'); // Thanksgiving and the weekend skipped
    expect(addBankingDays('2026-12-23', 3)).toBe('2026-12-29'); // Thu 24, Christmas skipped, Mon 28, Tue 29
    expect(addBankingDays('2026-12-07', 0)).toBe('2026-12-07');
  });

  it('says why a day cannot be an effective date, and names the next one that can', () => {
    expect(isBankingDay('2026-11-30')).toBe(true);
    expect(notBankingDayReason('2026-11-30')).toBeUndefined();
    expect(notBankingDayReason('2026-12-25')).toBe('2026-12-25 is a Federal Reserve holiday, when ACH does not settle; the next banking day is 2026-12-28');
    expect(notBankingDayReason('2026-11-28')).toContain('a weekend day');
  });
});
