/**
 * `hmsops ach returns`: the returns and notifications of change recorded over a rolling window
 * (default 60 days), every grant. `--rates`: each originator's return rates against NACHA's
 * thresholds (unauthorized 0.5 %, administrative 3 %, overall 15 %); exit 1 when one is over, so
 * a cron job or a CI schedule can watch it.
 */
import { RETURN_RATE_RULES, RETURN_RATE_WINDOW_DAYS } from '../../domain/return-rates.js';
import { ExitCode, UsageError } from '../../errors/index.js';
import { formatCents } from '../../money.js';
import type { ReturnRates } from '../../sdk/types.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { exitWith, ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { withClient } from '../session.js';

type Opts = GlobalOptions & { json?: boolean; user?: string; rates?: boolean; days?: string };

const percent = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(2)} %`);

function renderRates(r: ReturnRates): string {
  const head = `return rates over the last ${r.windowDays} days (since ${r.since.slice(0, 10)}), each against NACHA's threshold`;
  if (!r.originators.length) return `${head}\n${color.dim('no entries and no returns in the window')}`;
  const rows = r.originators.flatMap((o) =>
    o.rates.map((x) => [
      o.companyId,
      o.originatorName,
      String(o.entries),
      x.category,
      String(x.returns),
      percent(x.rate),
      percent(x.threshold),
      x.over ? color.red('OVER') : color.green('ok'),
    ]),
  );
  const legend = Object.entries(RETURN_RATE_RULES)
    .filter(([, v]) => v.codes)
    .map(([k, v]) => `${k}: ${v.codes!.join(', ')}`)
    .join('; ');
  return [
    head,
    table(['ORIGINATOR', 'NAME', 'ENTRIES', 'CATEGORY', 'RETURNS', 'RATE', 'THRESHOLD', ''], rows),
    color.dim(`${legend}; overall: every return`),
    ...(r.unmatched ? [color.dim(`${r.unmatched} return(s) in the window match no transfer of this ledger, so no originator`)] : []),
  ].join('\n');
}

export async function achReturnsCommand(opts: Opts): Promise<CommandResult> {
  const days = opts.days === undefined ? RETURN_RATE_WINDOW_DAYS : Number(opts.days);
  if (!/^\d+$/.test(opts.days ?? '60') || days < 1 || days > 366) throw new UsageError(`--days: expected a whole number of days from 1 to 366, got "${opts.days}"`);
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    if (opts.rates) {
      const rates = await client.payments.returnRates(days);
      if (opts.json) printJson(rates);
      else console.log(renderRates(rates));
      return rates.originators.some((o) => o.rates.some((x) => x.over)) ? exitWith(ExitCode.failure) : ok;
    }
    const { returns } = await client.payments.recentReturns(days);
    if (opts.json) printJson({ windowDays: days, returns });
    else if (!returns.length) console.log(color.dim(`no returns or changes recorded in the last ${days} days`));
    else
      console.log(
        table(
          ['RECORDED', 'KIND', 'CODE', 'GRANT', 'RECIPIENT', 'AMOUNT', 'TRACE', 'REASON'],
          returns.map((x) => [
            x.at.slice(0, 16).replace('T', ' '),
            x.kind,
            x.code,
            x.grantId ?? color.yellow('unmatched'),
            x.recipientId ?? '-',
            x.amountCents === null ? '-' : formatCents(x.amountCents),
            x.originalTrace,
            x.description,
          ]),
        ),
      );
    return ok;
  });
}
