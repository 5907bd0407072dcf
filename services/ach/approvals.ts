/**
 * Dual approval (maker-checker): with `approvals.over` in the config, a grant whose total or any
 * one payment is over the limit is paid only once a user with the approver role, other than the
 * one who asked, approved that exact grant file (its SHA-256, with its totals). The service holds
 * the line, not only the CLI: a transfer of such a grant is stored only under an approval it
 * names and within the totals approved (services/ach/submission.ts asks `approvalProblems`).
 */
import crypto from 'node:crypto';
import type { Approval, ApprovalRequest } from '../../src/api/ach.js';
import { HmsopsError } from '../../src/errors/index.js';
import { formatCents } from '../../src/money.js';
import type { Identity } from '../../src/internal-identity.js';
import { type Actor, appendAudit } from '../kit/audit.js';
import { type Queries, type Store, whereEqual } from '../kit/store.js';
import type { NormalizedTransfer } from './transfer-rules.js';

interface ApprovalRow {
  id: string;
  grant_id: string;
  sha256: string;
  program: string;
  agency: string;
  recipients: number;
  total_cents: number;
  max_cents: number;
  status: 'pending' | 'approved' | 'rejected';
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
}

const publicApproval = (r: ApprovalRow): Approval => ({
  id: r.id,
  grantId: r.grant_id,
  sha256: r.sha256,
  program: r.program,
  agency: r.agency,
  recipients: Number(r.recipients),
  totalCents: Number(r.total_cents),
  maxCents: Number(r.max_cents),
  status: r.status,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  reason: r.reason,
});

/** Whether a grant with these totals needs an approval under `limitCents`. */
export const needsApproval = (limitCents: number | undefined, totalCents: number, maxCents: number) =>
  limitCents !== undefined && (totalCents > limitCents || maxCents > limitCents);

export class Approvals {
  constructor(
    private readonly db: Store,
    readonly limitCents: number | undefined,
  ) {}

  /** Asks for an approval of one grant file (by its SHA-256): the same file asked again answers the same request. */
  async request(body: ApprovalRequest, who: Identity, actor: Actor): Promise<{ created: boolean; approval: Approval }> {
    const row: ApprovalRow = {
      id: `ap_${crypto.randomUUID()}`,
      grant_id: body.grantId,
      sha256: body.sha256,
      program: body.program,
      agency: body.agency,
      recipients: body.recipients,
      total_cents: body.totalCents,
      max_cents: body.maxCents,
      status: 'pending',
      requested_by: who.username,
      requested_at: new Date().toISOString(),
      decided_by: null,
      decided_at: null,
      reason: null,
    };
    const columns = Object.keys(row) as (keyof ApprovalRow)[];
    const { inserted, stored } = await this.db.transaction(async (q) => {
      const { inserted } = await q.insert('approvals', columns, [columns.map((c) => row[c])], { conflict: 'ON CONFLICT (grant_id, sha256) DO NOTHING' });
      if (inserted)
        await appendAudit(q, actor, [
          {
            action: 'approval.requested',
            detail: { grantId: body.grantId, sha256: body.sha256, recipients: body.recipients, totalCents: body.totalCents, maxCents: body.maxCents },
          },
        ]);
      return { inserted, stored: (await q.get<ApprovalRow>('SELECT * FROM approvals WHERE grant_id = ? AND sha256 = ?', [body.grantId, body.sha256]))! };
    });
    if (!inserted && (Number(stored.total_cents) !== body.totalCents || Number(stored.recipients) !== body.recipients || Number(stored.max_cents) !== body.maxCents))
      throw new HmsopsError('VALIDATION', 'this grant file was asked for with other totals before; nothing recorded', {
        extra: { fields: [{ field: 'totalCents', reason: `the request ${stored.id} has ${formatCents(Number(stored.total_cents))}` }] },
      });
    return { created: inserted === 1, approval: publicApproval(stored) };
  }

  async list(q: { grantId?: string; status?: string }): Promise<Approval[]> {
    const { where, args } = whereEqual({ grant_id: q.grantId, status: q.status });
    return (await this.db.all<ApprovalRow>(`SELECT * FROM approvals ${where} ORDER BY requested_at`, args)).map(publicApproval);
  }

  /**
   * An approver's decision on a pending request: never by the user who asked for it, and only
   * once (a request decided stays decided; a changed grant file is a new request).
   */
  async decide(id: string, who: Identity, decision: 'approved' | 'rejected', actor: Actor, reason?: string): Promise<Approval> {
    if (!who.roles.includes('approver')) throw new HmsopsError('FORBIDDEN', 'approving or rejecting a grant needs the approver role');
    return this.db.transaction(async (q) => {
      const row = await q.get<ApprovalRow>('SELECT * FROM approvals WHERE id = ?', [id]);
      if (!row) throw new HmsopsError('NOT_FOUND', `no approval request ${id}`);
      if (row.requested_by === who.username)
        throw new HmsopsError('SELF_APPROVAL', `${who.username} asked for ${row.grant_id}'s approval: another user with the approver role decides it`);
      if (row.status !== 'pending') throw new HmsopsError('APPROVAL_DECIDED', `${row.grant_id} was ${row.status} by ${row.decided_by} at ${row.decided_at}`);
      await q.run('UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = ?', [
        decision,
        who.username,
        new Date().toISOString(),
        reason ?? null,
        id,
        'pending',
      ]);
      await appendAudit(q, actor, [
        { action: decision === 'approved' ? 'approval.approved' : 'approval.rejected', detail: { grantId: row.grant_id, sha256: row.sha256, ...(reason ? { reason } : {}) } },
      ]);
      return publicApproval((await q.get<ApprovalRow>('SELECT * FROM approvals WHERE id = ?', [id]))!);
    });
  }
}

/** A transfer about to be stored, with its key and the approval it names. */
export interface ApprovalItem {
  t: NormalizedTransfer;
  key: string;
  approval?: string;
}

const isReissue = (key: string) => key.includes(':reissue:');

/**
 * Inside a submission's transaction: why each grant's new transfers may not be stored (grant id
 * -> the refusal), with the approval limit. A grant needs an approval when one of its payments,
 * or the sum of what it has in the ledger and what this chunk adds, is over the limit; then every
 * transfer must name an approved request for the grant (`approval`: the grant file's SHA-256), and
 * the grant's payments stay within that request's count, total and largest payment. On PostgreSQL
 * a grant's checks take turns (an advisory lock), so two chunks cannot both slip under the limit.
 */
export async function approvalProblems(q: Queries, limitCents: number | undefined, transfers: ApprovalItem[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (limitCents === undefined || transfers.length === 0) return out;
  const byGrant = new Map<string, ApprovalItem[]>();
  for (const x of transfers) (byGrant.get(x.t.grantId) ?? byGrant.set(x.t.grantId, []).get(x.t.grantId)!).push(x);
  for (const [grantId, items] of byGrant) {
    if (q.dialect === 'postgres') await q.get('SELECT pg_advisory_xact_lock(hashtext(?))', [`hmsops:approval:${grantId}`]);
    // A reissue pays a returned payment again: it counts toward the limit, not as one more recipient.
    const had = (await q.get<{ n: number; cents: number | null; max: number | null }>(
      `SELECT COUNT(*) AS n, SUM(amount_cents) AS cents, MAX(amount_cents) AS max FROM transfers WHERE grant_id = ? AND idempotency_key NOT LIKE ?`,
      [grantId, '%:reissue:%'],
    ))!;
    const fresh = items.filter((x) => !isReissue(x.key));
    const count = Number(had.n) + fresh.length;
    const total = Number(had.cents ?? 0) + fresh.reduce((n, x) => n + x.t.amountCents, 0);
    const max = Math.max(Number(had.max ?? 0), ...items.map((x) => x.t.amountCents));
    if (!needsApproval(limitCents, total, max)) continue;
    const shas = [...new Set(items.map((x) => x.approval ?? ''))];
    const over = `${grantId} is over the approval limit of ${formatCents(limitCents)}`;
    if (shas.length !== 1 || !shas[0]) {
      out.set(grantId, `${over}: each transfer must name its approved grant file (approval: its SHA-256); nothing of it was stored`);
      continue;
    }
    const approval = await q.get<ApprovalRow>('SELECT * FROM approvals WHERE grant_id = ? AND sha256 = ?', [grantId, shas[0]]);
    if (approval?.status !== 'approved') {
      out.set(
        grantId,
        `${over}, and the grant file ${shas[0].slice(0, 12)}... is ${approval ? approval.status : 'not asked for'}: an approver approves it first (hmsops approve ${grantId})`,
      );
      continue;
    }
    if (count > Number(approval.recipients) || total > Number(approval.total_cents) || max > Number(approval.max_cents))
      out.set(
        grantId,
        `${grantId} would pay ${count} recipient(s), ${formatCents(total)}, at most ${formatCents(max)} each: more than approved (${approval.recipients}, ${formatCents(Number(approval.total_cents))}, ${formatCents(Number(approval.max_cents))})`,
      );
  }
  return out;
}
