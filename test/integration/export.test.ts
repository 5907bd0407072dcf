/**
 * `hmsops export kube|compose` through the CLI: the manifests checked offline against Kubernetes'
 * own schemas (kubernetes-models), the Compose file by Debian's docker-compose (`config`), the
 * secrets read from the files the config names and kept out of everything but Secrets and 0600
 * files, and what cannot be exported refused with exit 2. The drill (test/drills/kube-play.test.ts)
 * plays the host-network variant on podman.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Secret, Service } from 'kubernetes-models/v1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { cliPath } from '../helpers/fleet.js';
import { skipWithout } from '../helpers/servers.js';

let dir: string;
const STORE_PASSWORD = 'store-password-7f3a91';
const REGISTRY_PASSWORD = 'etcd-password-0c55e2';
const FLEET_SECRET = 'fleet-secret-9d1b77';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-export-'));
  for (const [file, text] of [
    ['store-password', STORE_PASSWORD],
    ['etcd-password', REGISTRY_PASSWORD],
    ['fleet-secret', FLEET_SECRET],
  ])
    fs.writeFileSync(path.join(dir, file!), `${text}\n`, { mode: 0o600 });
  fs.writeFileSync(
    path.join(dir, 'hmsops.config.yaml'),
    `version: 1
fleet: { secretFile: fleet-secret }
store: { backend: postgres, url: "postgres://hmsops@db.example.internal:5432/hmsops", passwordFile: store-password }
registry: { backend: etcd, endpoints: ["http://etcd.example.internal:2379"], user: hmsops, passwordFile: etcd-password }
approvals: { over: "$10,000.00" }
services:
  auth: {}
  ach: { instances: 3, health: { readiness: { interval: 3s, failureThreshold: 4 } } }
  analytics: {}
  messaging: {}
  mail-sink: {}
`,
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hmsops = (args: string[], cwd = dir) => execa(process.execPath, [cliPath, ...args], { cwd, reject: false, env: { NO_COLOR: '1' } });
type Obj = { kind: string; metadata: { name: string }; spec?: any; data?: Record<string, string> };
const docs = (file: string) => parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS() as Obj);

describe('hmsops export kube', () => {
  it('writes a Deployment, a Service and a Secret per workload that Kubernetes schemas accept, replicas and probes from the config, secrets only in Secrets', async () => {
    const r = await hmsops(['export', 'kube', '--out', 'kube', '--image', 'registry.example/hmsops:1', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const objects = docs(out.manifests);
    expect(fs.statSync(out.manifests).mode & 0o777).toBe(0o600);
    const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
    const names = ['auth', 'ach', 'analytics', 'messaging', 'mail-sink', 'gateway'];
    expect(byKind('Deployment').map((o) => o.metadata.name)).toEqual(names);
    expect(byKind('Service').map((o) => o.metadata.name)).toEqual(names);
    // Every object as Kubernetes' own schema says it must be.
    for (const o of objects) {
      const model = o.kind === 'Deployment' ? new Deployment(o as never) : o.kind === 'Service' ? new Service(o as never) : new Secret(o as never);
      expect(() => model.validate(), `${o.kind} ${o.metadata.name}`).not.toThrow();
    }
    const ach = byKind('Deployment').find((o) => o.metadata.name === 'ach')!;
    expect(ach.spec.replicas).toBe(3);
    const container = ach.spec.template.spec.containers[0];
    expect(container.args).toEqual(['dist/services/ach/main.js']);
    expect(container.readinessProbe).toMatchObject({ httpGet: { path: '/readyz', port: 8102 }, periodSeconds: 3, failureThreshold: 4 });
    expect(container.livenessProbe).toMatchObject({ httpGet: { path: '/healthz', port: 8102 }, successThreshold: 1 });
    expect(container.startupProbe.httpGet.path).toBe('/healthz');
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    expect(ach.spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
    const env = Object.fromEntries(container.env.filter((e: any) => 'value' in e).map((e: any) => [e.name, e.value]));
    expect(JSON.parse(env.HMSOPS_STORE)).toEqual({
      backend: 'postgres',
      url: 'postgres://hmsops@db.example.internal:5432/hmsops',
      passwordFile: '/run/secrets/hmsops/store-password',
    });
    expect(JSON.parse(env.HMSOPS_REGISTRY)).toMatchObject({ backend: 'etcd', passwordFile: '/run/secrets/hmsops/registry-password' });
    expect(env.HMSOPS_APPROVALS_OVER_CENTS).toBe('1000000');
    expect(container.env.find((e: any) => e.name === 'HMSOPS_INSTANCE_ID').valueFrom.fieldRef.fieldPath).toBe('metadata.name');
    // The gateway routes to each service's Service.
    const gw = byKind('Deployment').find((o) => o.metadata.name === 'gateway')!.spec.template.spec.containers[0];
    const upstreams = JSON.parse(gw.env.find((e: any) => e.name === 'HMSOPS_UPSTREAMS').value);
    expect(upstreams).toContainEqual({ service: 'ach', route: '/ach', url: 'http://ach:8102' });
    // The passwords: in the Secrets' data (base64), and nowhere else in the manifests.
    const achSecret = byKind('Secret').find((o) => o.metadata.name === 'hmsops-ach')!;
    expect(Buffer.from(achSecret.data!['store-password']!, 'base64').toString().trim()).toBe(STORE_PASSWORD);
    expect(Buffer.from(achSecret.data!['fleet-secret']!, 'base64').toString()).toBe(FLEET_SECRET);
    const withoutSecrets = objects
      .filter((o) => o.kind !== 'Secret')
      .map((o) => JSON.stringify(o))
      .join('\n');
    for (const secret of [STORE_PASSWORD, REGISTRY_PASSWORD, FLEET_SECRET]) expect(withoutSecrets).not.toContain(secret);
    // The first operator's password: generated, 0600, given to auth only, kept for the next export.
    const password = fs.readFileSync(out.operatorPasswordFile, 'utf8').trim();
    expect(fs.statSync(out.operatorPasswordFile).mode & 0o777).toBe(0o600);
    expect(password.length).toBeGreaterThanOrEqual(20);
    const withPassword = byKind('Secret').filter((o) => Object.keys(o.data ?? {}).includes('operator-password'));
    expect(withPassword.map((o) => o.metadata.name)).toEqual(['hmsops-auth']);
    const again = await hmsops(['export', 'kube', '--out', 'kube', '--json']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(fs.readFileSync(out.operatorPasswordFile, 'utf8').trim()).toBe(password);
  });

  it('--host-network: every pod on the host network, one replica each, secrets from 0600 files beside the manifests', async () => {
    const r = await hmsops(['export', 'kube', '--host-network', '--out', 'host', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.warnings.join('\n')).toMatch(/every replica takes the same port: ach \(3\)/);
    const objects = docs(out.manifests);
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    for (const d of objects.filter((o) => o.kind === 'Deployment')) {
      expect(() => new Deployment(d as never).validate()).not.toThrow();
      expect(d.spec.template.spec.hostNetwork).toBe(true);
      expect(d.spec.replicas).toBe(1);
      const volume = d.spec.template.spec.volumes.find((v: any) => v.name === 'secrets');
      const file = path.join(volume.hostPath.path, 'fleet-secret');
      expect(fs.readFileSync(file, 'utf8')).toBe(FLEET_SECRET);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    }
    expect(fs.readFileSync(path.join(dir, 'host', 'secrets', 'ach', 'store-password'), 'utf8').trim()).toBe(STORE_PASSWORD);
    expect(fs.existsSync(path.join(dir, 'host', 'secrets', 'analytics', 'operator-password'))).toBe(false);
  });

  it('refuses what pods cannot run, exit 2 naming it: SQLite stores, services of their own', async () => {
    const other = fs.mkdtempSync(path.join(dir, 'sqlite-'));
    fs.writeFileSync(path.join(other, 'hmsops.config.yaml'), 'version: 1\nservices:\n  auth: {}\n  ach: {}\n');
    const sqlite = await hmsops(['export', 'kube'], other);
    expect(sqlite.exitCode).toBe(2);
    expect(sqlite.stderr).toMatch(/auth, ach keep their data in SQLite files, which pods cannot share/);
    expect(sqlite.stderr).not.toMatch(/\n\s+at /);
    fs.writeFileSync(
      path.join(other, 'hmsops.config.yaml'),
      'version: 1\nstore: { backend: postgres, url: "postgres://h@db:5432/h" }\nservices:\n  auth: {}\n  billing: { command: node billing.js, route: /billing }\n',
    );
    const custom = await hmsops(['export', 'compose'], other);
    expect(custom.exitCode).toBe(2);
    expect(custom.stderr).toMatch(/services\.billing run a command of their own/);
  });
});

describe('hmsops export compose', () => {
  it('writes a Compose file: the same image, healthchecks from the probes, depends_on service_healthy, restart policies, secrets as files', async () => {
    const r = await hmsops(['export', 'compose', '--out', 'compose/compose.yaml', '--image', 'localhost/hmsops:1', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = docs(path.join(dir, 'compose', 'compose.yaml'))[0] as any;
    expect(Object.keys(doc.services)).toEqual(['auth', 'ach', 'analytics', 'messaging', 'mail-sink', 'gateway']);
    expect(doc.services.ach).toMatchObject({ image: 'localhost/hmsops:1', command: ['dist/services/ach/main.js'], restart: 'on-failure', deploy: { replicas: 3 } });
    expect(doc.services.ach.healthcheck).toMatchObject({ interval: '3s', retries: 4 });
    expect(doc.services.ach.healthcheck.test.join(' ')).toContain('http://127.0.0.1:8102/readyz');
    expect(doc.services.gateway.depends_on.ach).toEqual({ condition: 'service_healthy' });
    expect(doc.services.messaging.depends_on['mail-sink']).toEqual({ condition: 'service_healthy' });
    expect(doc.services.messaging.environment.HMSOPS_SMTP_URL).toBe('smtp://mail-sink:2525');
    expect(doc.secrets['ach-store-password'].file).toBe('./secrets/ach/store-password');
    expect(fs.readFileSync(path.join(dir, 'compose', 'secrets', 'ach', 'store-password'), 'utf8').trim()).toBe(STORE_PASSWORD);
    expect(JSON.stringify(doc)).not.toContain(STORE_PASSWORD);
  });

  it.skipIf(skipWithout('docker-compose config', ['docker-compose']))('passes docker-compose config', async () => {
    await hmsops(['export', 'compose', '--out', 'checked/compose.yaml']);
    const r = await execa('docker-compose', ['-f', path.join(dir, 'checked', 'compose.yaml'), 'config', '--quiet'], { reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
  });
});
