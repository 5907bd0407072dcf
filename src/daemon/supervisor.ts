/**
 * The supervisor: spawns instances in their own process groups, probes them, restarts them
 * with backoff, drains and stops them, and keeps the registry in step.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { execa, type ResultPromise } from 'execa';
import type { ServiceConfig } from '../config/schema.js';
import { ExitCode, HmsopsError } from '../errors/index.js';
import type { Registry } from '../registry/types.js';
import type { StatePaths } from '../state/paths.js';
import { instancesToDrain, planFleet, type FleetPlan } from './fleet-plan.js';
import { lineSplitter, logFileFor, RotatingLog } from './log-files.js';
import { initialProbeState, recordProbe, type ProbeState } from './probe-state.js';
import { processStartTime, signalGroup, sleep, stopGroup } from './process-group.js';
import { restartDecision, type ExitKind, type ExitRecord } from './restart-backoff.js';

export type InstanceState = 'starting' | 'ready' | 'unhealthy' | 'restarting' | 'draining' | 'stopped' | 'crash-looping';

export interface InstanceView {
  id: string;
  service: string;
  ordinal: number;
  pid: number | null;
  address: string | null;
  state: InstanceState;
  restarts: number;
  startedAt: number | null;
  uptimeMs: number | null;
  lastExit: { code: number | null; signal: string | null; at: number } | null;
  lastProbe: { kind: 'liveness' | 'readiness'; ok: boolean; at: number; detail: string } | null;
}

export interface SupervisorEvent {
  at: number;
  instance: string;
  service: string;
  type: 'spawned' | 'ready' | 'unready' | 'exited' | 'restart-scheduled' | 'crash-looping' | 'liveness-failed' | 'stopping' | 'stopped' | 'registered';
  detail?: string;
}

interface Instance {
  id: string;
  service: string;
  ordinal: number;
  config: ServiceConfig;
  state: InstanceState;
  child?: ResultPromise;
  pid?: number;
  procStart?: string;
  port?: number;
  startedAt?: number;
  restarts: number;
  exits: ExitRecord[];
  lastExit?: InstanceView['lastExit'];
  liveness: ProbeState;
  readiness: ProbeState;
  everReady: boolean;
  lastProbe?: InstanceView['lastProbe'];
  timers: Set<NodeJS.Timeout>;
  stopping?: Promise<void>;
  /** Set when the supervisor itself killed the process (liveness failure): counts as a failure. */
  killedForLiveness?: boolean;
  log: RotatingLog;
  /** Incremented on each spawn so late callbacks of an old process are ignored. */
  generation: number;
}

export interface SupervisorOptions {
  paths: StatePaths;
  registry: Registry;
  fleetToken: string;
  logs: { maxSizeBytes: number; maxFiles: number };
  /** argv that runs a bundled program (gateway, auth, ...). */
  bundledCommand: (service: string) => string[];
  /** Extra environment for bundled programs (gateway config, smtp url...). */
  bundledEnv: (service: string) => Record<string, string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export function httpProbe(port: number, path: string, timeoutMs: number): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 400;
      resolve({ ok, detail: `HTTP ${res.statusCode}` });
    });
    req.on('timeout', () => {
      req.destroy();
      resolve({ ok: false, detail: `timeout after ${timeoutMs}ms` });
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ ok: false, detail: err.code ?? err.message }));
  });
}

export class Supervisor {
  readonly services = new Map<string, ServiceConfig>();
  readonly instances = new Map<string, Instance>();
  readonly events: SupervisorEvent[] = [];
  #nextOrdinal = new Map<string, number>();
  #shuttingDown = false;
  #stopTimeoutOverride: number | undefined;

  constructor(private readonly opts: SupervisorOptions) {}

  // ---- fleet-level operations -------------------------------------------------------

  /** Moves the fleet to the configured services (all of them, or only those named). */
  async apply(desired: Record<string, ServiceConfig>, only?: string[]): Promise<FleetPlan> {
    const unknown = (only ?? []).filter((s) => !(s in desired));
    if (unknown.length) throw new HmsopsError('UNKNOWN_SERVICE', `not in the config: ${unknown.join(', ')}`);
    const running: Record<string, { config: ServiceConfig; count: number }> = {};
    for (const [name, config] of this.services) running[name] = { config, count: this.#live(name).length };
    const plan = planFleet(running, desired, only);
    await Promise.all(
      plan.remove.map(async (name) => {
        await this.scale(name, 0);
        this.services.delete(name);
      }),
    );
    for (const name of plan.add) {
      this.services.set(name, desired[name]!);
      await this.scale(name, desired[name]!.instances);
    }
    for (const name of plan.redefine) {
      this.services.set(name, desired[name]!);
      await this.restart(name);
    }
    for (const s of plan.scale) await this.scale(s.service, s.to);
    // Crash-looping instances of untouched services get a fresh chance on `up`, like compose.
    for (const inst of this.instances.values())
      if (inst.state === 'crash-looping' && (!only?.length || only.includes(inst.service))) {
        inst.exits = [];
        this.#spawn(inst);
      }
    return plan;
  }

  /** Instances that count toward a service's size (not draining, not removed). */
  #live(service: string): Instance[] {
    return [...this.instances.values()].filter((i) => i.service === service && i.state !== 'draining' && !i.stopping);
  }

  async scale(service: string, target: number): Promise<{ started: string[]; stopped: string[] }> {
    const config = this.services.get(service);
    if (!config) throw new HmsopsError('UNKNOWN_SERVICE', `no service "${service}" in the fleet`);
    const live = this.#live(service);
    const started: string[] = [];
    for (let i = live.length; i < target; i++) started.push(this.#create(config).id);
    const drained = instancesToDrain(live, target);
    await Promise.all(drained.map((inst) => this.#stopAndRemove(inst)));
    return { started, stopped: drained.map((i) => i.id) };
  }

  /** Rolling restart: a replacement must be ready before the old instance drains. */
  async restart(target: string, readyTimeoutMs = 60_000): Promise<{ replaced: [string, string][] }> {
    const olds = this.instances.has(target) ? [this.instances.get(target)!] : this.#live(target);
    if (olds.length === 0) throw new HmsopsError('UNKNOWN_TARGET', `no running service or instance "${target}"`);
    const replaced: [string, string][] = [];
    for (const old of olds.sort((a, b) => a.ordinal - b.ordinal)) {
      const fresh = this.#create(this.services.get(old.service) ?? old.config);
      const ok = await this.waitReady([fresh.id], readyTimeoutMs);
      if (!ok.ready) {
        await this.#stopAndRemove(fresh);
        throw new HmsopsError('RESTART_FAILED', `replacement ${fresh.id} did not become ready (${ok.reason}); ${old.id} keeps running`);
      }
      await this.#stopAndRemove(old);
      replaced.push([old.id, fresh.id]);
    }
    return { replaced };
  }

  async waitReady(ids: string[], timeoutMs: number): Promise<{ ready: boolean; reason?: string }> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const insts = ids.map((id) => this.instances.get(id));
      const gone = insts.findIndex((i) => !i);
      if (gone >= 0) return { ready: false, reason: `${ids[gone]} was removed` };
      const bad = insts.find((i) => i!.state === 'crash-looping' || i!.state === 'stopped');
      if (bad) return { ready: false, reason: `${bad.id} is ${bad.state}` };
      if (insts.every((i) => i!.state === 'ready')) return { ready: true };
      await sleep(25);
    }
    return { ready: false, reason: 'timeout' };
  }

  async stopAll(timeoutMs?: number): Promise<void> {
    this.#shuttingDown = true;
    this.#stopTimeoutOverride = timeoutMs;
    await Promise.all([...this.instances.values()].map((i) => this.#stopAndRemove(i)));
    this.services.clear();
  }

  view(): InstanceView[] {
    const now = Date.now();
    return [...this.instances.values()]
      .sort((a, b) => a.service.localeCompare(b.service) || a.ordinal - b.ordinal)
      .map((i) => ({
        id: i.id,
        service: i.service,
        ordinal: i.ordinal,
        pid: i.pid ?? null,
        address: i.port ? `127.0.0.1:${i.port}` : null,
        state: i.state,
        restarts: i.restarts,
        startedAt: i.startedAt ?? null,
        uptimeMs: i.startedAt && ['starting', 'ready', 'unhealthy', 'draining'].includes(i.state) ? now - i.startedAt : null,
        lastExit: i.lastExit ?? null,
        lastProbe: i.lastProbe ?? null,
      }));
  }

  /** The pids and groups the daemon is responsible for, written so a successor can reap them. */
  persistedInstances() {
    return [...this.instances.values()].filter((i) => i.pid).map((i) => ({ id: i.id, service: i.service, pid: i.pid!, pgid: i.pid!, procStart: i.procStart }));
  }

  /** A bundled program told us the port it listens on (self-registration). */
  onRegistered(instanceId: string, port: number): void {
    const inst = this.instances.get(instanceId);
    if (!inst || inst.port === port) return;
    inst.port = port;
    this.#event(inst, 'registered', `port ${port}`);
    this.#probeSoon(inst, 'readiness', 0);
  }

  // ---- one instance --------------------------------------------------------------------

  #create(config: ServiceConfig): Instance {
    const ordinal = (this.#nextOrdinal.get(config.name) ?? 0) + 1;
    this.#nextOrdinal.set(config.name, ordinal);
    const id = `${config.name}-${ordinal}`;
    const inst: Instance = {
      id,
      service: config.name,
      ordinal,
      config,
      state: 'starting',
      restarts: 0,
      exits: [],
      liveness: initialProbeState(true),
      readiness: initialProbeState(false),
      everReady: false,
      timers: new Set(),
      log: new RotatingLog(logFileFor(this.opts.paths.logs, id), this.opts.logs.maxSizeBytes, this.opts.logs.maxFiles),
      generation: 0,
    };
    this.instances.set(id, inst);
    this.#spawn(inst);
    return inst;
  }

  async #spawn(inst: Instance): Promise<void> {
    const generation = ++inst.generation;
    const cfg = inst.config;
    inst.state = 'starting';
    inst.liveness = initialProbeState(true);
    inst.readiness = initialProbeState(false);
    inst.everReady = false;
    inst.killedForLiveness = false;
    const env: Record<string, string> = {
      ...cfg.env,
      HOST: '127.0.0.1',
      HMSOPS_SERVICE: cfg.name,
      HMSOPS_INSTANCE_ID: inst.id,
      HMSOPS_STATE_DIR: this.opts.paths.root,
      HMSOPS_CONTROL_SOCKET: this.opts.paths.socket,
      HMSOPS_FLEET_TOKEN: this.opts.fleetToken,
      HMSOPS_VERSION: cfg.version,
    };
    let child: ResultPromise;
    const common = { cwd: cfg.cwd, env, extendEnv: true, detached: true, stdin: 'ignore', buffer: false, reject: false, cleanup: false } as const;
    if (cfg.bundled) {
      inst.port = undefined;
      const [file, ...args] = this.opts.bundledCommand(cfg.name);
      Object.assign(env, this.opts.bundledEnv(cfg.name), { PORT: '0' });
      child = execa(file!, args, common);
    } else {
      inst.port = await freePort();
      if (generation !== inst.generation || inst.stopping) return;
      env.PORT = String(inst.port);
      child = execa(cfg.command!, [], { ...common, shell: true });
    }
    inst.child = child;
    inst.pid = child.pid;
    inst.procStart = child.pid ? processStartTime(child.pid) : undefined;
    inst.startedAt = Date.now();
    const out = lineSplitter((lines) => inst.log.writeLines('out', lines));
    const err = lineSplitter((lines) => inst.log.writeLines('err', lines));
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => inst.log.write('sys', `spawn error: ${e.message}`));
    child.on('exit', (code, signal) => {
      out.end();
      err.end();
      this.#onExit(inst, generation, code, signal);
    });
    // execa's promise must be observed; the exit handler does the work.
    child.catch(() => undefined);
    this.#persist();
    this.#event(inst, 'spawned', `pid ${child.pid}`);
    inst.log.write('sys', `started pid ${child.pid}${inst.port ? ` port ${inst.port}` : ''}`);
    if (inst.port) this.#probeSoon(inst, 'readiness', 50);
    this.#probeSoon(inst, 'liveness', cfg.liveness.intervalMs);
  }

  #onExit(inst: Instance, generation: number, code: number | null, signal: NodeJS.Signals | null) {
    if (generation !== inst.generation) return;
    const now = Date.now();
    this.#clearTimers(inst);
    // Anything the program left in its group goes too: no orphans.
    if (inst.pid) signalGroup(inst.pid, 'SIGKILL');
    this.opts.registry.deregister(inst.id);
    inst.lastExit = { code, signal, at: now };
    inst.log.write('sys', `exited code=${code} signal=${signal}`);
    this.#event(inst, 'exited', `code=${code} signal=${signal}`);
    inst.pid = undefined;
    inst.child = undefined;
    this.#persist();
    if (inst.stopping || this.#shuttingDown) return;
    inst.exits.push({ startedAt: inst.startedAt ?? now, exitedAt: now });
    if (inst.exits.length > 50) inst.exits.shift();
    // A bundled program exits 2 for a configuration or usage error (the gateway's port taken):
    // a restart cannot fix it. Programs of the operator's own keep their restart policy.
    const exit: ExitKind = code === 0 && !inst.killedForLiveness ? 'clean' : code === ExitCode.usage && inst.config.bundled ? 'config-error' : 'failed';
    const decision = restartDecision(inst.exits, inst.config.restart, exit, now);
    if (decision.action === 'stay-stopped') {
      inst.state = 'stopped';
      if (decision.reason === 'config-error') {
        inst.log.write('sys', `exited with code ${ExitCode.usage}: a configuration or usage error, which a restart cannot fix; not restarted (see the lines above)`);
        this.#event(inst, 'stopped', 'configuration error (exit 2): not restarted');
      }
    } else if (decision.action === 'crash-loop') {
      inst.state = 'crash-looping';
      this.#event(inst, 'crash-looping', `${inst.exits.length} exits`);
      inst.log.write('sys', 'crash-looping: too many restarts in the window; left stopped');
    } else {
      inst.state = 'restarting';
      this.#event(inst, 'restart-scheduled', `in ${decision.delayMs}ms (attempt ${decision.attempt})`);
      this.#later(inst, decision.delayMs, () => {
        inst.restarts++;
        void this.#spawn(inst);
      });
    }
  }

  async #stopAndRemove(inst: Instance): Promise<void> {
    if (!inst.stopping) inst.stopping = this.#stop(inst);
    await inst.stopping;
    this.instances.delete(inst.id);
    inst.log.close();
    this.#persist();
  }

  async #stop(inst: Instance): Promise<void> {
    this.#clearTimers(inst);
    inst.generation++; // late probe callbacks are ignored from here on
    const pid = inst.pid;
    if (!pid) {
      inst.state = 'stopped';
      return;
    }
    inst.state = 'draining';
    this.#event(inst, 'stopping');
    this.opts.registry.setHealth(inst.id, 'draining');
    if (inst.config.drainDelayMs > 0 && inst.everReady) await sleep(inst.config.drainDelayMs);
    const how = await stopGroup(pid, this.#stopTimeoutOverride ?? inst.config.stopTimeoutMs);
    this.opts.registry.deregister(inst.id);
    inst.log.write('sys', `stopped (${how})`);
    inst.state = 'stopped';
    inst.pid = undefined;
    this.#event(inst, 'stopped', how);
  }

  // ---- probes ----------------------------------------------------------------------------

  #probeSoon(inst: Instance, kind: 'liveness' | 'readiness', delayMs: number) {
    const generation = inst.generation;
    this.#later(inst, delayMs, () => void this.#probe(inst, kind, generation));
  }

  async #probe(inst: Instance, kind: 'liveness' | 'readiness', generation: number) {
    const cfg = kind === 'liveness' ? inst.config.liveness : inst.config.readiness;
    if (!inst.port) {
      this.#probeSoon(inst, kind, kind === 'readiness' ? 50 : cfg.intervalMs);
      return;
    }
    const result = await httpProbe(inst.port, cfg.path, cfg.timeoutMs);
    if (generation !== inst.generation || inst.stopping) return;
    const now = Date.now();
    inst.lastProbe = { kind, ok: result.ok, at: now, detail: result.detail };
    if (kind === 'readiness') {
      const before = inst.readiness.passing;
      inst.readiness = recordProbe(inst.readiness, cfg, result.ok, result.detail, now, inst.startedAt ?? now);
      if (!before && inst.readiness.passing) this.#becameReady(inst);
      if (before && !inst.readiness.passing) this.#becameUnready(inst, result.detail);
      // Until first ready, probe quickly (like a startup probe) so `up` returns soon.
      this.#probeSoon(inst, 'readiness', inst.everReady ? cfg.intervalMs : Math.min(100, cfg.intervalMs));
    } else {
      inst.liveness = recordProbe(inst.liveness, cfg, result.ok, result.detail, now, inst.startedAt ?? now);
      if (!inst.liveness.passing) {
        this.#event(inst, 'liveness-failed', result.detail);
        inst.log.write('sys', `liveness failed ${cfg.failureThreshold} times (${result.detail}); restarting`);
        inst.killedForLiveness = true;
        inst.state = 'unhealthy';
        this.opts.registry.setHealth(inst.id, 'critical');
        const pid = inst.pid;
        if (pid) void stopGroup(pid, inst.config.stopTimeoutMs);
        return;
      }
      this.#probeSoon(inst, 'liveness', cfg.intervalMs);
    }
  }

  #becameReady(inst: Instance) {
    inst.everReady = true;
    inst.state = 'ready';
    if (!inst.config.bundled || !this.opts.registry.list(inst.service).some((e) => e.instanceId === inst.id)) {
      this.opts.registry.register({
        service: inst.service,
        instanceId: inst.id,
        address: '127.0.0.1',
        port: inst.port!,
        version: inst.config.version,
        metadata: inst.config.route ? { route: inst.config.route } : {},
        ttlMs: null,
      });
    }
    this.opts.registry.setHealth(inst.id, 'passing');
    this.#event(inst, 'ready');
  }

  #becameUnready(inst: Instance, detail: string) {
    inst.state = 'unhealthy';
    this.opts.registry.setHealth(inst.id, 'critical');
    this.#event(inst, 'unready', detail);
  }

  // ---- bookkeeping -----------------------------------------------------------------------

  #later(inst: Instance, ms: number, fn: () => void) {
    const t = setTimeout(() => {
      inst.timers.delete(t);
      fn();
    }, ms);
    inst.timers.add(t);
  }

  #clearTimers(inst: Instance) {
    for (const t of inst.timers) clearTimeout(t);
    inst.timers.clear();
  }

  #event(inst: Instance, type: SupervisorEvent['type'], detail?: string) {
    this.events.push({ at: Date.now(), instance: inst.id, service: inst.service, type, detail });
    if (this.events.length > 2000) this.events.splice(0, 500);
  }

  #persist() {
    const file = this.opts.paths.instancesFile;
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(this.persistedInstances()));
    fs.renameSync(`${file}.tmp`, file);
  }
}
