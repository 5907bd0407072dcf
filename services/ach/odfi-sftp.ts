/**
 * The ODFI's SFTP server, as the ACH service uses it (ssh2, a maintained client; the server's
 * host key pinned by its SHA256 fingerprint, as `ssh-keygen -l` prints it). A file goes up under
 * a temporary name, its remote size is checked, then it is renamed: the bank never sees half a
 * file. A file already there whole under its name (an upload that finished just before a crash)
 * is not sent again.
 */
import crypto from 'node:crypto';
import { Client, type SFTPWrapper } from 'ssh2';

export interface SftpTarget {
  /** sftp://USER@HOST:PORT */
  url: string;
  privateKey: string | Buffer;
  /** SHA256:... of the server's host key. */
  hostKey: string;
  timeoutMs?: number;
}

export type SendOutcome = { outcome: 'sent'; remotePath: string } | { outcome: 'already-there'; remotePath: string };

/** The server could not be reached, refused us, or is not the one pinned: what "the SFTP server is down" looks like. */
export class SftpError extends Error {
  readonly code = 'SFTP_UNAVAILABLE';
}

export const hostKeyFingerprint = (key: Buffer) => `SHA256:${crypto.createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;

/** Opens a session, runs `work` on the SFTP channel, closes it; every failure is an SftpError. */
export async function withSftp<T>(target: SftpTarget, work: (sftp: SFTPWrapper) => Promise<T>): Promise<T> {
  const url = new URL(target.url);
  if (url.protocol !== 'sftp:') throw new SftpError(`not an sftp:// URL: ${target.url}`);
  const conn = new Client();
  let seenKey: string | undefined;
  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
    conn.on('error', (err) =>
      reject(
        new SftpError(
          seenKey && seenKey !== target.hostKey
            ? `${url.host} presented host key ${seenKey}, not the pinned ${target.hostKey}: refused`
            : `cannot reach the SFTP server at ${url.host}: ${err.message}`,
        ),
      ),
    );
    conn.on('ready', () => conn.sftp((err, s) => (err ? reject(new SftpError(`${url.host}: no SFTP channel: ${err.message}`)) : resolve(s))));
    conn.connect({
      host: url.hostname,
      port: Number(url.port || 22),
      username: decodeURIComponent(url.username),
      privateKey: target.privateKey,
      readyTimeout: target.timeoutMs ?? 10_000,
      hostVerifier: (key: Buffer) => {
        seenKey = hostKeyFingerprint(key);
        return seenKey === target.hostKey;
      },
    });
  });
  try {
    return await work(sftp);
  } catch (err) {
    throw err instanceof SftpError ? err : new SftpError(`${url.host}: ${(err as Error).message}`);
  } finally {
    conn.end();
  }
}

const call = <T>(fn: (cb: (err: Error | null | undefined, value?: T) => void) => void) =>
  new Promise<T>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value as T))));

/** The files in a remote folder: name and size. */
export function listRemote(sftp: SFTPWrapper, dir: string): Promise<{ name: string; size: number }[]> {
  return call<{ filename: string; attrs: { size: number } }[]>((cb) => sftp.readdir(dir, cb)).then((list) => list.map((e) => ({ name: e.filename, size: Number(e.attrs.size) })));
}

/** Puts `bytes` at `<dir>/<name>`: under a temporary name, its size checked, then renamed. */
export async function sendFile(target: SftpTarget, dir: string, name: string, bytes: Buffer): Promise<SendOutcome> {
  return withSftp(target, async (sftp) => {
    const remotePath = `${dir}/${name}`;
    const there = (await listRemote(sftp, dir)).find((f) => f.name === name);
    if (there?.size === bytes.length) return { outcome: 'already-there', remotePath };
    if (there) throw new SftpError(`${remotePath} is already on the server with ${there.size} bytes, not this file's ${bytes.length}: not overwritten`);
    const temporary = `${dir}/.${name}.part`;
    await call((cb) => sftp.writeFile(temporary, bytes, cb));
    const { size } = await call<{ size: number }>((cb) => sftp.stat(temporary, cb));
    if (Number(size) !== bytes.length) {
      await call((cb) => sftp.unlink(temporary, cb)).catch(() => undefined);
      throw new SftpError(`${temporary}: ${size} bytes arrived of ${bytes.length}; removed, not renamed`);
    }
    await call((cb) => sftp.rename(temporary, remotePath, cb));
    return { outcome: 'sent', remotePath };
  });
}

/** Reads a remote file whole. */
export function fetchFile(sftp: SFTPWrapper, remotePath: string): Promise<Buffer> {
  return call<Buffer>((cb) => sftp.readFile(remotePath, cb));
}
