/**
 * The fleet as an orchestrator runs it, from the same config `hmsops up` reads: one workload per
 * bundled service and one for the gateway, each started from the one image with its own command,
 * on a fixed port, with the environment its process reads and the secret files it needs (read
 * from the files the config names, never inline). kube.ts and compose.ts render these.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FleetConfig, ProbeConfig, ServiceConfig, StoreConfig } from '../config/types.js';
import { UsageError } from '../errors/index.js';

/** Where a workload's secret files are, inside its container. */
export const SECRETS_DIR = '/run/secrets/hmsops';
/** The image's user (bin/image.ts builds it so): not root. */
export const IMAGE_UID = 10001;
const STATE_DIR = '/var/lib/hmsops';

/** A bundled service's port when its config gives no PORT. */
const DEFAULT_PORTS: Record<string, number> = { auth: 8101, ach: 8102, analytics: 8103, messaging: 8104, 'mail-sink': 8105 };
const DEFAULT_SMTP_PORT = 2525;

export interface Workload {
  name: string;
  replicas: number;
  /** node's arguments in the image's /app. */
  args: string[];
  port: number;
  /** Other ports its Service offers (the mail sink's SMTP). */
  extraPorts: { name: string; port: number }[];
  env: Record<string, string>;
  /** Env from the orchestrator (pod name, pod address). */
  fieldEnv: Record<string, 'metadata.name' | 'status.podIP'>;
  /** File name under SECRETS_DIR -> its content. */
  secrets: Record<string, string>;
  liveness: ProbeConfig;
  readiness: ProbeConfig;
  stopTimeoutMs: number;
  resources: { cpu: string; memory: string; memoryLimit: string };
}

export interface ExportPlan {
  workloads: Workload[];
  /** Files the export writes beside the manifests (0600): the operator's password, a generated fleet secret. */
  keptSecrets: { operatorPassword: string; fleetSecret: string };
  warnings: string[];
}

export type Network = 'cluster' | 'host';

const read = (file: string) => fs.readFileSync(file, 'utf8');

/** A secret kept in `dir` from an earlier export (so re-applying changes nothing), else made now. */
function keptSecret(dir: string, name: string, make: () => string): string {
  const file = path.join(dir, name);
  try {
    return read(file).trim();
  } catch {
    return make();
  }
}

/**
 * `secretsDir`: where an earlier export kept the operator's password and a generated fleet secret.
 * `network`: 'cluster' (Services by name, pods listen on every address) or 'host' (every pod on
 * the host's network: loopback, as `podman kube play` runs it on one machine).
 */
export function planExport(config: FleetConfig, secretsDir: string, network: Network): ExportPlan {
  const warnings: string[] = [];
  const services = Object.values(config.services);
  const custom = services.filter((s) => !s.bundled);
  if (custom.length > 0)
    throw new UsageError(`export: ${custom.map((s) => `services.${s.name}`).join(', ')} run a command of their own, which the image does not hold`, [
      'export the bundled services, and run your own programs as workloads of their own',
    ]);
  const onSqlite = services.filter((s) => s.store.backend === 'sqlite');
  if (onSqlite.length > 0)
    throw new UsageError(
      `export: ${onSqlite.map((s) => s.name).join(', ')} keep their data in SQLite files, which pods cannot share; set store: { backend: postgres, url: ..., passwordFile: ... }`,
      ['each replica is a pod of its own; every replica of a service must reach the same store'],
    );
  if (!config.gateway.enabled) throw new UsageError('export: gateway.enabled is false; the exported fleet is reached through its gateway');

  const fleetSecret = config.fleet.secretFile ? read(config.fleet.secretFile).trim() : keptSecret(secretsDir, 'fleet-secret', () => crypto.randomBytes(32).toString('base64url'));
  const operatorPassword = keptSecret(secretsDir, 'operator-password', () => crypto.randomBytes(18).toString('base64url'));
  const loopback = network === 'host';
  const portOf = (s: ServiceConfig) => Number(s.env.PORT ?? DEFAULT_PORTS[s.name]);
  const addressOf = (name: string) => (loopback ? '127.0.0.1' : name);
  const mailSink = config.services['mail-sink'];
  const smtpPort = mailSink ? Number(mailSink.env.HMSOPS_SMTP_PORT ?? DEFAULT_SMTP_PORT) : undefined;

  const registryEnv = (secrets: Record<string, string>): Record<string, string> => {
    const r = config.registry;
    if (r.backend !== 'etcd') return {};
    if (!loopback && r.endpoints.some((e) => /\/\/(127\.|localhost)/.test(e)))
      warnings.push(`registry.endpoints name loopback (${r.endpoints.join(', ')}): from a pod that is the pod itself`);
    const passwordFile = r.passwordFile ? secretFile(secrets, 'registry-password', r.passwordFile) : undefined;
    const tls = r.tls ? Object.fromEntries(Object.entries(r.tls).map(([k, f]) => [k, secretFile(secrets, `registry-${k}`, f!)])) : undefined;
    return { HMSOPS_REGISTRY: JSON.stringify({ ...r, passwordFile, tls }) };
  };

  const storeEnv = (s: ServiceConfig, secrets: Record<string, string>) => {
    const st = s.store;
    if (!loopback && st.url && /@(127\.|localhost)/.test(st.url)) warnings.push(`${s.name}: its store's url names loopback (${st.url}): from a pod that is the pod itself`);
    const store: StoreConfig = {
      ...st,
      ...(st.passwordFile ? { passwordFile: secretFile(secrets, 'store-password', st.passwordFile) } : {}),
      ...(st.tls ? { tls: Object.fromEntries(Object.entries(st.tls).map(([k, f]) => [k, secretFile(secrets, `store-${k}`, f!)])) } : {}),
    };
    return { HMSOPS_STORE: JSON.stringify(store) };
  };

  const common = (name: string, port: number, secrets: Record<string, string>): Record<string, string> => {
    secrets['fleet-secret'] = fleetSecret;
    return {
      HOST: loopback ? '127.0.0.1' : '0.0.0.0',
      PORT: String(port),
      HMSOPS_STATE_DIR: STATE_DIR,
      HMSOPS_FLEET_SECRET_FILE: `${SECRETS_DIR}/fleet-secret`,
      HMSOPS_REGISTRY_TTL_MS: String(config.registry.ttlMs),
      HMSOPS_VERSION: config.services[name]?.version ?? 'bundled',
      ...(loopback ? { HMSOPS_ADVERTISE: '127.0.0.1' } : {}),
      ...registryEnv(secrets),
    };
  };
  const fieldEnv = (): Workload['fieldEnv'] => ({ HMSOPS_INSTANCE_ID: 'metadata.name', ...(loopback ? {} : { HMSOPS_ADVERTISE: 'status.podIP' as const }) });

  const workloads: Workload[] = services.map((s) => {
    const port = portOf(s);
    const secrets: Record<string, string> = {};
    const env: Record<string, string> = { ...s.env, ...common(s.name, port, secrets), ...storeEnv(s, secrets) };
    if (s.name === 'auth') {
      secrets['operator-password'] = operatorPassword;
      env.HMSOPS_OPERATOR_PASSWORD_FILE = `${SECRETS_DIR}/operator-password`;
    }
    if (s.name === 'mail-sink') env.HMSOPS_SMTP_PORT = String(smtpPort);
    if (s.name === 'messaging') {
      const url = config.smtp.url ?? (smtpPort ? `smtp://${addressOf('mail-sink')}:${smtpPort}` : undefined);
      if (url) env.HMSOPS_SMTP_URL = url;
    }
    if (s.name === 'ach' && config.approvals) env.HMSOPS_APPROVALS_OVER_CENTS = String(config.approvals.overCents);
    if (s.name === 'ach' && config.ach.odfi) {
      const o = config.ach.odfi;
      const pgp = o.pgp && {
        bankPublicKeyFile: secretFile(secrets, 'odfi-bank-public-key', o.pgp.bankPublicKeyFile),
        privateKeyFile: secretFile(secrets, 'odfi-pgp-private-key', o.pgp.privateKeyFile),
        ...(o.pgp.passphraseFile ? { passphraseFile: secretFile(secrets, 'odfi-pgp-passphrase', o.pgp.passphraseFile) } : {}),
      };
      env.HMSOPS_ACH_ODFI = JSON.stringify({ ...o, sftp: { ...o.sftp, privateKeyFile: secretFile(secrets, 'odfi-sftp-key', o.sftp.privateKeyFile) }, ...(pgp ? { pgp } : {}) });
    }
    return {
      name: s.name,
      replicas: s.instances,
      args: [`dist/services/${s.name}/main.js`],
      port,
      extraPorts: s.name === 'mail-sink' ? [{ name: 'smtp', port: smtpPort! }] : [],
      env,
      fieldEnv: fieldEnv(),
      secrets,
      liveness: s.liveness,
      readiness: s.readiness,
      stopTimeoutMs: s.stopTimeoutMs,
      resources: s.name === 'ach' ? { cpu: '250m', memory: '256Mi', memoryLimit: '1Gi' } : { cpu: '100m', memory: '128Mi', memoryLimit: '512Mi' },
    };
  });

  const g = config.gateway;
  const gatewaySecrets: Record<string, string> = {};
  const routed = workloads.filter((w) => config.services[w.name]!.route);
  const gatewayProbe = (p: string): ProbeConfig => ({ path: p, intervalMs: 2000, timeoutMs: 1000, failureThreshold: 3, successThreshold: 1, startPeriodMs: 10_000 });
  workloads.push({
    name: 'gateway',
    replicas: 1,
    args: ['dist/src/gateway/main.js'],
    port: g.port,
    extraPorts: [],
    env: {
      ...common('gateway', g.port, gatewaySecrets),
      HMSOPS_GATEWAY_CONFIG: JSON.stringify({ ...g, url: null, host: loopback ? g.host : '0.0.0.0' }),
      HMSOPS_UPSTREAMS: JSON.stringify(routed.map((w) => ({ service: w.name, route: config.services[w.name]!.route, url: `http://${addressOf(w.name)}:${w.port}` }))),
    },
    fieldEnv: fieldEnv(),
    secrets: gatewaySecrets,
    liveness: gatewayProbe('/healthz'),
    readiness: gatewayProbe('/readyz'),
    stopTimeoutMs: 10_000,
    resources: { cpu: '250m', memory: '128Mi', memoryLimit: '512Mi' },
  });

  const ports = new Map<number, string>();
  for (const w of workloads)
    for (const p of [w.port, ...w.extraPorts.map((x) => x.port)]) {
      if (ports.has(p)) throw new UsageError(`export: ${w.name} and ${ports.get(p)} both take port ${p}; give one another PORT in services.<name>.env`);
      ports.set(p, w.name);
    }
  if (loopback) {
    const many = workloads.filter((w) => w.replicas > 1);
    if (many.length > 0)
      warnings.push(`on the host's network every replica takes the same port: ${many.map((w) => `${w.name} (${w.replicas})`).join(', ')} run one replica each there`);
    for (const w of many) w.replicas = 1;
  }
  if (config.registry.backend !== 'etcd')
    warnings.push('registry.backend is embedded: the exported fleet registers nowhere (hmsops registry ls needs etcd; the orchestrator lists the pods)');
  return { workloads, keptSecrets: { operatorPassword, fleetSecret }, warnings };
}

/** Puts a file the config names among a workload's secrets; returns its path in the container. */
function secretFile(secrets: Record<string, string>, name: string, hostFile: string): string {
  secrets[name] = read(hostFile);
  return `${SECRETS_DIR}/${name}`;
}
