/**
 * `hmsops ach files`: every file cut and where it stands with the bank (cut, sent, acknowledged; the cutoff it
 * made or is to make; late). `hmsops ach send [--file ID]`: send what waits now, rather than at the
 * ACH service's next round (each second).
 */
import { formatCents } from '../../money.js';
import { HmsopsApiError } from '../../sdk/index.js';
import type { TransmissionList } from '../../sdk/types.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { withClient } from '../session.js';

type Opts = GlobalOptions & { json?: boolean; user?: string; file?: string };

function render(list: TransmissionList): string {
  const { files, uploads, merge, nextWindow } = list;
  if (!files.length) return color.dim('no files cut yet');
  const out = [
    table(
      ['FILE', 'GRANT', 'ENTRIES', 'STATE', merge ? 'WINDOW' : 'CUTOFF', ...(merge ? ['UPLOAD'] : []), 'SENT', 'NOTE'],
      files.map((f) => [
        f.name,
        f.grantId ?? '-',
        String(f.entries),
        f.state === 'acknowledged'
          ? color.green('acknowledged')
          : f.state === 'sent'
            ? color.green('sent')
            : f.late
              ? color.red('late')
              : color.yellow(f.upload ? 'merged' : 'waits'),
        f.cutoff,
        ...(merge ? [f.upload ?? '-'] : []),
        f.sentAt ?? '-',
        [
          f.missedWindows.length ? `missed ${f.missedWindows.join(', ')}` : '',
          f.lastError ? `${f.attempts} attempt(s): ${f.lastError}` : f.late && f.state !== 'cut' && !f.missedWindows.length ? 'sent after its cutoff' : '',
        ]
          .filter(Boolean)
          .join('; '),
      ]),
    ),
  ];
  if (merge && uploads.length)
    out.push(
      '',
      table(
        ['UPLOAD', 'WINDOW', 'FILES', 'ENTRIES', 'LINES', 'CREDITS', 'STATE', 'SENT'],
        uploads.map((u) => [
          u.name,
          u.window,
          String(u.files.length),
          String(u.entries),
          String(u.lines),
          formatCents(u.totalCreditCents),
          u.state === 'missed'
            ? color.red('missed')
            : u.state === 'merged'
              ? color.yellow(u.attempts ? `merged, ${u.attempts} attempt(s): ${u.lastError}` : 'merged')
              : color.green(u.state),
          u.sentAt ?? '-',
        ]),
      ),
    );
  if (merge && nextWindow) out.push(color.dim(`files cut now go in the window of ${nextWindow.cutoff}, sent from ${nextWindow.uploadAt} (or now: hmsops ach send)`));
  return out.join('\n');
}

export async function achFilesCommand(opts: Opts): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    let list: TransmissionList;
    try {
      list = await client.payments.odfiFiles();
    } catch (err) {
      if (!(err instanceof HmsopsApiError && err.code === 'ODFI_NOT_CONFIGURED')) throw err;
      // No bank configured: the files cut are still listed, as cut and sent nowhere.
      const cut = (await client.payments.files()).files;
      if (opts.json) printJson({ odfi: null, files: cut });
      else {
        console.log(color.dim('no bank configured (ach.odfi): files are cut into ach/outbound/ and sent nowhere'));
        console.log(
          cut.length
            ? table(
                ['FILE', 'GRANT', 'ENTRIES', 'CREDITS', 'CUT AT', 'PATH'],
                cut.map((f) => [f.fileId, f.grantId ?? '-', String(f.entries), formatCents(f.totalCreditCents), f.createdAt, f.path]),
              )
            : color.dim('no files cut yet'),
        );
      }
      return ok;
    }
    if (opts.json) printJson(list);
    else console.log(render(list));
    return ok;
  });
}

export async function achSendCommand(opts: Opts): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const r = await client.payments.sendToOdfi(opts.file);
    if (opts.json) printJson(r);
    else {
      if (!r.sending) console.log(color.dim('another ACH instance is sending right now; it sends what waits'));
      for (const x of r.results)
        console.log(
          `${x.name ?? x.fileId}: ${x.outcome === 'sent' ? color.green('sent') : x.outcome === 'already-there' ? 'already on the server (recorded as sent)' : color.red(x.outcome)}`,
        );
      if (r.sending && !r.results.length) console.log(color.dim('nothing waits to be sent'));
      console.log(render(r));
    }
    return r.results.some((x) => x.outcome.startsWith('failed')) ? { exitCode: 1 } : ok;
  });
}
