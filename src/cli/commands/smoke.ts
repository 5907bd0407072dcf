/**
 * `hmsops smoke`: the CI check that the whole path works and agrees with itself.
 *   step 1: bring the fleet up unless it runs (and remember to bring it down)
 *   step 2: disburse a generated grant with a fresh id
 *   step 3: check ledger, NACHA file, analytics report and delivered mail all agree
 *   step 4: the bank returns one payment (a return file written as an RDFI would): imported, matched,
 *           and the grant reconciles (paid + returned = transfers = entries in the files)
 *   step 5: bring the fleet down if this command started it
 */
import { parseDuration } from '../../duration.js';
import { ExitCode, UsageError } from '../../errors/index.js';
import { generateGrant } from '../../disburse/generate.js';
import { parseGrant } from '../../disburse/grant-file.js';
import { runDisbursement } from '../../disburse/run.js';
import { buildReturnFile } from '../../nacha/index.js';
import { importInbound, reconcileGrant } from '../returns-flow.js';
import { stringify } from 'yaml';
import { daemonRunning, ensureDaemon, loadContext, type GlobalOptions } from '../context.js';
import { exitWith, ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { asCliError, clientFor } from '../session.js';
import { notReadyError, stopFleet, waitForFleet } from '../fleet-ops.js';
import { sleep } from '../../sleep.js';

interface Check {
  name: string;
  ok: boolean;
  expected: string;
  actual: string;
}

export async function smokeCommand(opts: GlobalOptions & { recipients: string; timeout: string; json?: boolean }): Promise<CommandResult> {
  const n = Number(opts.recipients);
  const timeoutMs = parseDuration(opts.timeout);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new UsageError(`--recipients: expected 1 to 10000, got "${opts.recipients}"`);
  if (timeoutMs === undefined) throw new UsageError(`--timeout: expected a duration, got "${opts.timeout}"`);
  const ctx = await loadContext(opts);
  const t0 = Date.now();
  // step 1
  const startedFleet = !(await daemonRunning(ctx));
  await ensureDaemon(ctx);
  if (startedFleet) await ctx.client.call('POST /v1/fleet/apply', { body: { config: ctx.config, services: [] } });
  const up = await waitForFleet(ctx, [], timeoutMs, !opts.json);
  if (!up.ready) throw notReadyError(ctx, up.instances, up.problem!);
  const checks: Check[] = [];
  const check = (name: string, expected: unknown, actual: unknown) => checks.push({ name, ok: expected === actual, expected: String(expected), actual: String(actual) });
  try {
    // step 2
    const stamp = `${Date.now().toString(36)}${process.pid.toString(36)}`.toUpperCase();
    const domain = `smoke-${stamp.toLowerCase()}.example`;
    const generated = generateGrant({ recipients: n, seed: Date.now() % 1_000_000, id: `SMOKE-${stamp}`, emailDomain: domain });
    const grant = parseGrant('(generated)', stringify(generated), new Date().toISOString().slice(0, 10));
    const total = [...grant.recipients].reduce((s, r) => s + r.amountCents, 0);
    const client = await clientFor(ctx);
    try {
      const receipt = await runDisbursement(client, grant);
      // step 3
      check('receipt: recipients paid', n, receipt.totals.paidNow);
      const ledger = await client.payments.grant(grant.id);
      check('ledger: transfers filed', n, ledger.filed);
      check('ledger: amount (cents)', total, ledger.amountCents);
      check('NACHA: files valid', receipt.files.length, receipt.files.filter((f) => f.valid).length);
      check(
        'NACHA: entries',
        n,
        receipt.files.reduce((s, f) => s + f.entries, 0),
      );
      check(
        'NACHA: credits (cents)',
        total,
        receipt.files.reduce((s, f) => s + f.totalCreditCents, 0),
      );
      const report = await client.analytics.grantReport(grant.id);
      check('analytics: events', n, report.total.count);
      check('analytics: amount (cents)', total, report.total.amountCents);
      const deadline = Date.now() + timeoutMs;
      let delivered = 0;
      while (Date.now() < deadline) {
        const r = await client.call<{ messages: { to: string[] }[] }>('GET', '/mail/v1/messages');
        delivered = r.messages.filter((m) => m.to.some((t) => t.endsWith(`@${domain}`))).length;
        if (delivered >= n) break;
        await sleep(200);
      }
      check('mail sink: notices delivered', n, delivered);
      // step 4
      const first = receipt.recipients.at(0);
      const back = buildReturnFile([{ originalTrace: first.traceNumber!, amountCents: grant.recipients.at(0).amountCents, code: 'R03' }], {
        rdfi: '01100001',
        odfiRouting: grant.originator.odfiRouting,
        companyName: grant.originator.name,
        companyId: grant.originator.companyId,
      });
      const imported = await importInbound(client, `RET-${grant.id}.ach`, back);
      check('returns: matched to the transfer', `${first.id} R03`, imported.result.records.map((r) => `${r.recipientId} ${r.code}`).join());
      check('returns: follow-ups pending', 0, imported.pending.length);
      const balance = await reconcileGrant(client, grant.id);
      check('reconcile: paid + returned = transfers', `${n - 1} + 1`, `${balance.paid.count} + ${balance.returned.count}`);
      check('reconcile: mismatches', 'none', balance.mismatches.join('; ') || 'none');
    } finally {
      await client.close();
    }
  } catch (err) {
    throw asCliError(err);
  } finally {
    // step 5
    if (startedFleet) await stopFleet(ctx, 10_000);
  }
  const passed = checks.every((c) => c.ok);
  if (opts.json) printJson({ passed, checks, startedFleet, durationMs: Date.now() - t0 });
  else {
    console.log(
      table(
        ['CHECK', 'EXPECTED', 'ACTUAL', ''],
        checks.map((c) => [c.name, c.expected, c.actual, c.ok ? color.green('ok') : color.red('MISMATCH')]),
      ),
    );
    console.log(passed ? color.green(`smoke passed in ${((Date.now() - t0) / 1000).toFixed(1)}s`) : color.red('smoke FAILED'));
  }
  if (!passed) return exitWith(ExitCode.failure);
  return ok;
}
