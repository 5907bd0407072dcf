/** One daemon per state dir: an exclusive lock file holding the owner's pid and start time. */
import fs from 'node:fs';
import { processStartTime, sameProcess } from './process-group.js';

export interface LockOwner {
  pid: number;
  procStart?: string;
}

export function readLock(file: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Takes the lock, breaking it when its owner is dead. Returns false when a live owner holds it. */
export function acquireLock(file: string): boolean {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, procStart: processStartTime(process.pid) }));
      fs.closeSync(fd);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readLock(file);
      if (owner && sameProcess(owner.pid, owner.procStart)) return false;
      // Stale: its owner died. Remove and try again (another racer may win; then we lose cleanly).
      fs.rmSync(file, { force: true });
    }
  }
  return false;
}

export function releaseLock(file: string): void {
  const owner = readLock(file);
  if (owner?.pid === process.pid) fs.rmSync(file, { force: true });
}

/** The live daemon holding this lock, if any. */
export function lockOwnerAlive(file: string): LockOwner | undefined {
  const owner = readLock(file);
  return owner && sameProcess(owner.pid, owner.procStart) ? owner : undefined;
}
