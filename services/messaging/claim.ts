/**
 * The outbox's claim, in each store dialect's SQL: due emails (up to 500) for this instance, so
 * two instances (on any host) never send the same one. SQLite: due emails in the order of the
 * emails_due index (new ones: next_attempt_at 0, then insertion order), then expired claims, both
 * read off the index, so a claim never sorts the whole queue (docs/benchmarks.md says what that
 * cost); its write lock keeps claims apart. PostgreSQL: the rows another instance is claiming are
 * skipped, not waited for (each half on its own, so each reads the index; up to 500 of each).
 */
export const CLAIM = {
  sqlite: `UPDATE emails SET status = 'sending', claimed_until = ?
           WHERE id IN (
             SELECT id FROM (SELECT id FROM emails WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?)
             UNION ALL SELECT id FROM (SELECT id FROM emails WHERE status = 'sending' AND claimed_until < ? LIMIT ?)
             LIMIT ?)
           RETURNING *`,
  postgres: `UPDATE emails SET status = 'sending', claimed_until = ?
             WHERE id IN (SELECT id FROM emails WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                OR id IN (SELECT id FROM emails WHERE status = 'sending' AND claimed_until < ? LIMIT ? FOR UPDATE SKIP LOCKED)
             RETURNING *`,
};

/** The claim's parameters: claimed until, now, and how many (each half up to `limit`). */
export const claimParams = (dialect: keyof typeof CLAIM, now: number, limit: number) =>
  dialect === 'sqlite' ? [now + 60_000, now, limit, now, limit, limit] : [now + 60_000, now, limit, now, limit];
