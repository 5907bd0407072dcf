/** Money is integer cents inside the program; these are the only conversions to and from text. */

/** $99,999,999.99: the most a 10-digit NACHA entry amount holds. */
export const MAX_AMOUNT_CENTS = 9_999_999_999;
/**
 * "$1,234.56" (en-US). Grouped by hand: `toLocaleString` builds a number formatter on every call
 * (~0.1 ms), which a million notices felt.
 */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}$${groupThousands(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, ',');

/** "50000.00" -> 5000000; undefined for anything that is not a positive-or-zero decimal with at most 2 places. */
export function parseAmount(text: string): number | undefined {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : undefined;
}
