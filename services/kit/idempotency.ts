/** Idempotency keys: the request fingerprint compared when a key comes back. */
import crypto from 'node:crypto';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fingerprint compared when a key comes back: same key + same request -> replay; other request -> 422. */
export function requestFingerprint(input: Record<string, unknown>): string {
  const { idempotencyKey: _k, ...rest } = input;
  const canonical = (v: unknown): unknown =>
    isObj(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical(v[k])]),
        )
      : Array.isArray(v)
        ? v.map(canonical)
        : v;
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(canonical(rest)))
    .digest('hex');
}
