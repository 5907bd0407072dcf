/**
 * The ACH ledger, in the service's store (SQLite or PostgreSQL). Exactly-once is the store's job: the idempotency key is UNIQUE on the
 * transfer row, written in the same transaction as its ledger entry, so no crash, retry or second
 * instance can make two transfers of one key. The parts: tables.ts (the schema), the
 * idempotency keys and their holds, submission, file cutting; this class joins them and answers
 * the reads.
 */
import { type Store, whereEqual } from '../kit/store.js';
import type { Actor } from '../kit/audit.js';
import { FileCutter } from './file-cutting.js';
import { IdempotencyKeys } from './idempotency-keys.js';
import { listPrenotes } from './prenotes.js';
import type { Prenote } from '../../src/api/ach.js';
import { Submission, type SubmitOutcome } from './submission.js';
import { type FileRecord, publicTransfer, type PublicTransfer, type TransferRow } from './tables.js';

export { migrations, publicTransfer, type FileRecord, type PublicTransfer } from './tables.js';
export type { SubmitOutcome } from './submission.js';

export class Ledger {
  readonly #submission: Submission;
  readonly #files: FileCutter;
  constructor(
    private readonly db: Store,
    outboundDir: string,
    /** Names the holder of a request's key holds (`<instance>/<request>`), for whoever looks at them. */
    instanceId = 'ach',
    /** approvals.over, in cents: grants over it are paid only once approved. */
    approvalLimitCents?: number,
  ) {
    this.#submission = new Submission(db, new IdempotencyKeys(db), instanceId, approvalLimitCents);
    this.#files = new FileCutter(db, outboundDir);
  }

  /** Start-up: finishes what a crash interrupted in the outbound folder. */
  recoverFiles(): Promise<void> {
    return this.#files.recoverFiles();
  }

  submit(key: string, body: Record<string, unknown>, actor: Actor): Promise<SubmitOutcome> {
    return this.#submission.submit(key, body, actor);
  }

  submitBatch(items: Record<string, unknown>[], atomic: boolean, actor: Actor) {
    return this.#submission.submitBatch(items, atomic, actor);
  }

  cutFile(opts: { grantId?: string; maxEntries?: number }, actor: Actor): Promise<FileRecord | null> {
    return this.#files.cutFile(opts, actor);
  }

  fileBytes(id: string): Promise<Buffer | undefined> {
    return this.#files.fileBytes(id);
  }

  getFile(id: string): Promise<FileRecord | undefined> {
    return this.#files.getFile(id);
  }

  listFiles(q: { grantId?: string }): Promise<FileRecord[]> {
    return this.#files.listFiles(q);
  }

  /** A grant's prenotes (every one without a grant), as they stand today. */
  prenotes(grantId?: string): Promise<Prenote[]> {
    return listPrenotes(this.db, grantId);
  }

  getRow(id: string): Promise<TransferRow | undefined> {
    return this.db.get<TransferRow>('SELECT * FROM transfers WHERE id = ?', [id]);
  }

  async list(q: { grantId?: string; status?: string }): Promise<PublicTransfer[]> {
    const { where, args } = whereEqual({ grant_id: q.grantId, status: q.status });
    return (await this.db.all<TransferRow>(`SELECT * FROM transfers ${where} ORDER BY seq`, args)).map(publicTransfer);
  }

  grantSummaries(grantId?: string) {
    // Quoted aliases: PostgreSQL folds unquoted names to lower case.
    return this.db.all<{ grantId: string; transfers: number; amountCents: number; queued: number; filed: number; files: number; firstAt: string; lastAt: string }>(
      `SELECT grant_id AS "grantId", COUNT(*) AS transfers, SUM(amount_cents) AS "amountCents",
         SUM(CASE WHEN status = 'queued' THEN 1 ELSE 0 END) AS queued, SUM(CASE WHEN status = 'filed' THEN 1 ELSE 0 END) AS filed,
         COUNT(DISTINCT file_id) AS files, MIN(created_at) AS "firstAt", MAX(created_at) AS "lastAt"
       FROM transfers ${grantId ? 'WHERE grant_id = ?' : ''} GROUP BY grant_id ORDER BY MIN(seq)`,
      grantId ? [grantId] : [],
    );
  }
}
