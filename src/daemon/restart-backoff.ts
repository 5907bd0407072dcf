/** Pure restart policy: exponential backoff with a cap, reset after a minimum uptime, crash-loop detection. */
import type { RestartPolicy } from '../config/types.js';

export interface ExitRecord {
  startedAt: number;
  exitedAt: number;
}

export type RestartDecision =
  | { action: 'restart'; delayMs: number; attempt: number }
  | { action: 'crash-loop'; delayMs: number }
  | { action: 'stay-stopped'; reason?: 'config-error' };

/**
 * A crash-looping instance is still tried again, after a longer wait each time (Kubernetes'
 * CrashLoopBackOff: 10 s doubling to 5 minutes), never left stopped for good: a storm that passes
 * (a dependency down, kills under load) must not leave the service down until someone notices.
 */
export const CRASH_LOOP_BACKOFF_MS = { initial: 10_000, max: 300_000 };

/**
 * How a program ended: `clean` (code 0), `failed`, or `config-error`: a bundled program's exit
 * code 2 (configuration or usage, e.g. the gateway's port taken), which no restart can fix.
 */
export type ExitKind = 'clean' | 'failed' | 'config-error';

/**
 * history: earlier exits of this instance, oldest first, the one just seen last.
 * The attempt number counts the consecutive short-lived runs; a run that lasted minUptime resets it.
 */
export function restartDecision(history: ExitRecord[], policy: RestartPolicy, exit: ExitKind, now: number): RestartDecision {
  if (exit === 'config-error') return { action: 'stay-stopped', reason: 'config-error' };
  if (policy.policy === 'never' || (policy.policy === 'on-failure' && exit === 'clean')) return { action: 'stay-stopped' };
  const recent = history.filter((h) => now - h.exitedAt <= policy.windowMs && h.exitedAt - h.startedAt < policy.minUptimeMs);
  if (recent.length > policy.maxRestarts) {
    const over = recent.length - policy.maxRestarts - 1;
    return { action: 'crash-loop', delayMs: Math.min(CRASH_LOOP_BACKOFF_MS.max, CRASH_LOOP_BACKOFF_MS.initial * 2 ** Math.min(over, 16)) };
  }
  let attempt = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i]!;
    if (h.exitedAt - h.startedAt >= policy.minUptimeMs) break;
    attempt++;
  }
  const delayMs = attempt === 0 ? 0 : Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (attempt - 1));
  return { action: 'restart', delayMs, attempt };
}
