/**
 * The audit log: every action that moves or could move money, or changes who may, appended in
 * the same transaction as the action to a hash chain in the service's store. Each entry's body is
 * the JSON text hashed (who, what, when, the request id, the details), kept verbatim; its hash is
 * SHA-256 of the previous entry's hash and that text. An entry edited, removed or put in between
 * breaks the chain from there on (src/audit/verify.ts finds the first). Instances take turns to
 * append (SQLite's write lock; an advisory lock on PostgreSQL, taken last in the transaction so it
 * is held only for the append), and `prev_hash` is UNIQUE: the chain cannot fork.
 */
import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { shared } from '../../src/api/schemas.js';
import type { AuditEntry } from '../../src/api/shared.js';
import { requireRole, type RoutePlugin } from './service.js';
import type { ColumnTypes, Queries, Store } from './store.js';

/** The first entry's previous hash. */
export const GENESIS = '0'.repeat(64);

export const auditTable = (t: ColumnTypes) => `CREATE TABLE audit (
     seq ${t.key},
     body TEXT NOT NULL,
     prev_hash TEXT NOT NULL UNIQUE,
     hash TEXT NOT NULL UNIQUE
   );`;

/** Who acted: a user (through the gateway) or the service itself (a background sender). */
export interface Actor {
  who: string;
  requestId: string | null;
}

export const actorOf = (req: FastifyRequest): Actor => ({ who: req.identity?.username ?? 'anonymous', requestId: String(req.id) });
export const system = (instanceId: string): Actor => ({ who: `system:${instanceId}`, requestId: null });

export interface AuditEvent {
  action: string;
  detail: Record<string, unknown>;
}

export const chainHash = (prevHash: string, body: string) => crypto.createHash('sha256').update(prevHash).update(body).digest('hex');

/** Appends `events` by `actor` to the chain; call inside the transaction that does what they say, after the rest of its work. */
export async function appendAudit(q: Queries, actor: Actor, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (q.dialect === 'postgres') await q.get("SELECT pg_advisory_xact_lock(hashtext('hmsops:audit'))");
  const last = await q.get<{ hash: string }>('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1');
  let prev = last?.hash ?? GENESIS;
  const at = new Date().toISOString();
  const rows: [string, string, string][] = [];
  for (const e of events) {
    const body = JSON.stringify({ at, who: actor.who, action: e.action, requestId: actor.requestId, detail: e.detail });
    const hash = chainHash(prev, body);
    rows.push([body, prev, hash]);
    prev = hash;
  }
  await q.insert('audit', ['body', 'prev_hash', 'hash'], rows);
}

/** Entries after `afterSeq`, oldest first, at most `limit` (10,000). */
export async function readAudit(q: Queries, opts: { afterSeq?: number; limit?: number } = {}): Promise<AuditEntry[]> {
  const rows = await q.all<{ seq: number; body: string; prev_hash: string; hash: string }>('SELECT seq, body, prev_hash, hash FROM audit WHERE seq > ? ORDER BY seq LIMIT ?', [
    opts.afterSeq ?? 0,
    Math.min(opts.limit ?? 10_000, 10_000),
  ]);
  return rows.map((r) => ({ seq: Number(r.seq), body: r.body, prevHash: r.prev_hash, hash: r.hash }));
}

/** GET /v1/audit?after=SEQ&limit=N (admin): the chain as stored, for `hmsops audit` to check and export. */
export const auditRoutes =
  (chain: string): RoutePlugin<{ db: Store }> =>
  (app, { db }) => {
    app.get(
      '/v1/audit',
      {
        schema: {
          summary: 'The audit log as stored, oldest first (admin): each body verbatim with its chain hashes',
          querystring: shared.AuditQuery,
          response: { 200: shared.AuditList },
        },
      },
      async (req) => {
        requireRole(req, 'admin');
        return { chain, entries: await readAudit(db, { afterSeq: req.query.after ? Number(req.query.after) : 0, limit: req.query.limit ? Number(req.query.limit) : undefined }) };
      },
    );
  };
