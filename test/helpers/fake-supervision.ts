/** Fakes of what the supervisor's lifecycle uses (clock, launcher, prober, logs), for unit tests without processes. */
import type { Clock } from '../../src/daemon/clock.js';
import type { InstanceLog } from '../../src/daemon/instance-lifecycle.js';
import type { LaunchedProcess, Launcher, LaunchSpec, StopOutcome } from '../../src/daemon/launcher.js';
import type { ProbeResult } from '../../src/daemon/prober.js';

const flush = () => new Promise<void>((r) => setImmediate(r));

interface FakeTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/** Time that moves only in advance(): due timers run in order, and promises settle between them. */
export class FakeClock implements Clock {
  #now = 1_800_000_000_000;
  #seq = 0;
  #timers = new Set<FakeTimer>();

  now() {
    return this.#now;
  }
  setTimeout(fn: () => void, ms: number): FakeTimer {
    const t = { at: this.#now + Math.max(0, ms), seq: this.#seq++, fn };
    this.#timers.add(t);
    return t;
  }
  clearTimeout(timer: unknown) {
    this.#timers.delete(timer as FakeTimer);
  }
  sleep(ms: number) {
    return new Promise<void>((r) => this.setTimeout(r, ms));
  }
  async advance(ms: number) {
    const end = this.#now + ms;
    for (;;) {
      await flush();
      const due = [...this.#timers].filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.#timers.delete(due);
      this.#now = due.at;
      due.fn();
    }
    this.#now = end;
    await flush();
  }
}

export class FakeProcess implements LaunchedProcess {
  procStart = 'fake';
  exited = false;
  stops: number[] = [];
  groupKilled = false;
  constructor(
    readonly spec: LaunchSpec,
    readonly pid: number,
  ) {}
  /** The program ends by itself. */
  exit(code: number | null, signal: NodeJS.Signals | null = null) {
    if (this.exited) return;
    this.exited = true;
    this.spec.onExit(code, signal);
  }
  async stop(timeoutMs: number): Promise<StopOutcome> {
    this.stops.push(timeoutMs);
    if (this.exited) return 'gone';
    this.exit(null, 'SIGTERM');
    return 'terminated';
  }
  killGroup() {
    this.groupKilled = true;
  }
}

export class FakeLauncher implements Launcher {
  readonly launched: FakeProcess[] = [];
  #pid = 1000;
  #port = 40_000;
  async freePort() {
    return this.#port++;
  }
  launch(spec: LaunchSpec) {
    const p = new FakeProcess(spec, ++this.#pid);
    this.launched.push(p);
    return p;
  }
  /** The latest process launched for an instance (by its HMSOPS_INSTANCE_ID). */
  latest(instanceId: string): FakeProcess {
    const p = this.launched.filter((x) => x.spec.env.HMSOPS_INSTANCE_ID === instanceId).at(-1);
    if (!p) throw new Error(`${instanceId} was never launched`);
    return p;
  }
}

/** Answers probes by port: healthy unless told otherwise. */
export class FakeProber {
  readonly failing = new Set<number>();
  calls = 0;
  readonly probe = async (_host: string, port: number): Promise<ProbeResult> => {
    this.calls++;
    return this.failing.has(port) ? { ok: false, detail: 'HTTP 503' } : { ok: true, detail: 'HTTP 200' };
  };
}

export class MemoryLog implements InstanceLog {
  readonly lines: string[] = [];
  closed = false;
  write(stream: string, text: string) {
    this.lines.push(`${stream} ${text}`);
  }
  writeLines(stream: string, lines: string[]) {
    for (const l of lines) this.write(stream, l);
  }
  close() {
    this.closed = true;
  }
}
