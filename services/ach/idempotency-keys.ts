/**
 * Idempotency keys: a key already used (replay its transfer, or 422 for another body), a key
 * held by a request in flight (409 until its lease ends), or a key free to take. Holds are
 * rows of their own with a lease, so a crashed holder's keys come free; the transfer's UNIQUE
 * key column stays the final guard.
 */
import { itemError, type ItemError } from '../../src/errors/index.js';
import type { Store } from '../kit/store.js';
import { publicTransfer, type PublicTransfer, type TransferRow } from './tables.js';
import type { FieldProblem } from './transfer-rules.js';

/** How long a request may hold its keys before another may take them over (a crashed holder's keys come free). */
export const LEASE_MS = 5000;

/** What a key already decides: the first answer again, or a refusal. */
export type KeyOutcome =
  | { status: 200; transfer: PublicTransfer; replayed: true }
  | ItemError<'VALIDATION', { fields: FieldProblem[] }>
  | ItemError<'IDEMPOTENCY_KEY_REUSED', { transferId: string }>
  | ItemError<'IDEMPOTENCY_KEY_IN_FLIGHT', { retryAfterSeconds: number }>;

export class IdempotencyKeys {
  #byKey;
  #heldBy;
  #hold;
  #release;
  #releaseAll;
  constructor(private readonly db: Store) {
    this.#byKey = db.prepare<[string], TransferRow>('SELECT * FROM transfers WHERE idempotency_key = ?');
    this.#heldBy = db.prepare<[string], { owner: string; lease_until: number }>('SELECT owner, lease_until FROM reservations WHERE idempotency_key = ?');
    this.#hold = db.prepare(
      'INSERT INTO reservations (idempotency_key, owner, lease_until) VALUES (?, ?, ?) ON CONFLICT (idempotency_key) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until',
    );
    this.#release = db.prepare('DELETE FROM reservations WHERE idempotency_key = ? AND owner = ?');
    this.#releaseAll = db.prepare('DELETE FROM reservations WHERE owner = ?');
  }

  /** Replay, 422 or 409 when the key is known or held; undefined when it is free to use. */
  known(key: string, fingerprint: string, owner: string, nowMs: number): KeyOutcome | undefined {
    if (typeof key !== 'string' || key.length === 0 || key.length > 255)
      return itemError('VALIDATION', 'an Idempotency-Key of 1-255 characters is required', { fields: [{ field: 'idempotencyKey', reason: 'is required' }] });
    const existing = this.#byKey.get(key);
    if (existing) {
      if (existing.fingerprint === fingerprint) return { status: 200, transfer: publicTransfer(existing), replayed: true };
      return itemError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} was used for a different transfer (${existing.id})`, { transferId: existing.id });
    }
    const held = this.#heldBy.get(key);
    if (held && held.owner !== owner && held.lease_until > nowMs) {
      const retryAfterSeconds = Math.max(1, Math.ceil((held.lease_until - nowMs) / 1000));
      return itemError('IDEMPOTENCY_KEY_IN_FLIGHT', `a request with idempotency key ${key} is being processed; retry in ${retryAfterSeconds}s for its answer`, {
        retryAfterSeconds,
      });
    }
    return undefined;
  }

  /**
   * Takes the keys that are free (step 1 of every submission, its own short transaction) and
   * answers at once for the ones that are known or held elsewhere.
   */
  reserve(items: { key: string; fingerprint: string }[], owner: string, leaseMs: number): (KeyOutcome | undefined)[] {
    // Replays and 409s need no write lock: answer them from a plain (WAL) read, so a duplicate is
    // not kept waiting behind another request's write transactions.
    const readNow = Date.now();
    const seen = items.map(({ key, fingerprint }) => this.known(key, fingerprint, owner, readNow));
    if (seen.every((k) => k)) return seen;
    return this.db
      .transaction(() => {
        const now = Date.now();
        return items.map(({ key, fingerprint }, i) => {
          if (seen[i]) return seen[i];
          const known = this.known(key, fingerprint, owner, now);
          if (!known) this.#hold.run(key, owner, now + leaseMs);
          return known;
        });
      })
      .immediate();
  }

  release(key: string, owner: string): void {
    this.#release.run(key, owner);
  }

  releaseAll(owner: string): void {
    this.#releaseAll.run(owner);
  }
}
