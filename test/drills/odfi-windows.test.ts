// Drill of the bank's windows (ach.odfi.merge), through a real OpenSSH sshd standing in for the
// bank: the SFTP server down through a window's cutoff. The window's files are merged a lead time
// before it, the upload cannot go up, the cutoff passes; once the server answers again the upload
// is not found there, so it is marked missed (the ACH log says so, naming the next window) and its
// files go in the next window's upload, which is sent. The missed upload never reaches the bank.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSftp } from '../../scripts/sftp-server.mjs';
import { downAll, makeFleet, repoRoot, sleep, until, type TestFleet } from '../helpers/fleet.js';
import { odfiFleetConfig } from '../helpers/odfi.js';
import { skipWithout } from '../helpers/servers.js';

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (t: number) => `${pad(new Date(t).getUTCHours())}:${pad(new Date(t).getUTCMinutes())}`;
const shown = (t: number) => `${new Date(t).toISOString().slice(0, 10)} ${hhmm(t)} UTC`;

let sftp: Awaited<ReturnType<typeof startSftp>>;
let fleet: TestFleet;
/** Two windows two minutes apart, the first two to three minutes from the start; files go up a minute before each. */
let first: number;
let second: number;

beforeAll(async () => {
  sftp = await startSftp();
  first = Math.ceil((Date.now() + 120_000) / 60_000) * 60_000;
  second = first + 120_000;
  fleet = makeFleet(odfiFleetConfig(sftp, { cutoffs: [hhmm(first), hhmm(second)], timezone: 'UTC', ach: '{ instances: 2 }', odfi: ['sendLead: 1m'] }));
  const up = await fleet.hmsops(['up']);
  expect(up.exitCode, up.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  try {
    await downAll();
  } finally {
    await sftp?.stop();
  }
});

const list = async () => JSON.parse((await fleet.hmsops(['ach', 'files', '--json'])).stdout);
const outbound = () => fs.readdirSync(path.join(sftp.root, 'outbound')).filter((f) => !f.startsWith('.'));

describe.skipIf(skipWithout('drill: the bank windows', ['sshd']))('drill: the bank windows', () => {
  it("the SFTP server down through a window's cutoff: the upload is marked missed, the operator told, and its files go up in the next window", async () => {
    const r = await fleet.hmsops(['disburse', '--grant', path.join(repoRoot, 'fixtures', 'grants', 'dol-training.yaml'), '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const fileId = JSON.parse(r.stdout).files[0].fileId;
    expect((await list()).files[0]).toMatchObject({ fileId, state: 'cut', upload: null, cutoff: shown(first) });
    await sftp.halt();
    try {
      // A minute before the first cutoff: merged, and not sent.
      const merged = await until(
        'merged for the first window, not sent',
        async () => {
          const l = await list();
          return l.uploads[0]?.attempts >= 1 && l;
        },
        150_000,
      );
      expect(merged.uploads[0]).toMatchObject({ window: shown(first), state: 'merged', files: [fileId], lastError: expect.stringContaining('cannot reach the SFTP server') });
      await sleep(Math.max(0, first - Date.now()) + 5000);
    } finally {
      await sftp.resume();
    }
    // Back after the cutoff: the upload is not on the server, so it missed its window; the next window takes the file.
    const sent = await until(
      'sent in the next window',
      async () => {
        const l = await list();
        return l.files[0]?.state === 'sent' && l;
      },
      Math.max(0, second - Date.now()) + 30_000,
    );
    const [missed, next] = sent.uploads;
    expect(missed).toMatchObject({ window: shown(first), state: 'missed', sentAt: null, files: [fileId] });
    expect(next).toMatchObject({ window: shown(second), state: 'sent', files: [fileId] });
    expect(sent.files[0]).toMatchObject({ upload: next.name, missedWindows: [shown(first)], cutoff: shown(second), late: true });
    expect(outbound()).toEqual([next.name]);
    expect((await fleet.hmsops(['ach', 'files'])).stdout).toContain(`missed ${shown(first)}`);
    expect((await fleet.hmsops(['logs', 'ach'])).stdout).toContain(`upload ${missed.name} missed its window: its files go in the next one, ${shown(second)}`);
  });
});
