/**
 * Files sent to the ODFI by the ACH service, through a real OpenSSH sshd standing in for the
 * bank (scripts/sftp-server.mjs), with two ACH instances racing to send: each file cut reaches
 * the bank once, whole, under its name; a server that is down keeps the file waiting (attempts,
 * the reason) and it is sent once it is back; a file sent before a crash and not recorded is
 * found on the server and recorded, not sent twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAcknowledgement, buildReturnFile } from '../../src/nacha/index.js';
import { repoRoot, until, type TestFleet } from '../helpers/fleet.js';
import { odfiFleet, odfiFleetConfig } from '../helpers/odfi.js';
import { skipWithout } from '../helpers/servers.js';

// Each file sent as soon as it is cut: what is said of a send here holds for an upload of merged files (odfi-windows.test.ts).
const suite = odfiFleet((server) => odfiFleetConfig(server, { cutoffs: ['10:30', '14:45'], timezone: 'America/New_York', ach: '{ instances: 2 }', odfi: ['merge: false'] }));
let sftp: ReturnType<typeof suite.sftp>;
let fleet: TestFleet;
beforeAll(() => {
  sftp = suite.sftp();
  fleet = suite.fleet();
});

// What `hmsops ach files --json` prints (asserted below as the CLI shows it), read through the SDK where a test polls.
const files = async () => (await (await fleet.sdk()).payments.odfiFiles()).files as any[];
const onServer = () => fs.readdirSync(path.join(sftp.root, 'outbound')).sort();
const ledger = () => new Database(path.join(fleet.stateDir, 'data', 'ach.sqlite'));
/** A send record lost, as if the instance died between the upload and its commit. */
function forgetSend(fileId: string) {
  const db = ledger();
  try {
    db.prepare('DELETE FROM file_sends WHERE file_id = ?').run(fileId);
  } finally {
    db.close();
  }
}

describe.skipIf(skipWithout('sending files to the ODFI', ['sshd']))('sending files to the ODFI', () => {
  it('sends each file cut to the bank once, whole, under its name, with two instances racing to send', async () => {
    const r = await fleet.hmsops(['disburse', '--grant', path.join(repoRoot, 'fixtures', 'grants', 'dol-training.yaml'), '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const [cut] = JSON.parse(r.stdout).files;
    const sent = await until('the file sent', async () => {
      const f = (await files()).find((x) => x.fileId === cut.fileId);
      return f?.state === 'sent' && f;
    });
    const name = path.basename(cut.path);
    expect(sent).toMatchObject({
      name,
      remotePath: `/outbound/${name}`,
      attempts: 0,
      lastError: null,
      cutoff: expect.stringMatching(/^\d{4}-\d\d-\d\d (10:30|14:45) America\/New_York$/),
    });
    expect(onServer()).toEqual([name]);
    expect(fs.readFileSync(path.join(sftp.root, 'outbound', name)).equals(fs.readFileSync(cut.path))).toBe(true);
    const db = ledger();
    try {
      expect(db.prepare('SELECT COUNT(*) AS n, SUM(found_there) AS found FROM file_sends').get()).toEqual({ n: 1, found: 0 });
    } finally {
      db.close();
    }
    const again = await fleet.hmsops(['ach', 'send', '--json']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).results).toEqual([]);
    expect(onServer()).toEqual([name]);
  });

  it('keeps a file while the server is down, saying why, and sends it once when the server is back', async () => {
    await sftp.halt();
    let fileId = '';
    try {
      const grant = path.join(fleet.dir, 'down.yaml');
      expect((await fleet.hmsops(['fixtures', 'grant', '--recipients', '20', '--seed', '5', '--id', 'G-SFTP-DOWN', '--out', grant])).exitCode).toBe(0);
      const r = await fleet.hmsops(['disburse', '--grant', grant, '--json']);
      expect(r.exitCode, r.stderr).toBe(0);
      fileId = JSON.parse(r.stdout).files[0].fileId;
      const waiting = await until('tried and refused', async () => {
        const f = (await files()).find((x) => x.fileId === fileId);
        return f && f.attempts >= 2 && f;
      });
      expect(waiting).toMatchObject({ state: 'cut', sentAt: null, lastError: expect.stringContaining('cannot reach the SFTP server') });
      const table = await fleet.hmsops(['ach', 'files']);
      expect(table.stdout).toMatch(/attempt\(s\): cannot reach the SFTP server/);
    } finally {
      await sftp.resume();
    }
    const sent = await until(
      'sent once back',
      async () => {
        const f = (await files()).find((x) => x.fileId === fileId);
        return f?.state === 'sent' && f;
      },
      30_000,
      200,
    );
    expect(onServer().filter((n) => n === sent.name)).toHaveLength(1);
    expect(onServer().filter((n) => n.startsWith('.'))).toEqual([]); // no temporary left
  });

  it('records a file sent before a crash (on the server, not recorded) as sent, without sending it again', async () => {
    const [first] = await files();
    const remote = path.join(sftp.root, 'outbound', first.name);
    const before = fs.statSync(remote);
    // The record lost, as if the instance died between the rename on the server and its commit.
    forgetSend(first.fileId);
    const r = await fleet.hmsops(['ach', 'send', '--file', first.fileId, '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    // Either this instance found it there, or the other one did a moment before (then nothing was left to send).
    expect(out.results.every((x: any) => x.outcome === 'already-there')).toBe(true);
    await until('recorded again', async () => (await files()).find((x) => x.fileId === first.fileId)?.state === 'sent');
    const db2 = ledger();
    try {
      expect(db2.prepare('SELECT found_there FROM file_sends WHERE file_id = ?').get(first.fileId)).toEqual({ found_there: 1 });
    } finally {
      db2.close();
    }
    expect(fs.statSync(remote).mtimeMs).toBe(before.mtimeMs);
    expect(fs.statSync(remote).ino).toBe(before.ino);
  });

  it("fetches the bank's new files from its inbound folder once each, imported with their follow-ups; a file that is not NACHA is said, not imported", async () => {
    const show = JSON.parse((await fleet.hmsops(['disbursements', 'show', 'DOL-ETA-2026-0042', '--json'])).stdout);
    const t = show.transfers[0];
    const back = buildReturnFile([{ originalTrace: t.traceNumber, amountCents: t.amountCents, code: 'R02' }], {
      rdfi: '01100001',
      odfiRouting: '021000021',
      companyName: 'US DEPT OF LABOR',
      companyId: '1234567890',
    });
    fs.writeFileSync(path.join(sftp.root, 'inbound', 'RET-1.ach'), back, 'latin1');
    fs.writeFileSync(path.join(sftp.root, 'inbound', 'junk.txt'), 'not a NACHA file');
    const r = await fleet.hmsops(['ach', 'fetch', '--json']);
    expect(r.exitCode, r.stderr).toBe(1); // junk.txt
    const out = JSON.parse(r.stdout);
    expect(out.fetched.map((f: any) => [f.name, f.imported?.records.length ?? null, Boolean(f.error)])).toEqual([
      ['RET-1.ach', 1, false],
      ['junk.txt', null, true],
    ]);
    expect(out.fetched[0].imported.records[0]).toMatchObject({ kind: 'returned', code: 'R02', recipientId: t.recipientId, transferId: t.id });
    expect(out.fetched[0].pending).toEqual([]);
    expect(out.fetched[1].error).toContain('junk.txt is not a valid NACHA file');
    // Fetched once: the next fetch finds nothing new (the junk gone meanwhile).
    fs.rmSync(path.join(sftp.root, 'inbound', 'junk.txt'));
    const again = await fleet.hmsops(['ach', 'fetch', '--json']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).fetched).toEqual([]);
    const rec = JSON.parse((await fleet.hmsops(['reconcile', 'DOL-ETA-2026-0042', '--json'])).stdout);
    expect(rec).toMatchObject({ returned: { count: 1 }, mismatches: [] });
  });

  it("marks a file acknowledged when the bank's acknowledgement comes in, and never sends it again, even once the bank has taken it from its folder", async () => {
    const [first] = await files();
    const remote = path.join(sftp.root, 'outbound', first.name);
    const received = fs.readFileSync(remote, 'latin1');
    fs.writeFileSync(path.join(sftp.root, 'inbound', 'ACK-1.ach'), buildAcknowledgement(received), 'latin1');
    // An acknowledgement of a file never sent (another creation time in its header).
    fs.writeFileSync(path.join(sftp.root, 'inbound', 'ACK-2.ach'), buildAcknowledgement(`${received.slice(0, 29)}2359${received.slice(33)}`), 'latin1');
    const r = await fleet.hmsops(['ach', 'fetch', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).fetched.map((f: any) => [f.name, f.imported.acknowledgement])).toEqual([
      ['ACK-1.ach', { fileId: first.fileId }],
      ['ACK-2.ach', { fileId: null }],
    ]);
    const acked = (await files()).find((x) => x.fileId === first.fileId);
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedAt: expect.any(String), sentAt: first.sentAt });
    expect((await fleet.hmsops(['ach', 'files'])).stdout).toMatch(new RegExp(`${first.name}.*acknowledged`));
    // The bank has taken the file away and this ledger lost its send record: it is still not sent again.
    fs.rmSync(remote);
    forgetSend(first.fileId);
    const send = await fleet.hmsops(['ach', 'send', '--file', first.fileId, '--json']);
    expect(send.exitCode, send.stderr).toBe(0);
    expect(JSON.parse(send.stdout).results).toEqual([]);
    expect(fs.existsSync(remote)).toBe(false);
    expect((await files()).find((x) => x.fileId === first.fileId)).toMatchObject({ state: 'acknowledged', late: false });
    // Imported again by hand: nothing changes, and it says what it acknowledged.
    const again = await fleet.hmsops(['ach', 'import', path.join(sftp.root, 'inbound', 'ACK-1.ach')]);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain(`already imported ${path.join(sftp.root, 'inbound', 'ACK-1.ach')}: the bank's acknowledgement of file ${first.fileId}`);
  });
});
