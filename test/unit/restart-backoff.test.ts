import { describe, expect, it } from 'vitest';
import type { RestartPolicy } from '../../src/config/types.js';
import { restartDecision, type ExitRecord } from '../../src/daemon/restart-backoff.js';

const policy: RestartPolicy = { policy: 'on-failure', initialBackoffMs: 100, maxBackoffMs: 1000, minUptimeMs: 10_000, maxRestarts: 5, windowMs: 60_000 };
const shortRuns = (n: number, start = 0): ExitRecord[] => Array.from({ length: n }, (_, i) => ({ startedAt: start + i * 100, exitedAt: start + i * 100 + 50 }));

describe('restartDecision', () => {
  it('doubles the delay for each consecutive short-lived run, up to the cap', () => {
    const delays = [1, 2, 3, 4, 5].map((n) => restartDecision(shortRuns(n), { ...policy, maxRestarts: 100 }, 'failed', 1000));
    expect(delays.map((d) => (d.action === 'restart' ? d.delayMs : d.action))).toEqual([100, 200, 400, 800, 1000]);
  });

  it('resets the backoff after a run that lasted the minimum uptime', () => {
    const history = [...shortRuns(3), { startedAt: 1000, exitedAt: 20_000 }];
    expect(restartDecision(history, policy, 'failed', 20_000)).toEqual({ action: 'restart', delayMs: 0, attempt: 0 });
    expect(restartDecision([...history, { startedAt: 20_000, exitedAt: 20_010 }], policy, 'failed', 20_010)).toMatchObject({ delayMs: 100 });
  });

  it('declares a crash loop after more than maxRestarts short runs within the window', () => {
    expect(restartDecision(shortRuns(5), policy, 'failed', 600).action).toBe('restart');
    expect(restartDecision(shortRuns(6), policy, 'failed', 700).action).toBe('crash-loop');
  });

  it('tries a crash-looping instance again after 10 s, doubling to 5 minutes, as Kubernetes does', () => {
    const delays = [6, 7, 8, 9, 10, 11, 12, 20].map((n) => restartDecision(shortRuns(n), policy, 'failed', 2100));
    expect(delays).toEqual([10, 20, 40, 80, 160, 300, 300, 300].map((s) => ({ action: 'crash-loop', delayMs: s * 1000 })));
  });

  it('forgets crashes older than the window', () => {
    expect(restartDecision(shortRuns(6), policy, 'failed', 120_000).action).toBe('restart');
  });

  it('leaves a cleanly exited instance stopped under on-failure, restarts it under always', () => {
    expect(restartDecision(shortRuns(1), policy, 'clean', 100).action).toBe('stay-stopped');
    expect(restartDecision(shortRuns(1), { ...policy, policy: 'always' }, 'clean', 100).action).toBe('restart');
    expect(restartDecision(shortRuns(1), { ...policy, policy: 'never' }, 'failed', 100).action).toBe('stay-stopped');
  });

  it("never restarts a bundled program's configuration error (exit 2), whatever the policy", () => {
    for (const p of ['on-failure', 'always'] as const)
      expect(restartDecision(shortRuns(1), { ...policy, policy: p }, 'config-error', 100)).toEqual({ action: 'stay-stopped', reason: 'config-error' });
  });
});
