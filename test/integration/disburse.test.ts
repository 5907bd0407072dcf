/**
 * A disbursement through a whole fleet, on each store: the ledger, the NACHA file, analytics and
 * the mail sink agree; the same grant again pays no one twice; no secret in a log. The CLI's own
 * behaviour (refusals, options, progress, signals, follow-ups) is disburse-cli.test.ts, on SQLite;
 * a run killed with SIGKILL and run again is the drill test/drills/disburse-killed.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { nextBankingDay } from '../../src/banking-days.js';
import { readNachaFile } from '../../src/nacha/index.js';
import { repoRoot, until, type TestFleet } from '../helpers/fleet.js';
import { disburseFleet } from '../helpers/suite-fleet.js';
import { describeStores } from '../helpers/stores.js';

describeStores('hmsops disburse (%s store)', (backend) => {
  const suite = disburseFleet(backend);
  const { ledger } = suite;
  let fleet: TestFleet;
  beforeAll(() => {
    fleet = suite.fleet();
  });
  const smallGrant = path.join(repoRoot, 'fixtures', 'grants', 'dol-training.yaml');

  it('disburses the small grant, and ledger, NACHA file, analytics and mail sink agree', async () => {
    const r = await fleet.hmsops(['disburse', '--grant', smallGrant, '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const receipt = JSON.parse(r.stdout);
    expect(receipt.status).toBe('complete');
    expect(receipt.totals).toMatchObject({ recipients: 10, paidNow: 10, refused: 0, paidNowCents: 42_517_650 });
    expect(receipt.recipients.every((x: any) => x.traceNumber && x.analytics === 'recorded' && x.email === 'queued')).toBe(true);
    // the file
    expect(receipt.files).toHaveLength(1);
    const nacha = readNachaFile(fs.readFileSync(receipt.files[0].path, 'latin1'));
    expect(nacha.ok).toBe(true);
    expect(nacha.summary).toMatchObject({ entries: 10, totalCreditCents: 42_517_650, totalDebitCents: 0 });
    const traces = nacha.file!.batches.flatMap((b) => b.entries.map((e) => e.traceNumber)).sort();
    expect(traces).toEqual(receipt.recipients.map((x: any) => x.traceNumber).sort());
    expect(nacha.file!.batches.map((b) => b.header.secCode).sort()).toEqual(['CCD', 'PPD']);
    // The settlement date the batch headers carry is in the receipt.
    const dates = [
      ...new Set(nacha.file!.batches.map((b) => `20${b.header.effectiveEntryDate.slice(0, 2)}-${b.header.effectiveEntryDate.slice(2, 4)}-${b.header.effectiveEntryDate.slice(4)}`)),
    ];
    expect(receipt.files[0].effectiveDates).toEqual(dates);
    expect(dates).toEqual([nextBankingDay(new Date())]);
    // the ledger
    expect(await ledger("SELECT COUNT(*) AS n, SUM(amount_cents) AS cents FROM transfers WHERE grant_id = 'DOL-ETA-2026-0042' AND status = 'filed'")).toEqual({
      n: 10,
      cents: 42_517_650,
    });
    // analytics
    const report = JSON.parse((await fleet.hmsops(['analytics', 'report', '--grant', 'DOL-ETA-2026-0042', '--json'])).stdout);
    expect(report.total).toEqual({ count: 10, amountCents: 42_517_650 });
    // Read by a person: an event's status is the transfer's when it was recorded (queued), not now (filed).
    const reportText = (await fleet.hmsops(['analytics', 'report', '--grant', 'DOL-ETA-2026-0042'])).stdout;
    expect(reportText).toContain('STATUS WHEN RECORDED');
    expect(reportText).toContain('where each stands now: hmsops disbursements show DOL-ETA-2026-0042');
    // the mail sink: one notice per recipient
    const notices = (messages: any[]) => messages.filter((x: any) => x.subject.startsWith('Workforce Training Grant'));
    // Waited for through the SDK (a CLI process per look costs more than the wait), then listed by the CLI.
    await until('10 notices', async () => notices((await (await fleet.sdk()).call<{ messages: any[] }>('GET', '/mail/v1/messages')).messages).length >= 10);
    const mail = notices(JSON.parse((await fleet.hmsops(['mail', 'ls', '--json'])).stdout).messages);
    expect(mail).toHaveLength(10);
    expect(mail.map((m: any) => m.to[0]).sort()).toContain('maria.alvarez@mail.example');
    // read back from the services
    const show = JSON.parse((await fleet.hmsops(['disbursements', 'show', 'DOL-ETA-2026-0042', '--json'])).stdout);
    expect(show.ledger).toMatchObject({ transfers: 10, filed: 10, queued: 0, files: 1 });
    expect(show.emails, JSON.stringify(show.emails)).toHaveProperty('counts');
    expect(show.emails.counts.sent + (show.emails.counts.queued ?? 0)).toBe(10);
    const ls = JSON.parse((await fleet.hmsops(['disbursements', 'ls', '--json'])).stdout);
    expect(ls.grants.map((g: any) => g.grantId)).toContain('DOL-ETA-2026-0042');
  });

  it('pays no one twice when the same grant runs again', async () => {
    const r = await fleet.hmsops(['disburse', '--grant', smallGrant, '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const receipt = JSON.parse(r.stdout);
    expect(receipt.totals).toMatchObject({ paidNow: 0, alreadyDisbursed: 10, paidNowCents: 0, disbursedCents: 42_517_650 });
    expect(receipt.files).toHaveLength(1); // no second file
    expect(await ledger("SELECT COUNT(*) AS n FROM transfers WHERE grant_id = 'DOL-ETA-2026-0042'")).toEqual({ n: 10 });
    const human = await fleet.hmsops(['disburse', '--grant', smallGrant]);
    expect(human.stdout).toContain('already disbursed: 10');
    expect(human.stdout).toMatch(/NACHA file \S+: 10 entries, \$425,176\.50, effective \d{4}-\d{2}-\d{2},/);
    // Without a bank configured, ach files still lists what was cut (sent nowhere), exit 0.
    const files = await fleet.hmsops(['ach', 'files']);
    expect([files.exitCode, files.stdout]).toEqual([0, expect.stringContaining('no bank configured (ach.odfi)')]);
    expect(files.stdout).toContain(receipt.files[0].fileId);
    expect(JSON.parse((await fleet.hmsops(['ach', 'files', '--json'])).stdout)).toMatchObject({ odfi: null, files: [{ fileId: receipt.files[0].fileId, entries: 10 }] });
  });

  it('never writes a full account number, a password or a token to any log', async () => {
    const logsDir = path.join(fleet.stateDir, 'logs');
    const all = fs
      .readdirSync(logsDir)
      .map((f) => fs.readFileSync(path.join(logsDir, f), 'utf8'))
      .join('\n');
    const { password } = JSON.parse(fs.readFileSync(path.join(fleet.stateDir, 'credentials.json'), 'utf8'));
    const fleetToken = fs.readFileSync(path.join(fleet.stateDir, 'run', 'fleet-token'), 'utf8').trim();
    const sessionFile = path.join(fleet.stateDir, 'run', 'session.json');
    // The bearer token of the last login (the --user test's), whose signature part alone is secret enough.
    const bearer = fs.existsSync(sessionFile) ? [JSON.parse(fs.readFileSync(sessionFile, 'utf8')).token.split('.')[2]] : [];
    expect(fleetToken.length).toBeGreaterThan(16);
    for (const secret of [password, fleetToken, ...bearer, 'dana types this on a terminal', '4401223344', '66554433221', '9901234567']) expect(all).not.toContain(secret);
  });
});
