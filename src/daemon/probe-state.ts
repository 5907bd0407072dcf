/** Pure probe bookkeeping with Kubernetes semantics: thresholds, start period. */
import type { ProbeConfig } from '../config/schema.js';

export interface ProbeState {
  passing: boolean;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  lastResult?: { ok: boolean; at: number; detail: string };
}

export const initialProbeState = (passing: boolean): ProbeState => ({ passing, consecutiveFailures: 0, consecutiveSuccesses: 0 });

export function recordProbe(state: ProbeState, cfg: ProbeConfig, ok: boolean, detail: string, now: number, startedAt: number): ProbeState {
  const inStartPeriod = now - startedAt < cfg.startPeriodMs;
  const next: ProbeState = { ...state, lastResult: { ok, at: now, detail } };
  if (ok) {
    next.consecutiveFailures = 0;
    next.consecutiveSuccesses = state.consecutiveSuccesses + 1;
    if (!state.passing && next.consecutiveSuccesses >= cfg.successThreshold) next.passing = true;
  } else {
    next.consecutiveSuccesses = 0;
    // Failures while the program is still starting do not count against it.
    next.consecutiveFailures = inStartPeriod && !state.passing ? 0 : state.consecutiveFailures + 1;
    if (state.passing && next.consecutiveFailures >= cfg.failureThreshold) next.passing = false;
  }
  return next;
}
