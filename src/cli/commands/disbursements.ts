/** `hmsops disbursements ls|show`: what the services themselves say about each grant. */
import { formatCents } from '../../money.js';
import { HmsopsApiError } from '../../sdk/index.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { withClient } from '../session.js';

type Opts = GlobalOptions & { json?: boolean; user?: string };

export async function disbursementsLsCommand(opts: Opts): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const { grants } = await client.payments.grants();
    if (opts.json) printJson({ grants });
    else if (grants.length === 0) console.log(color.dim('no disbursements yet'));
    else
      console.log(
        table(
          ['GRANT', 'TRANSFERS', 'AMOUNT', 'QUEUED', 'FILED', 'FILES', 'LAST'],
          grants.map((g) => [g.grantId, String(g.transfers), formatCents(g.amountCents), String(g.queued), String(g.filed), String(g.files), g.lastAt]),
        ),
      );
    return ok;
  });
}

export async function disbursementsShowCommand(grantId: string, opts: Opts): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  // Analytics and messaging are not critical: when down, say so instead of failing.
  const soft = async <T>(p: Promise<T>): Promise<T | { unavailable: string }> => {
    try {
      return await p;
    } catch (err) {
      if (err instanceof HmsopsApiError && (err.status >= 500 || err.status === 404)) return { unavailable: `${err.code}: ${err.message}` };
      throw err;
    }
  };
  return withClient(ctx, opts, async (client) => {
    const [ledger, transfers, files, analytics, emails] = await Promise.all([
      client.payments.grant(grantId),
      client.payments.list({ grantId }),
      client.payments.files({ grantId }),
      soft(client.analytics.grantReport(grantId)),
      soft(client.messaging.list({ keyPrefix: `${grantId}:`, countsOnly: true })),
    ]);
    const view = { grantId, ledger, files: files.files, analytics, emails, transfers: transfers.transfers };
    if (opts.json) printJson(view);
    else {
      console.log(`${color.bold(grantId)}: ${ledger.transfers} transfer(s), ${formatCents(ledger.amountCents)}; ${ledger.filed} filed, ${ledger.queued} queued`);
      for (const f of files.files) console.log(`  file ${f.fileId}: ${f.entries} entries, ${formatCents(f.totalCreditCents)} (${f.path})`);
      console.log(
        `  analytics: ${'unavailable' in analytics ? color.yellow(analytics.unavailable) : `${analytics.total.count} event(s), ${formatCents(analytics.total.amountCents)}`}`,
      );
      console.log(
        `  notices: ${
          'unavailable' in emails
            ? color.yellow(emails.unavailable)
            : Object.entries(emails.counts)
                .map(([k, v]) => `${v} ${k}`)
                .join(', ') || 'none'
        }`,
      );
      if (transfers.transfers.length <= 50)
        console.log(
          table(
            ['RECIPIENT', 'NAME', 'AMOUNT', 'STATUS', 'TRACE', 'ACCOUNT'],
            transfers.transfers.map((t) => [t.recipientId, t.name, formatCents(t.amountCents), t.status, t.traceNumber, `${t.accountType} ...${t.accountLast4}`]),
          ),
        );
    }
    return ok;
  });
}
