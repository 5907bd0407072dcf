/**
 * What a transfer must be before anything is stored (pure): ABA check digits, account format,
 * amount range, names NACHA can carry, SEC code and account type. Every problem, by field.
 */
import { foldToNacha, isValidRouting, NACHA_NAME_WIDTH, nachaNameProblem, RECIPIENT_NAME_MAX } from '../../src/nacha/index.js';
import { nextBankingDay, notBankingDayReason } from '../../src/banking-days.js';
import { MAX_AMOUNT_CENTS } from '../../src/money.js';
import type { TransferRequest } from '../../src/api/ach.js';

/** The API's request shape is the SDK's: one definition. */
export type TransferInput = TransferRequest;

export interface FieldProblem {
  field: string;
  reason: string;
}

import { requestFingerprint } from '../kit/idempotency.js';

/**
 * A transfer request's fingerprint, compared when its idempotency key comes back. The name counts
 * as the bank sees it (folded to NACHA text): a case or accent difference is not another payment,
 * and transfers the CLI sent before it kept names whole (it sent them folded) keep their fingerprint.
 */
export function transferFingerprint(body: Record<string, unknown>): string {
  return requestFingerprint(typeof body.name === 'string' ? { ...body, name: foldToNacha(body.name) } : body);
}

/** A transfer as it will be stored: the recipient's name whole, the originator's folded, defaults filled. */
export interface NormalizedTransfer extends Omit<TransferInput, 'effectiveDate'> {
  effectiveDate: string;
  originator: { name: string; companyId: string; odfiRouting: string };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A name a NACHA record will carry. The recipient's (`written` up to RECIPIENT_NAME_MAX) is kept
 * whole and cut to its field when a file is cut; the originator's company name must fit its
 * field once folded, and is kept folded.
 */
function nachaName(value: unknown, field: string, limit: 'written' | 'folded', problems: FieldProblem[]): string {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ field, reason: 'must be a non-empty string' });
    return '';
  }
  const problem = nachaNameProblem(value);
  if (problem) problems.push({ field, reason: problem });
  else if (limit === 'written' && value.length > RECIPIENT_NAME_MAX) problems.push({ field, reason: `is ${value.length} characters; at most ${RECIPIENT_NAME_MAX}` });
  if (limit === 'written') return value;
  const folded = foldToNacha(value);
  if (!problem && folded.length > NACHA_NAME_WIDTH.companyName)
    problems.push({ field, reason: `is ${folded.length} characters as NACHA text ("${folded}"); at most ${NACHA_NAME_WIDTH.companyName}` });
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
  /** The value when it is a string that passes `ok`; otherwise a problem and ''. */
  const checked = (field: string, v: unknown, ok: (s: string) => boolean, reason: string) => {
    if (typeof v === 'string' && ok(v)) return v;
    problems.push({ field, reason });
    return '';
  };
  const grantId = str('grantId', /^[A-Za-z0-9._:-]{1,64}$/, 'must be 1-64 letters, digits or . _ : -');
  const recipientId = str('recipientId', /^[A-Za-z0-9._:-]{1,64}$/, 'must be 1-64 letters, digits or . _ : -');
  const name = nachaName(input.name, 'name', 'written', problems);
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
      name: nachaName(o.name, 'originator.name', 'folded', problems),
      companyId: checked('originator.companyId', o.companyId, (v) => /^[0-9A-Za-z ]{10}$/.test(v), 'must be exactly 10 characters'),
      odfiRouting: checked('originator.odfiRouting', o.odfiRouting, isValidRouting, 'must be a 9-digit routing number with a valid check digit'),
    };
  }
  let effectiveDate = nextBankingDay(now);
  if (input.effectiveDate !== undefined) {
    const d = input.effectiveDate;
    if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
      problems.push({ field: 'effectiveDate', reason: 'must be a date YYYY-MM-DD' });
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
    transfer: {
      grantId,
      recipientId,
      name,
      routing,
      account,
      accountType: accountType as 'checking',
      amountCents: amount as number,
      secCode: secCode as 'CCD',
      originator,
      effectiveDate,
    },
  };
}

/** Credits: 22 to checking, 32 to savings. */
export const transactionCodeFor = (accountType: 'checking' | 'savings') => (accountType === 'checking' ? 22 : 32);
