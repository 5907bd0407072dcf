/** What every command needs: the resolved config, the state dir's paths and a daemon client. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import type { FleetConfig } from '../config/types.js';
import { daemonEntry } from '../entry-points.js';
import { HmsopsError, UsageError } from '../errors/index.js';
import { lockOwnerAlive } from '../daemon/left-behind.js';
import { sleep } from '../sleep.js';
import { statePaths, type StatePaths } from '../state/paths.js';
import { ControlClient } from '../control/client.js';

export interface GlobalOptions {
  config?: string;
  stateDir?: string;
  /** A fleet run by an orchestrator (Kubernetes, podman kube play): its gateway's URL. */
  gateway?: string;
}

export interface CliContext {
  config: FleetConfig;
  paths: StatePaths;
  client: ControlClient;
  /** Set when the fleet is reached through this gateway and run by an orchestrator, not by a daemon of ours. */
  gatewayUrl: string | null;
}

export async function loadContext(opts: GlobalOptions): Promise<CliContext> {
  const config = await loadConfig({ file: opts.config ?? process.env.HMSOPS_CONFIG, stateDir: opts.stateDir ?? process.env.HMSOPS_STATE_DIR });
  const paths = statePaths(config.stateDir);
  const gatewayUrl = opts.gateway ?? process.env.HMSOPS_GATEWAY ?? config.gateway.url ?? null;
  if (gatewayUrl !== null && !/^https?:\/\/[^/\s]+\/?$/.test(gatewayUrl))
    throw new UsageError(`--gateway: expected the gateway's URL such as http://127.0.0.1:8080, got "${gatewayUrl}"`);
  return { config, paths, client: new ControlClient(paths.socket), gatewayUrl: gatewayUrl?.replace(/\/$/, '') ?? null };
}

/** What the orchestrator's own commands are for what hmsops does to a fleet it runs. */
const ORCHESTRATOR_COMMANDS: Record<string, string> = {
  ps: 'kubectl get pods -l app.kubernetes.io/part-of=hmsops (podman pod ps)',
  scale: 'kubectl scale deployment/SERVICE --replicas=N',
  restart: 'kubectl rollout restart deployment/SERVICE',
  logs: 'kubectl logs deployment/SERVICE (podman logs CONTAINER)',
  up: 'kubectl apply -f DIR (podman kube play FILE)',
  down: 'kubectl delete -f DIR (podman kube down FILE)',
  smoke: 'hmsops disburse --gateway URL --grant FILE',
  registry: "the orchestrator's service discovery (kubectl get endpoints), or etcdctl get --prefix on the configured registry",
};

/**
 * Commands that run the fleet (`up`, `ps`, `scale`, `restart`, `logs`, `down`) say plainly that
 * an orchestrator runs a fleet reached with --gateway, and which of its commands to use.
 */
export function ownFleet(ctx: CliContext, command: string): void {
  if (ctx.gatewayUrl === null) return;
  throw new UsageError(
    `${command}: the fleet at ${ctx.gatewayUrl} is run by an orchestrator, not by hmsops; use ${ORCHESTRATOR_COMMANDS[command] ?? "the orchestrator's own commands"}`,
    ['the commands that talk to the gateway (disburse, disbursements, reconcile, ach, approvals, audit, mail, analytics, login) work with --gateway'],
  );
}

export async function daemonRunning(ctx: Pick<CliContext, 'client'>): Promise<boolean> {
  try {
    await ctx.client.call('GET /v1/status', {}, { timeoutMs: 2000 });
    return true;
  } catch {
    return false;
  }
}

export function tail(file: string, lines: number): string[] {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
  } catch {
    return [];
  }
}

/** Starts hmsopsd for this state dir unless one already answers. Returns true when it started one. */
export async function ensureDaemon(ctx: CliContext): Promise<boolean> {
  if (await daemonRunning(ctx)) return false;
  let child: ReturnType<typeof spawn> | undefined;
  if (!lockOwnerAlive(ctx.paths.lock)) {
    fs.mkdirSync(ctx.paths.logs, { recursive: true });
    fs.mkdirSync(ctx.paths.run, { recursive: true, mode: 0o700 });
    // The daemon takes its registry, host and fleet settings from this at start.
    fs.writeFileSync(path.join(ctx.paths.run, 'config.json'), JSON.stringify(ctx.config), { mode: 0o600 });
    const log = fs.openSync(ctx.paths.daemonLog, 'a');
    child = spawn(process.execPath, [daemonEntry(), '--state-dir', ctx.paths.root], { detached: true, stdio: ['ignore', log, log], cwd: ctx.config.dir });
    child.unref();
    fs.closeSync(log);
  }
  // A new daemon first stops what a dead predecessor left, which can take a stop timeout.
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await daemonRunning(ctx)) return true;
    if (child && child.exitCode !== null) break;
    await sleep(25);
  }
  throw new HmsopsError('DAEMON_START_FAILED', `the daemon did not start; its log (${ctx.paths.daemonLog}) ends with:`, { details: tail(ctx.paths.daemonLog, 20) });
}
