/**
 * `hmsops image build`, `hmsops export kube|compose`: the fleet for an orchestrator people
 * already run, from the same config `hmsops up` reads (src/export/, src/image/).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { composeFile } from '../../export/compose.js';
import { kubeObjects } from '../../export/kube.js';
import { IMAGE_UID, type ExportPlan, planExport, type Network } from '../../export/workloads.js';
import { buildImage, defaultImageTag } from '../../image/build.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { printJson } from '../output.js';

type ExportOpts = GlobalOptions & { out?: string; image?: string; json?: boolean };

const say = (opts: { json?: boolean }, line: string) => {
  if (!opts.json) process.stderr.write(`${line}\n`);
};

export async function imageBuildCommand(opts: GlobalOptions & { tag?: string; node?: string; json?: boolean }): Promise<CommandResult> {
  const started = Date.now();
  const image = await buildImage({
    tag: opts.tag ?? defaultImageTag(),
    node: opts.node ?? process.execPath,
    cacheDir: path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'hmsops', 'image'),
    progress: (m) => say(opts, `image: ${m}`),
  });
  if (opts.json) printJson({ ...image, seconds: (Date.now() - started) / 1000 });
  else
    console.log(`built ${image.tag} (${image.id.slice(0, 12)}, Node ${image.node}, ${(image.sizeBytes / 1e6).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

/** A file only its owner reads (secrets): written whole, then put in place. */
function writePrivate(file: string, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}

/**
 * Each workload's secret files in `dir/<workload>/`, for a runtime that mounts host files
 * (Compose; the host-network manifests). As root they are given to the image's user, so the
 * containers (uid 10001) read them and nobody else does.
 */
function writeWorkloadSecrets(dir: string, plan: ExportPlan) {
  for (const w of plan.workloads) {
    const own = path.join(dir, w.name);
    fs.rmSync(own, { recursive: true, force: true });
    for (const [name, text] of Object.entries(w.secrets)) writePrivate(path.join(own, name), text);
    if (process.getuid?.() === 0) {
      fs.chownSync(own, IMAGE_UID, IMAGE_UID);
      for (const name of Object.keys(w.secrets)) fs.chownSync(path.join(own, name), IMAGE_UID, IMAGE_UID);
    }
  }
}

/** The operator's password and a generated fleet secret, kept for the next export and for `hmsops login`. */
function keepSecrets(dir: string, plan: ExportPlan, configSecret: boolean) {
  writePrivate(path.join(dir, 'operator-password'), `${plan.keptSecrets.operatorPassword}\n`);
  if (!configSecret) writePrivate(path.join(dir, 'fleet-secret'), `${plan.keptSecrets.fleetSecret}\n`);
  return path.join(dir, 'operator-password');
}

function report(opts: ExportOpts, plan: ExportPlan, written: Record<string, string>, next: string[]) {
  if (opts.json) return printJson({ ...written, workloads: plan.workloads.map((w) => ({ name: w.name, replicas: w.replicas, port: w.port })), warnings: plan.warnings });
  for (const w of plan.warnings) process.stderr.write(`warning: ${w}\n`);
  const labels: Record<string, string> = { manifests: 'manifests', compose: 'compose file', operatorPasswordFile: "the operator's password (0600)" };
  for (const [what, file] of Object.entries(written)) console.log(`${labels[what] ?? what}: ${file}`);
  console.log(`\nnext:\n${next.map((l) => `  ${l}`).join('\n')}`);
}

export async function exportKubeCommand(opts: ExportOpts & { hostNetwork?: boolean }): Promise<CommandResult> {
  const { config } = await loadContext(opts);
  const out = path.resolve(opts.out ?? 'hmsops-kube');
  const secretsDir = path.join(out, 'secrets');
  const network: Network = opts.hostNetwork ? 'host' : 'cluster';
  const plan = planExport(config, secretsDir, network);
  const image = opts.image ?? defaultImageTag();
  const objects = kubeObjects(plan.workloads, { image, network, hostSecretsDir: secretsDir });
  const operatorPasswordFile = keepSecrets(secretsDir, plan, config.fleet.secretFile !== null);
  if (network === 'host') writeWorkloadSecrets(secretsDir, plan);
  const manifests = path.join(out, 'hmsops.yaml');
  // The Secrets are in it: only its owner reads it.
  writePrivate(
    manifests,
    `# hmsops ${network === 'host' ? '(host network: one machine) ' : ''}from ${config.file ?? 'the built-in config'}\n${objects.map((o) => stringify(o)).join('---\n')}`,
  );
  const gateway = plan.workloads.find((w) => w.name === 'gateway')!;
  const url = network === 'host' ? `http://127.0.0.1:${gateway.port}` : `http://<the gateway Service's address>:${gateway.port}`;
  report(opts, plan, { manifests, operatorPasswordFile }, [
    network === 'host' ? `podman kube play ${manifests}` : `kubectl apply -f ${manifests}`,
    `HMSOPS_PASSWORD="$(cat ${operatorPasswordFile})" hmsops login --gateway ${url} --user operator`,
    network === 'host' ? `podman kube down ${manifests}` : `kubectl delete -f ${manifests}`,
  ]);
  return ok;
}

export async function exportComposeCommand(opts: ExportOpts): Promise<CommandResult> {
  const { config } = await loadContext(opts);
  const file = path.resolve(opts.out ?? 'compose.yaml');
  const secretsDir = path.join(path.dirname(file), 'secrets');
  const plan = planExport(config, secretsDir, 'cluster');
  const image = opts.image ?? defaultImageTag();
  const operatorPasswordFile = keepSecrets(secretsDir, plan, config.fleet.secretFile !== null);
  writeWorkloadSecrets(secretsDir, plan);
  const doc = composeFile(plan.workloads, config, image, './secrets');
  fs.writeFileSync(file, `# hmsops from ${config.file ?? 'the built-in config'}\n${stringify(doc)}`);
  const gateway = plan.workloads.find((w) => w.name === 'gateway')!;
  report(opts, plan, { compose: file, operatorPasswordFile }, [
    `docker compose -f ${file} up -d`,
    `HMSOPS_PASSWORD="$(cat ${operatorPasswordFile})" hmsops login --gateway http://127.0.0.1:${gateway.port} --user operator`,
  ]);
  return ok;
}
