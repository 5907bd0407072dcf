/** Idempotency keys: the request fingerprint compared when a key comes back. */
import crypto from 'node:crypto';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON with every object's keys sorted: the text `JSON.stringify` gives for a copy with sorted
 * keys (fingerprints stored earlier must stay the same), written in one pass without the copy.
 * undefined for what JSON leaves out (undefined, functions).
 */
export function canonicalJson(v: unknown): string | undefined {
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x) ?? 'null').join(',')}]`;
  if (isObj(v)) {
    let out = '';
    for (const k of Object.keys(v).sort()) {
      const text = canonicalJson(v[k]);
      if (text !== undefined) out += `${out ? ',' : ''}${JSON.stringify(k)}:${text}`;
    }
    return `{${out}}`;
  }
  return JSON.stringify(v);
}

/** The fingerprint compared when a key comes back: same key + same request -> replay; other request -> 422. */
export function requestFingerprint(input: Record<string, unknown>): string {
  const { idempotencyKey: _k, ...rest } = input;
  return crypto.createHash('sha256').update(canonicalJson(rest)!).digest('hex');
}
