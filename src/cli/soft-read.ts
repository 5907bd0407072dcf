/**
 * A read of a service the command can do without (analytics, messaging): its answer, or, when
 * the service still cannot answer after the SDK's retries (src/retry.ts) or does not know the
 * thing (404), why not, to be said instead of failing the command. Any other error is the command's.
 */
import { mayRetry } from '../retry.js';
import { HmsopsApiError } from '../sdk/index.js';

export interface Unavailable {
  unavailable: string;
}

export async function softRead<T>(p: Promise<T>): Promise<T | Unavailable> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof HmsopsApiError && (mayRetry(err, true) || err.status === 404)) return { unavailable: `${err.code}: ${err.message}` };
    throw err;
  }
}

export const isUnavailable = <T>(r: T | Unavailable): r is Unavailable => typeof r === 'object' && r !== null && 'unavailable' in r;
