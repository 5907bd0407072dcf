/** `hmsops ach verify FILE`: strict NACHA validation; a summary when valid, every problem when not (exit 1). */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { ExitCode, fileErrorText, HmsopsError } from '../../errors/index.js';
import { formatNachaProblem, nachaProblemAt, readNachaFile } from '../../nacha/index.js';
import { exitWith, ok, type CommandResult } from '../end.js';
import { formatCents } from '../../money.js';
import { color, printJson } from '../output.js';

export async function achVerifyCommand(file: string, opts: { json?: boolean }): Promise<CommandResult> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    throw new HmsopsError('FILE_UNREADABLE', `cannot read ${file}: ${fileErrorText(err)}`);
  }
  if (file.endsWith('.gz')) buf = zlib.gunzipSync(buf);
  const r = readNachaFile(buf.toString('latin1'), { keepEntries: false });
  if (opts.json) {
    printJson({ file, valid: r.ok, summary: r.summary, problems: r.problems, warnings: r.warnings, returns: r.returns });
  } else if (r.ok) {
    const s = r.summary;
    console.log(`${color.green('valid')} ${file}${s.kind === 'adv' ? ' (ADV: automated accounting advices)' : ''}`);
    console.log(`  ${s.batches} batch(es), ${s.entries} entries, ${s.addenda} addenda, ${s.records} records in ${s.blocks} block(s)`);
    console.log(`  credits ${formatCents(s.totalCreditCents)}, debits ${formatCents(s.totalDebitCents)}, entry hash ${String(s.entryHash).padStart(10, '0')}`);
    // What an RDFI sent back: each return and notification of change, by the entry it answers.
    for (const x of r.returns)
      console.log(
        `  line ${x.line}: ${x.kind === 'return' ? 'return' : 'notification of change'} ${x.code} (${x.description}) of entry ${x.originalTrace}${
          x.kind === 'change' ? `: corrected data "${x.correctedData}"` : x.dateOfDeath ? `, date of death ${x.dateOfDeath}` : ''
        }${x.kind === 'return' && x.dishonored ? `, answering return ${x.dishonored.returnTrace} (${x.dishonored.returnReasonCode})` : ''}`,
      );
    for (const w of r.warnings) console.log(`  ${color.yellow('warning')} ${formatNachaProblem(w)}`);
  } else {
    console.error(`${color.red('invalid')} ${file}`);
    for (const p of r.problems) console.error(`  ${nachaProblemAt(file, p)}`);
  }
  return r.ok ? ok : exitWith(ExitCode.failure);
}
