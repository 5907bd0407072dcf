// ACH: write 100,000 NACHA entries; read+validate the 500,000-entry file (time, peak RSS) in its own
// process; batch-submit 10,000 transfers through the gateway.
import path from 'node:path';
import { connect } from '../dist/src/sdk/index.js';
import { abaCheckDigit, buildNachaFile, readNachaFile, serializeNachaFile } from '../dist/src/nacha/index.js';
import { cli, median, printTable, root, run, saveResults, tempFleet, verdict } from './lib.mjs';

const large = path.resolve(root, '..', 'shared', 'conformance', 'moov-ach', 'large', 'PPD-2500-batches-500000-entries.ach.gz');

function writeEntries(n) {
  const entries = Array.from({ length: n }, (_, i) => {
    const r8 = String(10000000 + (i % 80000000)).padStart(8, '0');
    return { transactionCode: 22, routing: r8 + abaCheckDigit(r8), account: String(1000000 + i), amountCents: 100 + (i % 100000), idNumber: `R-${i}`, name: `RECIPIENT ${i}` };
  });
  const batches = [];
  for (let i = 0; i < n; i += 10_000)
    batches.push({
      companyName: 'US DEPT OF LABOR',
      companyId: '1234567890',
      secCode: 'CCD',
      entryDescription: 'GRANT',
      effectiveDate: '261201',
      odfi: '02100002',
      entries: entries.slice(i, i + 10_000),
    });
  const t0 = process.hrtime.bigint();
  const text = serializeNachaFile(
    buildNachaFile({
      immediateDestination: '021000021',
      immediateDestinationName: 'ODFI',
      immediateOrigin: '1234567890',
      immediateOriginName: 'DOL',
      createdAt: new Date(),
      batches,
    }),
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!readNachaFile(text, { keepEntries: false }).ok) throw new Error('the written file does not validate');
  return { ms, bytes: text.length };
}

/** `n` valid transfers of one grant, keyed `<prefix>:<i>`. */
export function transferItems(prefix, grantId, n) {
  return Array.from({ length: n }, (_, i) => {
    const r8 = String(11000000 + i).padStart(8, '0');
    return {
      idempotencyKey: `${prefix}:${i}`,
      grantId,
      recipientId: `R-${i}`,
      name: `RECIPIENT ${i}`,
      routing: r8 + abaCheckDigit(r8),
      account: String(100000 + i),
      accountType: 'checking',
      amountCents: 1000 + i,
      secCode: 'CCD',
      originator: { name: 'US DEPT OF LABOR', companyId: '1234567890', odfiRouting: '021000021' },
    };
  });
}

export async function benchAch() {
  const writes = [];
  for (let i = 0; i < 5; i++) writes.push(writeEntries(100_000).ms);
  const reads = [];
  for (let i = 0; i < 3; i++) {
    const r = await run(process.execPath, [cli, 'ach', 'verify', large, '--json']);
    if (r.code !== 0) throw new Error(`verify failed: ${r.stdout}${r.stderr}`);
    reads.push({ ms: r.ms, peakRssMb: r.peakRssMb, entries: JSON.parse(r.stdout).summary.entries });
  }
  const fleet = tempFleet('version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: { instances: 2 }\n');
  const submits = [];
  try {
    const up = await fleet.hmsops(['up']);
    if (up.code !== 0) throw new Error(up.stderr);
    const client = await connect({ stateDir: fleet.stateDir });
    await client.auth.me();
    for (let round = 0; round < 3; round++) {
      const items = transferItems(`B${round}`, `BENCH-${round}`, 10_000);
      const t0 = process.hrtime.bigint();
      const res = await client.payments.transferBatch(items);
      submits.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (res.created !== 10_000) throw new Error(`created ${res.created}`);
    }
    await client.close();
  } finally {
    await fleet.cleanup();
  }
  const r = {
    write100kMs: median(writes),
    read500kMs: median(reads.map((x) => x.ms)),
    read500kPeakRssMb: Math.max(...reads.map((x) => x.peakRssMb)),
    submit10kMs: median(submits),
  };
  printTable('ach (medians)', [
    { measure: 'write 100,000 entries (build + serialize)', value: `${r.write100kMs.toFixed(0)} ms`, goal: '<= 500 ms', result: verdict(r.write100kMs <= 500) },
    {
      measure: 'read + validate 500,000 entries (hmsops ach verify, whole process)',
      value: `${r.read500kMs.toFixed(0)} ms`,
      goal: '<= 2000 ms',
      result: verdict(r.read500kMs <= 2000),
    },
    { measure: '  peak RSS of that process', value: `${r.read500kPeakRssMb} MB`, goal: '<= 500 MB', result: verdict(r.read500kPeakRssMb <= 500) },
    { measure: 'batch-submit 10,000 transfers through the gateway', value: `${r.submit10kMs.toFixed(0)} ms`, goal: '<= 2000 ms', result: verdict(r.submit10kMs <= 2000) },
  ]);
  saveResults('ach', { results: r, samples: { writes, reads, submits } });
  return r;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAch();
