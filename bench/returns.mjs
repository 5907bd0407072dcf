// Returns: a 10,000-recipient grant paid, then a return file of 10,000 entries (every payment
// returned, R03, written with the project's own NACHA writer as the bank would) imported with
// `hmsops ach import`: recorded, matched, analytics told and 10,000 notices queued. Then the same
// file again (nothing recorded twice), and `hmsops reconcile`.
import fs from 'node:fs';
import path from 'node:path';
import { buildReturnFile } from '../dist/src/nacha/index.js';
import { disburseGenerated } from './disburse.mjs';
import { connect } from '../dist/src/sdk/index.js';
import { printTable, saveResults, tempFleet, until, verdict } from './lib.mjs';

const N = Number(process.env.BENCH_RETURNS ?? 10_000);
const RDFI = '01100001';

const returnFile = (transfers) =>
  buildReturnFile(
    transfers.map((t) => ({ originalTrace: t.traceNumber, amountCents: t.amountCents, code: 'R03' })),
    { rdfi: RDFI, odfiRouting: '021000021', companyName: 'BENCH', companyId: '1234567890' },
  );

export async function benchReturns() {
  const fleet = tempFleet('version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: { instances: 2 }\n  analytics: {}\n  messaging: {}\n  mail-sink: {}\n');
  try {
    const up = await fleet.hmsops(['up']);
    if (up.code !== 0) throw new Error(up.stderr);
    await disburseGenerated(fleet, N);
    const list = await fleet.hmsops(['disbursements', 'show', `BENCH-${N}`, '--json'], { stdoutFile: path.join(fleet.dir, 'show.json') });
    if (list.code !== 0) throw new Error(list.stderr);
    const { transfers } = JSON.parse(fs.readFileSync(path.join(fleet.dir, 'show.json'), 'utf8'));
    // Returns come days after the payments: the fleet is idle again (the grant's notices delivered).
    const client = await connect({ stateDir: fleet.stateDir });
    const delivered = await until(async () => ((await client.messaging.list({ keyPrefix: `BENCH-${N}:`, countsOnly: true })).counts.sent ?? 0) >= N, 300_000, 500);
    await client.close();
    if (!delivered) throw new Error("the grant's notices were not delivered");
    // The operator logged in once (a session, as `hmsops login` keeps it): the import does not pay
    // for scrypt's deliberately slow password check (~0.4 s) each time.
    const { username, password } = JSON.parse(fs.readFileSync(path.join(fleet.stateDir, 'credentials.json'), 'utf8'));
    const login = await fleet.hmsops(['login', '--user', username], { env: { HMSOPS_PASSWORD: password } });
    if (login.code !== 0) throw new Error(login.stderr);
    const file = path.join(fleet.dir, 'RET-BENCH.ach');
    fs.writeFileSync(file, returnFile(transfers));
    const first = await fleet.hmsops(['ach', 'import', file, '--json'], { stdoutFile: path.join(fleet.dir, 'import.json') });
    if (first.code !== 0) throw new Error(`import exited ${first.code}: ${first.stderr.slice(-2000)}`);
    const imported = JSON.parse(fs.readFileSync(path.join(fleet.dir, 'import.json'), 'utf8'));
    const matched = imported.records.filter((r) => r.transferId).length;
    if (matched !== N) throw new Error(`${matched} of ${N} matched`);
    const again = await fleet.hmsops(['ach', 'import', file, '--json'], { stdoutFile: path.join(fleet.dir, 'again.json') });
    if (again.code !== 0 || !JSON.parse(fs.readFileSync(path.join(fleet.dir, 'again.json'), 'utf8')).alreadyImported) throw new Error('the second import recorded again');
    const rec = await fleet.hmsops(['reconcile', `BENCH-${N}`, '--json']);
    const balance = JSON.parse(rec.stdout);
    if (rec.code !== 0 || balance.returned.count !== N) throw new Error(`reconcile: ${rec.stdout.slice(0, 2000)}`);
    const r = { entries: N, importMs: Math.round(first.ms), importAgainMs: Math.round(again.ms), reconcileMs: Math.round(rec.ms), importPeakRssMb: first.peakRssMb };
    printTable(`returns (${N.toLocaleString('en-US')} entries, every payment of the grant returned; CLI wall time)`, [
      {
        measure: 'ach import: read, recorded, matched, analytics, notices queued',
        value: `${(r.importMs / 1000).toFixed(2)} s`,
        goal: '<= 3 s',
        result: verdict(r.importMs <= 3000),
      },
      { measure: 'the same file again (nothing recorded)', value: `${(r.importAgainMs / 1000).toFixed(2)} s`, goal: '', result: '' },
      { measure: 'reconcile (10,000 returned, balanced)', value: `${(r.reconcileMs / 1000).toFixed(2)} s`, goal: '', result: '' },
      { measure: 'ach import peak RSS', value: `${r.importPeakRssMb} MB`, goal: '', result: '' },
    ]);
    saveResults('returns', { results: r });
    return r;
  } finally {
    await fleet.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReturns();
