/**
 * Launching one program (as pm2's ForkMode apart from its God): a process in a group of its own,
 * its output as lines, its exit, and stopping or killing its whole group. The supervisor decides
 * when; this only does.
 */
import net from 'node:net';
import { execa } from 'execa';
import { lineSplitter } from '../state/log-files.js';
import { processStartTime, signalGroup, stopGroup } from './process-group.js';

export interface LaunchSpec {
  /** argv of a packaged program, or a shell command line. */
  command: { file: string; args: string[] } | { shell: string };
  cwd: string;
  env: Record<string, string>;
  onLines: (stream: 'out' | 'err', lines: string[]) => void;
  onError: (err: Error) => void;
  /** Once, after the process ended and its output was read. */
  onExit: (code: number | null, signal: NodeJS.Signals | null) => void;
}

export type StopOutcome = 'terminated' | 'killed' | 'gone';

export interface LaunchedProcess {
  pid: number | undefined;
  /** The pid's start time, so a successor daemon never signals a reused pid. */
  procStart: string | undefined;
  /** SIGTERM to the group, SIGKILL to what is left after timeoutMs; resolves when the group is gone. */
  stop(timeoutMs: number): Promise<StopOutcome>;
  /** SIGKILL to whatever is left in the group (after the program itself exited). */
  killGroup(): void;
}

export interface Launcher {
  /** A free loopback port for a program that is told its port (PORT). */
  freePort(): Promise<number>;
  launch(spec: LaunchSpec): LaunchedProcess;
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

/** Real processes: detached (own process group), stdin closed, output split into lines. */
export const processLauncher: Launcher = {
  freePort,
  launch(spec) {
    const common = { cwd: spec.cwd, env: spec.env, extendEnv: true, detached: true, stdin: 'ignore', buffer: false, reject: false, cleanup: false } as const;
    const child = 'shell' in spec.command ? execa(spec.command.shell, [], { ...common, shell: true }) : execa(spec.command.file, spec.command.args, common);
    const out = lineSplitter((lines) => spec.onLines('out', lines));
    const err = lineSplitter((lines) => spec.onLines('err', lines));
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => spec.onError(e));
    child.on('exit', (code, signal) => {
      out.end();
      err.end();
      spec.onExit(code, signal);
    });
    // execa's promise must be observed; the exit handler does the work.
    child.catch(() => undefined);
    const pid = child.pid;
    return {
      pid,
      procStart: pid ? processStartTime(pid) : undefined,
      stop: (timeoutMs) => (pid ? stopGroup(pid, timeoutMs) : Promise.resolve('gone')),
      killGroup: () => {
        if (pid) signalGroup(pid, 'SIGKILL');
      },
    };
  },
};
