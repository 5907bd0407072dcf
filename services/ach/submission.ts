/**
 * Submitting transfers: one, or a batch in chunks (or all-or-nothing). A chunk's transfer rows,
 * their ledger entries and the release of their keys' holds are one transaction.
 */
import crypto from 'node:crypto';
import { itemError, type ItemError } from '../../src/errors/index.js';
import { orderedId } from '../kit/ordered-id.js';
import type { Queries, Store } from '../kit/store.js';
import { answerFor, type IdempotencyKeys, type KeyOutcome, LEASE_MS, transfersByKey } from './idempotency-keys.js';
import { appendToLedger, publicTransfer, type PublicTransfer, type TransferRow } from './tables.js';
import { transferFingerprint, validateTransfer, type FieldProblem, type NormalizedTransfer } from './transfer-rules.js';
import { prenoteVerdicts } from './prenotes.js';
import { approvalProblems } from './approvals.js';
import { type Actor, appendAudit, type AuditEvent } from '../kit/audit.js';
import type { Prenote } from '../../src/api/ach.js';

export type SubmitOutcome =
  | { status: 201; transfer: PublicTransfer }
  /** No transfer yet: the account's prenote goes first (services/ach/prenotes.ts); sent again once it is payable, the transfer is made. */
  | { status: 202; prenote: Prenote }
  | KeyOutcome
  | ItemError<'VALIDATION', { fields: FieldProblem[] }>
  | ItemError<'PRENOTE_ANSWERED', { prenote: Prenote }>
  | ItemError<'APPROVAL_REQUIRED'>;

/** One item of a submission: where it stands in the request, its key and the fingerprint a repeat is compared with. */
interface Item {
  index: number;
  key: string;
  fingerprint: string;
  body: Record<string, unknown>;
}

/**
 * The audit log's account of one chunk: per grant, the transfers stored (count, total, trace
 * range), reissues apart, and the prenotes made.
 */
function submittedEvents(rows: TransferRow[], prenotes: { grantId: string; traceNumber: string }[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  const groups = new Map<string, TransferRow[]>();
  for (const r of rows) {
    const k = `${r.grant_id}|${r.idempotency_key.includes(':reissue:') ? 'transfers.reissued' : 'transfers.submitted'}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  for (const [k, rs] of groups) {
    const [grantId, action] = k.split('|') as [string, string];
    const traces = rs.map((r) => r.trace_number).sort();
    events.push({
      action,
      detail: {
        grantId,
        count: rs.length,
        totalCents: rs.reduce((n, r) => n + r.amount_cents, 0),
        firstTrace: traces[0],
        lastTrace: traces.at(-1),
        ...(rs.length === 1 ? { recipientId: rs[0]!.recipient_id } : {}),
      },
    });
  }
  const byGrant = new Map<string, number>();
  for (const p of prenotes) byGrant.set(p.grantId, (byGrant.get(p.grantId) ?? 0) + 1);
  for (const [grantId, count] of byGrant) events.push({ action: 'prenotes.created', detail: { grantId, count } });
  return events;
}

/** What validateTransfer says of a date that has passed. */
const PAST = 'must not be in the past';

/** Why a payment is held: what the bank answered to its account's prenote, and what to do. */
function heldMessage(p: Prenote): string {
  const a = p.answer!;
  const what = `the bank answered the prenote to account ...${p.accountLast4} (trace ${p.traceNumber}) with ${a.code} (${a.description})${a.correctedData ? `: use ${a.correctedData.trim()}` : ''}`;
  return `held: ${what}; nothing was paid. Give the recipient ${a.kind === 'corrected' ? 'the corrected account' : 'another account'} in the grant file (it gets a prenote of its own)`;
}

const TRANSFER_COLUMNS = [
  'seq',
  'id',
  'idempotency_key',
  'fingerprint',
  'grant_id',
  'recipient_id',
  'name',
  'routing',
  'account',
  'account_type',
  'amount_cents',
  'sec_code',
  'originator_name',
  'company_id',
  'odfi_routing',
  'effective_date',
  'trace_number',
  'status',
  'file_id',
  'created_at',
] as const satisfies readonly (keyof TransferRow)[];

/**
 * Transfers a chunk writes in one transaction. SQLite: its write lock and this process's event
 * loop are held for the chunk, so other requests are served between small ones. PostgreSQL
 * blocks neither, and each commit waits for the log to reach the disk: fewer, larger chunks.
 */
const CHUNK = { sqlite: 500, postgres: 1000 };
/** Chunks in flight at once: PostgreSQL stores one while this process validates the next. */
const IN_FLIGHT = { sqlite: 1, postgres: 3 };

export class Submission {
  constructor(
    private readonly db: Store,
    private readonly keys: IdempotencyKeys,
    private readonly instanceId: string,
    /** approvals.over: a grant over it is stored only under an approval (services/ach/approvals.ts). */
    private readonly approvalLimitCents?: number,
  ) {}

  /**
   * Stores the items whose keys this request holds; call inside a transaction. The key's UNIQUE
   * constraint is the final guard: a row another request stored first (its hold taken over after
   * the lease) is skipped, and that item answered from the stored row.
   */
  async #store(q: Queries, items: Item[], owner: string, now: Date, actor: Actor): Promise<Map<number, SubmitOutcome>> {
    const out = new Map<number, SubmitOutcome>();
    const known = await transfersByKey(
      q,
      items.map((it) => it.key),
    );
    const rows: TransferRow[] = [];
    const fresh: Item[] = [];
    /** Key -> the item whose row it is (the same key twice in one request: the first). */
    const rowOf = new Map<string, number>();
    const valid: { it: Item; t: NormalizedTransfer; late?: FieldProblem[] }[] = [];
    const invalid = (it: Item, problems: FieldProblem[]) => out.set(it.index, itemError('VALIDATION', 'the transfer is not valid; nothing was stored', { fields: problems }));
    for (const it of items) {
      const existing = known.get(it.key);
      if (existing) {
        out.set(it.index, answerFor(existing, it.key, it.fingerprint));
        continue;
      }
      const v = validateTransfer(it.body, now);
      if (v.ok) valid.push({ it, t: v.transfer });
      else if (v.problems.every((p) => p.field === 'effectiveDate' && p.reason === PAST)) {
        // The date passed while the payment waited for its prenote: it goes the next banking day (decided below).
        const again = validateTransfer({ ...it.body, effectiveDate: undefined }, now);
        if (again.ok) valid.push({ it, t: again.transfer, late: v.problems });
        else invalid(it, v.problems);
      } else invalid(it, v.problems);
    }
    const made: { grantId: string; traceNumber: string }[] = [];
    const verdicts = await prenoteVerdicts(
      q,
      valid.map((x) => x.t),
      now,
      made,
    );
    const paying: { it: Item; t: NormalizedTransfer }[] = [];
    for (const [k, { it, t, late }] of valid.entries()) {
      const verdict = verdicts[k]!;
      if (!verdict.pay)
        out.set(
          it.index,
          verdict.prenote.state === 'held' ? itemError('PRENOTE_ANSWERED', heldMessage(verdict.prenote), { prenote: verdict.prenote }) : { status: 202, prenote: verdict.prenote },
        );
      else if (late && !verdict.afterPrenote) invalid(it, late);
      else paying.push({ it, t });
    }
    const unapproved = await approvalProblems(
      q,
      this.approvalLimitCents,
      paying.map(({ it, t }) => ({ t, key: it.key, approval: t.approval })),
    );
    for (const { it, t } of paying) {
      const refusal = unapproved.get(t.grantId);
      if (refusal) {
        out.set(it.index, itemError('APPROVAL_REQUIRED', refusal));
        continue;
      }
      fresh.push(it);
      if (!rowOf.has(it.key)) {
        rowOf.set(it.key, it.index);
        rows.push({
          seq: 0,
          id: `tr_${orderedId()}`,
          idempotency_key: it.key,
          fingerprint: it.fingerprint,
          grant_id: t.grantId,
          recipient_id: t.recipientId,
          name: t.name,
          routing: t.routing,
          account: t.account,
          account_type: t.accountType,
          amount_cents: t.amountCents,
          sec_code: t.secCode,
          originator_name: t.originator.name,
          company_id: t.originator.companyId,
          odfi_routing: t.originator.odfiRouting,
          effective_date: t.effectiveDate,
          trace_number: '',
          status: 'queued',
          file_id: null,
          created_at: now.toISOString(),
        });
      }
    }
    // The trace number comes from the row's own key: ODFI's 8 digits + 7 digits, ascending.
    const seqs = await q.nextKeys('transfers', 'seq', rows.length);
    for (const [i, r] of rows.entries()) {
      r.seq = seqs[i]!;
      r.trace_number = `${r.odfi_routing.slice(0, 8)}${String(r.seq % 10_000_000).padStart(7, '0')}`;
    }
    const inserted = await q.insert<{ idempotency_key: string }>(
      'transfers',
      TRANSFER_COLUMNS,
      rows.map((r) => TRANSFER_COLUMNS.map((c) => r[c])),
      { conflict: 'ON CONFLICT (idempotency_key) DO NOTHING', returning: 'idempotency_key' },
    );
    const stored = new Set(inserted.rows.map((r) => r.idempotency_key));
    const mine = rows.filter((r) => stored.has(r.idempotency_key));
    await appendToLedger(
      q,
      mine.map((r) => [r.id, 'queued', r.amount_cents, null, r.created_at] as const),
    );
    const byKey = new Map(mine.map((r) => [r.idempotency_key, r]));
    const later: Item[] = [];
    for (const it of fresh) {
      const row = byKey.get(it.key);
      if (row && rowOf.get(it.key) === it.index) out.set(it.index, { status: 201, transfer: publicTransfer(row) });
      else later.push(it);
    }
    // Another request's row, or this request's own key a second time: the stored row answers.
    const storedNow = await transfersByKey(q, [...new Set(later.map((it) => it.key))]);
    for (const it of later) out.set(it.index, answerFor(storedNow.get(it.key)!, it.key, it.fingerprint));
    await this.keys.release(
      q,
      owner,
      items.map((it) => it.key),
    );
    await appendAudit(q, actor, submittedEvents(mine, made));
    return out;
  }

  /** A request's name on its holds: which instance, which request. */
  #owner(): string {
    return `${this.instanceId}/${crypto.randomUUID()}`;
  }

  async submit(key: string, body: Record<string, unknown>, actor: Actor): Promise<SubmitOutcome> {
    const { results } = await this.submitBatch([{ ...body, idempotencyKey: key }], false, actor);
    const { index: _index, ...outcome } = results[0]!;
    return outcome as SubmitOutcome;
  }

  /**
   * Many transfers. Keys are held first; then the work goes in chunks, each its own transaction,
   * so other requests are served in between (and are told 409 for a key held here). With
   * atomic, everything is one transaction and any failure stores nothing.
   */
  async submitBatch(items: Record<string, unknown>[], atomic: boolean, actor: Actor): Promise<{ results: (SubmitOutcome & { index: number })[]; committed: boolean }> {
    const owner = this.#owner();
    // The fingerprint leaves the key out: the same transfer under its key is a repeat.
    const keyed: Item[] = items.map((item, index) => ({ index, key: String(item?.idempotencyKey ?? ''), fingerprint: transferFingerprint(item ?? {}), body: item ?? {} }));
    const decided = await this.keys.reserve(keyed, owner, LEASE_MS + Math.ceil(items.length / 2));
    const results: (SubmitOutcome & { index: number })[] = new Array(items.length);
    for (const [index, d] of decided.entries()) if (d) results[index] = { index, ...d };
    const todo = keyed.filter((it) => !decided[it.index]);
    const record = (m: Map<number, SubmitOutcome>) => {
      for (const [index, r] of m) results[index] = { index, ...r };
    };
    try {
      if (atomic) {
        const abort = new Error('atomic batch aborted');
        try {
          await this.db.transaction(async (q) => {
            record(await this.#store(q, todo, owner, new Date(), actor));
            if (results.some((r) => r.status >= 400)) throw abort;
          });
          return { results, committed: true };
        } catch (err) {
          if (err !== abort) throw err;
          return { results, committed: false };
        }
      }
      const size = CHUNK[this.db.dialect];
      const chunks: Item[][] = [];
      for (let c = 0; c < todo.length; c += size) chunks.push(todo.slice(c, c + size));
      let next = 0;
      const worker = async () => {
        while (next < chunks.length) {
          const chunk = chunks[next++]!;
          record(await this.db.transaction((q) => this.#store(q, chunk, owner, new Date(), actor)));
          await new Promise((r) => setImmediate(r));
        }
      };
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT[this.db.dialect], chunks.length) }, worker));
      return { results, committed: true };
    } finally {
      await this.keys.release(this.db, owner).catch(() => undefined); // a lease ends holds a lost connection left
    }
  }
}
