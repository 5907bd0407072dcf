/**
 * `hmsops ach import FILE`: a file the bank sent back (returns, notifications of change) into the
 * ledger, then what follows from it.
 *   step 1: read and check the file here (strict NACHA; invalid: every problem, exit 1, nothing sent)
 *   step 2: the ACH service records each return and change beside the transfer it answers (the same
 *           file again changes nothing)
 *   step 3: analytics gets disbursement.returned / .corrected / .dishonored for each matched one, and a
 *           recipient whose payment came back gets a notice at the address the payment's notice went
 *           to; both idempotent, so importing again finishes what a failure left (exit 5 while pending)
 *   step 4: the list, unmatched entries included
 */
import fs from 'node:fs';
import path from 'node:path';
import { ExitCode, fileErrorText, HmsopsError } from '../../errors/index.js';
import { formatCents } from '../../money.js';
import { nachaProblemAt, readNachaFile } from '../../nacha/index.js';
import { looksEncrypted, OdfiPgp } from '../../nacha/pgp.js';
import type { ReturnRecord } from '../../sdk/types.js';
import { loadContext, type GlobalOptions } from '../context.js';
import { exitWith, ok, type CommandResult } from '../end.js';
import { color, printJson, table } from '../output.js';
import { followUps, importInbound } from '../returns-flow.js';
import { withClient } from '../session.js';

type Opts = GlobalOptions & { json?: boolean; user?: string };

export async function achImportCommand(file: string, opts: Opts): Promise<CommandResult> {
  // step 1
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new HmsopsError('FILE_UNREADABLE', `cannot read ${file}: ${fileErrorText(err)}`);
  }
  // A file the bank encrypted (ach.odfi.pgp): opened here with our key, its signature the bank's, or refused.
  if (looksEncrypted(bytes)) {
    const pgp = (await loadContext(opts)).config.ach.odfi?.pgp;
    if (!pgp) throw new HmsopsError('INVALID_NACHA_FILE', `${file} is an OpenPGP message, and no ach.odfi.pgp in the config says which key opens it: nothing imported`);
    bytes = await (await OdfiPgp.load(pgp)).open(bytes);
  }
  const text = bytes.toString('latin1');
  const read = readNachaFile(text, { keepEntries: false });
  if (!read.ok) {
    if (opts.json) printJson({ file, valid: false, problems: read.problems });
    else {
      console.error(`${color.red('invalid')} ${file}: nothing imported`);
      for (const p of read.problems) console.error(`  ${nachaProblemAt(file, p)}`);
    }
    return exitWith(ExitCode.failure);
  }
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    // step 2, 3
    const { result, pending } = await importInbound(client, path.basename(file), text);
    // step 4
    if (opts.json) printJson({ ...result, pending });
    else {
      const matched = result.records.filter((r) => r.transferId || r.prenoteId);
      if (result.acknowledgement)
        console.log(`${result.alreadyImported ? color.dim('already imported') : color.green('imported')} ${file}: ${acknowledges(result.acknowledgement)}`);
      else
        console.log(
          `${result.alreadyImported ? color.dim(`already imported ${result.importedAt}: nothing recorded again`) : color.green('imported')} ${file}: ` +
            `${count(result.records, 'returned')} return(s), ${count(result.records, 'corrected')} change(s)${count(result.records, 'dishonored') ? `, ${count(result.records, 'dishonored')} dishonored` : ''}; ` +
            `${matched.length} matched, ${result.records.length - matched.length} unmatched`,
        );
      if (result.records.length)
        console.log(
          table(
            ['LINE', 'KIND', 'CODE', 'WHAT', 'GRANT', 'RECIPIENT', 'AMOUNT', 'ORIGINAL TRACE'],
            result.records.map((r) => [
              String(r.line),
              r.kind,
              r.code,
              r.kind === 'corrected' ? `${r.description}: ${r.correctedData}` : r.description,
              r.grantId ?? color.yellow('unmatched'),
              r.recipientId ?? '-',
              r.prenoteId ? 'prenote' : r.amountCents === null ? '-' : formatCents(r.amountCents),
              r.originalTrace,
            ]),
          ),
        );
      const prenotes = result.records.filter((r) => r.prenoteId);
      if (prenotes.length)
        console.log(
          color.yellow(
            `${prenotes.length} answer(s) to prenotes: the payments to those accounts are held until the grant file gives the account the bank says (hmsops disbursements show GRANT)`,
          ),
        );
      for (const p of pending) console.error(color.yellow(`pending: ${p} (import the same file again to finish)`));
    }
    return pending.length ? exitWith(ExitCode.followUpsPending) : ok;
  });
}

const count = (records: ReturnRecord[], kind: ReturnRecord['kind']) => records.filter((r) => r.kind === kind).length;
const acknowledges = (a: { fileId: string | null }) =>
  a.fileId ? `the bank's acknowledgement of file ${a.fileId}` : color.yellow('an acknowledgement of no file sent (its file header matches none): listed, nothing marked');

/**
 * `hmsops ach fetch`: the bank's new files from its inbound folder (ach.odfi.sftp.inbound), each
 * imported by the ACH service (a file already fetched is not fetched again), then each one's
 * follow-ups as for `ach import`. Run it on a schedule (cron, a CI job) to take returns in as
 * they come.
 */
export async function achFetchCommand(opts: Opts): Promise<CommandResult> {
  const ctx = await loadContext(opts);
  return withClient(ctx, opts, async (client) => {
    const { fetched } = await client.payments.fetchFromOdfi();
    const out = [];
    for (const f of fetched) out.push({ ...f, pending: f.imported ? await followUps(client, f.imported) : [] });
    if (opts.json) printJson({ fetched: out });
    else {
      if (!out.length) console.log(color.dim("nothing new in the bank's inbound folder"));
      for (const f of out) {
        if (f.error) console.log(`${color.red('not imported')} ${f.name}: ${f.error}`);
        else if (f.imported!.acknowledgement) console.log(`${color.green('imported')} ${f.name}: ${acknowledges(f.imported!.acknowledgement)}`);
        else {
          const r = f.imported!.records;
          console.log(
            `${color.green('imported')} ${f.name}: ${count(r, 'returned')} return(s), ${count(r, 'corrected')} change(s), ${r.filter((x) => !x.transferId && !x.prenoteId).length} unmatched`,
          );
        }
        for (const p of f.pending) console.error(color.yellow(`pending: ${p} (fetch again to finish)`));
      }
    }
    if (out.some((f) => f.error)) return exitWith(ExitCode.failure);
    return out.some((f) => f.pending.length) ? exitWith(ExitCode.followUpsPending) : ok;
  });
}
