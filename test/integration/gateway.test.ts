import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { callDaemon } from '../../src/registry/daemon-link.js';
import { cliPath, downAll, fixtureService, gatewayUrl, makeFleet, sleep, until, type TestFleet } from '../helpers/fleet.js';

const header = (gateway = 'port: 0, auth: false, cooldown: 2s') => `version: 1\ngateway: { ${gateway} }\nservices:\n`;

async function getJson(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

/** The value of one series, `name{labels}`, in the gateway's /metrics (0 while absent). */
async function metric(gw: string, series: string): Promise<number> {
  const line = (await (await fetch(`${gw}/metrics`)).text()).split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

// What only reads or sends requests shares one fleet (a fleet per test cost more than the tests).
describe('the gateway of one fleet (three instances, left as they are)', () => {
  let fleet: TestFleet;
  let gw: string;
  beforeAll(async () => {
    fleet = makeFleet(header() + fixtureService('web', { instances: 3 }));
    const up = await fleet.hmsops(['up']);
    expect(up.exitCode, up.stderr).toBe(0);
    gw = await gatewayUrl(fleet);
  });
  afterAll(downAll);

  it('routes /<service>/... to every passing instance in turn', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 9; i++) {
      const r = await getJson(`${gw}/web/hello?x=${i}`);
      expect(r.status).toBe(200);
      expect(r.body.path).toBe('/hello');
      seen.add(r.body.instance);
    }
    expect([...seen].sort()).toEqual(['web-1', 'web-2', 'web-3']);
  });

  it('answers its own /healthz, /readyz and /metrics', async () => {
    expect(await getJson(`${gw}/healthz`)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await getJson(`${gw}/readyz`)).toMatchObject({ status: 200, body: { status: 'ready' } });
    const requests = 'gateway_requests_total{service="web",status="200"}';
    const durations = 'gateway_request_duration_seconds_count{service="web"}';
    const before = [await metric(gw, requests), await metric(gw, durations)];
    await fetch(`${gw}/web/`);
    const metrics = await fetch(`${gw}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toContain('# TYPE gateway_requests_total counter\n');
    // One request, counted once in each.
    expect([(await metric(gw, requests)) - before[0]!, (await metric(gw, durations)) - before[1]!]).toEqual([1, 1]);
  });

  it('passes x-request-id and traceparent on, and creates a request id when absent', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const a = await getJson(`${gw}/web/`, { headers: { 'x-request-id': 'req-123', traceparent, 'x-hmsops-identity': 'forged' } });
    expect(a.body.headers['x-request-id']).toBe('req-123');
    expect(a.body.headers.traceparent).toBe(traceparent);
    expect(a.body.headers['x-hmsops-identity']).toBeUndefined(); // a client cannot forge the internal identity
    const b = await getJson(`${gw}/web/`);
    expect(b.body.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // One JSON access-log line per request, with the request id and the instance that answered.
    await until('access log', () => fleet.accessLog().includes('"requestId":"req-123"'));
    const line = (await fleet.hmsops(['logs', 'gateway', '--json'])).stdout.split('\n').find((l) => l.includes('req-123'))!;
    expect(JSON.parse(JSON.parse(line).text)).toMatchObject({ msg: 'access', method: 'GET', service: 'web', instance: a.body.instance, status: 200, requestId: 'req-123' });
    // The gateway writes that line to its own file (not through the daemon); `logs -f` follows it too.
    expect(fs.readFileSync(path.join(fleet.stateDir, 'logs', 'gateway-1.access.log'), 'utf8')).toContain('"requestId":"req-123"');
    const follow = execa(process.execPath, [cliPath, 'logs', 'gateway', '-f'], { cwd: fleet.dir, reject: false });
    let followed = '';
    follow.stdout!.on('data', (d) => (followed += d.toString()));
    await sleep(500); // follow starts at the end of each file
    await getJson(`${gw}/web/`, { headers: { 'x-request-id': 'req-456' } });
    await until('the new access line followed', () => followed.includes('"requestId":"req-456"'));
    follow.kill('SIGINT');
    await follow;
  });

  it('lists in the registry what ps shows, with statuses and routes', async () => {
    const reg = JSON.parse((await fleet.hmsops(['registry', 'ls', '--json'])).stdout).entries;
    const ps = JSON.parse((await fleet.hmsops(['ps', '--json'])).stdout).instances;
    expect(reg.map((e: any) => `${e.instanceId}@${e.address}:${e.port}`).sort()).toEqual(ps.map((i: any) => `${i.id}@${i.address}`).sort());
    expect(reg.every((e: any) => e.status === 'passing')).toBe(true);
    expect(reg.filter((e: any) => e.service === 'web').map((e: any) => e.metadata.route)).toEqual(['/web', '/web', '/web']);
    const one = await fleet.hmsops(['registry', 'get', 'web']);
    expect(ps.map((i: any) => i.address)).toContain(one.stdout.trim());
    const none = await fleet.hmsops(['registry', 'get', 'billing']);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain('no healthy instance of billing');
  });

  it('refuses registrations from processes outside the fleet', async () => {
    const socket = path.join(fleet.stateDir, 'run', 'hmsopsd.sock');
    await expect(callDaemon({ socket, token: 'not-the-token' }, 'POST /v1/registry/register', { service: 'evil', instanceId: 'evil-1', port: 1 })).rejects.toThrow(/403/);
    expect(fs.statSync(socket).mode & 0o777).toBe(0o600);
    expect((await fleet.client.call('GET /v1/registry')).entries.map((e) => e.service)).not.toContain('evil');
  });
});

describe('gateway routing', () => {
  afterEach(downAll);

  it('answers with stable error codes: NO_ROUTE, NO_HEALTHY_INSTANCE, BODY_TOO_LARGE, UPSTREAM_TIMEOUT', async () => {
    const fleet = makeFleet(header('port: 0, auth: false, bodyLimit: 1kb, upstreamTimeout: 300ms') + fixtureService('web') + fixtureService('idle', { instances: 0 }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const gw = await gatewayUrl(fleet);
    expect(await getJson(`${gw}/nowhere`)).toMatchObject({ status: 404, body: { error: { code: 'NO_ROUTE' } } });
    expect((await getJson(`${gw}/web/hang`)).body.error.code).toBe('UPSTREAM_TIMEOUT');
    const big = await getJson(`${gw}/web/upload`, { method: 'POST', body: 'x'.repeat(2048) });
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'BODY_TOO_LARGE' } } });
    await fleet.hmsops(['scale', 'web=0']);
    await until('web gone from the table', async () => (await getJson(`${gw}/web/`)).status === 503);
    const none = await getJson(`${gw}/web/`);
    expect(none.body.error).toMatchObject({ code: 'NO_HEALTHY_INSTANCE', service: 'web' });
    expect(none.body.error.message).toContain('web');
    const metrics = await (await fetch(`${gw}/metrics`)).text();
    expect(metrics).toMatch(/gateway_requests_total\{service="web",status="504"\} 1/);
    expect(metrics).toMatch(/gateway_upstream_errors_total\{code="UPSTREAM_TIMEOUT",service="web"\} 1/);
  });

  it("answers 429 RATE_LIMITED with Retry-After past a service's per-client limit, and serves that client again once it has waited", async () => {
    const fleet = makeFleet(header() + fixtureService('web', { extra: '    rateLimit: { requests: 3, per: 6s }\n' }) + fixtureService('open'));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const gw = await gatewayUrl(fleet);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${gw}/web/`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await getJson(`${gw}/web/`);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', service: 'web', retryAfterSeconds: 2 });
    expect(limited.headers.get('retry-after')).toBe('2');
    // A service without a limit is not held back.
    for (let i = 0; i < 10; i++) expect((await fetch(`${gw}/open/`)).status).toBe(200);
    await sleep(2100); // one request every 2 s
    expect((await fetch(`${gw}/web/`)).status).toBe(200);
    expect((await fetch(`${gw}/web/`)).status).toBe(429);
    const metrics = await (await fetch(`${gw}/metrics`)).text();
    expect(metrics).toMatch(/gateway_requests_total\{service="web",status="429"\} 4/);
  });

  it('sends a safe request that met a silent instance (no answer in time) once to another instance, and leaves the silent one out for the cooldown', async () => {
    const fleet = makeFleet(header('port: 0, auth: false, upstreamTimeout: 500ms, cooldown: 20s') + fixtureService('web', { instances: 2 }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const gw = await gatewayUrl(fleet);
    // Both in rotation, connections open to both; then web-2 stops answering (but still accepts).
    for (let i = 0; i < 4; i++) await getJson(`${gw}/web/`);
    const web2 = (await fleet.instances()).find((i) => i.id === 'web-2');
    await fetch(`http://${web2.address}/control/freeze`);
    await sleep(100);
    const started = Date.now();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await getJson(`${gw}/web/`));
    expect(answers.map((a) => [a.status, a.body.instance])).toEqual(Array(6).fill([200, 'web-1']));
    // One request waited for the timeout, then went to web-1; the others did not wait.
    expect(Date.now() - started).toBeLessThan(500 + 1500);
    // The access log says which request was sent again, and where it ended.
    const access = await until('the ten requests logged', () => {
      const lines = fs
        .readFileSync(path.join(fleet.stateDir, 'logs', 'gateway-1.access.log'), 'utf8')
        .trim()
        .split('\n');
      return lines.length >= 10 && lines.slice(-6);
    });
    expect(access.filter((l) => l.includes('"retried":true'))).toHaveLength(1);
    expect(access.every((l) => l.includes('"instance":"web-1"'))).toBe(true);
  });

  it('sends no traffic to an instance that fails readiness, and takes it back when it passes again', async () => {
    const fleet = makeFleet(header() + fixtureService('web', { instances: 2 }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const gw = await gatewayUrl(fleet);
    const web2 = (await fleet.instances()).find((i) => i.id === 'web-2');
    await fetch(`http://${web2.address}/control/unready`);
    await until(
      'web-2 critical',
      async () => (await fleet.client.call('GET /v1/registry', { query: { service: 'web' } })).entries.find((e) => e.instanceId === 'web-2')?.status === 'critical',
    );
    for (let i = 0; i < 6; i++) expect((await getJson(`${gw}/web/`)).body.instance).toBe('web-1');
    const ps = JSON.parse((await fleet.hmsops(['ps', '--json'])).stdout).instances.find((i: any) => i.id === 'web-2');
    expect(ps.state).toBe('unhealthy');
    await fetch(`http://${web2.address}/control/ready`);
    await until('web-2 back in rotation', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 4; i++) ids.add((await getJson(`${gw}/web/`)).body.instance);
      return ids.has('web-2');
    });
  });

  it('says who holds the gateway port when it is taken, and does not restart a gateway that cannot start', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const fleet = makeFleet(header(`port: ${port}, auth: false`) + fixtureService('web'));
      const t0 = Date.now();
      const up = await fleet.hmsops(['up', '--timeout', '20s']);
      expect(up.exitCode).toBe(3);
      // Exit code 2 is a configuration error: stopped at once, no restarts, no crash loop.
      expect(up.stderr).toContain('gateway (gateway-1): stopped, 0 restart(s)');
      expect(up.stderr).toContain(`port ${port} on 127.0.0.1 is already taken by pid ${process.pid}`);
      expect(up.stderr).toContain('a configuration or usage error, which a restart cannot fix; not restarted');
      expect(Date.now() - t0).toBeLessThan(10_000);
      const gw = (await fleet.instances()).find((i: any) => i.service === 'gateway');
      expect(gw).toMatchObject({ state: 'stopped', restarts: 0 });
    } finally {
      blocker.close();
    }
  });
});

describe('gateway workers', () => {
  afterEach(downAll);
  const childrenOf = (pid: number) =>
    fs
      .readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid && !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
        } catch {
          return false;
        }
      })
      .map(Number);

  it('shares the port among several workers, adds up their metrics, and stops them all with the fleet', async () => {
    const fleet = makeFleet(header('port: 0, auth: false, workers: 2') + fixtureService('web'));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const gw = await gatewayUrl(fleet);
    const primary = (await fleet.instances()).find((i) => i.id === 'gateway-1');
    const workers = childrenOf(primary.pid);
    expect(workers).toHaveLength(2);
    // A new connection per request: connections are dealt to the workers in turn.
    for (let i = 0; i < 20; i++) {
      const status = await new Promise<number>((resolve, reject) =>
        http
          .get(`${gw}/web/`, { agent: false }, (res) => {
            res.resume();
            resolve(res.statusCode!);
          })
          .on('error', reject),
      );
      expect(status).toBe(200);
    }
    const metrics = await (await fetch(`${gw}/metrics`)).text();
    expect(metrics).toMatch(/gateway_requests_total\{service="web",status="200"\} 20\n/);
    const served = new Set<number>();
    await until('both workers in the access log', async () => {
      const lines = (await fleet.hmsops(['logs', 'gateway', '--json'])).stdout.split('\n').filter(Boolean);
      for (const l of lines) {
        const m = /"msg":"gateway listening[^"]*","port":\d+,"pid":(\d+)/.exec(JSON.parse(l).text);
        if (m) served.add(Number(m[1]));
      }
      return served.size === 2;
    });
    expect([...served].sort()).toEqual([...workers].sort());
    // Each worker writes its own access-log file; together they hold one line per request.
    const accessLines = (file: string) =>
      fs.existsSync(file)
        ? fs
            .readFileSync(file, 'utf8')
            .split('\n')
            .filter((l) => l.includes('"msg":"access"')).length
        : 0;
    const files = [1, 2].map((w) => path.join(fleet.stateDir, 'logs', `gateway-1.access-w${w}.log`));
    await until("20 access lines in the two workers' files", () => files.reduce((n, f) => n + accessLines(f), 0) === 20);
    for (const f of files) expect(accessLines(f)).toBeGreaterThan(0);
    expect((await fleet.hmsops(['down'])).exitCode).toBe(0);
    for (const pid of workers) expect(fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z')).toBe(false);
  });
});

describe('registry', () => {
  afterEach(downAll);
  it('registry ls --watch prints the registry again on every change, and Ctrl-C ends it at once', async () => {
    const fleet = makeFleet(header() + fixtureService('web'));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const child = execa(process.execPath, [cliPath, 'registry', 'ls', 'web', '--watch', '--json'], { cwd: fleet.dir, reject: false });
    const seen: any[] = [];
    let buffered = '';
    child.stdout!.on('data', (d) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const l of lines) if (l) seen.push(JSON.parse(l));
    });
    await until('the first listing', () => seen.length >= 1);
    expect(seen[0].entries.map((e: any) => e.instanceId)).toEqual(['web-1']);
    expect((await fleet.hmsops(['scale', 'web=2'])).exitCode).toBe(0);
    await until('web-2 in a later listing', () => seen.some((s) => s.entries.some((e: any) => e.instanceId === 'web-2' && e.status === 'passing')));
    const t0 = Date.now();
    child.kill('SIGINT');
    expect((await child).exitCode).toBe(0);
    expect(Date.now() - t0).toBeLessThan(3000); // not held by the 30 s watch in flight
  });

  it('marks a silent instance critical after its TTL and removes it later; a watch sees each change at once', async () => {
    const fleet = makeFleet(header() + fixtureService('web'));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const socket = path.join(fleet.stateDir, 'run', 'hmsopsd.sock');
    const token = fs.readFileSync(path.join(fleet.stateDir, 'run', 'fleet-token'), 'utf8');
    const { index } = await fleet.client.call('GET /v1/registry');
    const watching = fleet.client.call('GET /v1/registry/watch', { query: { index, waitMs: 30_000 } });
    const t0 = Date.now();
    await callDaemon({ socket, token }, 'POST /v1/registry/register', { service: 'ghost', instanceId: 'ghost-1', port: 9, ttlMs: 300 });
    const seen = await watching;
    expect(Date.now() - t0).toBeLessThan(5000); // answered by the change, not by the 30 s wait
    expect(seen.entries.map((e: any) => e.instanceId)).toContain('ghost-1');
    await until('ghost critical', async () => (await fleet.client.call('GET /v1/registry', { query: { service: 'ghost' } })).entries[0]?.status === 'critical', 5000);
  });
});
