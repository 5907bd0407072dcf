/**
 * What a transfer must be before anything is stored (pure): ABA check digits, account format,
 * amount range, names NACHA can carry, SEC code and account type. Every problem, by field.
 */
import { foldToNacha, isValidRouting, unfoldableCharacters } from '../../src/nacha/index.js';
import { nextBankingDay, notBankingDayReason } from '../../src/banking-days.js';
import { MAX_AMOUNT_CENTS } from '../../src/money.js';
import type { TransferRequest } from '../../src/sdk/types.js';


/** The API's request shape is the SDK's: one definition. */
export type TransferInput = TransferRequest;

export interface FieldProblem {
  field: string;
  reason: string;
}

/** A transfer as it will be stored: names folded, defaults filled. */
export { requestFingerprint } from '../kit/idempotency.js';

export interface NormalizedTransfer extends Omit<TransferInput, 'effectiveDate'> {
  effectiveDate: string;
  originator: { name: string; companyId: string; odfiRouting: string };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function nachaName(value: unknown, field: string, max: number, problems: FieldProblem[]): string {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ field, reason: 'must be a non-empty string' });
    return '';
  }
  const bad = unfoldableCharacters(value);
  if (bad.length) problems.push({ field, reason: `has characters NACHA cannot carry: ${bad.map((c) => JSON.stringify(c)).join(' ')}` });
  const folded = foldToNacha(value);
  if (folded.length > max) problems.push({ field, reason: `is ${folded.length} characters as NACHA text ("${folded}"); at most ${max}` });
  return folded;
}

export function validateTransfer(input: unknown, now = new Date()): { ok: true; transfer: NormalizedTransfer } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!isObj(input)) return { ok: false, problems: [{ field: '(body)', reason: 'must be an object' }] };
  const allowed = new Set(['grantId', 'recipientId', 'name', 'routing', 'account', 'accountType', 'amountCents', 'secCode', 'originator', 'effectiveDate', 'idempotencyKey']);
  for (const k of Object.keys(input)) if (!allowed.has(k)) problems.push({ field: k, reason: 'is not a known field' });
  const str = (field: string, re: RegExp, reason: string) => {
    const v = input[field];
    if (typeof v !== 'string' || !re.test(v)) problems.push({ field, reason });
    return v as string;
  };
  const grantId = str('grantId', /^[A-Za-z0-9._:-]{1,64}$/, 'must be 1-64 letters, digits or . _ : -');
  const recipientId = str('recipientId', /^[A-Za-z0-9._:-]{1,64}$/, 'must be 1-64 letters, digits or . _ : -');
  const name = nachaName(input.name, 'name', 22, problems);
  const routing = str('routing', /^\d{9}$/, 'must be 9 digits');
  if (typeof routing === 'string' && /^\d{9}$/.test(routing) && !isValidRouting(routing)) problems.push({ field: 'routing', reason: `check digit is wrong for ${routing}` });
  const account = str('account', /^[0-9A-Za-z-]{1,17}$/, 'must be 1-17 digits, letters or hyphens');
  const accountType = input.accountType;
  if (accountType !== 'checking' && accountType !== 'savings') problems.push({ field: 'accountType', reason: 'must be checking or savings' });
  const amount = input.amountCents;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) problems.push({ field: 'amountCents', reason: 'must be a whole number of cents' });
  else if (amount <= 0) problems.push({ field: 'amountCents', reason: 'must be more than zero' });
  else if (amount > MAX_AMOUNT_CENTS) problems.push({ field: 'amountCents', reason: `must be at most ${MAX_AMOUNT_CENTS} ($99,999,999.99)` });
  const secCode = input.secCode;
  if (secCode !== 'CCD' && secCode !== 'PPD') problems.push({ field: 'secCode', reason: 'must be CCD (organisations) or PPD (individuals)' });
  let originator = { name: '', companyId: '', odfiRouting: '' };
  if (!isObj(input.originator)) problems.push({ field: 'originator', reason: 'must be an object with name, companyId, odfiRouting' });
  else {
    const o = input.originator;
    originator = {
      name: nachaName(o.name, 'originator.name', 16, problems),
      companyId: typeof o.companyId === 'string' && /^[0-9A-Za-z ]{10}$/.test(o.companyId) ? o.companyId : (problems.push({ field: 'originator.companyId', reason: 'must be exactly 10 characters' }), ''),
      odfiRouting: typeof o.odfiRouting === 'string' && isValidRouting(o.odfiRouting) ? o.odfiRouting : (problems.push({ field: 'originator.odfiRouting', reason: 'must be a 9-digit routing number with a valid check digit' }), ''),
    };
  }
  let effectiveDate = nextBankingDay(now);
  if (input.effectiveDate !== undefined) {
    const d = input.effectiveDate;
    if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) problems.push({ field: 'effectiveDate', reason: 'must be a date YYYY-MM-DD' });
    else if (d < now.toISOString().slice(0, 10)) problems.push({ field: 'effectiveDate', reason: 'must not be in the past' });
    else {
      const notBanking = notBankingDayReason(d);
      if (notBanking) problems.push({ field: 'effectiveDate', reason: `must be a banking day: ${notBanking}` });
      else effectiveDate = d;
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    transfer: { grantId, recipientId, name, routing, account, accountType: accountType as 'checking', amountCents: amount as number, secCode: secCode as 'CCD', originator, effectiveDate },
  };
}

/** Credits: 22 to checking, 32 to savings. */
export const transactionCodeFor = (accountType: 'checking' | 'savings') => (accountType === 'checking' ? 22 : 32);
