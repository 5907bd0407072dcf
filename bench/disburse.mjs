// Disbursement at scale through the real fleet: 10,000 recipients paid and filed, all 10,000 notices
// in the mail sink, then 100,000 recipients with the CLI's peak RSS.
import fs from 'node:fs';
import path from 'node:path';
import { connect } from '../dist/src/sdk/index.js';
import { printTable, saveResults, tempFleet, until, verdict } from './lib.mjs';

async function sinkCount(client, domain) {
  return (await client.call('GET', `/mail/v1/messages:count?domain=${domain}`)).count;
}

/** A generated grant of `n` recipients disbursed through the fleet's gateway; throws unless every one is paid and filed in valid files. */
export async function disburseGenerated(fleet, n) {
  const file = path.join(fleet.dir, `grant-${n}.yaml`);
  const gen = await fleet.hmsops(['fixtures', 'grant', '--recipients', String(n), '--seed', String(n), '--id', `BENCH-${n}`, '--out', file]);
  if (gen.code !== 0) throw new Error(gen.stderr);
  try {
    const r = await fleet.hmsops(['disburse', '--grant', file, '--json']);
    if (r.code !== 0) throw new Error(`disburse exited ${r.code}: ${r.stderr.slice(-2000)}`);
    const receipt = JSON.parse(r.stdout);
    if (receipt.totals.paidNow !== n || receipt.files.reduce((s, f) => s + f.entries, 0) !== n || !receipt.files.every((f) => f.valid)) throw new Error('receipt does not add up');
    return r;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

export async function benchDisburse({ big = Number(process.env.BENCH_BIG ?? 100_000) } = {}) {
  const fleet = tempFleet('version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: { instances: 2 }\n  analytics: {}\n  messaging: {}\n  mail-sink: {}\n');
  const out = {};
  try {
    const up = await fleet.hmsops(['up']);
    if (up.code !== 0) throw new Error(up.stderr);
    const client = await connect({ stateDir: fleet.stateDir });
    for (const n of [10_000, big]) {
      const r = await disburseGenerated(fleet, n);
      const paidMs = r.ms;
      const paidAt = Date.now();
      // Notices: count what the mail sink holds for this grant's recipients (r<i>@grantee.example, shared across runs).
      const before = n === 10_000 ? 0 : 10_000;
      const delivered = await until(async () => (await sinkCount(client, 'grantee.example')) >= before + n, 600_000, 250);
      const mailMs = paidMs + (Date.now() - paidAt); // from the start of the disbursement
      out[n] = { paidAndFiledMs: paidMs, allNoticesInSinkMs: delivered ? mailMs : null, cliPeakRssMb: r.peakRssMb };
    }
    await client.close();
  } finally {
    await fleet.cleanup();
  }
  const a = out[10_000];
  const b = out[big];
  printTable('disburse (one run each, through the gateway, fleet of 6 instances + gateway)', [
    { measure: '10,000 recipients paid and filed (CLI wall time)', value: `${(a.paidAndFiledMs / 1000).toFixed(1)} s`, goal: '<= 5 s', result: verdict(a.paidAndFiledMs <= 5000) },
    {
      measure: '10,000 notices in the mail sink (from start)',
      value: a.allNoticesInSinkMs ? `${(a.allNoticesInSinkMs / 1000).toFixed(1)} s` : 'not all',
      goal: '<= 15 s',
      result: verdict(a.allNoticesInSinkMs && a.allNoticesInSinkMs <= 15_000),
    },
    {
      measure: `${big.toLocaleString('en-US')} recipients paid and filed`,
      value: `${(b.paidAndFiledMs / 1000).toFixed(1)} s`,
      goal: '<= 60 s',
      result: verdict(b.paidAndFiledMs <= 60_000),
    },
    { measure: "  the CLI's peak RSS", value: `${b.cliPeakRssMb} MB`, goal: '<= 300 MB', result: verdict(b.cliPeakRssMb <= 300) },
    {
      measure: `  all ${big.toLocaleString('en-US')} notices in the sink`,
      value: b.allNoticesInSinkMs ? `${(b.allNoticesInSinkMs / 1000).toFixed(1)} s` : 'not all',
      goal: '',
      result: '',
    },
  ]);
  saveResults('disburse', { results: out });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDisburse();
