/** One retry policy (src/retry.ts, the catalog's `retry` column) and one sleep. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCatalog } from '../../src/errors/catalog.js';
import { mayRetry, RetriesExhausted, untilDone } from '../../src/retry.js';
import { HmsopsApiError } from '../../src/sdk/index.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const answer = (code: string, status = 503, body?: unknown) => new HmsopsApiError(status, code as never, code, body);

describe('the retry policy', () => {
  it("sends again on what the catalog says is 'not now': any request when nothing was done, a repeatable one when it may have been", () => {
    expect(mayRetry(answer('NO_HEALTHY_INSTANCE'), false)).toBe(true);
    expect(mayRetry(answer('STORE_UNAVAILABLE'), false)).toBe(true);
    expect(mayRetry(answer('UPSTREAM_TIMEOUT', 504), false)).toBe(false);
    expect(mayRetry(answer('UPSTREAM_TIMEOUT', 504), true)).toBe(true);
    expect(mayRetry(answer('IDEMPOTENCY_KEY_IN_FLIGHT', 409), true)).toBe(true);
    for (const code of ['VALIDATION', 'IDEMPOTENCY_KEY_REUSED', 'UNAUTHENTICATED', 'INTERNAL', 'ACCOUNT_LOCKED', 'BATCH_REJECTED'])
      expect(mayRetry(answer(code, 400), true), code).toBe(false);
    // No answer, or an answer from something between without a code: only a repeatable request.
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect([mayRetry(refused, false), mayRetry(refused, true)]).toEqual([false, true]);
    expect([mayRetry(answer('HTTP_502', 502), false), mayRetry(answer('HTTP_502', 502), true)]).toEqual([false, true]);
    expect(mayRetry(new TypeError('x is not a function'), true)).toBe(false);
    // Every catalog code says which it is.
    for (const [code, spec] of Object.entries(errorCatalog)) expect(['yes', 'repeatable', 'no'], code).toContain(spec.retry);
  });

  it('waits longer each time, takes the Retry-After an answer gives, and gives the last failure when the time is up', async () => {
    const waits: number[] = [];
    let calls = 0;
    const t0 = Date.now();
    const failing = untilDone(
      async () => {
        calls++;
        throw answer('NO_HEALTHY_INSTANCE');
      },
      { giveUpAt: t0 + 1000, repeatable: false, onRetry: (_why, ms) => waits.push(ms) },
    );
    await expect(failing).rejects.toMatchObject({ code: 'NO_HEALTHY_INSTANCE' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(980);
    expect(waits.slice(0, 4)).toEqual([25, 50, 100, 200]);
    expect(calls).toBe(waits.length + 1);

    const told: number[] = [];
    let n = 0;
    const limited = await untilDone(
      async () => {
        if (n++ === 0) throw answer('RATE_LIMITED', 429, { error: { code: 'RATE_LIMITED', retryAfterSeconds: 0.3 } });
        return { done: 'served' };
      },
      { giveUpAt: Date.now() + 5000, repeatable: false, onRetry: (_why, ms) => told.push(ms) },
    );
    expect([limited, told]).toEqual(['served', [300]]);

    // A key in flight: its Retry-After is when the holder's lease ends, not when the answer is there.
    const inFlightWaits: number[] = [];
    let m = 0;
    const answered = await untilDone(
      async () => {
        if (m++ < 2) throw answer('IDEMPOTENCY_KEY_IN_FLIGHT', 409, { error: { code: 'IDEMPOTENCY_KEY_IN_FLIGHT', retryAfterSeconds: 5 } });
        return { done: 'the first answer' };
      },
      { giveUpAt: Date.now() + 10_000, repeatable: true, onRetry: (_why, ms) => inFlightWaits.push(ms) },
    );
    expect([answered, inFlightWaits]).toEqual(['the first answer', [25, 50]]);
  });

  it('throws at once what is not "not now", and ends an attempt that keeps saying "again" with RetriesExhausted', async () => {
    let calls = 0;
    await expect(
      untilDone(
        async () => {
          calls++;
          throw answer('VALIDATION', 400);
        },
        { giveUpAt: Date.now() + 5000, repeatable: true },
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(calls).toBe(1);
    await expect(untilDone(async () => ({ again: 'keys held' }), { giveUpAt: Date.now() + 100, repeatable: true })).rejects.toBeInstanceOf(RetriesExhausted);
  });

  it('is the only retry loop and sleep: no other file sleeps on a promise of its own', () => {
    const own: string[] = [];
    const look = (dir: string) => {
      for (const e of fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
        const rel = path.join(dir, e.name);
        if (e.isDirectory()) look(rel);
        else if (rel.endsWith('.ts') && /new Promise(<void>)?\(\((r|res|resolve)\) => setTimeout\(\2, /.test(fs.readFileSync(path.join(repoRoot, rel), 'utf8'))) own.push(rel);
      }
    };
    look('src');
    look('services');
    expect(own).toEqual(['src/sleep.ts']);
  });
});
