// Drill: the filesystem that ACH writes NACHA files to fills up while a file is cut. A small
// tmpfs is mounted on the state dir's ach/outbound (root can mount here; elsewhere this test is
// skipped and says so). The cut fails with a clear error, leaves no file (whole or partial) in
// ach/outbound and no transfer filed; once there is room, the next cut files every transfer once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, HmsopsApiError } from '../../src/sdk/index.js';
import { readNachaFile } from '../../src/nacha/index.js';
import { downAll, makeFleet } from '../helpers/fleet.js';
import { transfer } from '../helpers/grants.js';

const mounts: string[] = [];
afterEach(async () => {
  // Unmounted first: the fleet's teardown removes its dir, which a mount point would keep busy.
  for (const m of mounts.splice(0)) execFileSync('umount', ['-l', m]);
  await downAll();
});

function canMount(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmdirSync(probe);
  }
}
const mountable = canMount();

describe('drill: the outbound filesystem full while a NACHA file is cut', () => {
  if (!mountable) return void it.skip('is skipped: this machine does not let the tests mount a tmpfs (needs root, or CAP_SYS_ADMIN)', () => undefined);

  it('refuses the cut with 507 FILE_NOT_WRITTEN, leaves no partial file and no transfer filed, and the next cut succeeds once there is room', async () => {
    const fleet = makeFleet('version: 1\ngateway: { port: 0 }\nservices:\n  auth: {}\n  ach: {}\n');
    const outbound = path.join(fleet.stateDir, 'ach', 'outbound');
    fs.mkdirSync(outbound, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', outbound]);
    mounts.push(outbound);
    const up = await fleet.hmsops(['up']);
    expect(up.exitCode, up.stderr).toBe(0);
    const client = await connect({ stateDir: fleet.stateDir });
    try {
      const items = Array.from({ length: 300 }, (_, i) => ({ ...transfer('G-FULL', i + 1), idempotencyKey: `G-FULL:R-${i + 1}` }));
      const batch = await client.payments.transferBatch(items);
      expect(batch.results.every((r: any) => r.status === 201)).toBe(true);
      // ~29 KB of NACHA text against ~16 KB of room.
      fs.writeFileSync(path.join(outbound, 'filler'), Buffer.alloc(112 * 1024));
      const refused = await client.payments.cutFile({ grantId: 'G-FULL' }).catch((e) => e);
      expect(refused).toBeInstanceOf(HmsopsApiError);
      expect(refused).toMatchObject({ status: 507, code: 'FILE_NOT_WRITTEN' });
      expect(refused.message).toMatch(/ENOSPC|no transfer was filed/);
      expect(fs.readdirSync(outbound)).toEqual(['filler']); // nothing whole or partial
      const after = await client.payments.list({ grantId: 'G-FULL' });
      expect(after.transfers.filter((t: any) => t.status !== 'queued')).toEqual([]);
      expect((await client.payments.files({ grantId: 'G-FULL' })).files).toEqual([]);
      fs.rmSync(path.join(outbound, 'filler'));
      const cut = (await client.payments.cutFile({ grantId: 'G-FULL' })) as any;
      expect(cut.entries).toBe(300);
      const files = fs.readdirSync(outbound);
      expect(files).toEqual([`${cut.fileId}.ach`]);
      const read = readNachaFile(fs.readFileSync(path.join(outbound, files[0]!), 'latin1'));
      expect(read.ok).toBe(true);
      expect(read.summary.entries).toBe(300);
      expect((await client.payments.list({ grantId: 'G-FULL', status: 'filed' })).transfers).toHaveLength(300);
    } finally {
      await client.close();
    }
  });
});
