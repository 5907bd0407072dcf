/**
 * Does a grant add up? The ledger's transfers, the entries of the NACHA files cut for it, the
 * returns the banks sent back, the analytics events and the notices, compared. Pure: the facts
 * are gathered by the `reconcile` command; every disagreement is one line an operator can act on.
 */
import type { ReturnRecord } from '../api/ach.js';

export interface ReconcileFacts {
  grantId: string;
  transfers: { id: string; recipientId: string; traceNumber: string; amountCents: number; status: string }[];
  /** Every file cut for the grant, as read back (entries by trace number). */
  files: { fileId: string; valid: boolean; entries: { traceNumber: string; amountCents: number }[] }[];
  returns: ReturnRecord[];
  /** The grant's prenotes: zero-dollar entries in its files that are no transfer. */
  prenotes?: { id: string; recipientId: string; traceNumber: string; status: string }[];
  /** Counts and sums by event type; undefined when analytics could not be asked. */
  analytics?: Record<string, { count: number; amountCents: number }>;
  /** Notices queued: for payments, and for returns; undefined when messaging could not be asked. */
  notices?: { payments: number; returns: number };
}

export interface Reconciliation {
  grantId: string;
  transfers: { count: number; amountCents: number };
  filed: { count: number; amountCents: number };
  /** Payment entries in the grant's files (prenotes apart). */
  inFiles: { count: number; amountCents: number; files: number };
  /** Prenotes: made for the grant, and found in its files (each once, for zero dollars). */
  prenotes: { count: number; inFiles: number };
  returned: { count: number; amountCents: number };
  /** Filed and not returned. */
  paid: { count: number; amountCents: number };
  corrections: number;
  mismatches: string[];
  /** What could not be checked (a service that did not answer). */
  unchecked: string[];
  /**
   * The verdict: `balances` only when there is something to check, everything was checked, and
   * nothing disagrees; `no-transfers` when the ledger has none for this grant (nothing was
   * disbursed under that id); `not-checked` when a part could not be checked.
   */
  verdict: 'balances' | 'mismatches' | 'not-checked' | 'no-transfers';
}

const sum = (xs: { amountCents: number }[]) => xs.reduce((n, x) => n + x.amountCents, 0);

export function reconcile(f: ReconcileFacts): Reconciliation {
  const mismatches: string[] = [];
  const unchecked: string[] = [];
  const filed = f.transfers.filter((t) => t.status === 'filed');
  const notFiled = f.transfers.length - filed.length;
  if (notFiled) mismatches.push(`${notFiled} transfer(s) in the ledger are in no file yet (queued)`);

  // Each filed transfer in exactly one file, with its amount; nothing in the files that is not a transfer.
  const byTrace = new Map(f.transfers.map((t) => [t.traceNumber, t]));
  const prenotes = new Map((f.prenotes ?? []).map((p) => [p.traceNumber, p]));
  const seen = new Map<string, number>();
  const payments: { traceNumber: string; amountCents: number }[] = [];
  for (const file of f.files) {
    if (!file.valid) mismatches.push(`file ${file.fileId} is not a valid NACHA file`);
    for (const e of file.entries) {
      seen.set(e.traceNumber, (seen.get(e.traceNumber) ?? 0) + 1);
      const p = prenotes.get(e.traceNumber);
      if (p) {
        if (e.amountCents !== 0) mismatches.push(`prenote trace ${e.traceNumber} (${p.recipientId}): ${e.amountCents} cents in file ${file.fileId}, a prenote carries none`);
        continue;
      }
      payments.push(e);
      const t = byTrace.get(e.traceNumber);
      if (!t) mismatches.push(`file ${file.fileId} has an entry (trace ${e.traceNumber}) that is no transfer of this grant`);
      else if (t.amountCents !== e.amountCents)
        mismatches.push(`trace ${e.traceNumber} (${t.recipientId}): ${e.amountCents} cents in file ${file.fileId}, ${t.amountCents} in the ledger`);
    }
  }
  for (const t of filed) {
    const n = seen.get(t.traceNumber) ?? 0;
    if (n !== 1) mismatches.push(`transfer ${t.id} (${t.recipientId}, trace ${t.traceNumber}) is filed but in ${n} files`);
  }
  for (const p of prenotes.values()) {
    const n = seen.get(p.traceNumber) ?? 0;
    if (p.status === 'filed' && n !== 1) mismatches.push(`prenote ${p.id} (${p.recipientId}, trace ${p.traceNumber}) is filed but in ${n} files`);
  }
  const entries = payments;

  // Returns: each for a filed transfer, at most once per transfer.
  const returnedIds = new Set<string>();
  for (const r of f.returns.filter((x) => x.kind === 'returned')) {
    if (!r.transferId) continue;
    if (returnedIds.has(r.transferId)) mismatches.push(`transfer ${r.transferId} (${r.recipientId}) was returned more than once`);
    returnedIds.add(r.transferId);
  }
  const returned = f.transfers.filter((t) => returnedIds.has(t.id));
  const paid = filed.filter((t) => !returnedIds.has(t.id));

  if (!f.analytics) unchecked.push('analytics did not answer');
  else {
    const events = (type: string) => f.analytics![type] ?? { count: 0, amountCents: 0 };
    const transfers = events('disbursement.transfer');
    if (transfers.count !== f.transfers.length || transfers.amountCents !== sum(f.transfers))
      mismatches.push(`analytics has ${transfers.count} transfer event(s) for ${transfers.amountCents} cents; the ledger ${f.transfers.length} for ${sum(f.transfers)}`);
    const back = events('disbursement.returned');
    if (back.count !== returned.length || back.amountCents !== sum(returned))
      mismatches.push(`analytics has ${back.count} return event(s) for ${back.amountCents} cents; the ledger ${returned.length} for ${sum(returned)}`);
  }
  if (!f.notices) unchecked.push('messaging did not answer');
  else {
    if (f.notices.payments !== f.transfers.length) mismatches.push(`${f.notices.payments} payment notice(s) queued for ${f.transfers.length} transfer(s)`);
    if (f.notices.returns !== returned.length) mismatches.push(`${f.notices.returns} return notice(s) queued for ${returned.length} returned transfer(s)`);
  }
  return {
    grantId: f.grantId,
    transfers: { count: f.transfers.length, amountCents: sum(f.transfers) },
    filed: { count: filed.length, amountCents: sum(filed) },
    inFiles: { count: entries.length, amountCents: sum(entries), files: f.files.length },
    prenotes: { count: prenotes.size, inFiles: [...prenotes.keys()].filter((t) => seen.has(t)).length },
    returned: { count: returned.length, amountCents: sum(returned) },
    paid: { count: paid.length, amountCents: sum(paid) },
    corrections: f.returns.filter((x) => x.kind === 'corrected' && x.transferId).length,
    mismatches,
    unchecked,
    verdict: f.transfers.length === 0 && prenotes.size === 0 ? 'no-transfers' : mismatches.length ? 'mismatches' : unchecked.length ? 'not-checked' : 'balances',
  };
}
