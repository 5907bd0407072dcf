/**
 * Idempotency keys: a key already used (replay its transfer, or 422 for another body), a key
 * held by a request in flight (409 until its lease ends), or a key free to take. Holds are
 * rows of their own with a lease, so a crashed holder's keys come free; the transfer's UNIQUE
 * key column stays the final guard.
 */
import { itemError, type ItemError } from '../../src/errors/index.js';
import type { Queries, Store } from '../kit/store.js';
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

interface Hold {
  idempotency_key: string;
  owner: string;
  lease_until: number;
}

/** The answer a transfer already stored gives a request with its key. */
export function answerFor(existing: TransferRow, key: string, fingerprint: string): KeyOutcome {
  if (existing.fingerprint === fingerprint) return { status: 200, transfer: publicTransfer(existing), replayed: true };
  return itemError('IDEMPOTENCY_KEY_REUSED', `idempotency key ${key} was used for a different transfer (${existing.id})`, { transferId: existing.id });
}

function inFlight(key: string, leaseUntil: number, nowMs: number): KeyOutcome {
  const retryAfterSeconds = Math.max(1, Math.ceil((leaseUntil - nowMs) / 1000));
  return itemError('IDEMPOTENCY_KEY_IN_FLIGHT', `a request with idempotency key ${key} is being processed; retry in ${retryAfterSeconds}s for its answer`, {
    retryAfterSeconds,
  });
}

/** The transfers stored under these keys, by key. */
export async function transfersByKey(q: Queries, keys: string[]): Promise<Map<string, TransferRow>> {
  const rows = keys.length ? await q.all<TransferRow>(`SELECT * FROM transfers WHERE ${q.in('idempotency_key')}`, [keys]) : [];
  return new Map(rows.map((r) => [r.idempotency_key, r]));
}

export class IdempotencyKeys {
  constructor(private readonly db: Store) {}

  /**
   * Takes the keys that are free (step 1 of every submission, its own short transaction) and
   * answers at once for the ones that are known or held elsewhere.
   */
  async reserve(items: { key: string; fingerprint: string }[], owner: string, leaseMs: number): Promise<(KeyOutcome | undefined)[]> {
    const out: (KeyOutcome | undefined)[] = items.map(({ key }) =>
      typeof key !== 'string' || key.length === 0 || key.length > 255
        ? itemError('VALIDATION', 'an Idempotency-Key of 1-255 characters is required', { fields: [{ field: 'idempotencyKey', reason: 'is required' }] })
        : undefined,
    );
    // Replays and 409s need no write: answered from a plain read, so a duplicate is not kept
    // waiting behind another request's write transactions.
    const decide = (known: Map<string, TransferRow>, held: Map<string, Hold>, now: number) => {
      for (const [i, { key, fingerprint }] of items.entries()) {
        if (out[i]) continue;
        const existing = known.get(key);
        const hold = held.get(key);
        if (existing) out[i] = answerFor(existing, key, fingerprint);
        else if (hold && hold.owner !== owner && hold.lease_until > now) out[i] = inFlight(key, hold.lease_until, now);
      }
    };
    const open = () => [...new Set(items.filter((_, i) => !out[i]).map((it) => it.key))];
    decide(await transfersByKey(this.db, open()), await this.#holds(this.db, open()), Date.now());
    if (open().length === 0) return out;
    return this.db.transaction(async (q) => {
      const now = Date.now();
      // Sorted, so two requests on PostgreSQL take their row locks in one order (no deadlock).
      const keys = open().sort();
      // A hold is taken only where there is none, or its lease has ended, or it is this request's.
      const taken = await q.insert<{ idempotency_key: string }>(
        'reservations',
        ['idempotency_key', 'owner', 'lease_until'],
        keys.map((k) => [k, owner, now + leaseMs]),
        {
          conflict: `ON CONFLICT (idempotency_key) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until WHERE reservations.lease_until <= ${now} OR reservations.owner = excluded.owner`,
          returning: 'idempotency_key',
        },
      );
      const mine = new Set(taken.rows.map((r) => r.idempotency_key));
      // A key held by another request now is answered 409. (A transfer stored under a key since
      // the read above is found when this request stores its chunk, and answered from it there.)
      decide(
        new Map(),
        await this.#holds(
          q,
          keys.filter((k) => !mine.has(k)),
        ),
        now,
      );
      return out;
    });
  }

  async #holds(q: Queries, keys: string[]): Promise<Map<string, Hold>> {
    const rows = keys.length ? await q.all<Hold>(`SELECT idempotency_key, owner, lease_until FROM reservations WHERE ${q.in('idempotency_key')}`, [keys]) : [];
    return new Map(rows.map((r) => [r.idempotency_key, r]));
  }

  /** Lets these keys go (or every key of this request). */
  async release(q: Queries, owner: string, keys?: string[]): Promise<void> {
    if (keys) await q.run(`DELETE FROM reservations WHERE owner = ? AND ${q.in('idempotency_key')}`, [owner, keys]);
    else await q.run('DELETE FROM reservations WHERE owner = ?', [owner]);
  }
}
