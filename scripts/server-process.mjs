/**
 * The life of a server a test starts (etcd, sshd): launched with its output in a log file,
 * waited for until it answers, SIGKILLed to take it away (`halt`) and launched again (`resume`),
 * and stopped with its files removed by `stop()`, or when the test process exits without
 * calling it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/**
 * @param {{ what: string, argv: string[], logFile: string, ready: () => Promise<boolean>, remove: () => void }} opts
 * argv: the program and its arguments; ready: resolves true once the server answers (false: it did not start);
 * remove: deletes what the server had on disk
 */
export async function serverProcess(opts) {
  let child;
  const launch = async () => {
    const log = fs.openSync(opts.logFile, 'a');
    const [file, ...args] = opts.argv;
    child = spawn(file, args, { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    if (!(await opts.ready())) throw new Error(`${opts.what} did not start: ${fs.readFileSync(opts.logFile, 'utf8').slice(-2000)}`);
  };
  const kill = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  let stopped = false;
  const atExit = () => {
    if (stopped) return;
    try {
      child?.kill('SIGKILL');
    } catch {
      // gone
    }
    opts.remove();
  };
  process.once('exit', atExit);
  try {
    await launch();
  } catch (err) {
    await kill();
    opts.remove();
    process.off('exit', atExit);
    throw err;
  }
  return {
    halt: kill,
    resume: launch,
    log: () => (fs.existsSync(opts.logFile) ? fs.readFileSync(opts.logFile, 'utf8') : ''),
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', atExit);
      await kill();
      opts.remove();
    },
  };
}
