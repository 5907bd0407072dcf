/**
 * Dual approval, the CLI's side (the ACH service enforces it too: services/ach/approvals.ts). A
 * grant whose total or any one payment is over `approvals.over` goes out only under an approval
 * of its very file (SHA-256): the first run asks for one and stops; once a second user with the
 * approver role approved it, the run names it in every transfer. A changed file is a new request.
 */
import type { Approval } from '../api/ach.js';
import { HmsopsError } from '../errors/index.js';
import { formatCents } from '../money.js';
import type { HmsopsClient } from '../sdk/index.js';
import type { Grant } from './grant-file.js';
import type { DisbursementPlan } from './plan.js';

export type Gate = { go: true } | { go: false; approval: Approval; created: boolean };

export const overLimit = (limitCents: number | null | undefined, plan: Pick<DisbursementPlan, 'totalCents' | 'maxCents'>) =>
  limitCents !== null && limitCents !== undefined && (plan.totalCents > limitCents || plan.maxCents > limitCents);

/** Asks the ACH service where this grant file's approval stands (asking for one when none was): go, or what waits. */
export async function approvalGate(client: HmsopsClient, grant: Grant, plan: DisbursementPlan, limitCents: number | null, retryForMs?: number): Promise<Gate> {
  if (!overLimit(limitCents, plan)) return { go: true };
  if (!grant.sha256) throw new Error('a grant over the approval limit needs its file SHA-256');
  const { approvals } = await client.payments.approvals({ grantId: grant.id }, { retryForMs });
  const mine = approvals.find((a) => a.sha256 === grant.sha256);
  if (mine?.status === 'approved') {
    grant.approval = grant.sha256;
    return { go: true };
  }
  if (mine?.status === 'rejected')
    throw new HmsopsError('APPROVAL_REJECTED', `${grant.id} was rejected by ${mine.decidedBy} at ${mine.decidedAt}: ${mine.reason}; nothing was sent`, {
      details: ['a changed grant file is a new request: change it and run disburse again'],
    });
  if (mine) return { go: false, approval: mine, created: false };
  const approval = await client.payments.requestApproval(
    { grantId: grant.id, sha256: grant.sha256, program: grant.program, agency: grant.agency, recipients: plan.recipients, totalCents: plan.totalCents, maxCents: plan.maxCents },
    { retryForMs },
  );
  return { go: false, approval, created: true };
}

/** What the operator is told when a grant waits for its approval. */
export function waitingText(gate: Extract<Gate, { go: false }>, limitCents: number): string[] {
  const a = gate.approval;
  return [
    `${a.grantId} is over the approval limit of ${formatCents(limitCents)} (${formatCents(a.totalCents)} in all, the largest payment ${formatCents(a.maxCents)}): nothing was sent`,
    `${gate.created ? 'approval asked for' : `approval asked for by ${a.requestedBy} at ${a.requestedAt}, still pending`}: grant file SHA-256 ${a.sha256}`,
    `another user with the approver role runs: hmsops approve ${a.grantId}; then run this command again (the same file)`,
  ];
}
