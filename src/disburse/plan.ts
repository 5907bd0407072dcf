/** Pure: what a disbursement will do (counts and totals by SEC code and account type), and its idempotency keys. */
import type { TransferRequest } from '../api/ach.js';
import { formatCents } from '../money.js';
import type { Grant, GrantRecipient } from './grant-file.js';

export const transferKey = (grantId: string, recipientId: string) => `${grantId}:${recipientId}`;
export const eventId = (grantId: string, recipientId: string) => `${grantId}:${recipientId}:disbursed`;
export const emailKey = (grantId: string, recipientId: string) => `${grantId}:${recipientId}:notice`;
/** The notice that a payment came back: one per returned transfer (its trace), all under `<grantId>:returned:`. */
export const returnNoticeKey = (grantId: string, recipientId: string, originalTrace: string) => `${grantId}:returned:${recipientId}:${originalTrace}`;

export interface DisbursementPlan {
  grantId: string;
  recipients: number;
  totalCents: number;
  /** The largest single payment. */
  maxCents: number;
  bySecCode: Record<string, { count: number; cents: number }>;
  byAccountType: Record<string, { count: number; cents: number }>;
}

export function planDisbursement(grant: Grant): DisbursementPlan {
  const add = (m: Record<string, { count: number; cents: number }>, k: string, cents: number) => {
    m[k] ??= { count: 0, cents: 0 };
    m[k].count++;
    m[k].cents += cents;
  };
  const plan: DisbursementPlan = { grantId: grant.id, recipients: grant.recipients.length, totalCents: 0, maxCents: 0, bySecCode: {}, byAccountType: {} };
  for (const r of grant.recipients) {
    plan.totalCents += r.amountCents;
    plan.maxCents = Math.max(plan.maxCents, r.amountCents);
    add(plan.bySecCode, r.secCode, r.amountCents);
    add(plan.byAccountType, r.accountType, r.amountCents);
  }
  return plan;
}

export function transferRequest(grant: Grant, r: GrantRecipient): TransferRequest & { idempotencyKey: string } {
  return {
    idempotencyKey: transferKey(grant.id, r.id),
    grantId: grant.id,
    recipientId: r.id,
    name: r.name,
    routing: r.routing,
    account: r.account,
    accountType: r.accountType,
    amountCents: r.amountCents,
    secCode: r.secCode,
    originator: grant.originator,
    ...(grant.effectiveDate ? { effectiveDate: grant.effectiveDate } : {}),
    ...(grant.prenote ? { prenote: true } : {}),
    ...(grant.approval ? { approval: grant.approval } : {}),
  };
}

export function noticeEmail(grant: Grant, r: GrantRecipient, traceNumber: string) {
  const dollars = formatCents(r.amountCents);
  return {
    to: r.email,
    subject: `${grant.program}: payment of ${dollars} sent`,
    text: [
      `Dear ${r.name},`,
      '',
      `${grant.agency} has sent a payment of ${dollars} under ${grant.program} (grant ${grant.id}).`,
      `It goes to your ${r.accountType} account ending in ${r.account.slice(-4)}. ACH trace number: ${traceNumber}.`,
      '',
      'This message was sent by hmsops.',
    ].join('\n'),
  };
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
