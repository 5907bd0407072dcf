/**
 * Prenotes end to end, on real processes: `hmsops disburse --prenote` through the gateway sends a
 * zero-dollar prenote to each account never paid and holds the payments (exit 6); the bank's
 * return and change for two of the prenotes, imported with `hmsops ach import`, hold those
 * payments (no return notice: no payment came back); days later (the whole fleet restarted under
 * libfaketime, so every process lives on the later day) `--resume` pays the third and still holds
 * the two. The rules one by one, on both stores, are prenotes-in-process.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReturnFile, readNachaFile } from '../../src/nacha/index.js';
import type { TestFleet } from '../helpers/fleet.js';
import { skipWithout } from '../helpers/servers.js';
import { storeFleet } from '../helpers/suite-fleet.js';

const FLEET = 'version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: {}\n  analytics: {}\n  messaging: {}\n  mail-sink: {}\n';

const grantYaml = `apiVersion: hmsops/v1
kind: Grant
id: PRENOTE-2026-1
program: Apprenticeship Stipends
agency: Department of Labor
originator:
  name: US DEPT OF LABOR
  companyId: "1234567890"
  odfiRouting: "021000021"
secCode: PPD
prenote: true
recipients:
  - { id: P-1, name: Ada Returned, email: ada@example.org, routing: "011000015", account: "5550001", accountType: checking, amount: "1200.00" }
  - { id: P-2, name: Bo Corrected, email: bo@example.org, routing: "026009593", account: "5550002", accountType: savings, amount: "800.00" }
  - { id: P-3, name: Cy Fine, email: cy@example.org, routing: "011000015", account: "5550003", accountType: checking, amount: "950.50" }
`;

describe.skipIf(skipWithout('prenotes through the CLI', ['faketime']))('prenotes through the CLI', () => {
  const fleetUp = storeFleet('sqlite', FLEET);
  let fleet: TestFleet;
  let grant: string;

  beforeAll(() => {
    fleet = fleetUp();
    grant = path.join(fleet.dir, 'prenote-grant.yaml');
    fs.writeFileSync(grant, grantYaml);
  });

  it('sends the prenotes first, holds the payments whose prenote the bank answered, and pays the rest on --resume once payable', async () => {
    // Day 0: prenotes out, every payment waits (exit 6), nothing paid.
    const first = await fleet.hmsops(['disburse', '--grant', grant, '--json']);
    expect(first.exitCode, first.stderr).toBe(6);
    const receipt = JSON.parse(first.stdout);
    expect(receipt).toMatchObject({ status: 'waiting', totals: { waiting: 3, paidNow: 0, held: 0, disbursedCents: 0 } });
    const prenotes = receipt.recipients.map((r: { status: string; prenote: { traceNumber: string; payableFrom: string } }) => {
      expect(r.status).toBe('waiting');
      return r.prenote;
    });
    expect(receipt.payableFrom).toBe(prenotes[0].payableFrom);
    expect(receipt.files).toHaveLength(1);
    expect(receipt.files[0]).toMatchObject({ entries: 3, totalCreditCents: 0, valid: true });
    const read = readNachaFile(fs.readFileSync(receipt.files[0].path, 'latin1'));
    expect(read.file!.batches.flatMap((b) => b.entries.map((e) => [e.traceNumber, e.transactionCode, e.amount]))).toEqual(
      prenotes.map((p: { traceNumber: string }, i: number) => [p.traceNumber, i === 1 ? 33 : 23, 0]),
    );
    expect((await fleet.store.query<{ n: number }>('ach', 'SELECT COUNT(*) AS n FROM transfers'))[0]!.n).toBe(0);

    // The bank answers two prenotes: P-1's account does not exist (R03), P-2's number changes (C01).
    const bankFile = path.join(fleet.dir, 'RET-PRENOTES.ach');
    fs.writeFileSync(
      bankFile,
      buildReturnFile(
        [
          { originalTrace: prenotes[0].traceNumber, code: 'R03', amountCents: 0 },
          { originalTrace: prenotes[1].traceNumber, code: 'C01', correctedData: '5550022', amountCents: 0 },
        ],
        { rdfi: '01100001', odfiRouting: '021000021', companyName: 'US DEPT OF LABOR', companyId: '1234567890' },
      ),
    );
    const imported = await fleet.hmsops(['ach', 'import', bankFile]);
    expect(imported.exitCode, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('2 matched, 0 unmatched');
    expect(imported.stdout).toContain('2 answer(s) to prenotes: the payments to those accounts are held');
    // No payment came back: no "was returned" notice, no return event, no return in the rates.
    const mail = JSON.parse((await fleet.hmsops(['mail', 'ls', '--json'])).stdout).messages;
    expect(mail.filter((m: { subject: string }) => /returned/.test(m.subject))).toEqual([]);
    expect(JSON.parse((await fleet.hmsops(['ach', 'returns', '--rates', '--json'])).stdout)).toMatchObject({ originators: [], unmatched: 0 });

    // Still day 0: the two held, the third still waits (a held payment is a failure: exit 1).
    const same = await fleet.hmsops(['disburse', '--resume', 'PRENOTE-2026-1']);
    expect(same.exitCode, same.stderr).toBe(1);
    expect(same.stdout).toMatch(/P-1: held: the bank answered the prenote to account \.\.\.0001 \(trace \d{15}\) with R03 \(No Account\/Unable to Locate Account\)/);
    expect(same.stdout).toMatch(/P-2: held: .* with C01 \(Incorrect DFI Account Number\): use 5550022; .*the corrected account in the grant file/);
    expect(same.stdout).toContain(`P-3: prenote trace ${prenotes[2].traceNumber}, payable from ${prenotes[2].payableFrom}`);
    expect(same.stdout).toContain(`on or after ${prenotes[2].payableFrom}, send them with: hmsops disburse --resume PRENOTE-2026-1`);
    const shown = await fleet.hmsops(['disbursements', 'show', 'PRENOTE-2026-1']);
    expect(shown.exitCode, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('prenotes: 3 (1 waiting, 0 payable, 2 held)');

    // The payable day: the fleet restarted with every process's clock moved there (libfaketime).
    const days = Math.ceil((Date.parse(`${prenotes[2].payableFrom}T12:00:00Z`) - Date.now()) / 86_400_000) + 1;
    const later = { under: ['faketime', '-f', `+${days}d`], env: { FAKETIME_DONT_FAKE_MONOTONIC: '1' } };
    expect((await fleet.hmsops(['down', '--timeout', '5s'])).exitCode).toBe(0);
    const up = await fleet.hmsops(['up'], later);
    expect(up.exitCode, up.stderr).toBe(0);
    const resumed = await fleet.hmsops(['disburse', '--resume', 'PRENOTE-2026-1', '--json'], later);
    expect(resumed.exitCode, resumed.stderr).toBe(1); // P-1 and P-2 still held
    const paid = JSON.parse(resumed.stdout);
    expect(paid.recipients.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      ['P-1', 'held'],
      ['P-2', 'held'],
      ['P-3', 'paid'],
    ]);
    expect(paid.totals).toMatchObject({ paidNow: 1, paidNowCents: 95_050, held: 2, waiting: 0 });
    const payment = paid.files.find((f: { totalCreditCents: number }) => f.totalCreditCents === 95_050);
    expect(payment).toMatchObject({ entries: 1, valid: true });
    const entry = readNachaFile(fs.readFileSync(payment.path, 'latin1')).file!.batches[0]!.entries[0]!;
    expect([entry.transactionCode, entry.amount, entry.traceNumber]).toEqual([22, 95_050, paid.recipients[2].traceNumber]);
    // The ledger adds up: one transfer, three prenotes, all in the grant's files.
    const rec = JSON.parse((await fleet.hmsops(['reconcile', 'PRENOTE-2026-1', '--json'], later)).stdout);
    expect(rec).toMatchObject({ transfers: { count: 1, amountCents: 95_050 }, inFiles: { count: 1 }, prenotes: { count: 3, inFiles: 3 }, mismatches: [] });
  }, 120_000);
});
