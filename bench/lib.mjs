// Shared by the benchmarks: temp fleets driven through the real CLI, timing, tables, results.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cli = path.join(root, 'bin', 'hmsops');
export const resultsDir = path.join(root, 'bench', 'results');

/**
 * A fleet in a temp dir, run by this checkout's CLI or another's (`cliPath`, to compare builds),
 * on this Node or another (`node`: the daemon and the programs it starts run on the CLI's Node);
 * with `netns`, inside that network namespace (a "host", scripts/netns.mjs).
 */
export function tempFleet(configYaml, cliPath = cli, { netns, node = process.execPath } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-bench-'));
  fs.writeFileSync(path.join(dir, 'hmsops.config.yaml'), configYaml);
  const hmsops = (args, opts = {}) =>
    netns ? run('ip', ['netns', 'exec', netns, node, cliPath, ...args], { cwd: dir, ...opts }) : run(node, [cliPath, ...args], { cwd: dir, ...opts });
  return {
    dir,
    stateDir: path.join(dir, '.hmsops'),
    hmsops,
    async cleanup() {
      await hmsops(['down', '--timeout', '5s']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a command; resolves with exit code, output, wall time and the peak RSS seen (VmHWM, polled). */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    // A big answer (a 1,000,000-recipient receipt) goes to a file instead of a string.
    const sink = opts.stdoutFile ? fs.createWriteStream(opts.stdoutFile) : undefined;
    if (sink) child.stdout.pipe(sink);
    else child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // exited
      }
    }, 20);
    child.on('close', async (code) => {
      clearInterval(poll);
      if (sink) await new Promise((r) => sink.end(r));
      resolve({ code, stdout, stderr, ms: Number(process.hrtime.bigint() - t0) / 1e6, peakRssMb: Math.round(peakKb / 1024) });
    });
  });
}

/** A process's group and the CPU it has used (user + system, in clock ticks), from /proc/PID/stat. */
export function procStat(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pgid: Number(f[2]), cpuTicks: Number(f[11]) + Number(f[12]) };
}
export const TICK_US = 1e6 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function until(fn, timeoutMs = 120_000, everyMs = 20) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn()) return true;
    await sleep(everyMs);
  }
  return false;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

export function printTable(title, rows) {
  const headers = Object.keys(rows[0]);
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(headers.map((h) => r[h])));
}

export function saveResults(name, data) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify({ benchmark: name, at: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, ...data }, null, 2));
  console.log(`\nwrote ${path.relative(root, file)}`);
}

export const verdict = (ok) => (ok ? 'ok' : 'MISSED');

export function hasCommand(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
