/**
 * Dual approval from the command line: `hmsops approvals ls`, `hmsops approve GRANT_ID` (an
 * approver, never the user who asked: the ACH service checks), `hmsops reject GRANT_ID --reason`.
 * `approve` shows what is approved (recipients, total, the largest payment, the grant file's
 * SHA-256) and asks before it approves; `--yes` for scripts.
 */
import readline from 'node:readline/promises';
import { HmsopsError, UsageError } from '../../errors/index.js';
import { formatCents } from '../../money.js';
import type { Approval, HmsopsClient } from '../../sdk/index.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { exitWith, ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { withClient } from '../session.js';
import { ExitCode } from '../../errors/index.js';

type Opts = GlobalOptions & { json?: boolean; user?: string };

const statusText = (s: Approval['status']) => (s === 'approved' ? color.green(s) : s === 'rejected' ? color.red(s) : color.yellow(s));

export async function approvalsLsCommand(opts: Opts & { status?: string }): Promise<CommandResult> {
  if (opts.status && !['pending', 'approved', 'rejected'].includes(opts.status)) throw new UsageError(`--status: expected pending, approved or rejected, got "${opts.status}"`);
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const r = await client.payments.approvals(opts.status ? { status: opts.status } : {});
    if (opts.json) printJson(r);
    else {
      console.log(
        color.dim(
          r.limitCents === null
            ? 'no approvals.over in the config: no grant needs an approval'
            : `grants over ${formatCents(r.limitCents)} (total or one payment) need an approval`,
        ),
      );
      if (r.approvals.length)
        console.log(
          table(
            ['GRANT', 'STATUS', 'RECIPIENTS', 'TOTAL', 'LARGEST', 'SHA-256', 'ASKED BY', 'DECIDED BY'],
            r.approvals.map((a) => [
              a.grantId,
              statusText(a.status),
              String(a.recipients),
              formatCents(a.totalCents),
              formatCents(a.maxCents),
              `${a.sha256.slice(0, 16)}...`,
              a.requestedBy,
              a.decidedBy ? `${a.decidedBy}${a.reason ? `: ${a.reason}` : ''}` : '-',
            ]),
          ),
        );
    }
    return ok;
  });
}

/** The one pending request of a grant (`--sha` picks among several: a grant file changed while one waited). */
async function pendingOf(client: HmsopsClient, grantId: string, sha?: string): Promise<Approval> {
  const { approvals } = await client.payments.approvals({ grantId });
  const pending = approvals.filter((a) => a.status === 'pending' && (!sha || a.sha256.startsWith(sha)));
  if (pending.length === 1) return pending[0]!;
  if (pending.length > 1)
    throw new UsageError(
      `${grantId} has ${pending.length} pending requests (the grant file changed): name one with --sha`,
      pending.map((a) => `--sha ${a.sha256.slice(0, 16)}  ${formatCents(a.totalCents)}, asked by ${a.requestedBy} at ${a.requestedAt}`),
    );
  const decided = approvals.filter((a) => !sha || a.sha256.startsWith(sha)).at(-1);
  if (decided)
    throw new HmsopsError(
      'APPROVAL_DECIDED',
      `${grantId} (${decided.sha256.slice(0, 16)}...) was ${decided.status} by ${decided.decidedBy} at ${decided.decidedAt}; nothing waits`,
    );
  throw new HmsopsError('NOT_FOUND', `no approval asked for ${grantId}: \`hmsops disburse --grant FILE\` asks for it when the grant is over the limit`);
}

function describe(a: Approval): string[] {
  return [
    `${color.bold(a.grantId)} ${a.program} (${a.agency})`,
    `  ${a.recipients} recipient(s), ${formatCents(a.totalCents)} in all, the largest payment ${formatCents(a.maxCents)}`,
    `  grant file SHA-256 ${a.sha256}`,
    `  asked by ${a.requestedBy} at ${a.requestedAt}`,
  ];
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new UsageError('no terminal to ask on: add --yes to approve from a script');
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export async function approveCommand(grantId: string, opts: Opts & { yes?: boolean; sha?: string }): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const a = await pendingOf(client, grantId, opts.sha);
    if (!opts.json) for (const line of describe(a)) console.error(line);
    if (!opts.yes && !(await confirm(`approve this grant file for payment? [y/N] `))) {
      console.error('not approved: nothing changed');
      return exitWith(ExitCode.failure);
    }
    const done = await client.payments.approve(a.id);
    if (opts.json) printJson(done);
    else console.log(`${color.green('approved')} ${done.grantId} by ${done.decidedBy}: \`hmsops disburse --grant FILE\` (that very file) pays it now`);
    return ok;
  });
}

export async function rejectCommand(grantId: string, opts: Opts & { reason?: string; sha?: string }): Promise<CommandResult> {
  if (!opts.reason?.trim()) throw new UsageError('--reason TEXT is required: the operator is told why');
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const a = await pendingOf(client, grantId, opts.sha);
    const done = await client.payments.reject(a.id, opts.reason!.trim());
    if (opts.json) printJson(done);
    else console.log(`${color.red('rejected')} ${done.grantId} by ${done.decidedBy}: ${done.reason}`);
    return ok;
  });
}
