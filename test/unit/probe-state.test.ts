import { describe, expect, it } from 'vitest';
import type { ProbeConfig } from '../../src/config/types.js';
import { initialProbeState, recordProbe, type ProbeState } from '../../src/daemon/probe-state.js';

const cfg: ProbeConfig = { path: '/healthz', intervalMs: 100, timeoutMs: 50, failureThreshold: 3, successThreshold: 2, startPeriodMs: 1000 };
const run = (s: ProbeState, results: boolean[], now: number) => results.reduce((st, ok) => recordProbe(st, cfg, ok, '', now, 0), s);

describe('probe state', () => {
  it('fails only after failureThreshold consecutive failures', () => {
    const s = run(initialProbeState(true), [false, false], 5000);
    expect(s.passing).toBe(true);
    expect(run(s, [false], 5000).passing).toBe(false);
    expect(run(s, [true, false, false], 5000).passing).toBe(true);
  });

  it('passes again only after successThreshold consecutive successes', () => {
    const failed = run(initialProbeState(true), [false, false, false], 5000);
    expect(run(failed, [true], 5000).passing).toBe(false);
    expect(run(failed, [true, true], 5000).passing).toBe(true);
  });

  it('does not count failures during the start period', () => {
    const s = run(initialProbeState(false), [false, false, false, false], 500);
    expect(s.consecutiveFailures).toBe(0);
    expect(run(s, [false], 1500).consecutiveFailures).toBe(1);
  });

  it('does not count a liveness probe (passing from the start) failing while the program starts, until it first succeeds', () => {
    const booting = run(initialProbeState(true), [false, false, false, false, false], 500);
    expect(booting).toMatchObject({ passing: true, consecutiveFailures: 0 });
    // Once it has answered, a failure counts even inside the start period.
    const started = run(booting, [true, false, false, false], 600);
    expect(started).toMatchObject({ passing: false, consecutiveFailures: 3 });
    expect(run(booting, [false, false, false], 1500).passing).toBe(false);
  });
});
