/** `hmsops logs [service...] [-f] [--since 5m]`: every instance's output merged in time order, prefixed. */
import fs from 'node:fs';
import path from 'node:path';
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors/index.js';
import { logFileInstance, parseLogLine, readMergedLogs, type LogLine } from '../../state/log-files.js';
import { sleep } from '../../sleep.js';
import { loadContext, type GlobalOptions, ownFleet } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, colorFor } from '../output.js';

const serviceOf = (instanceId: string) => instanceId.replace(/-\d+$/, '');

export function selectInstances(names: string[]) {
  return (instanceId: string) => names.length === 0 || names.includes(instanceId) || names.includes(serviceOf(instanceId));
}

export function formatLine(l: LogLine, json: boolean): string {
  if (json) return JSON.stringify({ at: l.at, service: serviceOf(l.instance), instance: l.instance, stream: l.stream, text: l.text });
  const prefix = colorFor(serviceOf(l.instance))(`${serviceOf(l.instance)}/${l.instance}`);
  const text = l.stream === 'sys' ? color.dim(l.text) : l.stream === 'err' ? color.red(l.text) : l.text;
  return `${color.dim(l.at)} ${prefix} | ${text}`;
}

export async function logsCommand(names: string[], opts: GlobalOptions & { follow?: boolean; since?: string; json?: boolean; tail?: string }): Promise<CommandResult> {
  let sinceMs: number | undefined;
  if (opts.since) {
    const d = parseDuration(opts.since);
    if (d === undefined) throw new UsageError(`--since: expected a duration such as 5m, got "${opts.since}"`);
    sinceMs = Date.now() - d;
  }
  const ctx = await loadContext(opts);
  ownFleet(ctx, 'logs');
  const wanted = selectInstances(names);
  let lines = readMergedLogs(ctx.paths.logs, wanted, sinceMs);
  if (opts.tail !== undefined) lines = lines.slice(-Number(opts.tail));
  for (const l of lines) process.stdout.write(`${formatLine(l, Boolean(opts.json))}\n`);
  if (!opts.follow) return ok;
  // Follow: remember each file's size and print what is appended (rotation restarts at 0).
  const offsets = new Map<string, number>();
  const scan = (initial: boolean) => {
    if (!fs.existsSync(ctx.paths.logs)) return;
    const batch: LogLine[] = [];
    for (const name of fs.readdirSync(ctx.paths.logs)) {
      const f = logFileInstance(name);
      if (f?.generation !== 0 || !wanted(f.instance)) continue;
      const file = path.join(ctx.paths.logs, name);
      const size = fs.statSync(file).size;
      const from = offsets.get(file) ?? (initial ? size : 0);
      offsets.set(file, size);
      if (initial || size <= from) continue;
      const fd = fs.openSync(file, 'r');
      const buf = Buffer.alloc(size - from);
      fs.readSync(fd, buf, 0, buf.length, from);
      fs.closeSync(fd);
      for (const raw of buf.toString('utf8').split('\n')) {
        const l = parseLogLine(f.instance, raw);
        if (l) batch.push(l);
      }
    }
    batch.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const l of batch) process.stdout.write(`${formatLine(l, Boolean(opts.json))}\n`);
  };
  scan(true);
  let stop = false;
  process.once('SIGINT', () => (stop = true));
  process.once('SIGTERM', () => (stop = true));
  while (!stop) {
    await sleep(200);
    scan(false);
  }
  return ok;
}
