/**
 * The bank's processing windows: cutoff times of day in the bank's time zone, as instants. Pure
 * (Intl for the zone's offset on a given day, so daylight saving time is the zone's own).
 */

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of HH:MM on a calendar day (y, m 1-12, d) in a zone. */
export function zonedInstant(y: number, m: number, d: number, hhmm: string, timeZone: string): number {
  const [h, min] = hhmm.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, h!, min!);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

/** The first cutoff at or after `after` (ms). */
export function nextCutoff(after: number, cutoffs: string[], timeZone: string): number {
  const day = new Date(after - 86_400_000);
  for (let i = 0; i < 9; i++) {
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    for (const c of [...cutoffs].sort()) {
      const t = zonedInstant(y, m, d, c, timeZone);
      if (t >= after) return t;
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  throw new Error('no cutoff within a week');
}

/** "2026-12-03 10:30 America/New_York" */
export function formatCutoff(instant: number, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${timeZone}`;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function zonedDate(instant: number, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant)).map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instants of a day's cutoffs (HH:MM in the zone), earliest first. */
export function cutoffsOn(date: string, cutoffs: string[], timeZone: string): number[] {
  const [y, m, d] = date.split('-').map(Number);
  return [...cutoffs].sort().map((c) => zonedInstant(y!, m!, d!, c, timeZone));
}
