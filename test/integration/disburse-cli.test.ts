/**
 * `hmsops disburse` as an operator meets it, on a fleet with the SQLite store (what rests on the
 * store runs on both in disburse.test.ts): the mistakes file refused, --dry-run, --retry-for with
 * no ACH instance, analytics down and --resume, a name longer than NACHA's field, Ctrl-C,
 * --effective-date and plain progress, --user with a masked prompt, the CI smoke test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { nextBankingDay } from '../../src/banking-days.js';
import { connect } from '../../src/sdk/index.js';
import { cliPath, repoRoot, sleep, until, type TestFleet } from '../helpers/fleet.js';
import { disburseFleet } from '../helpers/suite-fleet.js';
import { skipWithout } from '../helpers/servers.js';

describe('hmsops disburse: the CLI', () => {
  const suite = disburseFleet('sqlite');
  const { ledger, generate } = suite;
  let fleet: TestFleet;
  beforeAll(() => {
    fleet = suite.fleet();
  });
  const smallGrant = path.join(repoRoot, 'fixtures', 'grants', 'dol-training.yaml');
  const mistakes = path.join(repoRoot, 'fixtures', 'grants', 'mistakes.yaml');

  it('refuses the mistakes file with every problem listed, exit 2, and sends nothing', async () => {
    const before = (await ledger<{ n: number }>('SELECT COUNT(*) AS n FROM transfers')).n;
    const r = await fleet.hmsops(['disburse', '--grant', mistakes]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('17 problems');
    const lines = r.stderr.split('\n').filter((l) => l.includes('mistakes.yaml:'));
    expect(lines).toHaveLength(17);
    expect(lines.every((l) => /mistakes\.yaml:\d+:\d+: \S+: /.test(l))).toBe(true);
    expect(r.stderr).toContain('recipients[1].id: duplicate recipient id "R-0001"');
    expect(r.stderr).toContain('recipients[0].routing: check digit is wrong for 011000016');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await ledger<{ n: number }>('SELECT COUNT(*) AS n FROM transfers')).n).toBe(before);
  });

  it('plans without sending anything on --dry-run', async () => {
    const r = await fleet.hmsops(['disburse', '--grant', smallGrant, '--dry-run', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const { plan } = JSON.parse(r.stdout);
    expect(plan).toMatchObject({
      recipients: 10,
      totalCents: 42_517_650,
      bySecCode: { CCD: { count: 7 }, PPD: { count: 3 } },
      byAccountType: { checking: { count: 6 }, savings: { count: 4 } },
    });
    expect((await ledger<{ n: number }>("SELECT COUNT(*) AS n FROM transfers WHERE grant_id = 'DOL-ETA-2026-0042'")).n).toBe(0);
    // The fleet answers, so the ledger's return history was read: nothing came back yet.
    expect(JSON.parse(r.stdout).returnHistory).toEqual({ warnings: [], refused: [] });
    // The settlement date a run today would get, said as a date.
    const text = await fleet.hmsops(['disburse', '--grant', smallGrant, '--dry-run']);
    expect(text.stdout).toContain(`effective ${nextBankingDay(new Date())} (the next banking day, if sent today)`);
  });

  // The CLI runs at a time the test chooses (libfaketime); the fleet keeps the real time.
  it.skipIf(skipWithout('Same Day ACH', ['faketime']))(
    "Same Day ACH: refused after the day's last window and over $1,000,000 (exit 2, nothing sent); sent before a window, the receipt says when it settles",
    async () => {
      const at = (time: string) => ({ under: ['faketime', '-f', `@${time}`], env: { FAKETIME_DONT_FAKE_MONOTONIC: '1' } });
      const text = fs.readFileSync(smallGrant, 'utf8');
      const sameDayGrant = path.join(fleet.dir, 'same-day.yaml');
      fs.writeFileSync(sameDayGrant, text.replace('id: DOL-ETA-2026-0042', 'id: SAME-DAY-1').replace('secCode: CCD', 'secCode: CCD\nsameDay: true'));
      const before = (await ledger<{ n: number }>('SELECT COUNT(*) AS n FROM transfers')).n;

      // Monday 17:00 Eastern: 16:45 has gone (and files go up 15 minutes before it).
      for (const args of [
        ['--grant', sameDayGrant],
        ['--grant', smallGrant, '--same-day'],
        ['--grant', sameDayGrant, '--dry-run'],
      ]) {
        const late = await fleet.hmsops(['disburse', ...args], at('2026-12-07 22:00:00'));
        expect(late.exitCode, late.stderr).toBe(2);
        expect(late.stderr).toContain("today's last same-day cutoff, 2026-12-07 16:45 America/New_York, can no longer be made");
        expect(late.stderr).toContain('the next same-day cutoff is 2026-12-08 10:30 America/New_York');
      }
      // A Saturday is no banking day.
      const saturday = await fleet.hmsops(['disburse', '--grant', sameDayGrant], at('2026-12-12 15:00:00'));
      expect(saturday.exitCode).toBe(2);
      expect(saturday.stderr).toContain(
        '2026-12-12 is a weekend day, when ACH does not settle; the next banking day is 2026-12-14; the next same-day cutoff is 2026-12-14 10:30 America/New_York',
      );
      // An entry over $1,000,000, dry run or not.
      const big = path.join(fleet.dir, 'same-day-big.yaml');
      fs.writeFileSync(big, fs.readFileSync(sameDayGrant, 'utf8').replace('amount: "125000.00"', 'amount: "1250000.00"'));
      for (const args of [['--dry-run'], []]) {
        const over = await fleet.hmsops(['disburse', '--grant', big, ...args], at('2026-12-07 15:00:00'));
        expect(over.exitCode, over.stderr).toBe(2);
        expect(over.stderr).toContain('1 recipient(s) of SAME-DAY-1 over Same Day ACH carries at most $1,000,000.00 an entry; nothing was sent');
        expect(over.stderr).toContain('R-0002 ($1,250,000.00)');
      }
      expect((await ledger<{ n: number }>('SELECT COUNT(*) AS n FROM transfers')).n).toBe(before);

      // Before a window on a banking day (the next after today: the fleet's ledger takes no effective date in the past).
      const day = nextBankingDay(new Date());
      const dry = await fleet.hmsops(['disburse', '--grant', sameDayGrant, '--dry-run'], at(`${day} 15:00:00`));
      expect(dry.exitCode, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(new RegExp(`effective ${day}: Same Day ACH, if sent before ${day} (10:30|14:45) America/New_York`));
      const r = await fleet.hmsops(['disburse', '--grant', sameDayGrant, '--json'], at(`${day} 15:00:00`));
      expect(r.exitCode, r.stderr).toBe(0);
      const receipt = JSON.parse(r.stdout);
      expect(receipt.settlement).toEqual({ date: day, sameDay: true, window: expect.stringMatching(new RegExp(`^${day} (10:30|14:45) America/New_York$`)) });
      expect(receipt.files.map((f: { effectiveDates: string[] }) => f.effectiveDates)).toEqual([[day]]);
      expect(await ledger<{ n: number; d: string }>("SELECT COUNT(*) AS n, MIN(effective_date) AS d FROM transfers WHERE grant_id = 'SAME-DAY-1'")).toEqual({ n: 10, d: day });
      const human = await fleet.hmsops(['disburse', '--resume', 'SAME-DAY-1'], at(`${day} 15:05:00`));
      expect(human.exitCode, human.stderr).toBe(0);
      expect(human.stdout).toMatch(new RegExp(`settles ${day}: Same Day ACH, in the window of ${day} (10:30|14:45) America/New_York`));
    },
    120_000,
  );

  it('says, when no ACH instance can answer, what each is doing and the remedy, after --retry-for', async () => {
    const file = await generate(5, 'GEN-ACH-DOWN');
    expect((await fleet.hmsops(['scale', 'ach=0'])).exitCode).toBe(0);
    try {
      const t0 = Date.now();
      const r = await fleet.hmsops(['disburse', '--grant', file, '--retry-for', '2s']);
      expect(r.exitCode).toBe(1);
      expect(Date.now() - t0).toBeLessThan(30_000);
      expect(r.stderr).toContain('no healthy instance of ach');
      expect(r.stderr).toContain('ach has no instance: hmsops scale ach=1');
      // The ledger's return history is read first, as long as payments would be tried: nothing was sent.
      expect(r.stderr).toContain("nothing was sent: the ledger's return history is read first");
      expect((await fleet.hmsops(['disburse', '--grant', file, '--retry-for', 'soon'])).stderr).toContain('--retry-for: expected a duration');
    } finally {
      expect((await fleet.hmsops(['scale', 'ach=2'])).exitCode).toBe(0);
    }
  });

  it('completes payments with analytics down, reports follow-ups pending, and finishes them on --resume', async () => {
    const file = await generate(30, 'GEN-ANL-DOWN');
    expect((await fleet.hmsops(['scale', 'analytics=0'])).exitCode).toBe(0);
    try {
      const r = await fleet.hmsops(['disburse', '--grant', file, '--json']);
      expect(r.exitCode).toBe(5);
      const receipt = JSON.parse(r.stdout);
      expect(receipt.status).toBe('follow-ups-pending');
      expect(receipt.totals.paidNow).toBe(30);
      expect(receipt.pending).toMatchObject({ analytics: 30, email: 0 });
      expect(receipt.pending.reason.join()).toContain('no healthy instance of analytics');
      expect(receipt.files[0].valid).toBe(true);
      const human = await fleet.hmsops(['disburse', '--resume', 'GEN-ANL-DOWN']);
      expect(human.exitCode).toBe(5);
      expect(human.stdout).toContain('follow-ups pending: 30 analytics event(s)');
    } finally {
      expect((await fleet.hmsops(['scale', 'analytics=1'])).exitCode).toBe(0);
    }
    const resumed = await fleet.hmsops(['disburse', '--resume', 'GEN-ANL-DOWN', '--json']);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ status: 'complete', totals: { paidNow: 0, alreadyDisbursed: 30 }, pending: { analytics: 0, email: 0 } });
    const report = JSON.parse((await fleet.hmsops(['analytics', 'report', '--grant', 'GEN-ANL-DOWN', '--json'])).stdout);
    expect(report.total.count).toBe(30);
    // Waited for through the SDK (a CLI process per look costs more than the wait), then shown by the CLI.
    const sdk = await fleet.sdk();
    await until('30 notices, once each', async () => (await sdk.messaging.list({ keyPrefix: 'GEN-ANL-DOWN:', countsOnly: true })).counts.sent === 30);
    const sent = JSON.parse((await fleet.hmsops(['disbursements', 'show', 'GEN-ANL-DOWN', '--json'])).stdout);
    expect(sent.emails.counts.sent).toBe(30);
    expect(sent.ledger.transfers).toBe(30);
  });

  it('pays a recipient whose name is longer than the NACHA field: the file carries it cut, everything else whole', async () => {
    const long = 'Lakeview Community College Foundation';
    const file = await generate(3, 'GEN-LONG-NAME', 31);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/(recipients:\n\s+- id: \S+\n\s+name: )[^\n]+/, `$1${long}`));
    const r = await fleet.hmsops(['disburse', '--grant', file, '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const receipt = JSON.parse(r.stdout);
    expect(receipt.shortenedNames).toEqual([{ id: receipt.recipients[0].id, name: long, nachaName: 'LAKEVIEW COMMUNITY COL' }]);
    expect(receipt.recipients[0]).toMatchObject({ name: long, status: 'paid' });
    expect(receipt.files.every((f: any) => f.valid)).toBe(true);
    // The file: its Individual Name field (columns 55-76 of the entry) holds the cut name; ach verify is clean.
    const nacha = fs.readFileSync(receipt.files[0].path, 'latin1');
    expect(
      nacha
        .split('\n')
        .filter((l) => l.startsWith('6'))
        .map((l) => l.slice(54, 76)),
    ).toContain('LAKEVIEW COMMUNITY COL');
    expect((await fleet.hmsops(['ach', 'verify', receipt.files[0].path])).exitCode).toBe(0);
    // The ledger, disbursements show and the notice keep the whole name.
    expect((await ledger<{ name: string }>("SELECT name FROM transfers WHERE grant_id = 'GEN-LONG-NAME' AND recipient_id = ?", receipt.recipients[0].id)).name).toBe(long);
    const shown = await fleet.hmsops(['disbursements', 'show', 'GEN-LONG-NAME', '--json']);
    expect(shown.exitCode, shown.stderr).toBe(0);
    const show = JSON.parse(shown.stdout);
    expect(show.transfers.map((t: any) => t.name)).toContain(long);
    const to = /recipients:\n\s+- id: \S+\n\s+name: [^\n]+\n\s+email: (\S+)/.exec(fs.readFileSync(file, 'utf8'))![1]!;
    // Other tests' grants may have written to the same generated address: this grant's notice is the one naming it.
    // Looked for through the SDK (a CLI process per look costs more than the wait), then shown by the CLI.
    const sdk = await fleet.sdk();
    const id = await until('the notice', async () => {
      for (const m of (await sdk.call<{ messages: { id: string }[] }>('GET', `/mail/v1/messages?to=${encodeURIComponent(to)}`)).messages)
        if ((await sdk.call<{ raw: string }>('GET', `/mail/v1/messages/${m.id}`)).raw.includes('GEN-LONG-NAME')) return m.id;
      return undefined;
    });
    expect(JSON.parse((await fleet.hmsops(['mail', 'ls', '--to', to, '--json'])).stdout).messages.map((m: { id: string }) => m.id)).toContain(id);
    const notice = (await fleet.hmsops(['mail', 'show', id])).stdout;
    expect(notice).toContain('GEN-LONG-NAME');
    expect(notice).toContain(`Dear ${long},`);
    // Text: the receipt says how many names were cut.
    const again = await fleet.hmsops(['disburse', '--grant', file]);
    expect(again.stdout).toContain("1 name(s) longer than NACHA's 22-character Individual Name field are cut to fit in the file");
  });

  it('stops after the batches in flight on Ctrl-C, and a resume finishes the rest', async () => {
    const n = 1000; // 10 batches of 100: stopped after the second, most are left for the resume
    const file = await generate(n, 'GEN-CTRLC', 12);
    const { child } = await suite.disburseUnderWay(file, 'GEN-CTRLC');
    child.kill('SIGINT');
    const stopped = await child;
    expect(stopped.exitCode).toBe(130);
    const receipt = JSON.parse(String(stopped.stdout));
    expect(receipt.status).toBe('interrupted');
    const stored = (await ledger<{ n: number }>("SELECT COUNT(*) AS n FROM transfers WHERE grant_id = 'GEN-CTRLC'")).n;
    // Whole batches only: what the receipt says was sent is exactly what the ledger holds.
    expect(receipt.totals.paidNow).toBe(stored);
    expect(stored % 100).toBe(0);
    expect(receipt.totals.notSent).toBe(n - stored);
    const resumed = await fleet.hmsops(['disburse', '--resume', 'GEN-CTRLC', '--json']);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).totals).toMatchObject({ paidNow: n - stored, alreadyDisbursed: stored });
    // Read by a person, a receipt that large says where its per-recipient table is.
    const text = await fleet.hmsops(['disburse', '--resume', 'GEN-CTRLC']);
    expect(text.stdout).toContain(`${n} recipients: the table of each is left out above 50; --json has every one`);
    expect(text.stdout).not.toContain('RECIPIENT');
  });

  it('takes --effective-date, and off a terminal prints plain progress lines and no colour', async () => {
    const date = nextBankingDay(new Date(Date.now() + 14 * 86_400_000));
    const file = await generate(5, 'GEN-DATED', 22);
    const r = await fleet.hmsops(['disburse', '--grant', file, '--effective-date', date], { env: { NO_COLOR: '1' } });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr.split('\n')).toEqual(expect.arrayContaining(['transfers: 5/5', 'analytics: 5/5', 'email: 5/5', 'file: 1/1']));
    expect(r.stderr.split('\n').filter((l) => l === 'file: 1/1')).toHaveLength(1); // each count once
    expect(r.stdout).toContain(`effective ${date},`);
    expect(r.stdout + r.stderr).not.toContain('\u001b[');
    expect(r.stdout).toContain('Receipt: GEN-DATED');
    expect((await ledger<{ n: number }>("SELECT COUNT(*) AS n FROM transfers WHERE grant_id = 'GEN-DATED' AND effective_date = ?", date)).n).toBe(5);
    const bad = await fleet.hmsops(['disburse', '--grant', file, '--effective-date', 'next week']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--effective-date: expected YYYY-MM-DD');
    // A day ACH does not settle is refused before anything is paid.
    const holiday = await fleet.hmsops(['disburse', '--grant', file, '--effective-date', '2099-12-25']);
    expect(holiday.exitCode).toBe(2);
    expect(holiday.stderr).toContain('--effective-date: 2099-12-25 is a Federal Reserve holiday, when ACH does not settle; the next banking day is 2099-12-28');
  });

  it('disburses as the user given with --user, asking for the password with a masked prompt on a terminal', async () => {
    const admin = await connect({ stateDir: fleet.stateDir });
    await admin.call('POST', '/auth/v1/users', { username: 'dana', password: 'dana types this on a terminal', email: 'd@x.example', roles: ['operator'] });
    await admin.close();
    const file = await generate(5, 'GEN-USER', 21);
    // `script` gives the CLI a terminal (a pty, sized here: it starts with 0 columns); what we write to it is typed at the prompt.
    const command = `stty cols 120 rows 40; ${[process.execPath, cliPath, 'disburse', '--grant', file, '--user', 'dana'].map((a) => `'${a}'`).join(' ')}`;
    // CI is set as on a CI runner: ink then draws nothing until it exits, yet the prompt must show.
    const child = execa('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: fleet.dir, reject: false, env: { NO_COLOR: '1', CI: 'true' } });
    let shown = '';
    child.stdout!.on('data', (d) => (shown += d.toString()));
    await until('the password prompt', () => shown.includes('password for dana:'), 20_000, 20);
    await sleep(300); // the prompt turns echo off just after it first shows
    child.stdin!.write('dana types this');
    await until('the typed part masked', () => shown.includes('*'.repeat(15)), 20_000, 20);
    child.stdin!.write(' on a terminal\r'); // the rest, pasted with its Enter
    const r = await child;
    expect(r.exitCode, shown).toBe(0);
    expect(shown).toContain('Receipt: GEN-USER');
    expect(shown).toContain('transfers: 5/5'); // under CI, progress comes as plain lines, even on a terminal
    expect(shown).not.toContain('dana types'); // masked, never echoed
    const dana = /"url":"\/ach\/v1\/transfers:batch"[^\n]*"user":"dana"/;
    await until('dana in the access log', () => dana.test(fleet.accessLog()));
    expect((await fleet.hmsops(['logs', 'gateway'])).stdout).toMatch(dana);
    // Without a terminal and without HMSOPS_PASSWORD there is no way to ask: a usage error, nothing sent.
    const noTty = await fleet.hmsops(['disburse', '--grant', file, '--user', 'dana']);
    expect(noTty.exitCode).toBe(2);
    expect(noTty.stderr).toContain('set HMSOPS_PASSWORD or run in a terminal');
    // The password typed is in no log (the fleet's own secrets are scanned for at teardown).
    const logsDir = path.join(fleet.stateDir, 'logs');
    for (const f of fs.readdirSync(logsDir)) expect(fs.readFileSync(path.join(logsDir, f), 'utf8'), f).not.toContain('dana types this on a terminal');
  });

  it('passes the CI smoke test on the running fleet and leaves the fleet running', async () => {
    const r = await fleet.hmsops(['smoke', '--json']);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.passed).toBe(true);
    expect(out.startedFleet).toBe(false);
    expect(out.checks.map((c: any) => c.name)).toContain('mail sink: notices delivered');
    // One payment returned by the stand-in bank, and the grant still balances.
    expect(out.checks.filter((c: any) => /^(returns|reconcile):/.test(c.name)).map((c: any) => [c.name, c.ok])).toEqual([
      ['returns: matched to the transfer', true],
      ['returns: follow-ups pending', true],
      ['reconcile: paid + returned = transfers', true],
      ['reconcile: mismatches', true],
    ]);
    expect((await fleet.instances()).every((i) => i.state === 'ready')).toBe(true);
  });
});
