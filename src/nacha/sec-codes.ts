/**
 * What each Standard Entry Class code allows in its entries, as the NACHA Operating Rules and
 * moov-io/ach's batch types state it: the direction of its live entries (debits only, credits
 * only, both), the transaction codes it is limited to, its per-entry amount limit, and the company
 * entry description it requires. Pure: one entry in, its problems out; the reader says the line,
 * the writer refuses before a byte is written.
 *
 * Returns and notifications of change (transaction codes ending in 1 or 6) travel under the SEC
 * code of the entry they answer, so every code allows them; COR allows nothing else. Prenotes
 * (codes ending in 3 or 8) carry no money, and a live entry carries some.
 */

export interface SecCodeRule {
  name: string;
  /** Which live entries the code carries. */
  carries: 'debits' | 'credits' | 'both';
  /** When set, the only transaction codes allowed (returns and NOCs aside, unless `onlyReturns`). */
  codes?: readonly number[];
  /** Every entry zero dollars (acknowledgements, enrollments, notifications). */
  zeroDollar?: boolean;
  /** The code's entries are notifications of change and refused ones: return/NOC codes only. */
  onlyReturns?: boolean;
  /** At most this many cents per entry. */
  maxAmountCents?: number;
  /** The company entry description the code requires. */
  description?: string;
}

export const SEC_CODES: Readonly<Record<string, SecCodeRule>> = {
  ACK: { name: 'ACH Payment Acknowledgment', carries: 'credits', codes: [24, 34], zeroDollar: true },
  ARC: { name: 'Accounts Receivable Entry', carries: 'debits', maxAmountCents: 2_500_000 },
  ATX: { name: 'Financial EDI Acknowledgment', carries: 'credits', codes: [24, 34], zeroDollar: true },
  BOC: { name: 'Back Office Conversion Entry', carries: 'debits', maxAmountCents: 2_500_000 },
  CCD: { name: 'Corporate Credit or Debit Entry', carries: 'both' },
  CIE: { name: 'Customer Initiated Entry', carries: 'credits' },
  COR: { name: 'Notification of Change', carries: 'both', onlyReturns: true, zeroDollar: true },
  CTX: { name: 'Corporate Trade Exchange', carries: 'both' },
  DNE: { name: 'Death Notification Entry', carries: 'credits', codes: [23, 33], zeroDollar: true },
  ENR: { name: 'Automated Enrollment Entry', carries: 'both', codes: [22, 23, 27, 32, 33, 37], zeroDollar: true, description: 'AUTOENROLL' },
  MTE: { name: 'Machine Transfer Entry', carries: 'both' },
  POP: { name: 'Point-of-Purchase Entry', carries: 'debits', maxAmountCents: 2_500_000 },
  POS: { name: 'Point-of-Sale Entry', carries: 'both' },
  PPD: { name: 'Prearranged Payment and Deposit Entry', carries: 'both' },
  RCK: { name: 'Re-presented Check Entry', carries: 'debits', maxAmountCents: 250_000, description: 'REDEPCHECK' },
  SHR: { name: 'Shared Network Transaction', carries: 'debits' },
  TEL: { name: 'Telephone-Initiated Entry', carries: 'debits' },
  TRC: { name: 'Check Truncation Entry', carries: 'debits' },
  TRX: { name: 'Check Truncation Entries Exchange', carries: 'debits' },
  WEB: { name: 'Internet-Initiated/Mobile Entry', carries: 'both' },
  XCK: { name: 'Destroyed Check Entry', carries: 'debits', maxAmountCents: 250_000 },
};

/** The ADV code has its own layouts and service class (280); the reader checks it there. */
export const ADV_SEC_CODE = 'ADV';

/** What a transaction code is, by its second digit (NACHA Appendix Three). */
export type EntryKind = 'return' | 'live' | 'prenote' | 'zero-dollar';

export function entryKind(code: number): EntryKind {
  switch (code % 10) {
    case 1:
    case 6:
      return 'return';
    case 3:
    case 8:
      return 'prenote';
    case 4:
    case 9:
      return 'zero-dollar';
    default:
      return 'live';
  }
}

/** Credits end in 1-4; debits in 5-9 (55: a loan reversal). */
export const creditsReceiver = (code: number) => code % 10 >= 1 && code % 10 <= 4;

const ACCOUNTS: Record<number, string> = { 2: 'checking', 3: 'savings', 4: 'general ledger', 5: 'loan' };
const KINDS: Record<number, string> = {
  1: 'return or NOC credit',
  2: 'credit',
  3: 'prenote credit',
  4: 'zero-dollar credit',
  5: 'debit',
  6: 'return or NOC debit',
  7: 'debit',
  8: 'prenote debit',
  9: 'zero-dollar debit',
};
/** "22 (checking credit)" */
export const describeTransactionCode = (code: number) => `${code} (${ACCOUNTS[Math.floor(code / 10)] ?? 'unknown account'} ${KINDS[code % 10] ?? 'entry'})`;

const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

/** A batch's company entry description: problems with the rule that names it. */
export function batchDescriptionProblem(secCode: string, description: string): { rule: string; message: string } | undefined {
  const rule = SEC_CODES[secCode];
  if (rule?.description && description.trimEnd() !== rule.description)
    return { rule: 'entry-description', message: `${secCode} batches must have the company entry description ${rule.description}, got "${description.trimEnd()}"` };
  const d = description.trim();
  if (d.toUpperCase() === 'REVERSAL' && d !== 'REVERSAL')
    return { rule: 'entry-description', message: `a reversal's company entry description must be REVERSAL in capitals, got "${d}"` };
  return undefined;
}

/** An unknown SEC code: the message, or undefined when the code is known (ADV included). */
export function unknownSecCodeProblem(secCode: string): string | undefined {
  if (secCode === ADV_SEC_CODE || SEC_CODES[secCode]) return undefined;
  if (secCode === 'IAT') return 'SEC code IAT (international entries) has record layouts of its own, which this reader does not read';
  return `SEC code "${secCode}" is not one the NACHA Operating Rules define (${Object.keys(SEC_CODES).join(', ')}, ADV)`;
}

/**
 * One entry against its batch's SEC code: the problems (rule and message), none when it may be sent.
 * `description` is the batch's company entry description (a REVERSAL batch is named as such).
 */
export function secCodeEntryProblems(secCode: string, description: string, code: number, amountCents: number): { rule: string; message: string }[] {
  const rule = SEC_CODES[secCode];
  if (!rule) return [];
  const out: { rule: string; message: string }[] = [];
  const kind = entryKind(code);
  const tc = describeTransactionCode(code);
  const reversal = description.trim().toUpperCase() === 'REVERSAL';
  if (rule.onlyReturns) {
    if (kind !== 'return')
      out.push({ rule: 'sec-transaction-code', message: `${secCode} (${rule.name}) entries are notifications of change: transaction code ${tc} is not a return or NOC code` });
  } else if (kind !== 'return') {
    if (rule.codes && !rule.codes.includes(code))
      out.push({ rule: 'sec-transaction-code', message: `${secCode} (${rule.name}) allows transaction codes ${rule.codes.join(', ')} only, got ${tc}` });
    else if (rule.carries !== 'both' && (rule.carries === 'credits') !== creditsReceiver(code)) {
      const only = rule.carries === 'debits' ? 'debits' : 'credits';
      const what = reversal
        ? `a REVERSAL batch under ${secCode} carries ${tc}, and reversing ${rule.carries === 'debits' ? 'a debit gives a credit' : 'a credit gives a debit'}`
        : `transaction code ${tc} is not allowed`;
      out.push({ rule: 'sec-transaction-code', message: `${what}: ${secCode} (${rule.name}) carries ${only} only` });
    }
  }
  if (rule.zeroDollar && amountCents !== 0) out.push({ rule: 'sec-amount', message: `${secCode} entries carry no money: amount must be 0, got ${amountCents}` });
  else if (kind === 'prenote' && amountCents !== 0)
    out.push({ rule: 'prenote-amount', message: `a prenote (transaction code ${tc}) carries no money: amount must be 0, got ${amountCents}` });
  else if (kind === 'zero-dollar' && amountCents !== 0) out.push({ rule: 'sec-amount', message: `transaction code ${tc} carries no money: amount must be 0, got ${amountCents}` });
  else if (kind === 'live' && !rule.zeroDollar && amountCents === 0)
    out.push({ rule: 'zero-amount', message: `a live entry (transaction code ${tc}) must carry money: amount is 0 (a prenote uses its own code, e.g. 23 or 33)` });
  if (rule.maxAmountCents !== undefined && amountCents > rule.maxAmountCents)
    out.push({ rule: 'sec-amount', message: `${secCode} entries are at most ${dollars(rule.maxAmountCents)}, got ${dollars(amountCents)}` });
  return out;
}
