/** The supervisor's decisions with a fake clock, launcher and prober: no processes, no sockets, no sleeping. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import type { ServiceConfig } from '../../src/config/types.js';
import { ControlClient } from '../../src/control/client.js';
import { startControlServer } from '../../src/daemon/control-server.js';
import { Supervisor } from '../../src/daemon/supervisor.js';
import { HmsopsError } from '../../src/errors/index.js';
import { EmbeddedRegistry } from '../../src/registry/embedded.js';
import { statePaths } from '../../src/state/paths.js';
import { FakeClock, FakeLauncher, FakeProber, MemoryLog } from '../helpers/fake-supervision.js';

const registries: EmbeddedRegistry[] = [];
afterEach(() => {
  for (const r of registries.splice(0)) r.close();
});

function service(name: string, raw: Record<string, unknown> = {}): ServiceConfig {
  const config = resolveConfig({ services: { [name]: { command: `run-${name}`, ...raw } } }, null, '/nonexistent');
  return config.services[name]!;
}

function setup(opts: { persistFails?: () => boolean } = {}) {
  const clock = new FakeClock();
  const launcher = new FakeLauncher();
  const prober = new FakeProber();
  const logs = new Map<string, MemoryLog>();
  const registry = new EmbeddedRegistry({ host: 'test-host', deregisterAfterMs: 60_000, now: () => clock.now() });
  registries.push(registry);
  const persisted: unknown[][] = [];
  const supervisor = new Supervisor({
    paths: statePaths('/nonexistent/.hmsops'),
    registry,
    fleetToken: 'token',
    logs: { maxSizeBytes: 1, maxFiles: 1 },
    bundledCommand: (s) => ['/usr/bin/node', `/bundled/${s}.js`],
    bundledEnv: () => ({ BUNDLED: '1' }),
    launcher,
    prober: prober.probe,
    clock,
    openLog: (id) => {
      const log = new MemoryLog();
      logs.set(id, log);
      return log;
    },
    persist: (list) => {
      if (opts.persistFails?.()) throw new Error(`ENOENT: no such file or directory, open '/gone/.hmsops/run/instances.json.tmp'`);
      persisted.push(list);
    },
  });
  const state = (id: string) => supervisor.view().find((i) => i.id === id)?.state;
  const registryStatus = (id: string) => registry.table.list().find((e) => e.instanceId === id)?.status;
  return { clock, launcher, prober, logs, registry, supervisor, persisted, state, registryStatus };
}

describe('an instance', () => {
  it('becomes ready once its readiness probe passes, and is registered as passing with its route', async () => {
    const t = setup();
    await t.supervisor.apply({ web: service('web') });
    expect(t.state('web-1')).toBe('starting');
    const proc = t.launcher.latest('web-1');
    expect(proc.spec.command).toEqual({ shell: 'run-web' });
    expect(proc.spec.env).toMatchObject({ PORT: '40000', HMSOPS_INSTANCE_ID: 'web-1', HMSOPS_FLEET_TOKEN: 'token' });
    await t.clock.advance(50);
    expect(t.state('web-1')).toBe('ready');
    expect(t.registryStatus('web-1')).toBe('passing');
    expect(t.registry.table.list()[0]).toMatchObject({ port: 40000, metadata: { route: '/web' } });
    expect(t.persisted.at(-1)).toEqual([{ id: 'web-1', service: 'web', pid: proc.pid, pgid: proc.pid, procStart: 'fake' }]);
  });

  it('that fails is started again after the backoff, with one more restart counted', async () => {
    const t = setup();
    await t.supervisor.apply({ web: service('web') });
    await t.clock.advance(50);
    const first = t.launcher.latest('web-1');
    first.exit(1);
    expect(first.groupKilled).toBe(true);
    expect(t.state('web-1')).toBe('restarting');
    expect(t.registryStatus('web-1')).toBeUndefined();
    // The first short-lived run waits initialBackoff (100 ms), not less.
    await t.clock.advance(99);
    expect(t.launcher.launched).toHaveLength(1);
    await t.clock.advance(1);
    expect(t.launcher.launched).toHaveLength(2);
    await t.clock.advance(50);
    expect(t.supervisor.view()[0]).toMatchObject({ state: 'ready', restarts: 1, lastExit: { code: 1, signal: null } });
  });

  it('that keeps failing is crash-looping once it has used maxRestarts within the window, and is tried again later, never left stopped', async () => {
    const t = setup();
    await t.supervisor.apply({ web: service('web', { restart: { maxRestarts: 2 } }) });
    for (let i = 0; i < 2; i++) {
      t.launcher.latest('web-1').exit(1);
      expect(t.state('web-1')).toBe('restarting');
      await t.clock.advance(1000);
    }
    t.launcher.latest('web-1').exit(1);
    expect(t.state('web-1')).toBe('crash-looping');
    expect(t.supervisor.view()[0]!.nextAttemptAt).toBe(t.clock.now() + 10_000);
    expect(t.supervisor.events.map((e) => e.type)).toContain('crash-looping');
    // Tried again after 10 s; still failing, after 20 s; then it stays up and is ready.
    await t.clock.advance(9_999);
    expect(t.launcher.launched).toHaveLength(3);
    await t.clock.advance(1);
    expect(t.launcher.launched).toHaveLength(4);
    t.launcher.latest('web-1').exit(1);
    expect(t.state('web-1')).toBe('crash-looping');
    await t.clock.advance(20_000);
    expect(t.launcher.launched).toHaveLength(5);
    await t.clock.advance(50);
    expect(t.supervisor.view()[0]).toMatchObject({ state: 'ready', nextAttemptAt: null });
  });

  it('of a bundled program that exits 2 (a configuration error) is left stopped, not restarted', async () => {
    const t = setup();
    await t.supervisor.apply({ gateway: { ...service('gateway'), bundled: true, command: undefined } });
    const proc = t.launcher.latest('gateway-1');
    expect(proc.spec.command).toEqual({ file: '/usr/bin/node', args: ['/bundled/gateway.js'] });
    expect(proc.spec.env).toMatchObject({ PORT: '0', BUNDLED: '1' });
    proc.exit(2);
    await t.clock.advance(60_000);
    expect(t.state('gateway-1')).toBe('stopped');
    expect(t.launcher.launched).toHaveLength(1);
    expect(t.logs.get('gateway-1')!.lines.at(-1)).toMatch(/configuration or usage error.*not restarted/);
  });

  it('of a program of the operator that exits 2 keeps its restart policy', async () => {
    const t = setup();
    await t.supervisor.apply({ web: service('web') });
    t.launcher.latest('web-1').exit(2);
    expect(t.state('web-1')).toBe('restarting');
  });

  it('whose liveness probe fails failureThreshold times after its start period is stopped and started again', async () => {
    const t = setup();
    await t.supervisor.apply({ web: service('web', { health: { liveness: { interval: '1s', failureThreshold: 3, startPeriod: '0s' } } }) });
    await t.clock.advance(50);
    const first = t.launcher.latest('web-1');
    t.prober.failing.add(40000);
    await t.clock.advance(2000);
    expect(first.stops).toEqual([]);
    // The readiness probe fails too: the registry stopped routing there at its first failure.
    expect(t.registryStatus('web-1')).toBe('critical');
    await t.clock.advance(1000);
    expect(first.stops).toEqual([10_000]);
    expect(t.registryStatus('web-1')).toBeUndefined();
    expect(t.supervisor.events.map((e) => e.type)).toContain('liveness-failed');
    // Killed for liveness counts as a failure: restarted after the backoff (it ran under minUptime).
    t.prober.failing.clear();
    await t.clock.advance(200);
    expect(t.launcher.launched).toHaveLength(2);
    await t.clock.advance(100);
    expect(t.supervisor.view()[0]).toMatchObject({ state: 'ready', restarts: 1 });
  });

  it('that cannot be launched (no free port) is left stopped with the reason in its log, and the supervisor carries on', async () => {
    const t = setup();
    t.launcher.freePort = async () => {
      throw new Error('EMFILE: too many open files');
    };
    await t.supervisor.apply({ web: service('web') });
    await t.clock.advance(100);
    expect(t.state('web-1')).toBe('stopped');
    expect(t.logs.get('web-1')!.lines.at(-1)).toBe('sys could not start: EMFILE: too many open files');
    expect(t.launcher.launched).toHaveLength(0);
  });

  it('ignores an exit reported by a process it has already replaced', async () => {
    const t = setup();
    await t.supervisor.apply({ web: service('web') });
    const first = t.launcher.latest('web-1');
    first.exit(1);
    await t.clock.advance(200);
    expect(t.state('web-1')).toBe('ready');
    first.spec.onExit(1, null);
    expect(t.state('web-1')).toBe('ready');
    expect(t.supervisor.view()[0]!.restarts).toBe(1);
  });
});

describe('the fleet', () => {
  it('scales down by draining the newest instances first, deregistering them and closing their logs', async () => {
    const t = setup();
    await t.supervisor.apply({ web: service('web', { instances: 3 }) });
    await t.clock.advance(50);
    expect(t.registry.table.list()).toHaveLength(3);
    const scaling = t.supervisor.scale('web', 1);
    // Draining: the registry says so before the process is stopped (drainDelay 100 ms).
    await t.clock.advance(0);
    expect(t.registryStatus('web-3')).toBe('draining');
    await t.clock.advance(100);
    expect(await scaling).toEqual({ started: [], stopped: ['web-3', 'web-2'] });
    expect(t.supervisor.view().map((i) => i.id)).toEqual(['web-1']);
    expect(t.registry.table.list().map((e) => e.instanceId)).toEqual(['web-1']);
    expect(t.logs.get('web-3')!.closed).toBe(true);
  });

  it('keeps the old instance when a rolling restart cannot make its replacement ready', async () => {
    const t = setup();
    await t.supervisor.apply({ web: service('web') });
    await t.clock.advance(50);
    t.prober.failing.add(40001); // the replacement's port
    const restarting = t.supervisor.restart('web', 5000).catch((e: unknown) => e);
    await t.clock.advance(5000);
    await t.clock.advance(200);
    const err = (await restarting) as HmsopsError;
    expect(err).toBeInstanceOf(HmsopsError);
    expect([err.code, err.exitCode]).toEqual(['RESTART_FAILED', 1]);
    expect(t.supervisor.view().map((i) => [i.id, i.state])).toEqual([['web-1', 'ready']]);
    expect(t.launcher.latest('web-2').stops).toHaveLength(1);
  });

  it('replaces each instance in a rolling restart only after its successor is ready', async () => {
    const t = setup();
    await t.supervisor.apply({ web: service('web', { instances: 2 }) });
    await t.clock.advance(50);
    const restarting = t.supervisor.restart('web', 5000);
    await t.clock.advance(1000);
    expect(await restarting).toEqual({
      replaced: [
        ['web-1', 'web-3'],
        ['web-2', 'web-4'],
      ],
    });
    expect(
      t.registry.table
        .list()
        .map((e) => e.instanceId)
        .sort(),
    ).toEqual(['web-3', 'web-4']);
  });

  it('stops everything with the timeout given, restarting nothing, and forgets the services', async () => {
    const t = setup();
    await t.supervisor.apply({ web: service('web', { instances: 2 }), api: service('api') });
    await t.clock.advance(50);
    const stopping = t.supervisor.stopAll(2500);
    await t.clock.advance(1000);
    await stopping;
    expect(t.launcher.launched.map((p) => p.stops)).toEqual([[2500], [2500], [2500]]);
    expect(t.supervisor.view()).toEqual([]);
    expect(t.registry.table.list()).toEqual([]);
    expect(t.launcher.launched).toHaveLength(3);
    expect(t.persisted.at(-1)).toEqual([]);
  });

  it('goes on supervising, and stops, when the pids cannot be recorded (the state dir removed under it), saying so once', async () => {
    let failing = false;
    const t = setup({ persistFails: () => failing });
    const said: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void said.push(line));
    try {
      await t.supervisor.apply({ web: service('web', { instances: 2 }) });
      await t.clock.advance(50);
      failing = true;
      t.launcher.latest('web-1').exit(1);
      await t.clock.advance(200);
      expect(t.state('web-1')).toBe('ready'); // restarted, as before
      const stopping = t.supervisor.stopAll(2500);
      await t.clock.advance(1000);
      await stopping;
      expect(t.supervisor.view()).toEqual([]);
      expect(said).toEqual([expect.stringMatching(/^hmsopsd: could not record the instances' pids .*: ENOENT: .*instances\.json\.tmp'$/)]);
      // Recorded again once it can be.
      failing = false;
      await t.supervisor.apply({ web: service('web') });
      expect(t.persisted.at(-1)).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses to scale a service it does not run', async () => {
    const t = setup();
    await expect(t.supervisor.scale('nope', 2)).rejects.toMatchObject({ code: 'UNKNOWN_SERVICE', exitCode: 2 });
  });
});

describe('the control API over the supervisor', () => {
  it('holds GET /v1/instances?after= until an instance changes, or for waitMs; refuses registry writes without the fleet token', async () => {
    const t = setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-control-'));
    const socket = path.join(dir, 'hmsopsd.sock');
    const server = await startControlServer(socket, {
      supervisor: t.supervisor,
      registry: t.registry,
      address: '127.0.0.1',
      fleetToken: 'token',
      info: () => ({ pid: process.pid, stateDir: dir, startedAt: 0, configFile: null, instances: 0 }),
      apply: () => Promise.reject(new Error('not in this test')),
      shutdown: () => undefined,
      config: () => undefined,
    });
    try {
      const client = new ControlClient(socket);
      const first = await client.call('GET /v1/instances');
      expect(first).toEqual({ instances: [], index: expect.any(Number) });
      // Nothing changes: the same list after waitMs.
      const t0 = Date.now();
      expect((await client.call('GET /v1/instances', { query: { after: first.index, waitMs: 200 } })).index).toBe(first.index);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
      // An instance spawned: the question held answers at once, with it.
      const held = client.call('GET /v1/instances', { query: { after: first.index, waitMs: 30_000 } });
      const asked = Date.now();
      await t.supervisor.apply({ web: service('web') });
      const spawned = await held;
      expect(Date.now() - asked).toBeLessThan(5_000);
      expect(spawned.index).toBeGreaterThan(first.index);
      expect(spawned.instances.map((i) => i.id)).toEqual(['web-1']);
      // Ready: the next question held answers too.
      const next = client.call('GET /v1/instances', { query: { after: spawned.index, waitMs: 30_000 } });
      await t.clock.advance(50);
      expect((await next).index).toBeGreaterThan(spawned.index);
      expect((await client.call('GET /v1/instances')).instances.map((i) => `${i.id}:${i.state}`)).toEqual(['web-1:ready']);
      await expect(client.call('POST /v1/registry/heartbeat', { body: { instanceId: 'web-1' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await new ControlClient(socket, { fleetToken: 'token' }).call('POST /v1/registry/deregister', { body: { instanceId: 'nobody' } })).toEqual({ removed: false });
    } finally {
      await new Promise((r) => server.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
