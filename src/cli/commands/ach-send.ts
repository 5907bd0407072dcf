/**
 * `hmsops ach files`: every file cut and where it stands with the bank (cut, sent, acknowledged; the cutoff it
 * made or is to make; late). `hmsops ach send [--file ID]`: send what waits now, rather than at the
 * ACH service's next round (each second).
 */
import type { FileTransmission } from '../../sdk/types.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { withClient } from '../session.js';

type Opts = GlobalOptions & { json?: boolean; user?: string; file?: string };

function render(files: FileTransmission[]): string {
  if (!files.length) return color.dim('no files cut yet');
  return table(
    ['FILE', 'GRANT', 'ENTRIES', 'STATE', 'CUTOFF', 'SENT', 'NOTE'],
    files.map((f) => [
      f.name,
      f.grantId ?? '-',
      String(f.entries),
      f.state === 'acknowledged' ? color.green('acknowledged') : f.state === 'sent' ? color.green('sent') : f.late ? color.red('late') : color.yellow('cut'),
      f.cutoff,
      f.sentAt ?? '-',
      f.lastError ? `${f.attempts} attempt(s): ${f.lastError}` : f.late && f.state !== 'cut' ? 'sent after its cutoff' : '',
    ]),
  );
}

export async function achFilesCommand(opts: Opts): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const { files } = await client.payments.odfiFiles();
    if (opts.json) printJson({ files });
    else console.log(render(files));
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
          `${x.fileId}: ${x.outcome === 'sent' ? color.green('sent') : x.outcome === 'already-there' ? 'already on the server (recorded as sent)' : color.red(x.outcome)}`,
        );
      if (r.sending && !r.results.length) console.log(color.dim('nothing waits to be sent'));
      console.log(render(r.files));
    }
    return r.results.some((x) => x.outcome.startsWith('failed')) ? { exitCode: 1 } : ok;
  });
}
