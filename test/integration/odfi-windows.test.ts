/**
 * The bank's windows (ach.odfi.merge, the default), through a real OpenSSH sshd standing in for
 * the bank: the files cut by two disbursements inside one window go to the bank as one file
 * holding both (merged by batch header), at once with `ach send` or by themselves a lead time
 * before the cutoff; `ach files` says which upload each cut file went into, or the window it waits
 * for; an upload sent is never sent again, and the bank's acknowledgement of it acknowledges its
 * files. A window missed while the server is down is a drill (test/drills/odfi.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSftp } from '../../scripts/sftp-server.mjs';
import { buildAcknowledgement, readNachaFile } from '../../src/nacha/index.js';
import { downAll, makeFleet, repoRoot, until, type TestFleet } from '../helpers/fleet.js';
import { odfiFleetConfig } from '../helpers/odfi.js';
import { skipWithout } from '../helpers/servers.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** HH:MM (UTC) three hours from now: a window that is not due while the test runs, with a 15-minute lead. */
const later = new Date(Date.now() + 3 * 3_600_000);
const cutoff = `${pad(later.getUTCHours())}:${pad(later.getUTCMinutes())}`;

describe.skipIf(skipWithout('the bank windows', ['sshd']))('the bank windows (files merged per window)', () => {
  let sftp: Awaited<ReturnType<typeof startSftp>>;
  let fleet: TestFleet;
  const config = (odfi: string[]) => odfiFleetConfig(sftp, { cutoffs: [cutoff], timezone: 'UTC', ach: '{ instances: 2 }', odfi });
  beforeAll(async () => {
    sftp = await startSftp();
    fleet = makeFleet(config([]));
    const up = await fleet.hmsops(['up']);
    expect(up.exitCode, up.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    try {
      await downAll();
    } finally {
      await sftp?.stop();
    }
  });

  const list = async () => JSON.parse((await fleet.hmsops(['ach', 'files', '--json'])).stdout);
  const onServer = () =>
    fs
      .readdirSync(path.join(sftp.root, 'outbound'))
      .filter((f) => !f.startsWith('.'))
      .sort();
  const grant = (id: string) => {
    const file = path.join(fleet.dir, `${id}.yaml`);
    fs.writeFileSync(file, fs.readFileSync(path.join(repoRoot, 'fixtures', 'grants', 'dol-training.yaml'), 'utf8').replace('id: DOL-ETA-2026-0042', `id: ${id}`));
    return file;
  };
  const disburse = async (id: string) => {
    const r = await fleet.hmsops(['disburse', '--grant', grant(id), '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { files: { fileId: string }[]; recipients: { traceNumber: string }[] };
  };

  it('sends the files of two disbursements inside one window as one file, holding both, merged by batch header', async () => {
    const one = await disburse('WIN-1');
    const two = await disburse('WIN-2');
    const ids = [one.files[0]!.fileId, two.files[0]!.fileId];
    // They wait for the window: nothing on the bank's server yet.
    const waiting = await list();
    const window = `${later.toISOString().slice(0, 10)} ${cutoff} UTC`;
    expect(waiting).toMatchObject({ merge: true, nextWindow: { cutoff: window }, uploads: [] });
    expect(waiting.files.map((f: any) => [f.fileId, f.state, f.upload, f.cutoff])).toEqual(ids.map((id) => [id, 'cut', null, window]));
    expect((await fleet.hmsops(['ach', 'files'])).stdout).toContain(`files cut now go in the window of ${window}`);
    expect(onServer()).toEqual([]);

    const send = await fleet.hmsops(['ach', 'send', '--json']);
    expect(send.exitCode, send.stdout + send.stderr).toBe(0);
    const sent = JSON.parse(send.stdout);
    expect(sent.results).toEqual([{ fileId: expect.stringMatching(/^up_/), name: expect.stringMatching(/^\d{8}-\d{4}-001\.ach$/), outcome: 'sent' }]);
    const name = sent.results[0].name;
    expect(onServer()).toEqual([name]);
    // One file, both disbursements' entries in it, each batch header once (CCD and PPD), entries as cut.
    const read = readNachaFile(fs.readFileSync(path.join(sftp.root, 'outbound', name), 'latin1'));
    expect(read.problems).toEqual([]);
    expect(read.summary).toMatchObject({ batches: 2, entries: 20 });
    const traces = read.file!.batches.flatMap((b) => b.entries.map((e) => e.traceNumber)).sort();
    expect(traces).toEqual([...one.recipients, ...two.recipients].map((r) => r.traceNumber).sort());
    expect(read.file!.batches.map((b) => b.header.secCode)).toEqual(['CCD', 'PPD']);

    const after = await list();
    expect(after.files.map((f: any) => [f.state, f.upload, f.cutoff])).toEqual([
      ['sent', name, window],
      ['sent', name, window],
    ]);
    expect(after.uploads).toEqual([expect.objectContaining({ name, window, state: 'sent', entries: 20, files: [...ids].sort(), remotePath: `/outbound/${name}` })]);
    const text = (await fleet.hmsops(['ach', 'files'])).stdout;
    expect(text).toMatch(new RegExp(`${name}\\s+${window.replace(/[+]/g, '\\+')}\\s+2\\s+20`));

    // Sent once: asked again, nothing goes up; one file alone is not sent outside its window's upload.
    const again = JSON.parse((await fleet.hmsops(['ach', 'send', '--json'])).stdout);
    expect(again.results).toEqual([]);
    const alone = await fleet.hmsops(['ach', 'send', '--file', ids[0]!]);
    expect(alone.exitCode).toBe(1);
    expect(alone.stderr).toContain('files go to the bank merged per window (ach.odfi.merge)');
    expect(onServer()).toEqual([name]);
  });

  it("acknowledges an upload's files when the bank acknowledges it", async () => {
    const { uploads } = await list();
    const received = fs.readFileSync(path.join(sftp.root, 'outbound', uploads[0].name), 'latin1');
    fs.writeFileSync(path.join(sftp.root, 'inbound', 'ACK-UP.ach'), buildAcknowledgement(received), 'latin1');
    const r = await fleet.hmsops(['ach', 'fetch', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).fetched.map((f: any) => [f.name, f.imported.acknowledgement])).toEqual([['ACK-UP.ach', { fileId: uploads[0].uploadId }]]);
    const after = await list();
    expect(after.files.map((f: any) => f.state)).toEqual(['acknowledged', 'acknowledged']);
    expect(after.uploads[0].state).toBe('acknowledged');
  });

  it('sends by itself a lead time before the cutoff: a file cut then goes up in its window without ach send', async () => {
    // The window's lead now covers the present: what waits is due. (`up` restarts ach with the bank's settings changed.)
    const pids = async (service: string) => (await fleet.instances()).filter((i: any) => i.service === service && i.state === 'ready').map((i: any) => i.pid);
    const [achBefore, authBefore] = [await pids('ach'), await pids('auth')];
    fs.writeFileSync(path.join(fleet.dir, 'hmsops.config.yaml'), fs.readFileSync(path.join(fleet.dir, 'hmsops.config.yaml'), 'utf8').replace(config([]), config(['sendLead: 4h'])));
    const up = await fleet.hmsops(['up']);
    expect(up.exitCode, up.stderr).toBe(0);
    // ach, which reads ach.odfi, was restarted with it; auth, which does not, was left alone.
    expect((await pids('ach')).some((p: number) => achBefore.includes(p))).toBe(false);
    expect(await pids('auth')).toEqual(authBefore);
    const three = await disburse('WIN-3');
    const fileId = three.files[0]!.fileId;
    // Polled through the SDK (what `ach files --json` prints): a CLI process per look costs more than the wait.
    const f = await until('the file sent in an upload of its window', async () => {
      const x = (await (await fleet.sdk()).payments.odfiFiles()).files.find((y: any) => y.fileId === fileId);
      return x?.state === 'sent' && x;
    });
    expect(onServer()).toContain(f.upload);
    expect(onServer()).toHaveLength(2);
    const read = readNachaFile(fs.readFileSync(path.join(sftp.root, 'outbound', f.upload), 'latin1'));
    expect(read.summary.entries).toBe(10);
    expect(read.file!.header.fileIdModifier).toBe('B'); // the day's second upload
  });
});
