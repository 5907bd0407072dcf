/**
 * Pure probe bookkeeping: Kubernetes' thresholds, and Docker's start period (failures before the
 * first success, within the start period, do not count; once a probe has succeeded every failure
 * counts).
 */
import type { ProbeConfig } from '../config/types.js';

export interface ProbeState {
  passing: boolean;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  /** A probe has succeeded since the program started. */
  succeeded: boolean;
  lastResult?: { ok: boolean; at: number; detail: string };
}

export const initialProbeState = (passing: boolean): ProbeState => ({ passing, consecutiveFailures: 0, consecutiveSuccesses: 0, succeeded: false });

export function recordProbe(state: ProbeState, cfg: ProbeConfig, ok: boolean, detail: string, now: number, startedAt: number): ProbeState {
  const inStartPeriod = now - startedAt < cfg.startPeriodMs;
  const next: ProbeState = { ...state, lastResult: { ok, at: now, detail } };
  if (ok) {
    next.consecutiveFailures = 0;
    next.consecutiveSuccesses = state.consecutiveSuccesses + 1;
    next.succeeded = true;
    if (!state.passing && next.consecutiveSuccesses >= cfg.successThreshold) next.passing = true;
  } else {
    next.consecutiveSuccesses = 0;
    // Failures while the program is still starting do not count against it: a liveness probe
    // starts out passing, so what says "started" is a first success, not the passing flag.
    next.consecutiveFailures = inStartPeriod && !state.succeeded ? 0 : state.consecutiveFailures + 1;
    if (state.passing && next.consecutiveFailures >= cfg.failureThreshold) next.passing = false;
  }
  return next;
}
