/**
 * Banking days as the Federal Reserve keeps them, the only days ACH settles: Monday to Friday
 * except its holidays. A holiday on a Sunday is observed on the Monday after; one on a Saturday
 * is not moved (the Reserve Banks are open the Friday before). Dates are YYYY-MM-DD, in UTC.
 */

const iso = (y: number, month: number, day: number) => new Date(Date.UTC(y, month - 1, day)).toISOString().slice(0, 10);

/** The `n`th `weekday` (0 = Sunday) of a month; n = -1 for the last. */
function nthWeekday(y: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(y, month - 1, 1)).getUTCDay();
    return iso(y, month, 1 + ((weekday - first + 7) % 7) + (n - 1) * 7);
  }
  const lastDay = new Date(Date.UTC(y, month, 0));
  return iso(y, month, lastDay.getUTCDate() - ((lastDay.getUTCDay() - weekday + 7) % 7));
}

/** A fixed-date holiday as observed: Sunday -> Monday; Saturday -> not observed. */
function observed(y: number, month: number, day: number): string[] {
  const weekday = new Date(Date.UTC(y, month - 1, day)).getUTCDay();
  if (weekday === 6) return [];
  return [iso(y, month, weekday === 0 ? day + 1 : day)];
}

const cache = new Map<number, Set<string>>();

/** The Federal Reserve's holidays of `year`, as observed. */
export function fedHolidays(year: number): Set<string> {
  let days = cache.get(year);
  if (!days) {
    days = new Set([
      ...observed(year, 1, 1), // New Year's Day
      nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.
      nthWeekday(year, 2, 1, 3), // Washington's Birthday
      nthWeekday(year, 5, 1, -1), // Memorial Day
      ...(year >= 2022 ? observed(year, 6, 19) : []), // Juneteenth National Independence Day
      ...observed(year, 7, 4), // Independence Day
      nthWeekday(year, 9, 1, 1), // Labor Day
      nthWeekday(year, 10, 1, 2), // Columbus Day
      ...observed(year, 11, 11), // Veterans Day
      nthWeekday(year, 11, 4, 4), // Thanksgiving Day
      ...observed(year, 12, 25), // Christmas Day
    ]);
    cache.set(year, days);
  }
  return days;
}

export function isBankingDay(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !fedHolidays(d.getUTCFullYear()).has(date);
}

/** The first banking day after `from` (a Date, or a YYYY-MM-DD day). */
export function nextBankingDay(from: Date | string): string {
  const start = typeof from === 'string' ? new Date(`${from}T00:00:00Z`) : from;
  // Asked once per transfer with the same day: the last answer is kept.
  const day = Math.floor(start.getTime() / 86_400_000);
  if (lastNext?.day === day) return lastNext.next;
  const next = nextBankingDayAfter(start);
  lastNext = { day, next };
  return next;
}

let lastNext: { day: number; next: string } | undefined;

function nextBankingDayAfter(start: Date): string {
  const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + 1));
  while (!isBankingDay(d.toISOString().slice(0, 10))) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The `n`th banking day after `date` (YYYY-MM-DD): 3 after a Friday is the Wednesday after, holidays skipped. */
export function addBankingDays(date: string, n: number): string {
  let d = date;
  for (let i = 0; i < n; i++) d = nextBankingDayAfter(new Date(`${d}T00:00:00Z`));
  return d;
}

/** Why `date` cannot be an effective entry date (it is not a banking day), or undefined when it can. */
export function notBankingDayReason(date: string): string | undefined {
  if (isBankingDay(date)) return undefined;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const what = weekday === 0 || weekday === 6 ? 'a weekend day' : 'a Federal Reserve holiday';
  return `${date} is ${what}, when ACH does not settle; the next banking day is ${nextBankingDay(date)}`;
}

/** What the grant file and `--effective-date` refuse in a real date: the past (before `today`), or a day ACH does not settle. */
export function effectiveDateProblem(date: string, today: string): string | undefined {
  return date < today ? `${date} is in the past` : notBankingDayReason(date);
}
