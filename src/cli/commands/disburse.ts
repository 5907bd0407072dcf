/**
 * `hmsops disburse --grant FILE`: the end-to-end disbursement (see src/disburse/run.ts for the
 * steps). This file only reads options, shows progress and prints the receipt.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { effectiveDateProblem, nextBankingDay } from '../../banking-days.js';
import { parseDuration } from '../../duration.js';
import { ExitCode, HmsopsError, UsageError } from '../../errors/index.js';
import { readGrantFile, type Grant } from '../../disburse/grant-file.js';
import { planDisbursement, transferKey } from '../../disburse/plan.js';
import { RecipientList } from '../../disburse/recipient-list.js';
import { reissue, type ReissueReceipt } from '../../disburse/reissue.js';
import { accountsReturnedError, type ReturnHistory, returnHistory } from '../../disburse/return-history.js';
import { approvalGate, type Gate, overLimit, waitingText } from '../../disburse/approval-gate.js';
import { runDisbursement, type Progress, type Receipt } from '../../disburse/run.js';
import { achCalendar } from '../../config/schema.js';
import { SAME_DAY_LIMIT_TEXT, SAME_DAY_MAX_ENTRY_CENTS, type SameDayWindow, sameDayWindow } from '../../domain/same-day.js';
import { formatCents } from '../../money.js';
import { HmsopsApiError, type HmsopsClient } from '../../sdk/index.js';
import { loadContext, type CliContext, type GlobalOptions } from '../context.js';
import { exitWith, ok, type CommandResult } from '../end.js';
import { type HeapGovernor, heapGovernor } from '../heap-governor.js';
import { color, printJson, table } from '../output.js';
import { asCliError, clientFor } from '../session.js';
import { liveTerminal } from '../views/terminal.js';

export interface DisburseOptions extends GlobalOptions {
  grant?: string;
  resume?: string;
  dryRun?: boolean;
  sameDay?: boolean;
  /** --prenote / --no-prenote (undefined: the grant's, else ach.prenote). */
  prenote?: boolean;
  effectiveDate?: string;
  json?: boolean;
  user?: string;
  batchSize?: string;
  batchesInFlight?: string;
  retryFor?: string;
  reissue?: string;
}

const savedGrantFile = (ctx: CliContext, grantId: string) => path.join(ctx.paths.root, 'disbursements', `${grantId}.json`);

function loadGrant(ctx: CliContext, opts: DisburseOptions, heap: HeapGovernor): Grant {
  if (opts.grant && opts.resume) throw new UsageError('give either --grant FILE or --resume GRANT_ID, not both');
  if (opts.resume) {
    const file = savedGrantFile(ctx, opts.resume);
    if (!fs.existsSync(file))
      throw new HmsopsError('UNKNOWN_GRANT', `no disbursement of ${opts.resume} was started from this state dir (${file} is missing); run it with --grant FILE`);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    return { ...saved, recipients: RecipientList.of(saved.recipients) };
  }
  if (!opts.grant) throw new UsageError('--grant FILE is required (or --resume GRANT_ID)', ['example: hmsops disburse --grant fixtures/grants/dol-training.yaml']);
  const grant = readGrantFile(opts.grant, undefined, { every10k: () => heap.check() });
  grant.sha256 = fileSha256(opts.grant);
  if (opts.effectiveDate) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.effectiveDate) || Number.isNaN(Date.parse(opts.effectiveDate)))
      throw new UsageError(`--effective-date: expected YYYY-MM-DD, got "${opts.effectiveDate}"`);
    const problem = effectiveDateProblem(opts.effectiveDate, new Date().toISOString().slice(0, 10));
    if (problem) throw new UsageError(`--effective-date: ${problem}`);
    grant.effectiveDate = opts.effectiveDate;
  }
  if (opts.sameDay) {
    if (opts.effectiveDate) throw new UsageError('--same-day settles the day it is sent: leave --effective-date out');
    if (grant.effectiveDate) throw new UsageError(`--same-day settles the day it is sent, and ${opts.grant} gives effectiveDate ${grant.effectiveDate}: leave one out`);
    grant.sameDay = true;
  }
  if (opts.prenote !== undefined) grant.prenote = opts.prenote;
  if (grant.sameDay && grant.prenote)
    throw new UsageError(`${grant.id} is a Same Day ACH grant with prenote: true: a payment after a prenote waits three banking days, so it cannot settle today; leave one out`);
  return grant;
}

/** A file's SHA-256, read a megabyte at a time: a 100,000-recipient grant whole in memory would be tens of MB more at the CLI's peak. */
function fileSha256(file: string): string {
  const hash = crypto.createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n = fs.readSync(fd, buf); n > 0; n = fs.readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Same Day ACH (src/domain/same-day.ts): the window this grant makes if sent now, its effective
 * date set to it; refused (exit 2, nothing sent) after the day's last same-day cutoff, on a day
 * ACH does not settle, or with an entry over the limit.
 */
function sameDayWindowFor(ctx: CliContext, grant: Grant, resuming: boolean): SameDayWindow {
  const verdict = sameDayWindow(Date.now(), achCalendar(ctx.config));
  if (!verdict.ok)
    throw new HmsopsError('SAME_DAY_MISSED', `${grant.id} is a Same Day ACH grant: ${verdict.reason}; nothing was sent`, {
      details: ['send it again then, or without --same-day (and sameDay) to settle on the next banking day'],
    });
  // A run started on another day sent its transfers for that day: they cannot become today's.
  if (resuming && grant.effectiveDate && grant.effectiveDate !== verdict.window.date)
    throw new HmsopsError('SAME_DAY_MISSED', `${grant.id} is a Same Day ACH grant started for ${grant.effectiveDate}, which has passed; nothing was sent`, {
      details: [`what it sent settles as it was filed (hmsops disbursements show ${grant.id}); pay the rest with a new grant`],
    });
  const over: string[] = [];
  for (let i = 0; i < grant.recipients.length; i++)
    if (grant.recipients.amountCents(i) > SAME_DAY_MAX_ENTRY_CENTS) over.push(`${grant.recipients.id(i)} (${formatCents(grant.recipients.amountCents(i))})`);
  if (over.length)
    throw new HmsopsError('SAME_DAY_LIMIT', `${over.length} recipient(s) of ${grant.id} over ${SAME_DAY_LIMIT_TEXT}; nothing was sent`, {
      details: [...over.slice(0, 50), ...(over.length > 50 ? [`and ${over.length - 50} more`] : []), 'pay them without --same-day (and sameDay), or in parts'],
    });
  grant.effectiveDate = verdict.window.date;
  return verdict.window;
}

/** A whole-number option within its range (--batch-size: what one batch request takes, the API's 10,000). */
function wholeOption(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) throw new UsageError(`--${name}: expected a whole number from 1 to ${max}, got "${text}"`);
  return n;
}

export async function disburseCommand(opts: DisburseOptions): Promise<CommandResult> {
  const batchSize = wholeOption('batch-size', opts.batchSize, 10_000);
  const batchesInFlight = wholeOption('batches-in-flight', opts.batchesInFlight, 8);
  const retryForMs = parseDuration(opts.retryFor ?? '2m');
  if (retryForMs === undefined) throw new UsageError(`--retry-for: expected a duration such as 30s or 2m, got "${opts.retryFor}"`);
  const ctx = await loadContext(opts);
  // step 1: nothing is sent unless the whole grant file is right
  // The heap is kept near what is live from the start: reading a 1,000,000-recipient grant leaves
  // garbage behind at a rate V8 would let pile up.
  const heap = heapGovernor();
  const grant = loadGrant(ctx, opts, heap);
  heap.collect(); // the reader's buffers first, then the room the columns reserved for more
  grant.recipients.trim(() => heap.collect());
  // Prenotes (ach.prenote) for grants that do not say; not for Same Day ACH, which settles today.
  grant.prenote ??= ctx.config.ach.prenote && !grant.sameDay;
  if (opts.reissue !== undefined) return reissueCommand(ctx, grant, opts);
  const sameDay = grant.sameDay ? sameDayWindowFor(ctx, grant, Boolean(opts.resume)) : undefined;
  const plan = planDisbursement(grant);
  if (opts.dryRun) {
    if (grant.prenote && !opts.json)
      console.log(color.dim('prenote: accounts the ledger never paid get a zero-dollar prenote first; their payments wait three banking days after it settles'));
    // The ledger's returns are read when a fleet answers; a dry run without one says so.
    const history = await dryRunHistory(ctx, opts, grant);
    const limit = ctx.config.approvals?.overCents ?? null;
    const approval = overLimit(limit, plan) ? { needed: true, limitCents: limit, sha256: grant.sha256 ?? null } : { needed: false, limitCents: limit };
    if (opts.json) printJson({ dryRun: true, plan, sameDay: sameDay ?? null, prenote: Boolean(grant.prenote), approval, returnHistory: history });
    else {
      printPlan(grant, plan, sameDay);
      if (approval.needed)
        console.log(color.yellow(`over the approval limit of ${formatCents(limit!)}: disburse asks for an approval, and pays once another user with the approver role approves`));
      sayHistory(history);
    }
    if ('refused' in history && history.refused.length) throw accountsReturnedError(grant, history.refused);
    return ok;
  }
  // step 2
  const client = await clientFor(ctx, opts);
  let history: ReturnHistory;
  try {
    // Read as long as the payments would be retried: an ACH service down now gets the same advice as a run.
    history = await returnHistory(client, grant, (id) => transferKey(grant.id, id), { retryForMs });
  } catch (err) {
    await client.close();
    const e = await withAdvice(ctx, err);
    if (e instanceof HmsopsError) e.details.push("nothing was sent: the ledger's return history is read first; run the same command again once it answers");
    throw e;
  }
  if (!opts.json) sayHistory(history);
  if (history.refused.length) {
    await client.close();
    throw accountsReturnedError(grant, history.refused);
  }
  // Dual approval: a grant over approvals.over waits for an approver (exit 7), nothing sent.
  const limit = ctx.config.approvals?.overCents ?? null;
  let gate: Gate;
  try {
    gate = await approvalGate(client, grant, plan, limit, retryForMs);
  } catch (err) {
    await client.close();
    throw await withAdvice(ctx, err);
  }
  if (!gate.go) {
    await client.close();
    if (opts.json) printJson({ grantId: grant.id, status: 'approval-pending', approval: gate.approval });
    else for (const line of waitingText(gate, limit!)) console.log(line);
    return exitWith(ExitCode.approvalPending);
  }
  // Kept for --resume once there is a fleet to pay through (nothing is written without one).
  saveGrant(savedGrantFile(ctx, grant.id), grant, heap);
  let stop = false;
  const onSigint = () => {
    if (stop) process.exit(ExitCode.interrupted);
    stop = true;
    process.stderr.write('\nstopping after the batches in flight (Ctrl-C again to quit now)\n');
  };
  process.on('SIGINT', onSigint);
  const progress = await progressReporter(Boolean(opts.json), grant.recipients.length);
  heap.check();
  const onProgress = (p: Progress) => {
    progress.update(p);
    heap.check();
  };
  let receipt: Receipt;
  try {
    receipt = await runDisbursement(client, grant, {
      batchSize,
      batchesInFlight,
      retryForMs,
      sameDay,
      onProgress,
      shouldStop: () => stop,
      onRetry: (notice) => {
        if (!opts.json) process.stderr.write(`${notice}\n`);
      },
    });
  } catch (err) {
    progress.done();
    const e = await withAdvice(ctx, err);
    if (e instanceof HmsopsError) e.details.push(`nothing is paid twice: run \`hmsops disburse --resume ${grant.id}\` to finish`);
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    await client.close();
  }
  progress.done();
  if (opts.json) await writeReceiptJson(receipt, heap);
  else printReceipt(receipt);
  if (receipt.status === 'interrupted') return exitWith(ExitCode.interrupted);
  if (receipt.status === 'refusals' || receipt.files.some((f) => !f.valid)) return exitWith(ExitCode.failure);
  if (receipt.status === 'follow-ups-pending') return exitWith(ExitCode.followUpsPending);
  if (receipt.status === 'waiting') return exitWith(ExitCode.waiting);
  return ok;
}

/** A dry run reads the return history when the fleet answers, and says why not otherwise. */
async function dryRunHistory(ctx: CliContext, opts: DisburseOptions, grant: Grant): Promise<ReturnHistory | { notChecked: string }> {
  let client: HmsopsClient;
  try {
    client = await clientFor(ctx, opts);
  } catch (err) {
    return { notChecked: `no fleet to ask (${err instanceof Error ? err.message : String(err)})` };
  }
  try {
    return await returnHistory(client, grant, (id) => transferKey(grant.id, id));
  } catch (err) {
    return { notChecked: err instanceof Error ? err.message : String(err) };
  } finally {
    await client.close();
  }
}

function sayHistory(history: ReturnHistory | { notChecked: string }) {
  if ('notChecked' in history) process.stderr.write(`${color.dim(`return history not checked: ${history.notChecked}`)}\n`);
  else for (const w of history.warnings) process.stderr.write(`${color.yellow('warning:')} ${w}\n`);
}

/** The CLI's error for a failed call; when no instance of a service could answer, each one's state and what to do, from the supervisor. */
async function withAdvice(ctx: CliContext, err: unknown): Promise<unknown> {
  const e = asCliError(err);
  const service = unavailableService(err);
  if (e instanceof HmsopsError && service) e.details.push(...(await serviceAdvice(ctx, service)));
  return e;
}

/** The service a NO_HEALTHY_INSTANCE or UPSTREAM_UNREACHABLE answer names, if any. */
function unavailableService(err: unknown): string | undefined {
  if (!(err instanceof HmsopsApiError) || !['NO_HEALTHY_INSTANCE', 'UPSTREAM_UNREACHABLE', 'UPSTREAM_TIMEOUT'].includes(err.code)) return undefined;
  const service = (err.body as { error?: { service?: unknown } } | undefined)?.error?.service;
  return typeof service === 'string' ? service : undefined;
}

/** What the supervisor says of a service's instances, and the remedy. */
async function serviceAdvice(ctx: CliContext, service: string): Promise<string[]> {
  try {
    const { instances } = await ctx.client.call('GET /v1/instances');
    const mine = instances.filter((i) => i.service === service);
    if (!mine.length) return [`${service} has no instance: hmsops scale ${service}=1`];
    return [
      ...mine.map(
        (i) =>
          `${i.id}: ${i.state}, ${i.restarts} restart(s)${i.nextAttemptAt ? `, tried again in ${Math.max(0, Math.round((i.nextAttemptAt - Date.now()) / 1000))}s` : ''}${i.lastProbe && !i.lastProbe.ok ? `, last ${i.lastProbe.kind} probe: ${i.lastProbe.detail}` : ''}`,
      ),
      `the supervisor tries failed instances again by itself; why they fail: hmsops logs ${service}; to start them now: hmsops restart ${service}`,
    ];
  } catch {
    return []; // the daemon does not answer either: the message above says enough
  }
}

/** --reissue: only the recipients named, only after a return (src/disburse/reissue.ts). */
async function reissueCommand(ctx: CliContext, grant: Grant, opts: DisburseOptions): Promise<CommandResult> {
  if (opts.resume || opts.dryRun) throw new UsageError('--reissue goes with --grant FILE, not with --resume or --dry-run');
  const ids = [
    ...new Set(
      (opts.reissue ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (!ids.length) throw new UsageError('--reissue: expected recipient ids such as R-0003 or R-0003,R-0007');
  const client = await clientFor(ctx, opts);
  let receipt: ReissueReceipt;
  try {
    // A grant over approvals.over pays again only under an approval of the file as it is now.
    const limit = ctx.config.approvals?.overCents ?? null;
    const gate = await approvalGate(client, grant, planDisbursement(grant), limit);
    if (!gate.go) {
      for (const line of waitingText(gate, limit!)) console.log(line);
      return exitWith(ExitCode.approvalPending);
    }
    receipt = await reissue(client, grant, ids);
  } catch (err) {
    throw asCliError(err);
  } finally {
    await client.close();
  }
  if (opts.json) printJson(receipt);
  else {
    console.log(
      table(
        ['RECIPIENT', 'RETURNED', 'NEW TRANSFER', 'TRACE', 'AMOUNT', ''],
        receipt.reissued.map((x) => [
          x.recipientId,
          x.returnCode,
          x.transferId,
          x.traceNumber,
          formatCents(x.amountCents),
          x.paidNow ? color.green('paid again') : color.dim('already reissued'),
        ]),
      ),
    );
    for (const f of receipt.files) console.log(`  file ${f.fileId}: ${f.entries} entries, ${f.valid ? color.green('valid') : color.red('INVALID')}`);
  }
  return receipt.files.every((f) => f.valid) ? ok : exitWith(ExitCode.failure);
}

/** The grant as JSON for --resume, written a thousand recipients at a time: one string would be ~20 MB at 100,000. */
function saveGrant(file: string, grant: Grant, heap: HeapGovernor) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { recipients, ...rest } = grant;
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(rest).slice(0, -1)},"recipients":[`);
    for (let i = 0; i < recipients.length; i += 1000) {
      fs.writeSync(fd, (i ? ',' : '') + Array.from({ length: Math.min(1000, recipients.length - i) }, (_, j) => JSON.stringify(recipients.at(i + j))).join(','));
      heap.check(); // each piece is garbage once written: the heap is not let grow with them
    }
    fs.writeSync(fd, ']}');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The receipt as one JSON document, written in pieces: for 100,000 recipients one string would be
 * tens of MB. A pipe that reads slower than we write would queue all of it in memory, so each
 * piece waits for the previous one to drain.
 */
async function writeReceiptJson(r: Receipt, heap: HeapGovernor) {
  const { recipients, ...rest } = r;
  const head = JSON.stringify(rest, null, 2);
  const write = async (text: string) => {
    if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  let chunk = `${head.slice(0, -2)},\n  "recipients": [`;
  for (let i = 0; i < recipients.length; i++) {
    chunk += `${i ? ',' : ''}\n    ${JSON.stringify(recipients.at(i))}`;
    if (i % 1000 === 999) {
      await write(chunk);
      chunk = '';
      heap.check(); // the receipt's text is garbage once written
    }
  }
  await write(`${chunk}\n  ]\n}\n`);
}

function printPlan(grant: Grant, plan: ReturnType<typeof planDisbursement>, sameDay: SameDayWindow | undefined) {
  console.log(`${color.bold(grant.id)} ${grant.program} (${grant.agency}): dry run, nothing sent`);
  const effective = sameDay
    ? `${sameDay.date}: Same Day ACH, if sent before ${sameDay.cutoff}`
    : (grant.effectiveDate ?? `${nextBankingDay(new Date())} (the next banking day, if sent today)`);
  console.log(`  ${plan.recipients} recipient(s), ${formatCents(plan.totalCents)} in all, effective ${effective}`);
  const rows = [
    ...Object.entries(plan.bySecCode).map(([k, v]) => [`SEC ${k}`, String(v.count), formatCents(v.cents)]),
    ...Object.entries(plan.byAccountType).map(([k, v]) => [k, String(v.count), formatCents(v.cents)]),
  ];
  console.log(table(['BY', 'COUNT', 'AMOUNT'], rows));
}

/** Above this many recipients the text receipt leaves out its per-recipient table (and says where it is). */
const RECEIPT_TABLE_MAX = 50;

export function printReceipt(r: Receipt) {
  const statusText: Record<string, string> = {
    paid: color.green('paid'),
    'already-disbursed': color.dim('already disbursed'),
    refused: color.red('refused'),
    'not-sent': color.yellow('not sent'),
    waiting: color.yellow('waits for prenote'),
    held: color.red('held (prenote)'),
  };
  console.log(`${color.bold(`Receipt: ${r.grantId}`)} ${r.program} (${r.agency})`);
  if (r.recipients.length <= RECEIPT_TABLE_MAX) {
    console.log(
      table(
        ['RECIPIENT', 'NAME', 'AMOUNT', 'STATUS', 'TRACE', 'ANALYTICS', 'EMAIL'],
        [...r.recipients].map((x) => [x.id, x.name, formatCents(x.amountCents), statusText[x.status]!, x.traceNumber ?? '-', x.analytics, x.email]),
      ),
    );
  } else
    console.log(
      color.dim(
        `${r.recipients.length} recipients: the table of each is left out above ${RECEIPT_TABLE_MAX}; --json has every one (hmsops disburse --grant FILE --resume ${r.grantId} --json prints it again)`,
      ),
    );
  for (const x of [...r.recipients.refusals()].slice(0, 20)) console.log(`  ${color.red(x.id)}: ${x.error}`);
  const t = r.totals;
  console.log(
    `paid now: ${t.paidNow} (${formatCents(t.paidNowCents)}); already disbursed: ${t.alreadyDisbursed}; refused: ${t.refused}${t.notSent ? `; not sent: ${t.notSent}` : ''}${t.waiting ? `; waiting for prenotes: ${t.waiting}` : ''}${t.held ? `; held: ${t.held}` : ''}; disbursed in all: ${formatCents(t.disbursedCents)}`,
  );
  if (t.waiting) {
    const shown = [...r.recipients.waiting()].slice(0, 20);
    console.log(color.yellow(`${t.waiting} payment(s) to accounts never paid wait for their zero-dollar prenote (sent in the file below):`));
    for (const x of shown) console.log(`  ${x.id}: prenote trace ${x.prenote!.traceNumber}, payable from ${x.prenote!.payableFrom}`);
    if (t.waiting > shown.length) console.log(color.dim(`  and ${t.waiting - shown.length} more (--json lists each)`));
    console.log(`  on or after ${r.payableFrom}, send them with: hmsops disburse --resume ${r.grantId}`);
  }
  if (r.shortenedNames.length)
    console.log(
      `${r.shortenedNames.length} name(s) longer than NACHA's 22-character Individual Name field are cut to fit in the file; the ledger, this receipt and the notices keep them whole (--json lists each)`,
    );
  const { settlement } = r;
  if (settlement.date) console.log(`settles ${settlement.date}${settlement.window ? `: Same Day ACH, in the window of ${settlement.window}` : ''}`);
  for (const f of r.files)
    console.log(
      `NACHA file ${f.fileId}: ${f.entries} entries, ${formatCents(f.totalCreditCents)}, effective ${f.effectiveDates.join(', ') || '-'}, entry hash ${String(f.entryHash).padStart(10, '0')}, ${f.valid ? color.green('verified') : color.red(`INVALID: ${f.problems[0]}`)}\n  ${f.path}`,
    );
  if (r.pending.analytics || r.pending.email) {
    console.log(color.yellow(`follow-ups pending: ${r.pending.analytics} analytics event(s), ${r.pending.email} email(s) (${r.pending.reason.join('; ')})`));
    console.log(`  payments went through; complete the rest with: hmsops disburse --resume ${r.grantId}`);
  }
  if (r.status === 'interrupted') console.log(color.yellow(`interrupted: ${t.notSent} recipient(s) not sent yet; run \`hmsops disburse --resume ${r.grantId}\` to finish`));
  console.log(color.dim(`done in ${(r.durationMs / 1000).toFixed(1)}s`));
}

/** ink progress bars for people on a terminal; plain lines otherwise (and under CI); nothing with --json. */
async function progressReporter(json: boolean, total: number): Promise<{ update: (p: Progress) => void; done: () => void }> {
  if (json) return { update: () => undefined, done: () => undefined };
  if (liveTerminal(process.stderr)) {
    const { startProgressView } = await import('../views/disburse-progress.js');
    return startProgressView(total);
  }
  let last = '';
  return {
    update: (p) => {
      const line = `${p.phase}: ${p.done}/${p.total}`;
      if (line !== last) process.stderr.write(`${line}\n`);
      last = line;
    },
    done: () => undefined,
  };
}
