/**
 * `hmsops reconcile GRANT`: do the ledger, the files, the returns, analytics and the notices agree?
 *   step 1: gather: the grant's transfers, every file cut for it (downloaded and read), the returns
 *           recorded, analytics' counts by type, the notices queued
 *   step 2: compare (src/disburse/reconcile.ts, pure)
 *   step 3: the balance, and every mismatch (exit 1 when there is one)
 */
import { ExitCode } from '../../errors/index.js';
import { formatCents } from '../../money.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { exitWith, ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { reconcileGrant } from '../returns-flow.js';
import { withClient } from '../session.js';

type Opts = GlobalOptions & { json?: boolean; user?: string };

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
      if (r.prenotes.count) console.log(`${r.prenotes.count} prenote(s) (zero dollars), ${r.prenotes.inFiles} in the files`);
      if (r.corrections) console.log(`${r.corrections} notification(s) of change: see hmsops disbursements show ${grantId}`);
      for (const u of r.unchecked) console.log(color.yellow(`not checked: ${u}`));
      if (r.verdict === 'balances') console.log(color.green(`${grantId} balances`));
      else if (r.verdict === 'no-transfers')
        console.log(color.red(`${grantId}: no transfers in the ledger: nothing was disbursed under this grant id (see hmsops disbursements ls)`));
      else if (r.verdict === 'not-checked') console.log(color.red(`${grantId}: not every part could be checked; run it again when every service answers`));
      else {
        console.log(color.red(`${grantId} does not balance: ${r.mismatches.length} mismatch(es)`));
        for (const m of r.mismatches) console.log(`  ${m}`);
      }
    }
    // Only a balance is a success: a grant with nothing to check, or a part not checked, is not one.
    return r.verdict === 'balances' ? ok : exitWith(ExitCode.failure);
  });
}
