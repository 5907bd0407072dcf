// `npm run bench -- disburse-1m` (not in the default set: minutes of machine time): 1,000,000
// recipients paid, filed and verified through the gateway on the default store (SQLite). Goal:
// <= 240 s wall, the CLI's peak RSS <= 300 MB; each service instance's peak RSS reported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ControlClient } from '../dist/src/control/client.js';
import { statePaths } from '../dist/src/state/paths.js';
import { printTable, run, saveResults, tempFleet, verdict } from './lib.mjs';

const N = Number(process.env.BENCH_1M ?? 1_000_000);

/** Peak RSS (VmHWM) of each instance of the fleet, read while it still runs. */
async function instancePeaks(fleet) {
  const ps = JSON.parse((await fleet.hmsops(['ps', '--json'])).stdout);
  const peaks = {};
  for (const i of ps.instances) {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${i.pid}/status`, 'utf8'));
      if (m) peaks[i.id] = Math.round(Number(m[1]) / 1024);
    } catch {
      peaks[i.id] = null;
    }
  }
  return peaks;
}

export async function benchDisburse1m() {
  const fleet = tempFleet('version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: { instances: 2 }\n  analytics: {}\n  messaging: {}\n  mail-sink: {}\n');
  let out;
  try {
    const up = await fleet.hmsops(['up']);
    if (up.code !== 0) throw new Error(up.stderr);
    // The grant is the same every run (seeded): generated once (it takes minutes) and kept in the temp dir.
    const file = path.join(os.tmpdir(), `hmsops-bench-grant-${N}.yaml`);
    if (!fs.existsSync(file)) {
      const gen = await fleet.hmsops(['fixtures', 'grant', '--recipients', String(N), '--seed', '1000000', '--id', `BENCH-${N}`, '--out', `${file}.tmp`]);
      if (gen.code !== 0) throw new Error(gen.stderr);
      fs.renameSync(`${file}.tmp`, file);
    }
    const receiptFile = path.join(fleet.dir, 'receipt.json');
    const r = await run(process.execPath, [path.resolve('bin/hmsops'), 'disburse', '--grant', file, '--json'], { cwd: fleet.dir, stdoutFile: receiptFile });
    const receipt = r.code === 0 || r.code === 5 ? JSON.parse(fs.readFileSync(receiptFile, 'utf8')) : undefined;
    // Exit 5: every payment made and filed, some notices pending (`--resume` finishes them): reported, not hidden.
    if (!receipt) {
      // Why, before the fleet goes: the fleet's restarts and probe failures.
      const { events } = await new ControlClient(statePaths(fleet.stateDir).socket).call('GET /v1/events');
      const notable = events.filter((e) => !/^(started|ready|registered)$/.test(e.type)).slice(-20);
      throw new Error(`disburse exited ${r.code}: ${r.stderr.slice(-2000)}\n${JSON.stringify(notable, null, 1)}`);
    }
    const entries = receipt.files.reduce((s, f) => s + f.entries, 0);
    if (receipt.totals.paidNow !== N || entries !== N || !receipt.files.every((f) => f.valid)) throw new Error('receipt does not add up');
    const { events } = await new ControlClient(statePaths(fleet.stateDir).socket).call('GET /v1/events');
    const count = (type) => events.filter((e) => e.type === type).length;
    out = {
      recipients: N,
      exitCode: r.code,
      pendingNotices: receipt.pending.email,
      pendingAnalytics: receipt.pending.analytics,
      unready: count('unready'),
      livenessKills: count('liveness-failed'),
      wallMs: r.ms,
      cliPeakRssMb: r.peakRssMb,
      files: receipt.files.length,
      grantFileMb: Math.round(fs.statSync(file).size / 1e6),
      instancePeakRssMb: await instancePeaks(fleet),
    };
  } finally {
    await fleet.cleanup();
  }
  printTable(`disburse-1m (one run, through the gateway, SQLite, ach x2)`, [
    {
      measure: `${N.toLocaleString('en-US')} recipients paid, filed and verified`,
      value: `${(out.wallMs / 1000).toFixed(1)} s`,
      goal: '<= 240 s',
      result: verdict(out.wallMs <= 240_000),
    },
    { measure: "the CLI's peak RSS", value: `${out.cliPeakRssMb} MB`, goal: '<= 300 MB', result: verdict(out.cliPeakRssMb <= 300) },
    { measure: 'NACHA files (each verified by the CLI)', value: String(out.files), goal: '', result: '' },
    { measure: 'notices and analytics events left pending (exit 5)', value: `${out.pendingNotices}, ${out.pendingAnalytics}`, goal: '0, 0', result: verdict(out.exitCode === 0) },
    { measure: 'instances gone unready / killed on liveness during the run', value: `${out.unready} / ${out.livenessKills}`, goal: '', result: '' },
    ...Object.entries(out.instancePeakRssMb).map(([id, mb]) => ({ measure: `  peak RSS of ${id}`, value: `${mb} MB`, goal: '', result: '' })),
  ]);
  saveResults('disburse-1m', out);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDisburse1m();
