/** `hmsops disbursements ls|show`: what the services themselves say about each grant. */
import { formatCents } from '../../money.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { HmsopsApiError } from '../../sdk/index.js';
import { withClient } from '../session.js';
import { isUnavailable, softRead } from '../soft-read.js';

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
  return withClient(ctx, opts, async (client) => {
    const [found, transfers, files, analytics, emails, returned, prenoted] = await Promise.all([
      // A grant whose every recipient waits for a prenote has no transfer yet.
      client.payments.grant(grantId).catch((err: unknown) => {
        if (err instanceof HmsopsApiError && err.code === 'NOT_FOUND') return err;
        throw err;
      }),
      client.payments.list({ grantId }),
      client.payments.files({ grantId }),
      // Analytics and messaging are not critical: when down, say so instead of failing.
      softRead(client.analytics.grantReport(grantId)),
      softRead(client.messaging.list({ keyPrefix: `${grantId}:`, countsOnly: true })),
      client.payments.returns(grantId),
      client.payments.prenotes(grantId),
    ]);
    const prenotes = prenoted.prenotes;
    if (found instanceof HmsopsApiError && !prenotes.length) throw found;
    const ledger = found instanceof HmsopsApiError ? { grantId, transfers: 0, amountCents: 0, queued: 0, filed: 0, files: files.files.length, firstAt: '', lastAt: '' } : found;
    const view = { grantId, ledger, files: files.files, analytics, emails, returns: returned.returns, transfers: transfers.transfers, prenotes };
    if (opts.json) printJson(view);
    else {
      console.log(`${color.bold(grantId)}: ${ledger.transfers} transfer(s), ${formatCents(ledger.amountCents)}; ${ledger.filed} filed, ${ledger.queued} queued`);
      for (const f of files.files) console.log(`  file ${f.fileId}: ${f.entries} entries, ${formatCents(f.totalCreditCents)} (${f.path})`);
      console.log(
        `  analytics: ${isUnavailable(analytics) ? color.yellow(analytics.unavailable) : `${analytics.total.count} event(s), ${formatCents(analytics.total.amountCents)}`}`,
      );
      console.log(
        `  notices: ${
          isUnavailable(emails)
            ? color.yellow(emails.unavailable)
            : Object.entries(emails.counts)
                .map(([k, v]) => `${v} ${k}`)
                .join(', ') || 'none'
        }`,
      );
      // What the banks sent back: a returned payment was not received; a change asks for new details.
      const byTransfer = new Map(returned.returns.map((r) => [r.transferId, r]));
      const back = returned.returns.filter((r) => r.kind === 'returned');
      if (returned.returns.length)
        console.log(
          `  returns: ${back.length} returned (${formatCents(back.reduce((n, r) => n + (r.amountCents ?? 0), 0))}), ${returned.returns.filter((r) => r.kind === 'corrected').length} change(s) asked`,
        );
      for (const r of returned.returns)
        console.log(
          `    ${r.recipientId}: ${r.kind} ${r.code} ${r.description}${r.correctedData ? `: ${r.correctedData}` : ''}${r.dateOfDeath ? ` (date of death ${r.dateOfDeath})` : ''}`,
        );
      if (prenotes.length) {
        const count = (state: string) => prenotes.filter((p) => p.state === state).length;
        console.log(`  prenotes: ${prenotes.length} (${count('waiting')} waiting, ${count('payable')} payable, ${count('held')} held)`);
        for (const p of prenotes.filter((x) => x.state !== 'payable').slice(0, 50))
          console.log(
            `    ${p.recipientId}: ${p.accountType} ...${p.accountLast4}, trace ${p.traceNumber}, ${
              p.answer
                ? color.red(`held: ${p.answer.code} ${p.answer.description}${p.answer.correctedData ? `: ${p.answer.correctedData.trim()}` : ''}`)
                : `payable from ${p.payableFrom}`
            }`,
          );
      }
      if (transfers.transfers.length <= 50)
        console.log(
          table(
            ['RECIPIENT', 'NAME', 'AMOUNT', 'STATUS', 'TRACE', 'ACCOUNT'],
            transfers.transfers.map((t) => {
              const r = byTransfer.get(t.id);
              return [t.recipientId, t.name, formatCents(t.amountCents), r ? `${t.status}, ${r.kind} ${r.code}` : t.status, t.traceNumber, `${t.accountType} ...${t.accountLast4}`];
            }),
          ),
        );
    }
    return ok;
  });
}
