/**
 * The fleet's processes as an orchestrator runs them, with no daemon: a bundled service and the
 * gateway started with the environment `export kube` writes (real processes from dist/, a real
 * etcd). The gateway routes to fixed upstreams and logs to stdout; each process registers itself
 * in etcd and leaves it when stopped or when its lease runs out; auth seeds the first operator
 * from the password file it is given. The drill (test/drills/kube-play.test.ts) runs the whole
 * fleet so under podman.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEtcd } from '../../scripts/etcd-server.mjs';
import { readEtcdRegistry } from '../../src/registry/etcd-read.js';
import type { RegistryConfig } from '../../src/config/types.js';
import { connect } from '../../src/sdk/index.js';
import { repoRoot, until } from '../helpers/fleet.js';
import { freePort } from '../helpers/postgres.js';
import { skipWithout } from '../helpers/servers.js';

const skip = skipWithout('processes without a daemon', ['etcd']);
let dir: string;
let etcd: Awaited<ReturnType<typeof startEtcd>> | undefined;
const started: ResultPromise[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-orchestrated-'));
  if (!skip) etcd = await startEtcd();
});
afterAll(async () => {
  for (const p of started) p.kill('SIGKILL');
  await Promise.all(started.map((p) => p.catch(() => undefined)));
  await etcd?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function start(program: string, env: Record<string, string>) {
  const p = execa(process.execPath, [path.join(repoRoot, 'dist', program)], { env: { ...env, NO_COLOR: '1' }, extendEnv: false, reject: false, all: true, buffer: true });
  started.push(p);
  let output = '';
  p.all?.on('data', (d: Buffer) => (output += d));
  return { process: p, output: () => output };
}

describe.skipIf(skip)('fleet processes under an orchestrator (no daemon)', () => {
  it('routes through fixed upstreams, registers each process in etcd until it stops, seeds the operator from the given password file', async () => {
    const registry: RegistryConfig = { backend: 'etcd', ttlMs: 2000, deregisterAfterMs: 60_000, endpoints: [etcd!.endpoint], prefix: '/hmsops/orchestrated/' };
    fs.writeFileSync(path.join(dir, 'fleet-secret'), 'a fleet secret\n', { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'operator-password'), 'given-password-4417\n', { mode: 0o600 });
    const [authPort, gatewayPort] = await Promise.all([freePort(), freePort()]);
    const common = {
      PATH: process.env.PATH!,
      HOST: '127.0.0.1',
      HMSOPS_FLEET_SECRET_FILE: path.join(dir, 'fleet-secret'),
      HMSOPS_REGISTRY: JSON.stringify(registry),
    };
    const auth = start('services/auth/main.js', {
      ...common,
      PORT: String(authPort),
      HMSOPS_STATE_DIR: path.join(dir, 'auth-state'),
      HMSOPS_INSTANCE_ID: 'auth-pod-a',
      HMSOPS_OPERATOR_PASSWORD_FILE: path.join(dir, 'operator-password'),
    });
    const gateway = start('src/gateway/main.js', {
      ...common,
      HMSOPS_INSTANCE_ID: 'gateway-pod-a',
      HMSOPS_GATEWAY_CONFIG: JSON.stringify({ port: gatewayPort, host: '127.0.0.1' }),
      HMSOPS_UPSTREAMS: JSON.stringify([{ service: 'auth', route: '/auth', url: `http://127.0.0.1:${authPort}` }]),
    });
    const url = `http://127.0.0.1:${gatewayPort}`;
    await until('the gateway ready', async () => (await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200, 20_000, 100);

    // The operator's password is the one given (no credentials file written), and a call the gateway
    // signs for auth is taken (the fleet secret from the file on both sides).
    const client = await until(
      'auth answers through the gateway',
      () => connect({ gatewayUrl: url, username: 'operator', password: 'given-password-4417' }).catch(() => undefined),
      20_000,
      200,
    );
    const { users } = await client.auth.users();
    expect(users.map((u) => u.username)).toEqual(['operator']);
    await client.close();
    expect(fs.existsSync(path.join(dir, 'auth-state', 'credentials.json'))).toBe(false);
    // The access log goes to stdout, for the orchestrator to collect.
    await until('an access-log line on stdout', () => /"msg":"access","method":"GET","url":"\/auth\/v1\/users"/.test(gateway.output()), 5000);

    // Both registered themselves, passing.
    const entries = await until(
      'both in etcd',
      async () => {
        const r = await readEtcdRegistry(registry);
        return r.entries.length === 2 && r.entries;
      },
      10_000,
      100,
    );
    expect(entries.map((e) => [e.service, e.instanceId, e.status, e.port])).toEqual([
      ['auth', 'auth-pod-a', 'passing', authPort],
      ['gateway', 'gateway-pod-a', 'passing', gatewayPort],
    ]);
    // Stopped: gone at once. Killed: gone when its lease runs out.
    gateway.process.kill('SIGTERM');
    expect((await gateway.process).exitCode).toBe(0);
    expect((await readEtcdRegistry(registry)).entries.map((e) => e.instanceId)).toEqual(['auth-pod-a']);
    auth.process.kill('SIGKILL');
    await until('the killed one gone with its lease', async () => (await readEtcdRegistry(registry)).entries.length === 0, 10_000, 200);
  });

  it('the gateway refuses to start with neither a daemon nor upstreams, or with upstreams it cannot read: exit 2 saying what', async () => {
    const r = await execa(process.execPath, [path.join(repoRoot, 'dist', 'src', 'gateway', 'main.js')], {
      env: { PATH: process.env.PATH! },
      extendEnv: false,
      reject: false,
      timeout: 10_000,
    });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/HMSOPS_UPSTREAMS, HMSOPS_FLEET_SECRET_FILE/);
    const bad = await execa(process.execPath, [path.join(repoRoot, 'dist', 'src', 'gateway', 'main.js')], {
      env: { PATH: process.env.PATH!, HMSOPS_UPSTREAMS: '[{"service":"ach","route":"/ach","url":"ach 8102"}]', HMSOPS_FLEET_SECRET_FILE: path.join(dir, 'fleet-secret') },
      extendEnv: false,
      reject: false,
      timeout: 10_000,
    });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^gateway: HMSOPS_UPSTREAMS: expected \[\{ "service": "ach"/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('a service or the gateway given a registry setting that is not JSON exits 2 saying so, before it listens', async () => {
    const registry = { HMSOPS_REGISTRY: '{backend: etcd' };
    const gateway = await execa(process.execPath, [path.join(repoRoot, 'dist', 'src', 'gateway', 'main.js')], {
      env: {
        PATH: process.env.PATH!,
        ...registry,
        HMSOPS_UPSTREAMS: '[{"service":"ach","route":"/ach","url":"http://127.0.0.1:1"}]',
        HMSOPS_FLEET_SECRET_FILE: path.join(dir, 'fleet-secret'),
      },
      extendEnv: false,
      reject: false,
      timeout: 10_000,
    });
    const auth = await execa(process.execPath, [path.join(repoRoot, 'dist', 'services', 'auth', 'main.js')], {
      env: { PATH: process.env.PATH!, ...registry, HMSOPS_STATE_DIR: dir },
      extendEnv: false,
      reject: false,
      timeout: 10_000,
    });
    for (const [name, r] of [
      ['gateway', gateway],
      ['auth', auth],
    ] as const) {
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^${name}: HMSOPS_REGISTRY: expected the config's registry section as a JSON object`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
