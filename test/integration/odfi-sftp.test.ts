/**
 * The ACH service's SFTP transport against a real OpenSSH sshd (scripts/sftp-server.mjs: a free
 * loopback port, keys made for the run, internal-sftp chrooted under /var/lib): a file goes up
 * under a temporary name and is renamed once its size is checked; a file already there whole is
 * not sent twice; another file of the same name is not overwritten; a server that is not the
 * pinned one, or not there, is refused with a reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSftp } from '../../scripts/sftp-server.mjs';
import { fetchFile, listRemote, sendFile, type SftpTarget, withSftp } from '../../services/ach/odfi-sftp.js';
import { skipWithout } from '../helpers/servers.js';

let sftp: Awaited<ReturnType<typeof startSftp>>;
let target: SftpTarget;
beforeAll(async () => {
  sftp = await startSftp();
  target = { url: sftp.url, privateKey: fs.readFileSync(sftp.privateKeyFile), hostKey: sftp.hostKey, timeoutMs: 5000 };
});
afterAll(async () => {
  await sftp?.stop();
});

describe.skipIf(skipWithout('the ODFI SFTP transport', ['sshd']))('the ODFI SFTP transport', () => {
  it('puts a file under a temporary name and renames it once its size is right; the same file again is found there, not sent twice', async () => {
    const bytes = Buffer.from(`${'1'.repeat(94)}\n`.repeat(10), 'latin1');
    expect(await sendFile(target, '/outbound', '20261203-G1.ach', bytes)).toEqual({ outcome: 'sent', remotePath: '/outbound/20261203-G1.ach' });
    // What the bank sees: the whole file under its name, no temporary left.
    expect(fs.readdirSync(path.join(sftp.root, 'outbound'))).toEqual(['20261203-G1.ach']);
    expect(fs.readFileSync(path.join(sftp.root, 'outbound', '20261203-G1.ach')).equals(bytes)).toBe(true);
    expect(await sendFile(target, '/outbound', '20261203-G1.ach', bytes)).toEqual({ outcome: 'already-there', remotePath: '/outbound/20261203-G1.ach' });
    await expect(sendFile(target, '/outbound', '20261203-G1.ach', Buffer.from('other'))).rejects.toMatchObject({
      code: 'SFTP_UNAVAILABLE',
      message: expect.stringContaining("is already on the server with 950 bytes, not this file's 5: not overwritten"),
    });
    const listed = await withSftp(target, (s) => listRemote(s, '/outbound'));
    expect(listed).toEqual([{ name: '20261203-G1.ach', size: 950 }]);
  });

  it('reads what the bank left in its inbound folder', async () => {
    fs.writeFileSync(path.join(sftp.root, 'inbound', 'RET1.ach'), 'returns');
    expect((await withSftp(target, (s) => fetchFile(s, '/inbound/RET1.ach'))).toString()).toBe('returns');
  });

  it('refuses a server whose host key is not the pinned one, naming both', async () => {
    await expect(sendFile({ ...target, hostKey: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, '/outbound', 'x.ach', Buffer.from('x'))).rejects.toMatchObject({
      code: 'SFTP_UNAVAILABLE',
      message: expect.stringMatching(new RegExp(`presented host key ${sftp.hostKey.replace(/[+/]/g, '\\$&')}, not the pinned SHA256:A+: refused`)),
    });
    expect(fs.readdirSync(path.join(sftp.root, 'outbound'))).not.toContain('x.ach');
  });

  it('says the server cannot be reached while it is down, and sends once it is back', async () => {
    await sftp.halt();
    try {
      await expect(sendFile(target, '/outbound', 'late.ach', Buffer.from('late'))).rejects.toMatchObject({
        code: 'SFTP_UNAVAILABLE',
        message: expect.stringContaining('cannot reach the SFTP server'),
      });
    } finally {
      await sftp.resume();
    }
    expect((await sendFile(target, '/outbound', 'late.ach', Buffer.from('late'))).outcome).toBe('sent');
  });
});
