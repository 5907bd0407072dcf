/**
 * Checking an audit chain (services/kit/audit.ts), pure: each entry's hash is SHA-256 of the
 * previous entry's hash followed by its body, and names the previous entry's hash; the first
 * names 64 zeros. An auditor can do the same from `hmsops audit export` with a few lines of any
 * language (README, "Audit log").
 */
import crypto from 'node:crypto';
import type { AuditEntry } from '../api/shared.js';

export const GENESIS = '0'.repeat(64);

export interface ChainVerdict {
  chain: string;
  entries: number;
  /** The first entry that does not chain, and why; null when every entry does. */
  broken: { seq: number; reason: string } | null;
  /** The last entry's hash: write it down, and a chain rewritten from the start no longer ends there. */
  head: string;
}

export function verifyChain(chain: string, entries: AuditEntry[]): ChainVerdict {
  let prev = GENESIS;
  for (const e of entries) {
    if (e.prevHash !== prev)
      return {
        chain,
        entries: entries.length,
        head: prev,
        broken: {
          seq: e.seq,
          reason: `it names ${e.prevHash.slice(0, 12)}... as the entry before it, but the entry before it hashes to ${prev.slice(0, 12)}... (an entry removed or put in before it)`,
        },
      };
    const hash = crypto.createHash('sha256').update(prev).update(e.body).digest('hex');
    if (hash !== e.hash)
      return {
        chain,
        entries: entries.length,
        head: prev,
        broken: { seq: e.seq, reason: `its content hashes to ${hash.slice(0, 12)}..., not to the ${e.hash.slice(0, 12)}... it was written with (it was changed)` },
      };
    prev = e.hash;
  }
  return { chain, entries: entries.length, broken: null, head: prev };
}

/** One entry's content, as written. */
export interface AuditRecord {
  at: string;
  who: string;
  action: string;
  requestId: string | null;
  detail: Record<string, unknown>;
}

export function readBody(body: string): AuditRecord | undefined {
  try {
    return JSON.parse(body) as AuditRecord;
  } catch {
    return undefined;
  }
}
