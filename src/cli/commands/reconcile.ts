/**
 * `hmsops reconcile GRANT`: do the ledger, the files, the returns, analytics and the notices agree?
 *   step 1: gather: the grant's transfers, every file cut for it (downloaded and read), the returns
 *           recorded, analytics' counts by type, the notices queued
 *   step 2: compare (src/disburse/reconcile.ts, pure)
 *   step 3: the balance, and every mismatch (exit 1 when there is one)
 */
import { type Reconciliation, reconcile } from '../../disburse/reconcile.js';
import { ExitCode } from '../../errors/index.js';
import { formatCents } from '../../money.js';
import { readNachaFile } from '../../nacha/index.js';
import { HmsopsApiError, type HmsopsClient } from '../../sdk/index.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { exitWith, ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { withClient } from '../session.js';

type Opts = GlobalOptions & { json?: boolean; user?: string };

/** A service that does not answer leaves its part unchecked, said so, rather than failing the whole check. */
const soft = async <T>(p: Promise<T>): Promise<T | undefined> => {
  try {
    return await p;
  } catch (err) {
    if (err instanceof HmsopsApiError && (err.status >= 500 || err.status === 404)) return undefined;
    throw err;
  }
};

export async function reconcileCommand(grantId: string, opts: Opts): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    // step 1, 2
    const r = await reconcileGrant(client, grantId);
    // step 3
    if (opts.json) printJson(r);
    else {
      const row = (what: string, x: { count: number; amountCents: number }) => [what, String(x.count), formatCents(x.amountCents)];
      console.log(
        table(
          ['', 'COUNT', 'AMOUNT'],
          [
            row('transfers in the ledger', r.transfers),
            row('filed', r.filed),
            row(`entries in ${r.inFiles.files} file(s)`, r.inFiles),
            row('returned by the banks', r.returned),
            row('paid (filed, not returned)', r.paid),
          ],
        ),
      );
      if (r.corrections) console.log(`${r.corrections} notification(s) of change: see hmsops disbursements show ${grantId}`);
      for (const u of r.unchecked) console.log(color.yellow(`not checked: ${u}`));
      if (r.mismatches.length === 0) console.log(color.green(`${grantId} balances`));
      else {
        console.log(color.red(`${grantId} does not balance: ${r.mismatches.length} mismatch(es)`));
        for (const m of r.mismatches) console.log(`  ${m}`);
      }
    }
    return r.mismatches.length ? exitWith(ExitCode.failure) : ok;
  });
}

/** Steps 1 and 2: the facts gathered through the gateway, compared. */
export async function reconcileGrant(client: HmsopsClient, grantId: string): Promise<Reconciliation> {
  // step 1
  const [transfers, files, returns, report, allNotices, returnNotices] = await Promise.all([
    client.payments.list({ grantId }),
    client.payments.files({ grantId }),
    client.payments.returns(grantId),
    soft(client.analytics.grantReport(grantId)),
    soft(client.messaging.list({ keyPrefix: `${grantId}:`, countsOnly: true })),
    soft(client.messaging.list({ keyPrefix: `${grantId}:returned:`, countsOnly: true })),
  ]);
  const read = [];
  for (const f of files.files) {
    const r = readNachaFile(await client.payments.downloadFile(f.fileId));
    read.push({ fileId: f.fileId, valid: r.ok, entries: (r.file?.batches ?? []).flatMap((b) => b.entries.map((e) => ({ traceNumber: e.traceNumber, amountCents: e.amount }))) });
  }
  // Analytics counts by type and status: added up by type.
  const analytics: Record<string, { count: number; amountCents: number }> | undefined = report && {};
  for (const t of report?.byType ?? []) {
    const a = (analytics![t.type] ??= { count: 0, amountCents: 0 });
    a.count += t.count;
    a.amountCents += t.amountCents;
  }
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((n, c) => n + c, 0);
  // step 2
  return reconcile({
    grantId,
    transfers: transfers.transfers.map((t) => ({ id: t.id, recipientId: t.recipientId, traceNumber: t.traceNumber, amountCents: t.amountCents, status: t.status })),
    files: read,
    returns: returns.returns,
    analytics,
    notices: allNotices && returnNotices ? { payments: total(allNotices.counts) - total(returnNotices.counts), returns: total(returnNotices.counts) } : undefined,
  });
}
