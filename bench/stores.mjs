// The store backends side by side in one run: batch-submit 10,000 transfers through the gateway
// (median of 3) and disburse 100,000 recipients, on SQLite and on PostgreSQL (a server of its own
// with PostgreSQL's durable defaults, on this machine). Goal: PostgreSQL within 1.5x of SQLite's
// time for both, with the CLI's peak RSS unchanged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../dist/src/sdk/index.js';
import { createDatabase, startPostgres } from '../scripts/postgres-server.mjs';
import { transferItems } from './ach.mjs';
import { disburseGenerated } from './disburse.mjs';
import { median, printTable, saveResults, tempFleet, verdict } from './lib.mjs';

const FLEET = 'version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: { instances: 2 }\n  analytics: {}\n  messaging: {}\n  mail-sink: {}\n';

async function measure(storeConfig, big) {
  const fleet = tempFleet(storeConfig + FLEET);
  try {
    const up = await fleet.hmsops(['up']);
    if (up.code !== 0) throw new Error(up.stderr);
    const client = await connect({ stateDir: fleet.stateDir });
    await client.auth.me();
    const submits = [];
    for (let round = 0; round < 3; round++) {
      const t0 = process.hrtime.bigint();
      const res = await client.payments.transferBatch(transferItems(`S${round}`, `STORE-${round}`, 10_000));
      submits.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.created !== 10_000) throw new Error(`created ${res.created}`);
    }
    await client.close();
    const d = await disburseGenerated(fleet, big);
    return { submit10kMs: median(submits), disburseMs: d.ms, cliPeakRssMb: d.peakRssMb, submits };
  } finally {
    await fleet.cleanup();
  }
}

export async function benchStores({ big = Number(process.env.BENCH_BIG ?? 100_000) } = {}) {
  const sqlite = await measure('', big);
  const server = await startPostgres({ durable: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-bench-pg-'));
  let postgres;
  try {
    const db = await createDatabase(server, dir);
    postgres = await measure(`store: { backend: postgres, url: "${db.url}", passwordFile: "${db.passwordFile}" }\n`, big);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ratio = (a, b) => b / a;
  const rows = [
    ['batch-submit 10,000 transfers through the gateway', 'submit10kMs', 'ms'],
    [`disburse ${big.toLocaleString('en-US')} recipients (paid and filed)`, 'disburseMs', 'ms'],
  ].map(([measure, key]) => ({
    measure,
    sqlite: `${(sqlite[key] / 1000).toFixed(2)} s`,
    postgres: `${(postgres[key] / 1000).toFixed(2)} s`,
    'postgres / sqlite': `${ratio(sqlite[key], postgres[key]).toFixed(2)}x`,
    goal: '<= 1.5x',
    result: verdict(ratio(sqlite[key], postgres[key]) <= 1.5),
  }));
  rows.push({
    measure: "  the CLI's peak RSS in that disbursement",
    sqlite: `${sqlite.cliPeakRssMb} MB`,
    postgres: `${postgres.cliPeakRssMb} MB`,
    'postgres / sqlite': `${ratio(sqlite.cliPeakRssMb, postgres.cliPeakRssMb).toFixed(2)}x`,
    goal: 'unchanged (<= 1.1x)',
    result: verdict(ratio(sqlite.cliPeakRssMb, postgres.cliPeakRssMb) <= 1.1),
  });
  printTable('stores (fleet of 6 instances + gateway; 2 ACH instances; PostgreSQL with fsync on, same machine)', rows);
  saveResults('stores', { results: { sqlite, postgres } });
  return { sqlite, postgres };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStores();
