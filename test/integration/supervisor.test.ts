import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { groupAlive, pidAlive } from '../../src/daemon/process-group.js';
import { sleep } from '../../src/sleep.js';
import { execa } from 'execa';
import { cliPath, downAll, fixtureService, makeFleet, until } from '../helpers/fleet.js';

const header = 'version: 1\ngateway: { enabled: false }\nservices:\n';

afterEach(downAll);

// Files the fixture programs write (counters, pids), removed after each test, passed or failed.
const tempFiles: string[] = [];
afterEach(() => tempFiles.splice(0).forEach((f) => fs.rmSync(f, { force: true })));
const tempFile = (name: string) => {
  const f = path.join(process.env.TMPDIR ?? '/tmp', `hmsops-${name}-${process.pid}-${Date.now()}`);
  tempFiles.push(f);
  return f;
};

describe('hmsops up / down', () => {
  it('waits until every instance is ready before returning', async () => {
    const fleet = makeFleet(header + fixtureService('web', { instances: 2, env: { FIXTURE_READY_AFTER_MS: 700 } }));
    const t0 = Date.now();
    const up = await fleet.hmsops(['up', '--json']);
    expect(up.exitCode, up.stderr).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(700);
    const out = JSON.parse(up.stdout);
    expect(out.ready).toBe(true);
    expect(out.instances.map((i: any) => [i.id, i.state])).toEqual([
      ['web-1', 'ready'],
      ['web-2', 'ready'],
    ]);
    // Each instance got its own OS-chosen port and answers on it.
    const ports = out.instances.map((i: any) => Number(i.address.split(':')[1]));
    expect(new Set(ports).size).toBe(2);
    const body = await (await fetch(`http://127.0.0.1:${ports[1]}/`)).json();
    expect(body.instance).toBe('web-2');
  });

  it('is a no-op on a running fleet and applies config changes', async () => {
    const fleet = makeFleet(header + fixtureService('web', { instances: 1 }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const before = await fleet.instances();
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    expect((await fleet.instances()).map((i) => i.pid)).toEqual(before.map((i) => i.pid));
    fs.writeFileSync(path.join(fleet.dir, 'hmsops.config.yaml'), header + fixtureService('web', { instances: 2 }) + fixtureService('api', { instances: 1 }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const after = await fleet.instances();
    expect(after.map((i) => `${i.id}:${i.state}`).sort()).toEqual(['api-1:ready', 'web-1:ready', 'web-2:ready']);
    expect(after.find((i) => i.id === 'web-1')!.pid).toBe(before[0].pid);
    fs.writeFileSync(path.join(fleet.dir, 'hmsops.config.yaml'), header + fixtureService('api', { instances: 1 }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    expect((await fleet.instances()).map((i) => i.id)).toEqual(['api-1']);
  });

  it('names the service, its state and its last log lines when an instance crash-loops', async () => {
    const fleet = makeFleet(
      header +
        fixtureService('flaky', {
          env: { FIXTURE_CRASH_AFTER_MS: 20 },
          extra: '    restart: { initialBackoff: 20ms, maxBackoff: 100ms, maxRestarts: 2, minUptime: 5s }\n',
        }),
    );
    const up = await fleet.hmsops(['up', '--timeout', '20s']);
    expect(up.exitCode).toBe(3);
    expect(up.stderr).toContain('flaky-1 is crash-looping');
    expect(up.stderr).toMatch(/flaky \(flaky-1\): crash-looping, 2 restart\(s\)/);
    expect(up.stderr).toContain('crashing on purpose');
    // What up leaves running, and the command that stops it.
    expect(up.stderr).toMatch(/still running: the daemon for \S+ and 0 of 1 instance\(s\); it keeps trying the others\. Stop everything with: hmsops down/);
    const ps = JSON.parse((await fleet.hmsops(['ps', '--json'])).stdout);
    expect(ps.instances[0]).toMatchObject({ id: 'flaky-1', state: 'crash-looping', restarts: 2, pid: null });
    // The keys ps --json has without a daemon too (daemon: null there).
    expect(Object.keys(ps)).toEqual(['daemon', 'instances']);
    expect(ps.daemon).toMatchObject({ pid: expect.any(Number), stateDir: fleet.stateDir });
  });

  it('times out naming the instance that never becomes ready', async () => {
    const fleet = makeFleet(header + fixtureService('stuck', { env: { FIXTURE_NEVER_READY: 1 } }));
    const up = await fleet.hmsops(['up', '--timeout', '1s']);
    expect(up.exitCode).toBe(3);
    expect(up.stderr).toContain('timed out');
    expect(up.stderr).toMatch(/stuck \(stuck-1\): starting/);
    expect(up.stderr).toContain('HTTP 503');
  });
});

describe('restart policy', () => {
  it("restarts a program of the operator's own that exits 2 (only bundled programs mean a configuration error by it)", async () => {
    const fleet = makeFleet(
      header +
        fixtureService('own', {
          env: { FIXTURE_CRASH_AFTER_MS: 30, FIXTURE_CRASH_TIMES: 1, FIXTURE_EXIT_CODE: 2, FIXTURE_COUNTER_FILE: '/COUNTER' },
          extra: '    restart: { initialBackoff: 50ms }\n',
        }).replace('/COUNTER', tempFile('own')),
    );
    const up = await fleet.hmsops(['up', '--timeout', '20s']);
    expect(up.exitCode, up.stderr).toBe(0);
    const [inst] = await fleet.instances();
    expect(inst).toMatchObject({ state: 'ready', restarts: 1 });
    expect((await fleet.events()).some((e) => e.type === 'exited' && e.detail === 'code=2 signal=null')).toBe(true);
  });

  it('restarts a crashed instance with growing backoff, then it stays up', async () => {
    const fleet = makeFleet(
      header +
        fixtureService('crashy', {
          env: { FIXTURE_CRASH_AFTER_MS: 30, FIXTURE_CRASH_TIMES: 3, FIXTURE_COUNTER_FILE: '/COUNTER' },
          extra: '    restart: { initialBackoff: 150ms, maxBackoff: 5s, maxRestarts: 10, minUptime: 5s }\n',
        }).replace('/COUNTER', tempFile('crashy')),
    );
    const up = await fleet.hmsops(['up', '--timeout', '20s', '--json']);
    expect(up.exitCode, up.stderr).toBe(0);
    const events = await fleet.events();
    const delays = events.filter((e) => e.type === 'restart-scheduled').map((e) => Number(/in (\d+)ms/.exec(e.detail)![1]));
    expect(delays).toEqual([150, 300, 600]);
    // The spawns really were that far apart.
    const spawns = events.filter((e) => e.type === 'spawned').map((e) => e.at);
    expect(spawns).toHaveLength(4);
    expect(spawns[3] - spawns[2]).toBeGreaterThanOrEqual(600);
    expect(spawns[2] - spawns[1]).toBeGreaterThanOrEqual(300);
    const [inst] = await fleet.instances();
    expect(inst).toMatchObject({ state: 'ready', restarts: 3 });
  });

  it('restarts an instance whose liveness probe keeps failing', async () => {
    const fleet = makeFleet(
      header +
        fixtureService('sick', {
          env: { FIXTURE_LIVENESS_FAIL_AFTER_MS: 300, FIXTURE_CRASH_TIMES: 1, FIXTURE_COUNTER_FILE: tempFile('sick') },
        }).replace('liveness: { path: /healthz }', 'liveness: { path: /healthz, interval: 100ms, failureThreshold: 2, startPeriod: 1500ms }'),
    );
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    await until('liveness restart', async () => (await fleet.events()).some((e) => e.type === 'liveness-failed'), 30_000);
    // The first program started: its liveness fails after 300 ms (counted once its start period is over).
    const firstPid = Number(/pid (\d+)/.exec((await fleet.events()).find((e) => e.type === 'spawned').detail)![1]);
    // At least one restart: on a loaded machine a probe may also time out on the replacement. The start
    // period gives a replacement that is still booting (slow under a full suite) time to listen.
    const inst = await until(
      'ready again',
      async () => {
        const [i] = await fleet.instances();
        return i.state === 'ready' && i.restarts >= 1 && i.pid !== firstPid ? i : undefined;
      },
      30_000,
    );
    expect(inst.pid).not.toBe(firstPid);
    expect(pidAlive(firstPid)).toBe(false);
  });
});

describe('scale and rolling restart', () => {
  it('scales up, then down draining the newest instances first', async () => {
    const fleet = makeFleet(header + fixtureService('web', { instances: 1 }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    // The daemon holds a question about the instances until one changes (what up and ps --watch wait on).
    const { index } = await fleet.client.call('GET /v1/instances');
    const idle = Date.now();
    expect((await fleet.client.call('GET /v1/instances', { query: { after: index, waitMs: 300 } })).index).toBe(index);
    expect(Date.now() - idle).toBeGreaterThanOrEqual(290);
    const held = fleet.client.call('GET /v1/instances', { query: { after: index, waitMs: 30_000 } }).then((a) => ({ ...a, at: Date.now() }));
    const asked = Date.now();
    const up = await fleet.hmsops(['scale', 'web=4', '--json']);
    const changed = await held;
    expect(changed.index).toBeGreaterThan(index);
    expect(changed.at - asked).toBeLessThan(10_000);
    expect(changed.instances.some((i: any) => i.id === 'web-2')).toBe(true);
    expect(up.exitCode, up.stderr).toBe(0);
    expect(JSON.parse(up.stdout).instances.map((i: any) => `${i.id}:${i.state}`)).toEqual(['web-1:ready', 'web-2:ready', 'web-3:ready', 'web-4:ready']);
    const pids = Object.fromEntries((await fleet.instances()).map((i) => [i.id, i.pid]));
    const down = await fleet.hmsops(['scale', 'web=2', '--json']);
    expect(JSON.parse(down.stdout).scaled.web.stopped).toEqual(['web-4', 'web-3']);
    expect((await fleet.instances()).map((i) => i.id)).toEqual(['web-1', 'web-2']);
    expect(pidAlive(pids['web-4'])).toBe(false);
    expect(pidAlive(pids['web-1'])).toBe(true);
  });

  it('ps --watch off a terminal prints the instances again when they change, as JSON lines with --json', async () => {
    const fleet = makeFleet(header + fixtureService('web', { instances: 1 }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const watch = (json: boolean) => {
      const child = execa(process.execPath, [cliPath, 'ps', '--watch', ...(json ? ['--json'] : [])], { cwd: fleet.dir, reject: false, env: { CI: 'true' } });
      const out = { text: '' };
      child.stdout!.on('data', (d) => (out.text += d.toString()));
      return { child, out };
    };
    const json = watch(true);
    const plain = watch(false);
    await until('both first listings', () => json.out.text.includes('\n') && plain.out.text.includes('web-1'));
    expect((await fleet.hmsops(['scale', 'web=2'])).exitCode).toBe(0);
    const listings = () =>
      json.out.text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l).instances.map((i: any) => `${i.id}:${i.state}`));
    await until('web-2 ready in a later JSON line', () => listings().some((l) => l.includes('web-2:ready')));
    await until('web-2 ready in a later table', () => /web-2 +\d+ +127\.0\.0\.1:\d+ +ready/.test(plain.out.text));
    expect(listings()[0]).toEqual(['web-1:ready']);
    // Printed on changes only, not every half second: a handful of listings for one scale-up.
    await sleep(1500);
    expect(listings().length).toBeLessThanOrEqual(5);
    expect(plain.out.text).not.toContain('\u001b['); // no cursor movement off a terminal
    for (const w of [json, plain]) {
      w.child.kill('SIGINT');
      expect((await w.child).exitCode).toBe(0);
    }
  });

  it('rejects a malformed scale target with exit code 2', async () => {
    const fleet = makeFleet(header + fixtureService('web'));
    const r = await fleet.hmsops(['scale', 'web=lots']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('"web=lots" is not SERVICE=N');
  });

  it('keeps at least one instance ready during a rolling restart', async () => {
    const fleet = makeFleet(header + fixtureService('web', { instances: 2, env: { FIXTURE_READY_AFTER_MS: 400 } }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    let minReady = Infinity;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const ready = (await fleet.instances()).filter((i) => i.state === 'ready').length;
        minReady = Math.min(minReady, ready);
        await sleep(20);
      }
    })();
    const r = await fleet.hmsops(['restart', 'web', '--json']);
    sampling = false;
    await sampler;
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).replaced).toEqual([
      ['web-1', 'web-3'],
      ['web-2', 'web-4'],
    ]);
    expect(minReady).toBeGreaterThanOrEqual(1);
    expect((await fleet.instances()).map((i) => `${i.id}:${i.state}`)).toEqual(['web-3:ready', 'web-4:ready']);
  });
});

describe('logs', () => {
  it('shows every instance merged with prefixes, and follows new output', async () => {
    const fleet = makeFleet(header + fixtureService('web', { instances: 1 }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const once = await fleet.hmsops(['logs', 'web']);
    expect(once.stdout).toMatch(/web\/web-1 \| fixture web-1 listening on \d+/);
    const follower = execa(process.execPath, [cliPath, 'logs', '-f', '--json', 'web'], { cwd: fleet.dir, reject: false, env: { NO_COLOR: '1' } });
    let out = '';
    follower.stdout!.on('data', (c) => (out += c));
    await sleep(500);
    expect((await fleet.hmsops(['scale', 'web=2'])).exitCode).toBe(0);
    await until('the new instance in the followed output', () => out.includes('fixture web-2 listening'));
    follower.kill('SIGINT');
    await follower;
    const line = out.split('\n').find((l) => l.includes('fixture web-2 listening'))!;
    expect(JSON.parse(line)).toMatchObject({ service: 'web', instance: 'web-2', stream: 'out' });
  });
});

describe('nothing survives', () => {
  function pidFileFleet() {
    const pidFile = tempFile('pids');
    const fleet = makeFleet(
      header +
        fixtureService('stubborn', { instances: 2, env: { FIXTURE_GRANDCHILD: 1, FIXTURE_IGNORE_SIGTERM: 1, FIXTURE_PID_FILE: pidFile } }) +
        fixtureService('polite', { env: { FIXTURE_GRANDCHILD: 1, FIXTURE_PID_FILE: pidFile } }),
    );
    const pids = () => fs.readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
    return { fleet, pids };
  }

  it('down stops every process it started, grandchildren and SIGTERM-ignorers included', async () => {
    const { fleet, pids } = pidFileFleet();
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const all = pids();
    expect(all).toHaveLength(6);
    const groups = (await fleet.instances()).map((i) => i.pid);
    const daemon = fleet.daemonPid()!;
    const down = await fleet.hmsops(['down', '--timeout', '500ms']);
    expect(down.exitCode, down.stderr).toBe(0);
    expect(all.filter(pidAlive)).toEqual([]);
    expect(groups.filter(groupAlive)).toEqual([]);
    expect(pidAlive(daemon)).toBe(false);
  });

  it('down after the daemon was killed with SIGKILL stops what it left', async () => {
    const { fleet, pids } = pidFileFleet();
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const daemon = fleet.daemonPid()!;
    process.kill(daemon, 'SIGKILL');
    await until('daemon gone', () => !pidAlive(daemon));
    expect(pids().filter(pidAlive)).toHaveLength(6); // orphans, for now
    const down = await fleet.hmsops(['down', '--timeout', '500ms', '--json']);
    expect(down.exitCode, down.stderr).toBe(0);
    expect(JSON.parse(down.stdout).reaped.sort()).toEqual(['polite-1', 'stubborn-1', 'stubborn-2']);
    expect(pids().filter(pidAlive)).toEqual([]);
  });

  it('down after the daemon was killed stops the bundled services it left on SIGTERM, without waiting for SIGKILL', async () => {
    // Their stdout went to the dead daemon: a log writer that retried for ever kept them from exiting.
    const fleet = makeFleet('version: 1\ngateway: { port: 0, auth: false }\nservices:\n  analytics: {}\n  mail-sink: {}\n');
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const daemon = fleet.daemonPid()!;
    process.kill(daemon, 'SIGKILL');
    await until('daemon gone', () => !pidAlive(daemon));
    const down = await fleet.hmsops(['down', '--timeout', '30s', '--json']);
    expect(down.exitCode, down.stderr).toBe(0);
    const result = JSON.parse(down.stdout);
    expect(result.reaped).toEqual(expect.arrayContaining(['analytics-1', 'mail-sink-1']));
    expect(result.killed).toEqual([]);
  });

  it('up after the daemon was killed replaces what it left with a fresh fleet', async () => {
    const fleet = makeFleet(header + fixtureService('web', { instances: 2 }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const old = (await fleet.instances()).map((i) => i.pid);
    process.kill(fleet.daemonPid()!, 'SIGKILL');
    const up = await fleet.hmsops(['up', '--json']);
    expect(up.exitCode, up.stderr).toBe(0);
    expect(old.filter(pidAlive)).toEqual([]);
    expect(JSON.parse(up.stdout).instances.filter((i: any) => i.state === 'ready')).toHaveLength(2);
  });

  it('runs two fleets side by side from two state dirs', async () => {
    const a = makeFleet(header + fixtureService('web', { instances: 2 }));
    const b = makeFleet(header + fixtureService('web', { instances: 2 }));
    const [ua, ub] = await Promise.all([a.hmsops(['up']), b.hmsops(['up'])]);
    expect(ua.exitCode).toBe(0);
    expect(ub.exitCode).toBe(0);
    const [ia, ib] = [await a.instances(), await b.instances()];
    expect(a.daemonPid()).not.toBe(b.daemonPid());
    const ports = [...ia, ...ib].map((i) => i.address);
    expect(new Set(ports).size).toBe(4);
    await a.hmsops(['down']);
    expect(ib.every((i) => pidAlive(i.pid))).toBe(true);
    expect(ia.some((i) => pidAlive(i.pid))).toBe(false);
  });
});
