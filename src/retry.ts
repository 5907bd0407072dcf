/**
 * "Try again later", decided in one place. The error catalog's `retry` column says which answers
 * mean "not now" (src/errors/catalog.ts); the SDK sends a request again on them, with a growing
 * wait, until the call's time is up; the CLI and `disburse` take what the SDK gives up with.
 * Nothing else loops on failures of the fleet's services.
 */
import { errorCatalog, isErrorCode } from './errors/catalog.js';
import { sleep } from './sleep.js';

/**
 * Whether the same request may be sent again after `err`: a catalog code whose `retry` allows it
 * (`repeatable` only for a request safe to repeat), or no answer at all (the connection refused or
 * cut: the request may have been done, so only a repeatable one).
 */
export function mayRetry(err: unknown, repeatable: boolean): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (isErrorCode(code)) {
    const retry = errorCatalog[code].retry;
    return retry === 'yes' || (retry === 'repeatable' && repeatable);
  }
  // An answer without a catalog code from something between (502, 503, 504), or no answer at all
  // (an errno such as ECONNREFUSED, ECONNRESET or ETIMEDOUT): the request may have been done.
  return repeatable && typeof code === 'string' && (/^HTTP_50[234]$/.test(code) || /^E[A-Z]+$/.test(code));
}

/** What one attempt gives: its answer, or "again" with why and, when the answer said, how long to wait. */
export type Attempt<T> = { done: T } | { again: string; afterMs?: number };

export interface RetryPolicy {
  /** When to stop sending again (ms since the epoch): the last failure, or the last "again", is the answer then. */
  giveUpAt: number;
  /** The request is safe to repeat (a read, a login, idempotency keys). */
  repeatable: boolean;
  /** Told before each wait: why, and how long. */
  onRetry?: (why: string, waitMs: number) => void;
}

const FIRST_WAIT_MS = 25;
const LONGEST_WAIT_MS = 2000;

/**
 * Runs `attempt` until it is done, it fails in a way that is not "not now", or the time is up.
 * Waits grow from 25 ms to 2 s (or what the answer asked for, within the time left).
 */
export async function untilDone<T>(attempt: () => Promise<Attempt<T>>, policy: RetryPolicy): Promise<T> {
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    let why: string;
    let afterMs: number | undefined;
    let lastError: unknown;
    try {
      const r = await attempt();
      if ('done' in r) return r.done;
      ({ again: why, afterMs } = r);
    } catch (err) {
      if (!mayRetry(err, policy.repeatable)) throw err;
      lastError = err;
      why = (err as Error).message;
      const retryAfter = Number((err as { body?: { error?: { retryAfterSeconds?: unknown } } }).body?.error?.retryAfterSeconds);
      // A key in flight says when its holder's lease ends, the latest its answer can be there: the
      // growing wait, at most that. Anything else that says when (a rate limit) is waited out.
      if (retryAfter > 0) afterMs = (err as { code?: unknown }).code === 'IDEMPOTENCY_KEY_IN_FLIGHT' ? Math.min(wait, retryAfter * 1000) : retryAfter * 1000;
    }
    const left = policy.giveUpAt - Date.now();
    if (left <= 0) {
      if (lastError !== undefined) throw lastError;
      throw new RetriesExhausted(why);
    }
    const ms = Math.min(afterMs ?? wait, left);
    policy.onRetry?.(why, ms);
    await sleep(ms);
  }
}

/** An attempt that still said "again" when the time was up (an attempt that can give a partial answer gives it instead). */
export class RetriesExhausted extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'RetriesExhausted';
  }
}
