/**
 * Returns and notifications of change: a grant paid, then a file the bank sends back (written
 * with the project's own NACHA writer, as the RDFI would) imported with `hmsops ach import`:
 * each entry recorded beside its transfer (nothing in the transfer overwritten), analytics told,
 * returned recipients notified, an unmatched entry listed; the same file again changes nothing.
 * On SQLite: the import on both stores is ach-in-process.test.ts.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReturnFile } from '../../src/nacha/index.js';
import { repoRoot, until, type TestFleet } from '../helpers/fleet.js';
import { DISBURSE_FLEET, storeFleet } from '../helpers/suite-fleet.js';

const RDFI = '01100001';

/** The bank's file: for each original trace, a return (code, date of death) or a change (corrected data). */
const bankFile = (items: { trace: string; code: string; dateOfDeath?: string; correctedData?: string; amountCents: number }[]) =>
  buildReturnFile(
    items.map((x) => ({ ...x, originalTrace: x.trace })),
    { rdfi: RDFI, odfiRouting: '021000021', companyName: 'US DEPT OF LABOR', companyId: '1234567890', createdAt: new Date('2026-12-03T10:00:00Z') },
  );

describe('returns and corrections', () => {
  const fleetUp = storeFleet('sqlite', DISBURSE_FLEET);
  let fleet: TestFleet;
  let paid: { id: string; traceNumber: string; amountCents: number }[];
  const grant = path.join(repoRoot, 'fixtures', 'grants', 'dol-training.yaml');

  beforeAll(async () => {
    fleet = fleetUp();
    const r = await fleet.hmsops(['disburse', '--grant', grant, '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    paid = JSON.parse(r.stdout).recipients;
  });

  const count = async (sql: string) => Number((await fleet.store.query<{ n: number }>('ach', sql))[0]!.n);

  it('records each return and change beside its transfer, lists the unmatched one, tells analytics and the returned recipients; the same file again changes nothing', async () => {
    const [a, b, c] = paid;
    const file = path.join(fleet.dir, 'RET20261203.ach');
    fs.writeFileSync(
      file,
      bankFile([
        { trace: a!.traceNumber, code: 'R03', amountCents: a!.amountCents },
        { trace: b!.traceNumber, code: 'R15', dateOfDeath: '261125', amountCents: b!.amountCents },
        { trace: c!.traceNumber, code: 'C01', correctedData: '99887766', amountCents: 0 },
        { trace: '021000029999999', code: 'R02', amountCents: 100 },
      ]),
    );
    const first = await fleet.hmsops(['ach', 'import', file, '--json']);
    expect(first.exitCode, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result.alreadyImported).toBe(false);
    expect(result.records.map((r: any) => [r.kind, r.code, r.recipientId, r.amountCents])).toEqual([
      ['returned', 'R03', 'R-0001', a!.amountCents],
      ['returned', 'R15', 'R-0002', b!.amountCents],
      ['corrected', 'C01', 'R-0003', c!.amountCents],
      ['returned', 'R02', null, null],
    ]);
    expect(result.records[1]).toMatchObject({ dateOfDeath: '261125', description: 'Beneficiary or Account Holder (Other Than a Representative Payee) Deceased' });
    expect(result.records[2]).toMatchObject({ correctedData: '99887766' });
    expect(result.records[3]).toMatchObject({ transferId: null, originalTrace: '021000029999999' });

    // Nothing in the transfers is overwritten: they stay filed, with their traces.
    expect(await count("SELECT COUNT(*) AS n FROM transfers WHERE status = 'filed'")).toBe(10);

    // The same file again: the answer of the first import, nothing recorded twice.
    const again = await fleet.hmsops(['ach', 'import', file, '--json']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyImported: true, fileId: result.fileId });
    expect(await count('SELECT COUNT(*) AS n FROM returns')).toBe(4);
    expect(await count('SELECT COUNT(*) AS n FROM inbound_files')).toBe(1);

    // The operator's view of the grant.
    const show = await fleet.hmsops(['disbursements', 'show', 'DOL-ETA-2026-0042', '--json']);
    expect(JSON.parse(show.stdout).returns.map((r: any) => `${r.recipientId} ${r.kind} ${r.code}`)).toEqual(['R-0001 returned R03', 'R-0002 returned R15', 'R-0003 corrected C01']);
    const text = await fleet.hmsops(['disbursements', 'show', 'DOL-ETA-2026-0042']);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toContain('returns: 2 returned');
    expect(text.stdout).toMatch(/R-0002: returned R15 .* \(date of death 261125\)/);

    // Analytics: one event each, however often the file is imported.
    const report = JSON.parse((await fleet.hmsops(['analytics', 'report', '--grant', 'DOL-ETA-2026-0042', '--json'])).stdout);
    const byType = (type: string) => report.byType.filter((t: any) => t.type === type).reduce((n: number, t: any) => n + t.count, 0);
    expect([byType('disbursement.returned'), byType('disbursement.corrected')]).toEqual([2, 1]);

    // The two returned recipients are told, once each, at the address their payment's notice went to.
    const returned = (messages: any[]) => messages.filter((x: any) => /was returned/.test(x.subject));
    // Waited for through the SDK (a CLI process per look costs more than the wait), then listed by the CLI.
    await until('two return notices delivered', async () => returned((await (await fleet.sdk()).call<{ messages: any[] }>('GET', '/mail/v1/messages')).messages).length >= 2);
    const told = returned(JSON.parse((await fleet.hmsops(['mail', 'ls', '--json'])).stdout).messages);
    expect(told.flatMap((m: any) => m.to).sort()).toEqual(['finance@northside.example', 'grants@acme.example']);

    // And it all adds up: 10 transfers = 10 entries in the file = 8 paid + 2 returned.
    const rec = await fleet.hmsops(['reconcile', 'DOL-ETA-2026-0042', '--json']);
    expect(rec.exitCode, rec.stdout).toBe(0);
    const balance = JSON.parse(rec.stdout);
    expect(balance).toMatchObject({
      transfers: { count: 10 },
      inFiles: { count: 10, files: 1 },
      returned: { count: 2, amountCents: a!.amountCents + b!.amountCents },
      paid: { count: 8 },
      corrections: 1,
      mismatches: [],
      unchecked: [],
    });
    expect(balance.paid.amountCents + balance.returned.amountCents).toBe(balance.transfers.amountCents);
    expect((await fleet.hmsops(['reconcile', 'DOL-ETA-2026-0042'])).stdout).toContain('DOL-ETA-2026-0042 balances');
    // A grant nobody disbursed is no balance: nothing to check is said, and the exit says failure.
    const nobody = await fleet.hmsops(['reconcile', 'NOPE-1']);
    expect(nobody.exitCode, nobody.stdout).toBe(1);
    expect(nobody.stdout).toContain('NOPE-1: no transfers in the ledger');
    expect(nobody.stdout).not.toMatch(/balances|not checked/);
    expect(JSON.parse((await fleet.hmsops(['reconcile', 'NOPE-1', '--json'])).stdout)).toMatchObject({ verdict: 'no-transfers', unchecked: [] });

    // The return history: 2 of the originator's 10 entries came back, one R03 (administrative).
    const rates = await fleet.hmsops(['ach', 'returns', '--rates', '--json']);
    expect(rates.exitCode, rates.stderr).toBe(1); // an originator over a threshold
    const dol = JSON.parse(rates.stdout).originators.find((o: any) => o.companyId === '1234567890');
    expect(dol.rates.map((r: any) => [r.category, r.returns, r.rate, r.over])).toEqual([
      ['unauthorized', 0, 0, false],
      ['administrative', 1, 0.1, true],
      ['overall', 2, 0.2, true],
    ]);
    expect(JSON.parse(rates.stdout).unmatched).toBe(1);
    const ratesText = await fleet.hmsops(['ach', 'returns', '--rates']);
    expect(ratesText.stdout).toMatch(/1234567890\s+US DEPT OF LABOR\s+10\s+administrative\s+1\s+10\.00 %\s+3\.00 %\s+OVER/);
    expect(JSON.parse((await fleet.hmsops(['ach', 'returns', '--json'])).stdout).returns.map((r: any) => r.code)).toEqual(['R03', 'R15', 'C01', 'R02'].reverse());
    // The same grant again (its payments are the ones that came back): warned, not refused.
    const dry = await fleet.hmsops(['disburse', '--grant', grant, '--dry-run']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stderr).toContain(
      "warning: originator 1234567890 (US DEPT OF LABOR): administrative returns 10 % (1 of 10 entries), above NACHA's 3 % threshold over the last 60 days",
    );
    expect(dry.stderr).toContain("all returns 20 % (2 of 10 entries), above NACHA's 15 % threshold");
    expect(dry.stderr).not.toContain('unauthorized');
    // A new grant to the account an R03 came back from is refused, dry run or not, until the grant gives another account.
    const next = path.join(fleet.dir, 'next-grant.yaml');
    fs.writeFileSync(next, fs.readFileSync(grant, 'utf8').replace('id: DOL-ETA-2026-0042', 'id: DOL-ETA-2026-0043'));
    for (const args of [['--dry-run'], []]) {
      const refused = await fleet.hmsops(['disburse', '--grant', next, ...args]);
      expect(refused.exitCode, refused.stderr).toBe(2);
      expect(refused.stderr).toContain('1 recipient(s) of DOL-ETA-2026-0043 would be paid to an account an administrative return (R02, R03, R04) came back from');
      expect(refused.stderr).toMatch(
        /R-0001 \(Acme Training LLC\): routing 011000015, account ending 6789: R03 No Account\/Unable to Locate Account, returned \d{4}-\d{2}-\d{2} \(grant DOL-ETA-2026-0042\)/,
      );
    }
    expect(await count("SELECT COUNT(*) AS n FROM transfers WHERE grant_id = 'DOL-ETA-2026-0043'")).toBe(0);
    const corrected = path.join(fleet.dir, 'corrected-grant.yaml');
    fs.writeFileSync(corrected, fs.readFileSync(grant, 'utf8').replace('account: "123456789"', 'account: "123456780"'));

    // Paid again only when the operator says so, and only a returned payment: a new transfer, a new trace.
    const notReturned = await fleet.hmsops(['disburse', '--grant', grant, '--reissue', 'R-0004']);
    expect(notReturned.exitCode).toBe(2);
    expect(notReturned.stderr).toContain('no returned payment for R-0004 in DOL-ETA-2026-0042');
    expect((await fleet.hmsops(['disburse', '--grant', grant, '--reissue', 'R-9999'])).stderr).toContain('not recipients of DOL-ETA-2026-0042: R-9999');
    // To the account the R03 came back from: refused; with the account the grant file now gives: paid.
    const sameAccount = await fleet.hmsops(['disburse', '--grant', grant, '--reissue', 'R-0001']);
    expect(sameAccount.exitCode).toBe(2);
    expect(sameAccount.stderr).toContain('R-0001 (Acme Training LLC): routing 011000015, account ending 6789: R03');
    const reissue = await fleet.hmsops(['disburse', '--grant', corrected, '--reissue', 'R-0001', '--json']);
    expect(reissue.exitCode, reissue.stderr).toBe(0);
    const [again1] = JSON.parse(reissue.stdout).reissued;
    expect(again1).toMatchObject({ recipientId: 'R-0001', returnCode: 'R03', returnedTransferId: result.records[0].transferId, amountCents: a!.amountCents, paidNow: true });
    expect(again1.traceNumber).not.toBe(a!.traceNumber);
    // The same command again pays no one twice.
    const twice = await fleet.hmsops(['disburse', '--grant', corrected, '--reissue', 'R-0001', '--json']);
    expect(JSON.parse(twice.stdout).reissued[0]).toMatchObject({ transferId: again1.transferId, paidNow: false });
    expect(await count("SELECT COUNT(*) AS n FROM transfers WHERE recipient_id = 'R-0001'")).toBe(2);
    // Still balanced: 11 transfers in 2 files = 9 paid + 2 returned.
    const after = JSON.parse((await fleet.hmsops(['reconcile', 'DOL-ETA-2026-0042', '--json'])).stdout);
    expect(after).toMatchObject({ transfers: { count: 11 }, inFiles: { count: 11, files: 2 }, returned: { count: 2 }, paid: { count: 9 }, mismatches: [] });
  }, 150_000); // some 20 commands: ~25 s alone, longer beside the rest of the suite

  it('keeps an audit log of it all that `audit verify` checks, an export an auditor can check with a few lines, and that names the first entry changed in the database', async () => {
    // A failed login is in auth's log.
    const wrong = await fleet.hmsops(['login', '--user', 'operator'], { env: { HMSOPS_PASSWORD: 'not the password' } });
    expect(wrong.exitCode).not.toBe(0);
    const verified = await fleet.hmsops(['audit', 'verify']);
    expect(verified.exitCode, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/auth: \d+ entries chain, head [0-9a-f]{64}/);
    expect(verified.stdout).toMatch(/ach: \d+ entries chain, head [0-9a-f]{64}/);
    const { entries } = JSON.parse((await fleet.hmsops(['audit', 'ls', '--json'])).stdout);
    const actions = new Set(entries.map((e: { action: string }) => e.action));
    for (const a of ['user.created', 'login.failed', 'transfers.submitted', 'file.cut', 'returns.imported', 'transfers.reissued']) expect(actions, a).toContain(a);
    expect(entries.find((e: { action: string }) => e.action === 'login.failed')).toMatchObject({ chain: 'auth', detail: { username: 'operator', known: true } });
    expect(entries.find((e: { action: string }) => e.action === 'transfers.reissued')).toMatchObject({
      chain: 'ach',
      who: 'operator',
      detail: { grantId: 'DOL-ETA-2026-0042', count: 1 },
    });

    // The export, checked as the README shows an auditor: each line's hash is SHA-256 of the previous hash and its body.
    const out = path.join(fleet.dir, 'audit.jsonl');
    expect((await fleet.hmsops(['audit', 'export', '--out', out])).exitCode).toBe(0);
    const heads: Record<string, string> = {};
    for (const line of fs.readFileSync(out, 'utf8').trim().split('\n')) {
      const e = JSON.parse(line);
      expect(e.prevHash).toBe(heads[e.chain] ?? '0'.repeat(64));
      expect(
        crypto
          .createHash('sha256')
          .update(e.prevHash + e.body)
          .digest('hex'),
      ).toBe(e.hash);
      heads[e.chain] = e.hash;
    }
    expect(Object.keys(heads).sort()).toEqual(['ach', 'auth']);

    // One row changed in the SQLite file: verify fails (exit 1) naming it.
    const [row] = await fleet.store.query<{ seq: number; body: string }>('ach', "SELECT seq, body FROM audit WHERE body LIKE '%transfers.reissued%'");
    await fleet.store.write('ach', 'UPDATE audit SET body = ? WHERE seq = ?', [row!.body.replace('"count":1', '"count":2'), row!.seq]);
    const broken = await fleet.hmsops(['audit', 'verify']);
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toContain(`ach: entry ${row!.seq} does not chain: its content hashes to`);
    expect(broken.stdout).toMatch(/auth: \d+ entries chain/);
    await fleet.store.write('ach', 'UPDATE audit SET body = ? WHERE seq = ?', [row!.body, row!.seq]);
  }, 60_000);

  it('refuses a file with a return code NACHA does not have, naming the line, and records nothing', async () => {
    const file = path.join(fleet.dir, 'BAD.ach');
    const text = bankFile([{ trace: paid[4]!.traceNumber, code: 'R03', amountCents: 1 }]).replace(/^799R03/m, '799R99');
    fs.writeFileSync(file, text);
    const before = await count('SELECT COUNT(*) AS n FROM returns');
    const r = await fleet.hmsops(['ach', 'import', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`${file}:4: return reason code "R99" (positions 4-6) is not one of NACHA's (rule: return-code)`);
    expect(r.stderr).toContain('nothing imported');
    expect(await count('SELECT COUNT(*) AS n FROM returns')).toBe(before);
  });
});
