/** Valid transfer bodies for tests. */
import { abaCheckDigit } from '../../src/nacha/aba.js';

export const originator = { name: 'US DEPT OF LABOR', companyId: '1234567890', odfiRouting: '021000021' };

export function routingFor(i: number): string {
  const first8 = String(11000000 + (i % 9_000_000)).padStart(8, '0');
  return first8 + abaCheckDigit(first8);
}

export function transfer(grantId: string, i: number, overrides: Record<string, unknown> = {}) {
  return {
    grantId,
    recipientId: `R-${String(i).padStart(5, '0')}`,
    name: `Recipient ${i}`,
    routing: routingFor(i),
    account: String(100000 + i),
    accountType: i % 3 === 0 ? 'savings' : 'checking',
    amountCents: 1000 + i,
    secCode: i % 2 ? 'PPD' : 'CCD',
    originator,
    ...overrides,
  } as const;
}
