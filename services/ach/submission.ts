/**
 * Submitting transfers: one, or a batch in chunks (or all-or-nothing). Each transfer's row, its
 * ledger entry and the release of its key's hold are one transaction.
 */
import crypto from 'node:crypto';
import { itemError, type ItemError } from '../../src/errors/index.js';
import type { Store } from '../kit/store.js';
import { type IdempotencyKeys, type KeyOutcome, LEASE_MS } from './idempotency-keys.js';
import { ledgerInsert, publicTransfer, type PublicTransfer, type TransferRow } from './tables.js';
import { transferFingerprint, validateTransfer, type FieldProblem } from './transfer-rules.js';

export type SubmitOutcome = { status: 201; transfer: PublicTransfer } | KeyOutcome | ItemError<'VALIDATION', { fields: FieldProblem[] }>;

export class Submission {
  #insert;
  #ledger;
  #byId;
  #lastSeq;
  constructor(
    private readonly db: Store,
    private readonly keys: IdempotencyKeys,
    private readonly instanceId: string,
  ) {
    this.#insert = db.prepare(
      `INSERT INTO transfers (id, idempotency_key, fingerprint, grant_id, recipient_id, name, routing, account, account_type, amount_cents, sec_code,
         originator_name, company_id, odfi_routing, effective_date, trace_number, status, created_at)
       VALUES (@id, @key, @fingerprint, @grantId, @recipientId, @name, @routing, @account, @accountType, @amountCents, @secCode,
         @originatorName, @companyId, @odfiRouting, @effectiveDate, @traceNumber, 'queued', @createdAt)`,
    );
    this.#ledger = ledgerInsert(db);
    this.#byId = db.prepare<[string], TransferRow>('SELECT * FROM transfers WHERE id = ?');
    this.#lastSeq = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'transfers'").pluck();
  }

  /** One transfer; call inside a transaction. The key's UNIQUE constraint is the final guard. */
  #submitOne(key: string, body: Record<string, unknown>, fingerprint: string, owner: string, now: Date): SubmitOutcome {
    const known = this.keys.known(key, fingerprint, owner, now.getTime());
    if (known) return known;
    const v = validateTransfer(body, now);
    if (!v.ok) return itemError('VALIDATION', 'the transfer is not valid; nothing was stored', { fields: v.problems });
    const t = v.transfer;
    const id = `tr_${crypto.randomUUID().replace(/-/g, '')}`;
    // The trace number comes from the row's own sequence: ODFI's 8 digits + 7 digits, ascending.
    const seq = (this.#lastSeq.get() as number | undefined) ?? 0;
    const traceNumber = `${t.originator.odfiRouting.slice(0, 8)}${String((seq + 1) % 10_000_000).padStart(7, '0')}`;
    this.#insert.run({
      id,
      key,
      fingerprint,
      grantId: t.grantId,
      recipientId: t.recipientId,
      name: t.name,
      routing: t.routing,
      account: t.account,
      accountType: t.accountType,
      amountCents: t.amountCents,
      secCode: t.secCode,
      originatorName: t.originator.name,
      companyId: t.originator.companyId,
      odfiRouting: t.originator.odfiRouting,
      effectiveDate: t.effectiveDate,
      traceNumber,
      createdAt: now.toISOString(),
    });
    this.#ledger.run(id, 'queued', t.amountCents, null, now.toISOString());
    this.keys.release(key, owner);
    return { status: 201, transfer: publicTransfer(this.#byId.get(id)!) };
  }

  /** A request's name on its holds: which instance, which request. */
  #owner(): string {
    return `${this.instanceId}/${crypto.randomUUID()}`;
  }

  submit(key: string, body: Record<string, unknown>): SubmitOutcome {
    const owner = this.#owner();
    const fingerprint = transferFingerprint(body);
    const [known] = this.keys.reserve([{ key, fingerprint }], owner, LEASE_MS);
    if (known) return known;
    try {
      return this.db.transaction(() => this.#submitOne(key, body, fingerprint, owner, new Date())).immediate();
    } finally {
      this.keys.release(key, owner);
    }
  }

  /**
   * Many transfers. Keys are held first; then the work goes in chunks, each its own transaction,
   * so other requests are served in between (and are told 409 for a key held here). With
   * atomic, everything is one transaction and any failure stores nothing.
   */
  async submitBatch(items: Record<string, unknown>[], atomic: boolean): Promise<{ results: (SubmitOutcome & { index: number })[]; committed: boolean }> {
    const owner = this.#owner();
    const keyed = items.map((item) => ({ key: String(item?.idempotencyKey ?? ''), fingerprint: transferFingerprint(item ?? {}) }));
    const decided = this.keys.reserve(keyed, owner, LEASE_MS + Math.ceil(items.length / 2));
    const results: (SubmitOutcome & { index: number })[] = new Array(items.length);
    for (const [index, d] of decided.entries()) if (d) results[index] = { index, ...d };
    const todo = items.map((_, i) => i).filter((i) => !decided[i]);
    const releaseAll = () => this.keys.releaseAll(owner);
    try {
      if (atomic) {
        const abort = new Error('atomic batch aborted');
        try {
          this.db
            .transaction(() => {
              const now = new Date();
              for (const i of todo) results[i] = { index: i, ...this.#submitOne(keyed[i]!.key, items[i] ?? {}, keyed[i]!.fingerprint, owner, now) };
              if (results.some((r) => r.status >= 400)) throw abort;
            })
            .immediate();
          return { results, committed: true };
        } catch (err) {
          if (err !== abort) throw err;
          return { results, committed: false };
        }
      }
      for (let c = 0; c < todo.length; c += 500) {
        const chunk = todo.slice(c, c + 500);
        this.db
          .transaction(() => {
            const now = new Date();
            for (const i of chunk) results[i] = { index: i, ...this.#submitOne(keyed[i]!.key, items[i] ?? {}, keyed[i]!.fingerprint, owner, now) };
          })
          .immediate();
        await new Promise((r) => setImmediate(r));
      }
      return { results, committed: true };
    } finally {
      releaseAll();
    }
  }
}
