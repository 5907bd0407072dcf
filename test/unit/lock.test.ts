import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, lockOwnerAlive, readLock, releaseLock } from '../../src/daemon/lock.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const lockFile = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-lock-'));
  dirs.push(d);
  return path.join(d, 'hmsopsd.lock');
};
/** The pid of a process that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;

describe('the daemon lock', () => {
  it('is taken once; a second taker is refused while the owner lives', () => {
    const f = lockFile();
    expect(acquireLock(f)).toBe(true);
    expect(readLock(f)!.pid).toBe(process.pid);
    expect(acquireLock(f)).toBe(false);
    expect(lockOwnerAlive(f)!.pid).toBe(process.pid);
    releaseLock(f);
    expect(fs.existsSync(f)).toBe(false);
  });

  it('breaks a lock whose owner died, leaving no stale files behind', () => {
    const f = lockFile();
    fs.writeFileSync(f, JSON.stringify({ pid: Number(deadPid()) }));
    expect(lockOwnerAlive(f)).toBeUndefined();
    expect(acquireLock(f)).toBe(true);
    expect(readLock(f)!.pid).toBe(process.pid);
    expect(fs.readdirSync(path.dirname(f))).toEqual(['hmsopsd.lock']);
  });

  it('never breaks a lock that another live process took after it was found stale', async () => {
    const f = lockFile();
    fs.writeFileSync(f, JSON.stringify({ pid: Number(deadPid()) }));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      // Between our stale read and our break, another daemon breaks the stale lock and takes it.
      const won = acquireLock(f, { beforeBreak: () => fs.writeFileSync(f, JSON.stringify({ pid: other.pid })) });
      expect(won).toBe(false);
      expect(readLock(f)!.pid).toBe(other.pid);
      expect(fs.readdirSync(path.dirname(f))).toEqual(['hmsopsd.lock']);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
