/**
 * Files to and from the bank under OpenPGP (`ach.odfi.pgp`), with Debian's gpg as the bank: its
 * key and ours made by gpg, as a bank and an operator would. A file sent reaches the SFTP server
 * only encrypted, and gpg decrypts it, with our good signature, to the file `ach verify` accepts;
 * a return the bank encrypted and signed with gpg is fetched and imported (and `ach import` of one
 * saved by hand); a plain file, or one not signed by the bank, is refused; a key file others can
 * read stops the config (exit 2).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReturnFile } from '../../src/nacha/index.js';
import { makeFleet, repoRoot, until, type TestFleet } from '../helpers/fleet.js';
import { odfiFleet, odfiFleetConfig } from '../helpers/odfi.js';
import { skipWithout } from '../helpers/servers.js';

/** Two gpg homes (the bank's, ours), each key made there; our secret and the bank's public key exported as files the config names. */
function makeKeys() {
  // Made by `make` (in the suite's beforeAll), not when the module is loaded: a file vitest loads and skips leaves nothing.
  let dir = '';
  const home = (who: string) => path.join(dir, who);
  const gpg = (h: string, args: string[], input?: string | Buffer) =>
    execa('gpg', ['--homedir', h, '--batch', '--yes', '--pinentry-mode', 'loopback', '--passphrase', '', '--trust-model', 'always', ...args], {
      input,
      encoding: 'buffer',
      stripFinalNewline: false,
    });
  return {
    get dir() {
      return dir;
    },
    get bank() {
      return home('bank');
    },
    get ours() {
      return home('ours');
    },
    gpg,
    async make() {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-pgp-'));
      for (const h of ['bank', 'ours']) fs.mkdirSync(home(h), { mode: 0o700 });
      const [bank, ours] = [home('bank'), home('ours')];
      await gpg(bank, ['--quick-gen-key', 'Bank of Tests ACH <ach@bank.example>', 'future-default', 'default', 'never']);
      await gpg(ours, ['--quick-gen-key', 'hmsops operator <ach@agency.example>', 'future-default', 'default', 'never']);
      const bankPublic = (await gpg(bank, ['--armor', '--export', 'ach@bank.example'])).stdout;
      const oursPublic = (await gpg(ours, ['--armor', '--export', 'ach@agency.example'])).stdout;
      const oursSecret = (await gpg(ours, ['--armor', '--export-secret-keys', 'ach@agency.example'])).stdout;
      await gpg(bank, ['--import'], oursPublic);
      fs.writeFileSync(path.join(dir, 'bank.asc'), bankPublic, { mode: 0o600 });
      fs.writeFileSync(path.join(dir, 'ours.key'), oursSecret, { mode: 0o600 });
      return { bankPublicKeyFile: path.join(dir, 'bank.asc'), privateKeyFile: path.join(dir, 'ours.key') };
    },
    /** gpg leaves an agent per home running: stopped, then the homes removed. */
    async remove() {
      if (!dir) return;
      for (const h of ['bank', 'ours']) await execa('gpgconf', ['--homedir', home(h), '--kill', 'all'], { reject: false });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const keys = makeKeys();
let files: { bankPublicKeyFile: string; privateKeyFile: string };

describe.skipIf(skipWithout('files to the bank under OpenPGP', ['sshd', 'gpg']))('files to the bank under OpenPGP', () => {
  beforeAll(async () => {
    files = await keys.make();
  }, 60_000);
  afterAll(() => keys.remove());

  const suite = odfiFleet((server) =>
    odfiFleetConfig(server, {
      cutoffs: ['10:30', '14:45'],
      timezone: 'America/New_York',
      ach: '{}',
      odfi: ['merge: false', `pgp: { bankPublicKeyFile: "${files.bankPublicKeyFile}", privateKeyFile: "${files.privateKeyFile}" }`],
    }),
  );
  let fleet: TestFleet;
  let root: string;
  beforeAll(() => {
    fleet = suite.fleet();
    root = suite.sftp().root;
  });

  it('puts each file on the SFTP server only encrypted to the bank and signed: gpg opens it to the file ach verify accepts', async () => {
    const r = await fleet.hmsops(['disburse', '--grant', path.join(repoRoot, 'fixtures', 'grants', 'dol-training.yaml'), '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const [cut] = JSON.parse(r.stdout).files;
    const name = `${path.basename(cut.path)}.pgp`;
    await until('the file sent', async () => fs.readdirSync(path.join(root, 'outbound')).includes(name));
    expect(fs.readdirSync(path.join(root, 'outbound'))).toEqual([name]); // no plain file, no leftover part
    const sealed = fs.readFileSync(path.join(root, 'outbound', name));
    const plain = fs.readFileSync(cut.path);
    expect(sealed.includes(Buffer.from('ACME TRAINING'))).toBe(false);
    expect(sealed.includes(plain.subarray(0, 40))).toBe(false);

    const opened = await keys.gpg(keys.bank, ['--decrypt'], sealed);
    expect(Buffer.from(opened.stdout).equals(plain)).toBe(true);
    expect(Buffer.from(opened.stderr).toString()).toMatch(/Good signature from "hmsops operator <ach@agency.example>"/);
    const decrypted = path.join(keys.dir, 'decrypted.ach');
    fs.writeFileSync(decrypted, opened.stdout);
    const verify = await fleet.hmsops(['ach', 'verify', decrypted]);
    expect(verify.exitCode, verify.stdout + verify.stderr).toBe(0);
    const listed = JSON.parse((await fleet.hmsops(['ach', 'files', '--json'])).stdout).files;
    expect(listed[0]).toMatchObject({ state: 'sent', remotePath: `/outbound/${name}` });
  });

  it('imports a return the bank encrypted and signed with gpg, and refuses a plain file or one the bank did not sign', async () => {
    const paid = JSON.parse((await fleet.hmsops(['disburse', '--resume', 'DOL-ETA-2026-0042', '--json'])).stdout).recipients;
    const bankFile = (trace: string, amountCents: number) =>
      buildReturnFile([{ originalTrace: trace, code: 'R03', amountCents }], {
        rdfi: '01100001',
        odfiRouting: '021000021',
        companyName: 'US DEPT OF LABOR',
        companyId: '1234567890',
      });
    const inbound = path.join(root, 'inbound');
    const sealedByBank = async (text: string, sign = true) =>
      Buffer.from((await keys.gpg(keys.bank, ['--encrypt', ...(sign ? ['--sign', '--local-user', 'ach@bank.example'] : []), '--recipient', 'ach@agency.example'], text)).stdout);
    fs.writeFileSync(path.join(inbound, 'RET-1.ach.pgp'), await sealedByBank(bankFile(paid[0].traceNumber, paid[0].amountCents)));
    fs.writeFileSync(path.join(inbound, 'RET-2-PLAIN.ach'), bankFile(paid[1].traceNumber, paid[1].amountCents));
    fs.writeFileSync(path.join(inbound, 'RET-3-UNSIGNED.ach.pgp'), await sealedByBank(bankFile(paid[2].traceNumber, paid[2].amountCents), false));
    const fetched = await fleet.hmsops(['ach', 'fetch', '--json']);
    const byName = Object.fromEntries(JSON.parse(fetched.stdout).fetched.map((f: { name: string }) => [f.name, f]));
    expect(byName['RET-1.ach.pgp'].imported.records).toMatchObject([{ code: 'R03', originalTrace: paid[0].traceNumber, recipientId: paid[0].id }]);
    expect(byName['RET-2-PLAIN.ach'].error).toContain('not an OpenPGP message');
    expect(byName['RET-3-UNSIGNED.ach.pgp'].error).toMatch(/refused: .*(not signed|signature)/i);
    const returns = JSON.parse((await fleet.hmsops(['ach', 'returns', '--json'])).stdout).returns;
    expect(returns.map((x: { originalTrace: string }) => x.originalTrace)).toEqual([paid[0].traceNumber]);

    // A file saved by hand, opened by `ach import` with the config's key.
    const saved = path.join(keys.dir, 'RET-4.ach.gpg');
    fs.writeFileSync(saved, await sealedByBank(bankFile(paid[3].traceNumber, paid[3].amountCents)));
    const imported = await fleet.hmsops(['ach', 'import', saved, '--json']);
    expect(imported.exitCode, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).records).toMatchObject([{ code: 'R03', recipientId: paid[3].id }]);
  });

  it('refuses a key file others can read, naming it (exit 2)', async () => {
    const loose = path.join(keys.dir, 'loose.key');
    fs.copyFileSync(files.privateKeyFile, loose);
    fs.chmodSync(loose, 0o644);
    const other = makeFleet(
      `version: 1\nach:\n  odfi:\n    sftp: { url: "sftp://bank@127.0.0.1:22", privateKeyFile: "${files.privateKeyFile}", hostKey: "SHA256:${'A'.repeat(43)}" }\n    pgp: { bankPublicKeyFile: "${files.bankPublicKeyFile}", privateKeyFile: "${loose}" }\n`,
    );
    const r = await other.hmsops(['config', 'print']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`ach.odfi.pgp.privateKeyFile: ${loose} is readable by others (mode 644): chmod 600 it`);
  });
});
