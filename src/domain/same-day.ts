/**
 * Same Day ACH: a payment that settles the day it is sent. It must reach the bank before one of
 * the bank's same-day cutoffs (by default the Federal Reserve's 10:30, 14:45 and 16:45 Eastern),
 * a lead time before it (the upload happens then), on a banking day; each entry is at most
 * $1,000,000. Pure: the time is given.
 */
import { isBankingDay, nextBankingDay, notBankingDayReason } from '../banking-days.js';
import { formatCents } from '../money.js';
import { cutoffsOn, formatCutoff, zonedDate } from './cutoffs.js';

export const SAME_DAY_CUTOFFS = ['10:30', '14:45', '16:45'];
export const SAME_DAY_MAX_ENTRY_CENTS = 100_000_000;

export interface SameDayCalendar {
  /** HH:MM, in `timezone`. */
  sameDayCutoffs: string[];
  timezone: string;
  /** Files go up this long before a cutoff. */
  sendLeadMs: number;
}

/** The window a same-day payment sent now makes: today's date in the bank's zone (the effective and settlement date) and the cutoff. */
export interface SameDayWindow {
  date: string;
  cutoffAt: string;
  /** "2026-12-07 14:45 America/New_York" */
  cutoff: string;
}

export type SameDayVerdict = { ok: true; window: SameDayWindow } | { ok: false; reason: string; next: string };

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/** The first same-day cutoff of the first banking day after `date`. */
function nextWindow(date: string, cal: SameDayCalendar): number {
  return cutoffsOn(nextBankingDay(date), cal.sameDayCutoffs, cal.timezone)[0]!;
}

export function sameDayWindow(now: number, cal: SameDayCalendar): SameDayVerdict {
  const today = zonedDate(now, cal.timezone);
  if (!isBankingDay(today)) {
    const next = formatCutoff(nextWindow(today, cal), cal.timezone);
    return { ok: false, reason: `Same Day ACH settles on banking days only: ${notBankingDayReason(today)}; the next same-day cutoff is ${next}`, next };
  }
  const cutoffs = cutoffsOn(today, cal.sameDayCutoffs, cal.timezone);
  const made = cutoffs.find((c) => c - cal.sendLeadMs >= now);
  if (made !== undefined) return { ok: true, window: { date: today, cutoffAt: new Date(made).toISOString(), cutoff: formatCutoff(made, cal.timezone) } };
  const last = formatCutoff(cutoffs.at(-1)!, cal.timezone);
  const next = formatCutoff(nextWindow(today, cal), cal.timezone);
  return {
    ok: false,
    reason: `today's last same-day cutoff, ${last}, can no longer be made (files go up ${minutes(cal.sendLeadMs)} before a cutoff); the next same-day cutoff is ${next}`,
    next,
  };
}

export const SAME_DAY_LIMIT_TEXT = `Same Day ACH carries at most ${formatCents(SAME_DAY_MAX_ENTRY_CENTS)} an entry`;
