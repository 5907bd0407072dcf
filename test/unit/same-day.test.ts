/** Same Day ACH windows (src/domain/same-day.ts): which cutoff a payment sent now makes, in the bank's zone, or why none. */
import { describe, expect, it } from 'vitest';
import { SAME_DAY_CUTOFFS, sameDayWindow } from '../../src/domain/same-day.js';
import { parseGrant } from '../../src/disburse/grant-file.js';
import type { ValidationError } from '../../src/errors/index.js';

const cal = { sameDayCutoffs: SAME_DAY_CUTOFFS, timezone: 'America/New_York', sendLeadMs: 15 * 60_000 };
const at = (iso: string) => sameDayWindow(Date.parse(iso), cal);

describe('Same Day ACH windows', () => {
  it("makes the first of the Fed's cutoffs (10:30, 14:45, 16:45 Eastern) still a lead time away", () => {
    expect(at('2026-12-07T15:00:00Z')).toEqual({ ok: true, window: { date: '2026-12-07', cutoffAt: '2026-12-07T15:30:00.000Z', cutoff: '2026-12-07 10:30 America/New_York' } });
    // 10:20 Eastern: 10:30 is closer than the 15-minute lead, so 14:45.
    expect(at('2026-12-07T15:20:00Z')).toMatchObject({ ok: true, window: { cutoff: '2026-12-07 14:45 America/New_York' } });
    expect(at('2026-12-07T21:25:00Z')).toMatchObject({ ok: true, window: { cutoff: '2026-12-07 16:45 America/New_York', cutoffAt: '2026-12-07T21:45:00.000Z' } });
    // Summer time: 10:30 EDT is 14:30 UTC.
    expect(at('2026-07-06T14:00:00Z')).toMatchObject({ ok: true, window: { date: '2026-07-06', cutoffAt: '2026-07-06T14:30:00.000Z' } });
  });

  it("refuses after the day's last cutoff, naming it and the next one", () => {
    expect(at('2026-12-07T21:40:00Z')).toEqual({
      ok: false,
      reason:
        "today's last same-day cutoff, 2026-12-07 16:45 America/New_York, can no longer be made (files go up 15 min before a cutoff); the next same-day cutoff is 2026-12-08 10:30 America/New_York",
      next: '2026-12-08 10:30 America/New_York',
    });
    // 22:00 Eastern on Monday is Tuesday in UTC: the bank's day is still Monday.
    expect(at('2026-12-08T03:00:00Z')).toMatchObject({ ok: false, next: '2026-12-08 10:30 America/New_York' });
    // Friday evening: the next is Monday's.
    expect(at('2026-12-11T22:00:00Z')).toMatchObject({ ok: false, next: '2026-12-14 10:30 America/New_York' });
  });

  it('refuses on a day ACH does not settle, naming the next cutoff', () => {
    expect(at('2026-12-05T15:00:00Z')).toEqual({
      ok: false,
      reason:
        'Same Day ACH settles on banking days only: 2026-12-05 is a weekend day, when ACH does not settle; the next banking day is 2026-12-07; the next same-day cutoff is 2026-12-07 10:30 America/New_York',
      next: '2026-12-07 10:30 America/New_York',
    });
    expect(at('2026-12-25T15:00:00Z')).toMatchObject({ ok: false, next: '2026-12-28 10:30 America/New_York' });
  });

  it("follows the bank's own cutoffs and zone", () => {
    const chicago = { sameDayCutoffs: ['12:00'], timezone: 'America/Chicago', sendLeadMs: 0 };
    expect(sameDayWindow(Date.parse('2026-12-07T17:59:00Z'), chicago)).toMatchObject({ ok: true, window: { cutoff: '2026-12-07 12:00 America/Chicago' } });
    expect(sameDayWindow(Date.parse('2026-12-07T18:01:00Z'), chicago)).toMatchObject({ ok: false, next: '2026-12-08 12:00 America/Chicago' });
  });

  it('a grant file says sameDay: true, and not with an effective date', () => {
    const grant = (extra: string) =>
      `apiVersion: hmsops/v1\nkind: Grant\nid: G-SD\nprogram: P\nagency: A\noriginator: { name: US DEPT OF LABOR, companyId: "1234567890", odfiRouting: "021000021" }\n${extra}recipients:\n  - { id: R-1, name: Ada, email: a@b.example, routing: "011000015", account: "1", accountType: checking, amount: "1.00" }\n`;
    expect(parseGrant('g.yaml', grant('sameDay: true\n'), '2026-12-07').sameDay).toBe(true);
    const details = (extra: string) => {
      try {
        parseGrant('g.yaml', grant(extra), '2026-12-07');
      } catch (err) {
        return (err as ValidationError).details;
      }
      return [];
    };
    expect(details('sameDay: true\neffectiveDate: "2026-12-09"\n')).toEqual([
      expect.stringMatching(/^g\.yaml:7:\d+: sameDay: a same-day grant settles the day it is sent: leave effectiveDate out$/),
    ]);
    expect(details('sameDay: yes\n')).toEqual([expect.stringMatching(/^g\.yaml:7:\d+: sameDay: /)]);
  });
});
