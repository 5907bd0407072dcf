/**
 * `hmsops export kube`: the workloads as Kubernetes objects. Per workload a Secret (its files),
 * a Deployment (replicas = instances, probes from the config's, non-root, read-only root) and a
 * Service; `hostPath` secrets and `hostNetwork` in the host-network variant (one machine:
 * `podman kube play`).
 */
import type { ProbeConfig } from '../config/types.js';
import { IMAGE_UID, type Network, SECRETS_DIR, type Workload } from './workloads.js';

export type KubeObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string> } } & Record<string, unknown>;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const labels = (name: string) => ({ 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'hmsops', 'app.kubernetes.io/managed-by': 'hmsops' });

function probe(p: ProbeConfig, port: number, host: string | undefined, liveness: boolean) {
  return {
    httpGet: { path: p.path, port, ...(host ? { host } : {}) },
    periodSeconds: seconds(p.intervalMs),
    timeoutSeconds: seconds(p.timeoutMs),
    failureThreshold: p.failureThreshold,
    // Kubernetes takes only 1 for liveness and startup probes.
    successThreshold: liveness ? 1 : p.successThreshold,
  };
}

export interface KubeOptions {
  image: string;
  network: Network;
  /** The host-network variant: each workload's secret files in this directory's `<workload>/` (hostPath). */
  hostSecretsDir?: string;
}

export function kubeObjects(workloads: Workload[], opts: KubeOptions): KubeObject[] {
  const host = opts.network === 'host';
  const objects: KubeObject[] = [];
  // Secrets first: `podman kube play` creates them in file order, before the pods that mount them.
  if (!host)
    for (const w of workloads)
      objects.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: `hmsops-${w.name}`, labels: labels(w.name) },
        type: 'Opaque',
        data: Object.fromEntries(Object.entries(w.secrets).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      });
  for (const w of workloads) {
    const probeHost = host ? '127.0.0.1' : undefined;
    const startup = {
      ...probe(w.liveness, w.port, probeHost, true),
      failureThreshold: Math.max(1, Math.ceil(w.liveness.startPeriodMs / w.liveness.intervalMs)) + w.liveness.failureThreshold,
    };
    const secretVolume = host
      ? { name: 'secrets', hostPath: { path: `${opts.hostSecretsDir}/${w.name}`, type: 'Directory' } }
      : { name: 'secrets', secret: { secretName: `hmsops-${w.name}`, defaultMode: 0o400, optional: false } };
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: w.name, labels: labels(w.name) },
      spec: {
        replicas: w.replicas,
        selector: { matchLabels: { 'app.kubernetes.io/name': w.name } },
        template: {
          metadata: { labels: labels(w.name) },
          spec: {
            ...(host ? { hostNetwork: true } : {}),
            restartPolicy: 'Always',
            terminationGracePeriodSeconds: seconds(w.stopTimeoutMs) + 5,
            securityContext: { runAsNonRoot: true, runAsUser: IMAGE_UID, runAsGroup: IMAGE_UID, fsGroup: IMAGE_UID },
            containers: [
              {
                name: w.name,
                image: opts.image,
                imagePullPolicy: 'IfNotPresent',
                args: w.args,
                // On the host's network a port is the host's (podman refuses port mappings there).
                ...(host ? {} : { ports: [{ name: 'http', containerPort: w.port }, ...w.extraPorts.map((p) => ({ name: p.name, containerPort: p.port }))] }),
                env: [
                  ...Object.entries(w.env).map(([name, value]) => ({ name, value })),
                  ...Object.entries(w.fieldEnv).map(([name, fieldPath]) => ({ name, valueFrom: { fieldRef: { fieldPath } } })),
                ],
                startupProbe: startup,
                livenessProbe: probe(w.liveness, w.port, probeHost, true),
                readinessProbe: probe(w.readiness, w.port, probeHost, false),
                resources: { requests: { cpu: w.resources.cpu, memory: w.resources.memory }, limits: { memory: w.resources.memoryLimit } },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
                volumeMounts: [
                  { name: 'state', mountPath: '/var/lib/hmsops' },
                  { name: 'tmp', mountPath: '/tmp' },
                  { name: 'secrets', mountPath: SECRETS_DIR, readOnly: true },
                ],
              },
            ],
            volumes: [{ name: 'state', emptyDir: {} }, { name: 'tmp', emptyDir: {} }, secretVolume],
          },
        },
      },
    });
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: w.name, labels: labels(w.name) },
      spec: {
        selector: { 'app.kubernetes.io/name': w.name },
        ports: [{ name: 'http', port: w.port, targetPort: w.port }, ...w.extraPorts.map((p) => ({ name: p.name, port: p.port, targetPort: p.port }))],
      },
    });
  }
  return objects;
}
