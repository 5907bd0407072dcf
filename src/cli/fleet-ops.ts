/**
 * What several commands do to the fleet through the daemon (up, scale and smoke wait for it;
 * down and smoke stop it), shared here so that commands never import one another.
 */
import fs from 'node:fs';
import type { InstanceView } from '../control/api.js';
import { logFileFor } from '../state/log-files.js';
import { lockOwnerAlive, pidAlive, reapOrphans } from '../daemon/left-behind.js';
import { sleep } from '../sleep.js';
import { HmsopsError } from '../errors/index.js';
import { daemonRunning, tail, type CliContext } from './context.js';
import { color, stateColor } from './output.js';
import { liveTerminal } from './views/terminal.js';

function inScope(i: InstanceView, services: string[]) {
  return services.length === 0 || services.includes(i.service);
}

export async function waitForFleet(ctx: CliContext, services: string[], timeoutMs: number, progress: boolean) {
  const deadline = Date.now() + timeoutMs;
  const tty = progress && liveTerminal(process.stderr);
  let instances: InstanceView[] = [];
  let problem: string | undefined;
  let index: number | undefined;
  for (;;) {
    // Asked again when an instance changes (the daemon holds the question until then), and at least
    // once a second for the deadline.
    const waitMs = Math.max(0, Math.min(1000, deadline - Date.now()));
    const answer = await ctx.client.call('GET /v1/instances', { query: index === undefined ? {} : { after: index, waitMs } });
    index = answer.index;
    instances = answer.instances.filter((i) => inScope(i, services));
    const failed = instances.find((i) => i.state === 'crash-looping' || i.state === 'stopped');
    const ready = instances.filter((i) => i.state === 'ready').length;
    if (tty) process.stderr.write(`\r${progressBar(ready, instances.length)} ${ready}/${instances.length} ready `);
    if (failed) problem = `${failed.id} is ${failed.state}`;
    else if (ready === instances.length) break;
    else if (Date.now() > deadline) problem = `timed out after ${timeoutMs}ms`;
    if (problem) break;
  }
  if (tty) process.stderr.write('\n');
  return { ready: !problem, instances, problem };
}

export function progressBar(done: number, total: number, width = 24): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

/** Names each instance that is not ready, its state and its last 20 log lines. */
export function notReadyError(ctx: CliContext, instances: InstanceView[], problem: string): HmsopsError {
  const details: string[] = [];
  for (const i of instances.filter((x) => x.state !== 'ready')) {
    details.push(`${i.service} (${i.id}): ${stateColor(i.state)}, ${i.restarts} restart(s)${i.lastProbe ? `, last probe ${i.lastProbe.kind} ${i.lastProbe.detail}` : ''}`);
    for (const l of tail(logFileFor(ctx.paths.logs, i.id), 20)) details.push(`  ${color.dim(l)}`);
  }
  // up leaves what it started running (as docker compose up --wait does): say what, and how to stop it.
  const running = instances.filter((i) => i.pid !== null);
  details.push(
    `still running: the daemon for ${ctx.paths.root} and ${running.length} of ${instances.length} instance(s)${running.length ? ` (${running.map((i) => i.id).join(', ')})` : ''}; it keeps trying the others. Stop everything with: hmsops down`,
  );
  return new HmsopsError('FLEET_NOT_READY', `the fleet is not ready: ${problem}`, { details });
}

/** Stops the fleet and its daemon, or reaps what a dead daemon left; waits until all is gone. */
export async function stopFleet(ctx: Pick<CliContext, 'paths' | 'client'>, timeoutMs: number) {
  const t0 = Date.now();
  const owner = lockOwnerAlive(ctx.paths.lock);
  let how: 'daemon' | 'reaped' | 'nothing' = 'nothing';
  let reaped: string[] = [];
  if (await daemonRunning(ctx)) {
    await ctx.client.call('POST /v1/shutdown', { body: { timeoutMs } });
    how = 'daemon';
    // The daemon exits once every instance is gone; give it the stop timeout plus a margin.
    const deadline = Date.now() + timeoutMs + 5000;
    while (owner && pidAlive(owner.pid) && Date.now() < deadline) await sleep(20);
    if (owner && pidAlive(owner.pid)) process.kill(owner.pid, 'SIGKILL');
  } else if (owner) {
    // A daemon that holds the lock but does not answer: end it, then reap below.
    process.kill(owner.pid, 'SIGKILL');
    await sleep(50);
  }
  // Whatever is left (a daemon killed with SIGKILL, or one that timed out) is stopped here.
  const left = await reapOrphans(ctx.paths, timeoutMs);
  reaped = left.reaped;
  if (reaped.length) how = how === 'nothing' ? 'reaped' : how;
  fs.rmSync(ctx.paths.socket, { force: true });
  // `killed`: of those, the ones that did not stop on SIGTERM within the timeout.
  return { stopped: how !== 'nothing', via: how, reaped, killed: left.killed, durationMs: Date.now() - t0 };
}
