/**
 * What a transfer must be before anything is stored (pure): ABA check digits, account format,
 * amount range, names NACHA can carry, SEC code and account type. Every problem, by field.
 */
import { amountCentsProblem, checkDigitProblem, nextBankingDay, notBankingDayReason, originatorNameProblem, recipientNameProblem } from '../../src/domain/payment-rules.js';
import { SAME_DAY_LIMIT_TEXT, SAME_DAY_MAX_ENTRY_CENTS } from '../../src/domain/same-day.js';
import { foldToNacha, isValidRouting } from '../../src/nacha/index.js';
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
  // Whether a prenote goes first, and the approval it was sent under, are no part of the payment:
  // a repeat with them changed is the same transfer.
  const { prenote: _prenote, approval: _approval, ...payment } = body;
  return requestFingerprint(typeof payment.name === 'string' ? { ...payment, name: foldToNacha(payment.name) } : payment);
}

/** A transfer as it will be stored: the recipient's name whole, the originator's folded, defaults filled. */
export interface NormalizedTransfer extends Omit<TransferInput, 'effectiveDate' | 'prenote' | 'approval'> {
  /** The approved grant file's SHA-256, for a grant over the approval limit (services/ach/approvals.ts). */
  approval?: string;
  effectiveDate: string;
  /** A prenote first, if the account was never paid (services/ach/prenotes.ts). */
  prenote: boolean;
  originator: { name: string; companyId: string; odfiRouting: string };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A name a NACHA record will carry (src/domain/payment-rules.ts). The recipient's is kept whole
 * and cut to its field when a file is cut; the originator's company name must fit its field once
 * folded, and is kept folded.
 */
function nachaName(value: unknown, field: string, whose: 'recipient' | 'originator', problems: FieldProblem[]): string {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ field, reason: 'must be a non-empty string' });
    return '';
  }
  const problem = whose === 'recipient' ? recipientNameProblem(value) : originatorNameProblem(value);
  if (problem) problems.push({ field, reason: problem });
  return whose === 'recipient' ? value : foldToNacha(value);
}

const TRANSFER_FIELDS = new Set([
  'grantId',
  'recipientId',
  'name',
  'routing',
  'account',
  'accountType',
  'amountCents',
  'secCode',
  'originator',
  'effectiveDate',
  'idempotencyKey',
  'prenote',
  'approval',
]);

export function validateTransfer(input: unknown, now = new Date()): { ok: true; transfer: NormalizedTransfer } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!isObj(input)) return { ok: false, problems: [{ field: '(body)', reason: 'must be an object' }] };
  for (const k of Object.keys(input)) if (!TRANSFER_FIELDS.has(k)) problems.push({ field: k, reason: 'is not a known field' });
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
  const name = nachaName(input.name, 'name', 'recipient', problems);
  const routing = str('routing', /^\d{9}$/, 'must be 9 digits');
  const checkDigit = typeof routing === 'string' ? checkDigitProblem(routing) : undefined;
  if (checkDigit) problems.push({ field: 'routing', reason: checkDigit });
  const account = str('account', /^[0-9A-Za-z-]{1,17}$/, 'must be 1-17 digits, letters or hyphens');
  const accountType = input.accountType;
  if (accountType !== 'checking' && accountType !== 'savings') problems.push({ field: 'accountType', reason: 'must be checking or savings' });
  const amount = input.amountCents;
  const amountProblem = typeof amount === 'number' ? amountCentsProblem(amount) : 'must be a whole number of cents';
  if (amountProblem) problems.push({ field: 'amountCents', reason: amountProblem });
  const secCode = input.secCode;
  if (secCode !== 'CCD' && secCode !== 'PPD') problems.push({ field: 'secCode', reason: 'must be CCD (organisations) or PPD (individuals)' });
  let originator = { name: '', companyId: '', odfiRouting: '' };
  if (!isObj(input.originator)) problems.push({ field: 'originator', reason: 'must be an object with name, companyId, odfiRouting' });
  else {
    const o = input.originator;
    originator = {
      name: nachaName(o.name, 'originator.name', 'originator', problems),
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
  if (input.prenote !== undefined && typeof input.prenote !== 'boolean') problems.push({ field: 'prenote', reason: 'must be true or false' });
  if (input.approval !== undefined && (typeof input.approval !== 'string' || !/^[0-9a-f]{64}$/.test(input.approval)))
    problems.push({ field: 'approval', reason: "must be the approved grant file's SHA-256 (64 hex digits)" });
  // An entry effective today is a Same Day ACH entry: NACHA's per-entry limit applies.
  if (effectiveDate === now.toISOString().slice(0, 10) && typeof amount === 'number' && amount > SAME_DAY_MAX_ENTRY_CENTS)
    problems.push({ field: 'amountCents', reason: `${SAME_DAY_LIMIT_TEXT}: effective today (${effectiveDate}), this is a same-day entry` });
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
      prenote: input.prenote === true,
      ...(typeof input.approval === 'string' ? { approval: input.approval } : {}),
    },
  };
}

/** Credits: 22 to checking, 32 to savings. */
export const transactionCodeFor = (accountType: 'checking' | 'savings') => (accountType === 'checking' ? 22 : 32);

/** Credit prenotes (zero-dollar): 23 to checking, 33 to savings. */
export const prenoteCodeFor = (accountType: 'checking' | 'savings') => (accountType === 'checking' ? 23 : 33);
