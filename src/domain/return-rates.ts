/**
 * The return rates NACHA holds an originator to, over a rolling 60 days: unauthorized returns
 * (R05, R07, R10, R11, R29, R51) at most 0.5 %, administrative (R02, R03, R04) at most 3 %, all
 * returns at most 15 %, each as returns received over entries originated in the window. Pure.
 * NACHA counts debit entries; hmsops originates credits, so all its entries count.
 */
import crypto from 'node:crypto';

export const RETURN_RATE_WINDOW_DAYS = 60;

/** How the API names an account without showing its number: SHA-256 of `routing:account`. */
export const accountKey = (routing: string, account: string) => crypto.createHash('sha256').update(`${routing}:${account}`).digest('hex');

export const RETURN_RATE_CATEGORIES = ['unauthorized', 'administrative', 'overall'] as const;
export type ReturnRateCategory = (typeof RETURN_RATE_CATEGORIES)[number];

export const RETURN_RATE_RULES: Record<ReturnRateCategory, { codes: readonly string[] | null; threshold: number; what: string }> = {
  unauthorized: { codes: ['R05', 'R07', 'R10', 'R11', 'R29', 'R51'], threshold: 0.005, what: 'unauthorized returns' },
  administrative: { codes: ['R02', 'R03', 'R04'], threshold: 0.03, what: 'administrative returns (account closed, no account, invalid account number)' },
  overall: { codes: null, threshold: 0.15, what: 'all returns' },
};

/** Administrative returns say the account cannot take a payment: the next one to it is refused until the grant gives another. */
export const ADMINISTRATIVE_RETURN_CODES: readonly string[] = RETURN_RATE_RULES.administrative.codes!;

export interface ReturnRate {
  category: ReturnRateCategory;
  returns: number;
  /** returns / entries; null when the originator sent no entry in the window. */
  rate: number | null;
  threshold: number;
  over: boolean;
}

export interface OriginatorReturnRates {
  companyId: string;
  originatorName: string;
  entries: number;
  rates: ReturnRate[];
}

/** One originator's rates from its entries in the window and its returns by reason code. */
export function originatorRates(companyId: string, originatorName: string, entries: number, returnsByCode: Record<string, number>): OriginatorReturnRates {
  const rates = RETURN_RATE_CATEGORIES.map((category): ReturnRate => {
    const { codes, threshold } = RETURN_RATE_RULES[category];
    const returns = Object.entries(returnsByCode).reduce((n, [code, count]) => (codes === null || codes.includes(code) ? n + count : n), 0);
    const rate = entries > 0 ? returns / entries : null;
    return { category, returns, rate, threshold, over: rate !== null && rate > threshold };
  });
  return { companyId, originatorName, entries, rates };
}

const percent = (x: number) => `${(x * 100).toFixed(2).replace(/\.?0+$/, '')} %`;

/** "administrative returns 5 % (1 of 20 entries), above NACHA's 3 % threshold" */
export function describeRate(r: ReturnRate, entries: number): string {
  const rate = r.rate === null ? 'no entries in the window' : `${percent(r.rate)} (${r.returns} of ${entries} entries)`;
  return `${RETURN_RATE_RULES[r.category].what.replace(/ \(.*\)$/, '')} ${rate}, ${r.over ? 'above' : 'within'} NACHA's ${percent(r.threshold)} threshold`;
}
