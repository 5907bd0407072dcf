/**
 * The supervisor: the fleet's instances and the operations on all of them (apply a config,
 * scale, rolling restart, wait, stop everything, the `ps` view). Each instance's own life
 * (launch, probes, restarts, stop) is InstanceLifecycle's; launching real processes is the
 * launcher's, probing the prober's.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { ServiceConfig } from '../config/types.js';
import type { FleetPlan, InstanceView, SupervisorEvent } from '../control/api.js';
import { HmsopsError } from '../errors/index.js';
import { ChangeSignal } from '../registry/change-signal.js';
import type { Registry } from '../registry/types.js';
import { logFileFor, RotatingLog } from '../state/log-files.js';
import type { StatePaths } from '../state/paths.js';
import { systemClock, type Clock } from './clock.js';
import { instancesToDrain, planFleet } from './fleet-plan.js';
import { type Instance, InstanceLifecycle, type InstanceLog, newInstance } from './instance-lifecycle.js';
import { processLauncher, type Launcher } from './launcher.js';
import { httpProbe, type Prober } from './prober.js';

export interface SupervisorOptions {
  paths: StatePaths;
  registry: Registry;
  fleetToken: string;
  /** Where a service's instances on this host listen and are registered (host.advertise, the gateway's own host; 127.0.0.1 by default). */
  address?: (service: string) => string;
  /** The fleet secret's file every host shares (fleet.secretFile), handed to instances by name. */
  fleetSecretFile?: string | null;
  logs: { maxSizeBytes: number; maxFiles: number };
  /** argv that runs a bundled program (gateway, auth, ...). */
  bundledCommand: (service: string) => string[];
  /** Extra environment for bundled programs (gateway config, smtp url...). */
  bundledEnv: (service: string) => Record<string, string>;
  /** Real processes, HTTP probes, the system clock, log files and the instances file unless a test gives others. */
  launcher?: Launcher;
  prober?: Prober;
  clock?: Clock;
  openLog?: (instanceId: string) => InstanceLog;
  /** Writes down the running pids and groups, so a successor daemon can reap them. */
  persist?: (instances: PersistedInstance[]) => void;
}

export interface PersistedInstance {
  id: string;
  service: string;
  pid: number;
  pgid: number;
  procStart: string | undefined;
}

export class Supervisor {
  readonly services = new Map<string, ServiceConfig>();
  readonly instances = new Map<string, Instance>();
  readonly events: SupervisorEvent[] = [];
  /** Moves on every event (an instance spawned, ready, unready, exited, stopped...): what `GET /v1/instances?after=` blocks on. */
  readonly changes = new ChangeSignal();
  #nextOrdinal = new Map<string, number>();
  /** The last failure to record the pids, said once. */
  #persistFailure: string | undefined;
  readonly #clock: Clock;
  readonly #lifecycle: InstanceLifecycle;

  constructor(private readonly opts: SupervisorOptions) {
    this.#clock = opts.clock ?? systemClock;
    this.#lifecycle = new InstanceLifecycle({
      launcher: opts.launcher ?? processLauncher,
      prober: opts.prober ?? httpProbe,
      clock: this.#clock,
      registry: opts.registry,
      address: (inst) => this.#address(inst.service),
      command: (inst) => {
        if (!inst.config.bundled) return { shell: inst.config.command! };
        const [file, ...args] = opts.bundledCommand(inst.service);
        return { file: file!, args };
      },
      env: (inst) => ({
        ...inst.config.env,
        HOST: this.#address(inst.service),
        HMSOPS_HOST_NAME: opts.registry.host,
        ...(opts.fleetSecretFile ? { HMSOPS_FLEET_SECRET_FILE: opts.fleetSecretFile } : {}),
        HMSOPS_SERVICE: inst.service,
        HMSOPS_INSTANCE_ID: inst.id,
        HMSOPS_STATE_DIR: opts.paths.root,
        HMSOPS_CONTROL_SOCKET: opts.paths.socket,
        HMSOPS_FLEET_TOKEN: opts.fleetToken,
        HMSOPS_VERSION: inst.config.version,
        ...(inst.config.bundled
          ? {
              ...opts.bundledEnv(inst.service),
              HMSOPS_STORE: JSON.stringify(inst.config.store),
              // Node's own compile cache (22.1 and later; 20 ignores it): a restart or another
              // instance starts ~25 % sooner (docs/benchmarks.md). One folder for the fleet.
              NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? path.join(opts.paths.root, 'cache', 'node-compile'),
            }
          : {}),
      }),
      event: (inst, type, detail) => this.#event(inst, type, detail),
      changed: () => this.#persist(),
    });
  }

  #address(service: string): string {
    return this.opts.address?.(service) ?? '127.0.0.1';
  }

  // ---- fleet-level operations -------------------------------------------------------

  /**
   * Moves the fleet to the configured services (all of them, or only those named). `retold`:
   * services whose settings from elsewhere in the config changed, restarted like a redefined one.
   */
  async apply(desired: Record<string, ServiceConfig>, only?: string[], retold: string[] = []): Promise<FleetPlan> {
    const unknown = (only ?? []).filter((s) => !(s in desired));
    if (unknown.length) throw new HmsopsError('UNKNOWN_SERVICE', `not in the config: ${unknown.join(', ')}`);
    const running: Record<string, { config: ServiceConfig; count: number }> = {};
    for (const [name, config] of this.services) running[name] = { config, count: this.#live(name).length };
    const plan = planFleet(running, desired, only);
    for (const name of retold) if (name in desired && !plan.add.includes(name) && !plan.remove.includes(name) && !plan.redefine.includes(name)) plan.redefine.push(name);
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
        void this.#lifecycle.spawn(inst);
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
    const deadline = this.#clock.now() + timeoutMs;
    while (this.#clock.now() < deadline) {
      const insts = ids.map((id) => this.instances.get(id));
      const gone = insts.findIndex((i) => !i);
      if (gone >= 0) return { ready: false, reason: `${ids[gone]} was removed` };
      const bad = insts.find((i) => i!.state === 'crash-looping' || i!.state === 'stopped');
      if (bad) return { ready: false, reason: `${bad.id} is ${bad.state}` };
      if (insts.every((i) => i!.state === 'ready')) return { ready: true };
      await this.#clock.sleep(25);
    }
    return { ready: false, reason: 'timeout' };
  }

  async stopAll(timeoutMs?: number): Promise<void> {
    this.#lifecycle.shuttingDown = true;
    this.#lifecycle.stopTimeoutOverride = timeoutMs;
    await Promise.all([...this.instances.values()].map((i) => this.#stopAndRemove(i)));
    this.services.clear();
  }

  view(): InstanceView[] {
    const now = this.#clock.now();
    return [...this.instances.values()]
      .sort((a, b) => a.service.localeCompare(b.service) || a.ordinal - b.ordinal)
      .map((i) => ({
        id: i.id,
        service: i.service,
        ordinal: i.ordinal,
        pid: i.pid ?? null,
        address: i.port ? `${this.#address(i.service)}:${i.port}` : null,
        state: i.state,
        restarts: i.restarts,
        startedAt: i.startedAt ?? null,
        uptimeMs: i.startedAt && ['starting', 'ready', 'unhealthy', 'draining'].includes(i.state) ? now - i.startedAt : null,
        lastExit: i.lastExit ?? null,
        lastProbe: i.lastProbe ?? null,
        nextAttemptAt: i.nextAttemptAt ?? null,
      }));
  }

  /** The pids and groups the daemon is responsible for, written so a successor can reap them. */
  persistedInstances(): PersistedInstance[] {
    return [...this.instances.values()].filter((i) => i.pid).map((i) => ({ id: i.id, service: i.service, pid: i.pid!, pgid: i.pid!, procStart: i.procStart }));
  }

  /** A bundled program told us the port it listens on (self-registration). */
  onRegistered(instanceId: string, port: number): void {
    const inst = this.instances.get(instanceId);
    if (inst) this.#lifecycle.registered(inst, port);
  }

  // ---- instances ------------------------------------------------------------------------

  #create(config: ServiceConfig): Instance {
    const ordinal = (this.#nextOrdinal.get(config.name) ?? 0) + 1;
    this.#nextOrdinal.set(config.name, ordinal);
    const id = `${config.name}-${ordinal}`;
    const log = this.opts.openLog?.(id) ?? new RotatingLog(logFileFor(this.opts.paths.logs, id), this.opts.logs.maxSizeBytes, this.opts.logs.maxFiles);
    const inst = newInstance(config, ordinal, log);
    this.instances.set(id, inst);
    void this.#lifecycle.spawn(inst);
    return inst;
  }

  async #stopAndRemove(inst: Instance): Promise<void> {
    await this.#lifecycle.stop(inst);
    this.instances.delete(inst.id);
    inst.log.close();
    this.#persist();
    this.changes.changed();
  }

  #event(inst: Instance, type: SupervisorEvent['type'], detail?: string) {
    this.events.push({ at: this.#clock.now(), instance: inst.id, service: inst.service, type, detail });
    if (this.events.length > 2000) this.events.splice(0, 500);
    this.changes.changed();
  }

  /**
   * The instances' pids, for a daemon started after this one died (orphans.ts). A write that fails
   * (the state dir removed under a running fleet, a full disk) is said in the daemon's log, once
   * until one succeeds again, and supervision goes on: throwing here, inside an instance's exit,
   * once left `down` waiting forever on a daemon that could no longer stop.
   */
  #persist() {
    const list = this.persistedInstances();
    try {
      if (this.opts.persist) this.opts.persist(list);
      else {
        const file = this.opts.paths.instancesFile;
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(list));
        fs.renameSync(`${file}.tmp`, file);
      }
      this.#persistFailure = undefined;
    } catch (err) {
      const why = (err as Error).message;
      if (why !== this.#persistFailure) console.error(`hmsopsd: could not record the instances' pids (a daemon started after this one will not find them): ${why}`);
      this.#persistFailure = why;
    }
  }
}
