/**
 * One instance's life: launch, probes, ready and unready, exit and restart with backoff, drain
 * and stop. Processes, probes, time and logs come in as interfaces (launcher, prober, clock,
 * log), so this state machine is unit-tested with fakes (test/unit/instance-lifecycle.test.ts)
 * and run for real by the supervisor.
 */
import type { ServiceConfig } from '../config/types.js';
import type { InstanceState, InstanceView, SupervisorEvent } from '../control/api.js';
import { ExitCode } from '../errors/index.js';
import type { Registry } from '../registry/types.js';
import type { Clock } from './clock.js';
import type { LaunchedProcess, Launcher } from './launcher.js';
import { initialProbeState, recordProbe, type ProbeState } from './probe-state.js';
import type { Prober } from './prober.js';
import { restartDecision, type ExitKind, type ExitRecord } from './restart-backoff.js';

/** Where an instance's own lines go (its rotating log file under logs/). */
export interface InstanceLog {
  write(stream: 'out' | 'err' | 'sys', text: string): void;
  writeLines(stream: 'out' | 'err' | 'sys', lines: string[]): void;
  close(): void;
}

export interface Instance {
  id: string;
  service: string;
  ordinal: number;
  config: ServiceConfig;
  state: InstanceState;
  process?: LaunchedProcess;
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
  timers: Set<unknown>;
  stopping?: Promise<void>;
  /** Set when the supervisor itself killed the process (liveness failure): counts as a failure. */
  killedForLiveness?: boolean;
  log: InstanceLog;
  /** Incremented on each spawn so late callbacks of an old process are ignored. */
  generation: number;
  /** Crash-looping: when it is tried again. */
  nextAttemptAt?: number;
}

export interface LifecycleDeps {
  launcher: Launcher;
  prober: Prober;
  clock: Clock;
  registry: Registry;
  /** The address an instance listens on and is registered at (host.advertise). */
  address: (inst: Instance) => string;
  /** What a launch of this instance runs: a packaged program's argv, or the config's shell command. */
  command: (inst: Instance) => { file: string; args: string[] } | { shell: string };
  /** The environment of a launch (the fleet's variables, a bundled program's extras). */
  env: (inst: Instance) => Record<string, string>;
  event: (inst: Instance, type: SupervisorEvent['type'], detail?: string) => void;
  /** The set of running pids changed: the supervisor writes them down for a successor. */
  changed: () => void;
}

export function newInstance(config: ServiceConfig, ordinal: number, log: InstanceLog): Instance {
  return {
    id: `${config.name}-${ordinal}`,
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
    log,
    generation: 0,
  };
}

export class InstanceLifecycle {
  /** The whole fleet is stopping: an exit is not restarted. */
  shuttingDown = false;
  /** `down --timeout`: replaces each service's stopTimeout while shutting down. */
  stopTimeoutOverride: number | undefined;

  constructor(private readonly deps: LifecycleDeps) {}

  /**
   * Starts the instance's program. Never rejects: a launch that fails (no free port, a command
   * that cannot be spawned) leaves the instance stopped with the reason in its log, and the
   * daemon running.
   */
  async spawn(inst: Instance): Promise<void> {
    try {
      await this.#launch(inst);
    } catch (err) {
      inst.state = 'stopped';
      inst.log.write('sys', `could not start: ${(err as Error).message}`);
      this.deps.event(inst, 'stopped', `could not start: ${(err as Error).message}`);
    }
  }

  async #launch(inst: Instance): Promise<void> {
    const { launcher, clock } = this.deps;
    const generation = ++inst.generation;
    const cfg = inst.config;
    inst.state = 'starting';
    inst.liveness = initialProbeState(true);
    inst.readiness = initialProbeState(false);
    inst.everReady = false;
    inst.killedForLiveness = false;
    const env = this.deps.env(inst);
    if (cfg.bundled) {
      // A bundled program listens on a port of its own choosing and registers it.
      inst.port = undefined;
      env.PORT = '0';
    } else {
      inst.port = await launcher.freePort();
      if (generation !== inst.generation || inst.stopping) return;
      env.PORT = String(inst.port);
    }
    const proc = launcher.launch({
      command: this.deps.command(inst),
      cwd: cfg.cwd,
      env,
      onLines: (stream, lines) => inst.log.writeLines(stream, lines),
      onError: (e) => inst.log.write('sys', `spawn error: ${e.message}`),
      onExit: (code, signal) => this.#onExit(inst, generation, code, signal),
    });
    inst.process = proc;
    inst.pid = proc.pid;
    inst.procStart = proc.procStart;
    inst.startedAt = clock.now();
    this.deps.changed();
    this.deps.event(inst, 'spawned', `pid ${proc.pid}`);
    inst.log.write('sys', `started pid ${proc.pid}${inst.port ? ` port ${inst.port}` : ''}`);
    if (inst.port) this.#probeSoon(inst, 'readiness', 50);
    this.#probeSoon(inst, 'liveness', cfg.liveness.intervalMs);
  }

  /** A bundled program told us the port it listens on (self-registration). */
  registered(inst: Instance, port: number): void {
    if (inst.port === port) return;
    inst.port = port;
    this.deps.event(inst, 'registered', `port ${port}`);
    this.#probeSoon(inst, 'readiness', 0);
  }

  /** Drains (registry first, then drainDelay) and stops the process group; idempotent. */
  stop(inst: Instance): Promise<void> {
    inst.stopping ??= this.#stop(inst);
    return inst.stopping;
  }

  #onExit(inst: Instance, generation: number, code: number | null, signal: NodeJS.Signals | null) {
    if (generation !== inst.generation) return;
    const now = this.deps.clock.now();
    this.#clearTimers(inst);
    // Anything the program left in its group goes too: no orphans.
    inst.process?.killGroup();
    this.#registry((r) => r.deregister(inst.id));
    inst.lastExit = { code, signal, at: now };
    inst.log.write('sys', `exited code=${code} signal=${signal}`);
    this.deps.event(inst, 'exited', `code=${code} signal=${signal}`);
    inst.pid = undefined;
    inst.process = undefined;
    this.deps.changed();
    if (inst.stopping || this.shuttingDown) return;
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
        this.deps.event(inst, 'stopped', 'configuration error (exit 2): not restarted');
      }
    } else if (decision.action === 'crash-loop') {
      inst.state = 'crash-looping';
      inst.nextAttemptAt = now + decision.delayMs;
      this.deps.event(inst, 'crash-looping', `${inst.exits.length} exits; next attempt in ${Math.round(decision.delayMs / 1000)}s`);
      inst.log.write('sys', `crash-looping: too many restarts in the window; trying again in ${Math.round(decision.delayMs / 1000)}s`);
      this.#later(inst, decision.delayMs, () => {
        inst.nextAttemptAt = undefined;
        inst.restarts++;
        void this.spawn(inst);
      });
    } else {
      inst.state = 'restarting';
      this.deps.event(inst, 'restart-scheduled', `in ${decision.delayMs}ms (attempt ${decision.attempt})`);
      this.#later(inst, decision.delayMs, () => {
        inst.restarts++;
        void this.spawn(inst);
      });
    }
  }

  async #stop(inst: Instance): Promise<void> {
    this.#clearTimers(inst);
    inst.generation++; // late probe callbacks are ignored from here on
    const proc = inst.process;
    if (!inst.pid || !proc) {
      inst.state = 'stopped';
      return;
    }
    inst.state = 'draining';
    this.deps.event(inst, 'stopping');
    this.#registry((r) => r.setHealth(inst.id, 'draining'));
    if (inst.config.drainDelayMs > 0 && inst.everReady) await this.deps.clock.sleep(inst.config.drainDelayMs);
    const how = await proc.stop(this.stopTimeoutOverride ?? inst.config.stopTimeoutMs);
    this.#registry((r) => r.deregister(inst.id));
    inst.log.write('sys', `stopped (${how})`);
    inst.state = 'stopped';
    inst.pid = undefined;
    this.deps.event(inst, 'stopped', how);
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
    const result = await this.deps.prober(this.deps.address(inst), inst.port, cfg.path, cfg.timeoutMs);
    if (generation !== inst.generation || inst.stopping) return;
    const now = this.deps.clock.now();
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
        this.deps.event(inst, 'liveness-failed', result.detail);
        inst.log.write('sys', `liveness failed ${cfg.failureThreshold} times (${result.detail}); restarting`);
        inst.killedForLiveness = true;
        inst.state = 'unhealthy';
        this.#registry((r) => r.setHealth(inst.id, 'critical'));
        void inst.process?.stop(inst.config.stopTimeoutMs);
        return;
      }
      this.#probeSoon(inst, 'liveness', cfg.intervalMs);
    }
  }

  #becameReady(inst: Instance) {
    inst.everReady = true;
    inst.state = 'ready';
    if (!inst.config.bundled || !this.deps.registry.hasLocal(inst.id)) {
      this.#registry((r) =>
        r.register({
          service: inst.service,
          instanceId: inst.id,
          address: this.deps.address(inst),
          port: inst.port!,
          version: inst.config.version,
          metadata: inst.config.route ? { route: inst.config.route } : {},
          ttlMs: null,
        }),
      );
    }
    this.#registry((r) => r.setHealth(inst.id, 'passing'));
    this.deps.event(inst, 'ready');
  }

  #becameUnready(inst: Instance, detail: string) {
    inst.state = 'unhealthy';
    this.#registry((r) => r.setHealth(inst.id, 'critical'));
    this.deps.event(inst, 'unready', detail);
  }

  /**
   * A registry write. Both backends apply it to this host's table before they return (so writes
   * keep their order); the promise covers publishing it, which the backend retries on its own.
   */
  #registry(write: (r: Registry) => Promise<unknown>) {
    write(this.deps.registry).catch(() => undefined);
  }

  // ---- timers ----------------------------------------------------------------------------

  #later(inst: Instance, ms: number, fn: () => void) {
    const { clock } = this.deps;
    const t = clock.setTimeout(() => {
      inst.timers.delete(t);
      fn();
    }, ms);
    inst.timers.add(t);
  }

  #clearTimers(inst: Instance) {
    for (const t of inst.timers) this.deps.clock.clearTimeout(t);
    inst.timers.clear();
  }
}
