/**
 * Reaping what a dead daemon left: the instances file names every process group it started,
 * with start times so a pid the kernel has since reused is never touched.
 */
import fs from 'node:fs';
import type { StatePaths } from '../state/paths.js';
import { sameProcess, stopGroup, groupAlive } from './process-group.js';

export interface PersistedInstance {
  id: string;
  service: string;
  pid: number;
  pgid: number;
  procStart?: string;
}

export function readPersistedInstances(paths: StatePaths): PersistedInstance[] {
  try {
    const list = JSON.parse(fs.readFileSync(paths.instancesFile, 'utf8'));
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/** Stops every group the file names that still runs: the ids it stopped, and those that needed SIGKILL. */
export async function reapOrphans(paths: StatePaths, timeoutMs = 5000): Promise<{ reaped: string[]; killed: string[] }> {
  const stale = readPersistedInstances(paths).filter((p) => sameProcess(p.pid, p.procStart) || groupAlive(p.pgid));
  const how = await Promise.all(stale.map((p) => stopGroup(p.pgid, timeoutMs)));
  fs.rmSync(paths.instancesFile, { force: true });
  return { reaped: stale.map((p) => p.id), killed: stale.filter((_, i) => how[i] === 'killed').map((p) => p.id) };
}
