// Drills of files sent to the ODFI, through a real OpenSSH sshd standing in for the bank and the
// fleet's data on a real PostgreSQL (two ACH instances):
//  - the SFTP server down at a cutoff: the file waits, is reported late once the cutoff passes
//    (`ach files` and the ACH log), and is sent once when the server is back;
//  - every ACH instance SIGKILLed between the upload and its record (the record held back by a
//    lock the drill takes on file_sends): the instances started again find the file whole on the
//    server and record it as sent; it is never uploaded twice.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSftp } from '../../scripts/sftp-server.mjs';
import { pidAlive } from '../../src/daemon/process-group.js';
import { downAll, makeFleet, sleep, until, type TestFleet } from '../helpers/fleet.js';
import { odfiFleetConfig } from '../helpers/odfi.js';
import { type FleetStore, storesFor } from '../helpers/stores.js';
import { skipWithout } from '../helpers/servers.js';

const pad = (n: number) => String(n).padStart(2, '0');

let sftp: Awaited<ReturnType<typeof startSftp>>;
const stores = storesFor('postgres');
let store: FleetStore;
let fleet: TestFleet;
/** The one cutoff of the day (UTC), a minute or two from the start: the first drill's file is cut before it and misses it. */
let cutoffAt: number;

beforeAll(async () => {
  sftp = await startSftp();
  store = await stores.store();
  cutoffAt = Math.ceil((Date.now() + 60_000) / 60_000) * 60_000;
  const cutoff = new Date(cutoffAt);
  fleet = makeFleet(
    odfiFleetConfig(sftp, {
      cutoffs: [`${pad(cutoff.getUTCHours())}:${pad(cutoff.getUTCMinutes())}`],
      timezone: 'UTC',
      ach: '{ instances: 2, stopTimeout: 1s, restart: { initialBackoff: 100ms } }',
      odfi: ['merge: false'],
    }),
    { store },
  );
  const up = await fleet.hmsops(['up']);
  expect(up.exitCode, up.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  try {
    await downAll();
  } finally {
    await store?.close();
    await stores.stop();
    await sftp?.stop();
  }
});

const files = async () => JSON.parse((await fleet.hmsops(['ach', 'files', '--json'])).stdout).files as any[];
const fileOf = async (fileId: string) => (await files()).find((f) => f.fileId === fileId);
/** The file once `ach files` says it is sent (a backoff of up to a minute, a lease of 30 s before that). */
const untilSent = (fileId: string, what: string) =>
  until(
    what,
    async () => {
      const f = await fileOf(fileId);
      return f?.state === 'sent' && f;
    },
    120_000,
    500,
  );
const outbound = () => fs.readdirSync(path.join(sftp.root, 'outbound')).sort();

async function cutGrant(id: string, seed: number): Promise<{ fileId: string; name: string }> {
  const grant = path.join(fleet.dir, `${id}.yaml`);
  expect((await fleet.hmsops(['fixtures', 'grant', '--recipients', '25', '--seed', String(seed), '--id', id, '--out', grant])).exitCode).toBe(0);
  const r = await fleet.hmsops(['disburse', '--grant', grant, '--json']);
  expect(r.exitCode, r.stderr).toBe(0);
  const [file] = JSON.parse(r.stdout).files;
  return { fileId: file.fileId, name: path.basename(file.path) };
}

describe.skipIf(skipWithout('drill: files sent to the ODFI', ['sshd', 'postgres']))('drill: files sent to the ODFI', () => {
  it('the SFTP server down at a cutoff: the file waits, is reported late once the cutoff passes, and is sent once when the server is back', async () => {
    await sftp.halt();
    let cut: { fileId: string; name: string };
    try {
      cut = await cutGrant('G-DRILL-CUTOFF', 11);
      expect(Date.now()).toBeLessThan(cutoffAt);
      const before = await until('tried and refused', async () => {
        const f = await fileOf(cut.fileId);
        return f && f.attempts >= 1 && f;
      });
      expect(before).toMatchObject({ state: 'cut', late: false, lastError: expect.stringContaining('cannot reach the SFTP server') });
      await sleep(Math.max(0, cutoffAt - Date.now()) + 1000);
      const late = await until('late', async () => {
        const f = await fileOf(cut.fileId);
        return f?.late && f;
      });
      expect(late).toMatchObject({ state: 'cut', sentAt: null });
      expect((await fleet.hmsops(['ach', 'files'])).stdout).toMatch(new RegExp(`${cut.name}.*late`));
    } finally {
      await sftp.resume();
    }
    const sent = await untilSent(cut!.fileId, 'sent once back');
    expect(sent).toMatchObject({ late: true, remotePath: `/outbound/${cut!.name}` });
    expect(outbound()).toEqual([cut!.name]);
    expect((await fleet.hmsops(['ach', 'files'])).stdout).toContain('sent after its cutoff');
    expect((await fleet.hmsops(['logs', 'ach'])).stdout).toContain('NACHA file sent to the ODFI after its cutoff');
  });

  it('every ACH instance SIGKILLed between the upload and its record: the file is found on the server and recorded, never uploaded twice', async () => {
    const lock = await store.lockTable!('ach', 'file_sends');
    let cut: { fileId: string; name: string };
    let remote = '';
    let first: fs.Stats;
    try {
      cut = await cutGrant('G-DRILL-KILL', 12);
      remote = path.join(sftp.root, 'outbound', cut.name);
      await until('uploaded', () => fs.existsSync(remote), 30_000);
      first = fs.statSync(remote);
      // Uploaded, renamed, and its record waits on the lock: nothing recorded.
      await sleep(500);
      expect((await store.query('ach', 'SELECT file_id FROM file_sends WHERE file_id = ?', [cut.fileId])).length).toBe(0);
      const ach = (await fleet.instances()).filter((i) => i.service === 'ach');
      expect(ach).toHaveLength(2);
      for (const i of ach) process.kill(i.pid, 'SIGKILL');
      await until('killed', () => ach.every((i) => !pidAlive(i.pid)));
      // Its connection goes with it (PostgreSQL would otherwise run the INSERT it was waiting on
      // once the lock is free: a server notices a client gone only when it next talks to it).
      await stores.server()!.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO file_sends%'");
    } finally {
      await lock.release();
    }
    // Started again, the lease of the dead one runs out (30 s), and the new holder finds the file there.
    const sent = await untilSent(cut!.fileId, 'recorded as sent');
    expect(sent.remotePath).toBe(`/outbound/${cut!.name}`);
    expect(await store.query('ach', 'SELECT found_there FROM file_sends WHERE file_id = ?', [cut!.fileId])).toEqual([{ found_there: 1 }]);
    const now = fs.statSync(remote);
    expect([now.ino, now.mtimeMs, now.size]).toEqual([first!.ino, first!.mtimeMs, first!.size]);
    expect(outbound().filter((n) => n === cut!.name || n.startsWith('.'))).toEqual([cut!.name]);
    expect((await fleet.instances()).filter((i) => i.service === 'ach' && i.state === 'ready')).toHaveLength(2);
  });
});
