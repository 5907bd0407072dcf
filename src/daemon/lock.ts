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

/**
 * Takes the lock, breaking it when its owner is dead. Returns false when a live owner holds it.
 * `beforeBreak` runs between finding a stale lock and breaking it (tests use it to race).
 */
export function acquireLock(file: string, hooks: { beforeBreak?: () => void } = {}): boolean {
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
      // Stale: its owner died. Move it aside atomically, so of two racers only one breaks it,
      // and a lock that a third process took in the meantime is never deleted.
      hooks.beforeBreak?.();
      const aside = `${file}.stale.${process.pid}`;
      try {
        fs.renameSync(file, aside);
      } catch {
        continue; // someone else moved it first
      }
      const moved = readLock(aside);
      if (moved && sameProcess(moved.pid, moved.procStart)) {
        // We moved a live lock (taken between our read and our rename): put it back.
        try {
          fs.linkSync(aside, file);
        } catch {
          // the slot is taken again; the live owner keeps its lock file either way
        }
        fs.rmSync(aside, { force: true });
        return false;
      }
      fs.rmSync(aside, { force: true });
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
