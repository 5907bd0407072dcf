/**
 * Files to and from the bank under OpenPGP (`ach.odfi.pgp`), with openpgp (OpenPGP.js, the
 * maintained implementation on npm): each file sent is encrypted to the bank's public key and
 * signed with ours, so the NACHA text never reaches the SFTP server in the clear; each file the
 * bank sends is decrypted with our key and must carry a valid signature of the bank's, or it is
 * refused before anything is imported (the ACH service's fetch, and `hmsops ach import` of a file
 * saved by hand). Tested against gpg as the bank (odfi-pgp.test.ts). openpgp is loaded with the
 * keys: a process that never meets an encrypted file does not pay for it.
 */
import fs from 'node:fs';
import type * as OpenPgp from 'openpgp';
import { HmsopsError } from '../errors/index.js';
import type { PgpConfig } from '../config/types.js';

/** A key that cannot be used (missing, readable by others, not a key, locked): the instance does not start, and says why. */
export class PgpKeyError extends Error {}

export class OdfiPgp {
  private constructor(
    private readonly openpgp: typeof OpenPgp,
    private readonly bank: OpenPgp.Key,
    private readonly ours: OpenPgp.PrivateKey,
  ) {}

  /** Reads the keys (each file 0600, checked again here: the config was checked where it was loaded, maybe elsewhere). */
  static async load(settings: PgpConfig): Promise<OdfiPgp> {
    const read = (file: string, what: string) => {
      const st = fs.statSync(file, { throwIfNoEntry: false });
      if (!st?.isFile()) throw new PgpKeyError(`ach.odfi.pgp.${what}: ${file} does not exist`);
      if (st.mode & 0o077) throw new PgpKeyError(`ach.odfi.pgp.${what}: ${file} is readable by others (mode ${(st.mode & 0o777).toString(8)}): chmod 600 it`);
      return fs.readFileSync(file, 'utf8');
    };
    const openpgp = await import('openpgp');
    let bank: OpenPgp.Key;
    let ours: OpenPgp.PrivateKey;
    try {
      bank = await openpgp.readKey({ armoredKey: read(settings.bankPublicKeyFile, 'bankPublicKeyFile') });
    } catch (err) {
      if (err instanceof PgpKeyError) throw err;
      throw new PgpKeyError(`ach.odfi.pgp.bankPublicKeyFile: ${settings.bankPublicKeyFile} is not an armored OpenPGP public key (${(err as Error).message})`);
    }
    try {
      ours = await openpgp.readPrivateKey({ armoredKey: read(settings.privateKeyFile, 'privateKeyFile') });
      if (!ours.isDecrypted()) {
        if (!settings.passphraseFile) throw new Error('it is protected by a passphrase: name a passphraseFile');
        ours = await openpgp.decryptKey({ privateKey: ours, passphrase: read(settings.passphraseFile, 'passphraseFile').trimEnd() });
      }
    } catch (err) {
      if (err instanceof PgpKeyError) throw err;
      throw new PgpKeyError(`ach.odfi.pgp.privateKeyFile: ${settings.privateKeyFile} cannot be used (${(err as Error).message})`);
    }
    return new OdfiPgp(openpgp, bank, ours);
  }

  /** The file as it goes to the bank: encrypted to its key, signed with ours (binary OpenPGP). */
  async seal(bytes: Buffer): Promise<Buffer> {
    const message = await this.openpgp.createMessage({ binary: new Uint8Array(bytes) });
    const sealed = await this.openpgp.encrypt({ message, encryptionKeys: this.bank, signingKeys: this.ours, format: 'binary' });
    return Buffer.from(sealed as Uint8Array);
  }

  /** A file from the bank, opened: decrypted with our key, its signature the bank's, or an error saying why it is refused. */
  async open(bytes: Buffer): Promise<Buffer> {
    const { openpgp } = this;
    let message: OpenPgp.Message<Uint8Array>;
    try {
      const text = bytes.subarray(0, 64).toString('latin1');
      message = text.includes('-----BEGIN PGP MESSAGE-----')
        ? await openpgp.readMessage({ armoredMessage: bytes.toString('latin1') })
        : await openpgp.readMessage({ binaryMessage: new Uint8Array(bytes) });
    } catch (err) {
      throw new HmsopsError('INVALID_NACHA_FILE', `not an OpenPGP message (${(err as Error).message}): with ach.odfi.pgp, the bank's files must be encrypted and signed`);
    }
    try {
      const { data } = await openpgp.decrypt({ message, decryptionKeys: this.ours, verificationKeys: this.bank, expectSigned: true, format: 'binary' });
      return Buffer.from(data as Uint8Array);
    } catch (err) {
      throw new HmsopsError('INVALID_NACHA_FILE', `refused: ${(err as Error).message} (a file from the bank must be encrypted to our key and signed with the bank's)`);
    }
  }
}

/** Whether bytes look like an OpenPGP message (armored, or a binary packet: the high bit of the first byte) rather than NACHA text, which starts with "1". */
export const looksEncrypted = (bytes: Buffer) => bytes.length > 0 && ((bytes[0]! & 0x80) !== 0 || bytes.subarray(0, 64).toString('latin1').includes('-----BEGIN PGP MESSAGE-----'));
