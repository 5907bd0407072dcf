/**
 * `hmsops audit ls|verify|export`: the audit logs of the services that keep one (auth: logins
 * that failed, lockouts, users and roles; ach: approvals, transfers, files cut, sent and
 * acknowledged, returns imported, reissues), each a hash chain in its store. The CLI reads them
 * as stored and checks them itself (src/audit/verify.ts): a service is not asked to vouch for
 * its own log.
 */
import fs from 'node:fs';
import { readBody, verifyChain } from '../../audit/verify.js';
import { UsageError } from '../../errors/index.js';
import type { AuditEntry, HmsopsClient } from '../../sdk/index.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { exitWith, ok, type CommandResult } from '../end.js';
import { ExitCode } from '../../errors/index.js';
import { color, printJson, table } from '../output.js';
import { withClient } from '../session.js';
import { parseDuration } from '../../duration.js';

type Opts = GlobalOptions & { json?: boolean; user?: string };

/** The services that keep an audit log. */
const CHAINS = ['auth', 'ach'] as const;

/** A whole chain, page by page. */
async function readChain(client: HmsopsClient, service: (typeof CHAINS)[number]): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  for (;;) {
    const { entries } = await client.audit(service, all.at(-1)?.seq ?? 0);
    all.push(...entries);
    if (entries.length < 10_000) return all;
  }
}

/** --since: an instant (2026-12-06T10:00:00Z) or a duration back from now (24h). */
function sinceOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms !== undefined) return new Date(Date.now() - ms).toISOString();
  if (!Number.isNaN(Date.parse(text))) return new Date(text).toISOString();
  throw new UsageError(`--since: expected a time (2026-12-06T10:00:00Z) or a duration (24h), got "${text}"`);
}

export async function auditLsCommand(opts: Opts & { since?: string }): Promise<CommandResult> {
  const since = sinceOf(opts.since);
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const rows = [];
    for (const chain of CHAINS)
      for (const e of await readChain(client, chain)) {
        const r = readBody(e.body);
        if (!since || (r && r.at >= since)) rows.push({ chain, seq: e.seq, ...(r ?? { at: '?', who: '?', action: '(unreadable)', requestId: null, detail: {} }), hash: e.hash });
      }
    rows.sort((a, b) => a.at.localeCompare(b.at) || a.chain.localeCompare(b.chain) || a.seq - b.seq);
    if (opts.json) printJson({ entries: rows });
    else if (!rows.length) console.log(color.dim('no audit entries'));
    else
      console.log(
        table(
          ['AT', 'LOG', 'WHO', 'ACTION', 'DETAIL'],
          rows.map((r) => [r.at, `${r.chain}#${r.seq}`, r.who, r.action, JSON.stringify(r.detail)]),
        ),
      );
    return ok;
  });
}

export async function auditVerifyCommand(opts: Opts): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const verdicts = [];
    for (const chain of CHAINS) verdicts.push(verifyChain(chain, await readChain(client, chain)));
    if (opts.json) printJson({ ok: verdicts.every((v) => !v.broken), chains: verdicts });
    else
      for (const v of verdicts)
        console.log(
          v.broken
            ? color.red(`${v.chain}: entry ${v.broken.seq} does not chain: ${v.broken.reason}; the ${v.entries - 0} entries from it on cannot be trusted`)
            : `${color.green(`${v.chain}: ${v.entries} entries chain`)}, head ${v.head}`,
        );
    return verdicts.every((v) => !v.broken) ? ok : exitWith(ExitCode.failure);
  });
}

export async function auditExportCommand(opts: Opts & { out?: string }): Promise<CommandResult> {
  if (!opts.out) throw new UsageError('--out FILE is required (JSON lines, one entry each)');
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const tmp = `${opts.out}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    let n = 0;
    try {
      for (const chain of CHAINS)
        for (const e of await readChain(client, chain)) {
          fs.writeSync(fd, `${JSON.stringify({ chain, seq: e.seq, prevHash: e.prevHash, hash: e.hash, body: e.body })}\n`);
          n++;
        }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, opts.out!);
    if (opts.json) printJson({ out: opts.out, entries: n });
    else console.log(`${n} entries written to ${opts.out} (JSON lines: chain, seq, prevHash, hash, body)`);
    return ok;
  });
}
