/**
 * Strict NACHA reader and validator. Rules: every record 94 characters; record order
 * 1 (5 (6 7*)* 8)* 9; digits where digits belong; ABA check digits; batch and file control
 * counts, entry hashes and totals that match; record count a multiple of 10 padded with all-9
 * records. Every problem names its line and rule. Pure: text in, result out.
 */
import { abaCheckDigit } from './aba.js';
import { readReturnOrChange, type ReturnOrChange } from './returns.js';
import {
  ADV_SERVICE_CLASS,
  addendaLayout,
  advBatchControlLayout,
  advEntryDetailLayout,
  advFileControlLayout,
  isAdvCredit,
  isAdvTransactionCode,
  type AdvBatch,
  type AdvEntryDetail,
  type AdvNachaFile,
  batchControlLayout,
  batchHeaderLayout,
  BLOCKING_FACTOR,
  entryDetailLayout,
  fileControlLayout,
  fileHeaderLayout,
  isCredit,
  isDebit,
  RECORD_LENGTH,
  VALID_TRANSACTION_CODES,
  type Batch,
  type BatchHeader,
  type EntryDetail,
  type Field,
  type FileHeader,
  type NachaFile,
} from './layout.js';

// biome-ignore lint/suspicious/noExplicitAny: a record's fields as read, by the layout's names; the checks below give each its meaning before it is trusted
type RecordFields = Record<string, any>;

export interface NachaProblem {
  line: number;
  rule: string;
  message: string;
}

export interface NachaSummary {
  /** payments: batches of service class 200, 220, 225; adv: automated accounting advices (280). */
  kind: 'payments' | 'adv';
  records: number;
  blocks: number;
  batches: number;
  entries: number;
  addenda: number;
  totalDebitCents: number;
  totalCreditCents: number;
  entryHash: number;
  /** The effective entry dates of the batches (YYMMDD, as the headers carry them), each once, in file order. */
  effectiveEntryDates: string[];
}

export interface ReadResult {
  ok: boolean;
  problems: NachaProblem[];
  /** Departures from the standard that other readers accept (not a reason to reject). */
  warnings: NachaProblem[];
  summary: NachaSummary;
  /** The parsed payment file, when valid and keepEntries is not false. */
  file?: NachaFile;
  /** The parsed ADV file, when valid, an ADV file, and keepEntries is not false. */
  advFile?: AdvNachaFile;
  /** Every return (addenda 99) and notification of change (addenda 98) read, with its line, in file order. */
  returns: (ReturnOrChange & { line: number })[];
}

export const formatNachaProblem = (p: NachaProblem) => `line ${p.line}: ${p.message} (rule: ${p.rule})`;
/** A problem where an editor and a terminal find it: `FILE:LINE: message (rule: ...)`. */
export const nachaProblemAt = (file: string, p: NachaProblem) => `${file}:${p.line}: ${p.message} (rule: ${p.rule})`;

class Stop extends Error {}

const isDigits = (s: string) => {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

const HASH_MOD = 10_000_000_000;
const NOT_PRINTABLE = /[^\x20-\x7e]/;
/** A mandatory field left empty: all spaces, or all zeros. */
const emptyField = (s: string) => /^[ 0]*$/.test(s);
const PADDING = '9'.repeat(RECORD_LENGTH);

/**
 * The routing number in an immediate destination, in each form files carry it: a space and 9
 * digits (NACHA's bTTTTAAAAC), 9 digits and a space, or 0 and 9 digits; undefined in any other.
 */
export function destinationRouting(field: string): string | undefined {
  const m = /^(?: (\d{9})|(\d{9}) |0(\d{9}))$/.exec(field);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

export function readNachaFile(text: string, opts: { keepEntries?: boolean; maxProblems?: number } = {}): ReadResult {
  const keep = opts.keepEntries !== false;
  const maxProblems = opts.maxProblems ?? 50;
  const problems: NachaProblem[] = [];
  const warnings: NachaProblem[] = [];
  const summary: NachaSummary = {
    kind: 'payments',
    records: 0,
    blocks: 0,
    batches: 0,
    entries: 0,
    addenda: 0,
    totalDebitCents: 0,
    totalCreditCents: 0,
    entryHash: 0,
    effectiveEntryDates: [],
  };
  let lineNo = 0;
  const problem = (rule: string, message: string, fatal = false) => {
    problems.push({ line: lineNo, rule, message });
    if (fatal || problems.length >= maxProblems) throw new Stop();
  };

  // Split into records, remembering the separator and what trails the last record.
  const trailerMatch = /[\r\n]*$/.exec(text)!;
  const trailer = trailerMatch[0];
  const body = text.slice(0, text.length - trailer.length);
  const lineEnding = body.includes('\r\n') ? '\r\n' : body.includes('\n') ? '\n' : '';
  const lines = lineEnding
    ? body.split(lineEnding)
    : body.length === 0
      ? []
      : Array.from({ length: Math.ceil(body.length / RECORD_LENGTH) }, (_, i) => body.slice(i * RECORD_LENGTH, (i + 1) * RECORD_LENGTH));

  const fields = (line: string, layout: Field[]): RecordFields => {
    const out: RecordFields = {};
    for (const fd of layout) {
      const raw = line.slice(fd.start - 1, fd.start - 1 + fd.length);
      if (fd.kind === 'numeric') {
        if (!isDigits(raw)) problem('field-format', `${fd.name} (positions ${fd.start}-${fd.start + fd.length - 1}) must be digits, got "${raw}"`);
        out[fd.name] = Number(raw);
      } else out[fd.name] = raw.trimEnd();
    }
    return out;
  };

  let header: FileHeader | undefined;
  const batches: (Batch | AdvBatch)[] = [];
  let kind: NachaSummary['kind'] | undefined;
  let batch: { header: BatchHeader; adv: boolean; entries: (EntryDetail | AdvEntryDetail)[]; count: number; hash: number; debit: number; credit: number; line: number } | undefined;
  let lastEntry: ((EntryDetail | AdvEntryDetail) & { line: number; addendaSeen: number }) | undefined;
  let control: RecordFields | undefined;
  let paddingLines = 0;
  const returns: ReadResult['returns'] = [];

  const closeEntry = () => {
    if (lastEntry && lastEntry.addendaRecordIndicator === 1 && lastEntry.addendaSeen === 0) {
      const l = lineNo;
      lineNo = lastEntry.line;
      problem('addenda-indicator', 'addenda record indicator is 1 but no addenda record follows');
      lineNo = l;
    }
    lastEntry = undefined;
  };

  try {
    if (lines.length === 0) {
      lineNo = 1;
      problem('record-order', 'the file is empty; expected a file header (record type 1)', true);
    }
    for (const line of lines) {
      lineNo++;
      if (line.length !== RECORD_LENGTH) problem('record-length', `record is ${line.length} characters long, expected ${RECORD_LENGTH}`, true);
      const odd = NOT_PRINTABLE.exec(line);
      if (odd) problem('character', `position ${odd.index + 1} holds character 0x${odd[0].charCodeAt(0).toString(16).padStart(2, '0')}: NACHA records carry 0x20-0x7E only`);
      const type = line[0];
      if (control) {
        if (line !== PADDING) problem('padding', 'only all-9 padding records may follow the file control record', true);
        paddingLines++;
        continue;
      }
      if (!header) {
        if (type !== '1') problem('record-order', `expected a file header (record type 1) first, got record type "${type}"`, true);
        header = fields(line, fileHeaderLayout) as FileHeader;
        if (header.recordSize !== 94) problem('file-header', `record size must be 094, got "${line.slice(34, 37)}"`);
        if (header.blockingFactor !== 10) problem('file-header', `blocking factor must be 10, got "${line.slice(37, 39)}"`);
        if (header.formatCode !== '1') problem('file-header', `format code must be 1, got "${header.formatCode}"`);
        const dest = destinationRouting(line.slice(3, 13));
        if (dest === undefined)
          problem('immediate-destination', `immediate destination (positions 4-13) must be a routing number, a space and 9 digits, got "${line.slice(3, 13)}"`);
        else if (abaCheckDigit(dest.slice(0, 8)) !== Number(dest[8]))
          problem('check-digit', `immediate destination ${dest} has a wrong check digit (expected ${abaCheckDigit(dest.slice(0, 8))})`);
        continue;
      }
      switch (type) {
        case '5': {
          if (batch) problem('record-order', 'batch header inside a batch: the previous batch has no batch control (record type 8)', true);
          const bh = fields(line, batchHeaderLayout) as BatchHeader;
          const adv = bh.serviceClassCode === ADV_SERVICE_CLASS;
          if (![200, 220, 225, ADV_SERVICE_CLASS].includes(bh.serviceClassCode))
            problem('service-class', `service class code must be 200, 220, 225 or 280 (ADV), got ${line.slice(1, 4)}`);
          if (adv !== (bh.secCode === 'ADV'))
            problem('sec-code', adv ? `an ADV batch (service class 280) must have SEC code ADV, got "${bh.secCode}"` : 'SEC code ADV needs service class 280');
          kind ??= adv ? 'adv' : 'payments';
          if ((kind === 'adv') !== adv)
            problem(
              'service-class',
              adv ? 'an ADV batch (service class 280) in a file of payment batches' : 'a payment batch in an ADV file (its batches are all service class 280)',
            );
          if (emptyField(line.slice(4, 20))) problem('mandatory-field', 'company name (positions 5-20) is empty');
          if (emptyField(line.slice(53, 63))) problem('mandatory-field', 'company entry description (positions 54-63) is empty');
          batch = { header: bh, adv, entries: [], count: 0, hash: 0, debit: 0, credit: 0, line: lineNo };
          if (!summary.effectiveEntryDates.includes(bh.effectiveEntryDate)) summary.effectiveEntryDates.push(bh.effectiveEntryDate);
          break;
        }
        case '6': {
          if (!batch) problem('record-order', 'entry detail (record type 6) outside a batch', true);
          closeEntry();
          const b = batch!;
          const e = fields(line, b.adv ? advEntryDetailLayout : entryDetailLayout) as EntryDetail | AdvEntryDetail;
          e.addenda = [];
          if (b.adv) {
            if (!isAdvTransactionCode(e.transactionCode)) problem('transaction-code', `transaction code ${line.slice(1, 3)} is not an ADV code (81-88)`);
          } else if (!VALID_TRANSACTION_CODES.has(e.transactionCode))
            problem('transaction-code', `transaction code ${line.slice(1, 3)} is not a valid code${isAdvTransactionCode(e.transactionCode) ? ' outside an ADV batch' : ''}`);
          if (!isDigits(e.rdfiIdentification) || e.rdfiIdentification.length !== 8)
            problem('field-format', `RDFI routing (positions 4-11) must be 8 digits, got "${line.slice(3, 11)}"`);
          else if (String(abaCheckDigit(e.rdfiIdentification)) !== e.checkDigit)
            problem('check-digit', `check digit of routing ${e.rdfiIdentification} must be ${abaCheckDigit(e.rdfiIdentification)}, got "${e.checkDigit}"`);
          if (b.adv) {
            if (!isDigits(line.slice(39, 48))) problem('field-format', `advice routing number (positions 40-48) must be digits, got "${line.slice(39, 48)}"`);
            if (!isDigits(line.slice(79, 87))) problem('field-format', `routing number of the ACH operator (positions 80-87) must be digits, got "${line.slice(79, 87)}"`);
          } else if (!isDigits(line.slice(79, 94))) problem('field-format', `trace number (positions 80-94) must be digits, got "${line.slice(79, 94)}"`);
          else if (line.slice(79, 87) !== b.header.odfiIdentification)
            problem('trace-number', `trace number ${line.slice(79, 94)} must start with the batch's ODFI routing ${b.header.odfiIdentification}`);
          if (emptyField(line.slice(54, 76))) problem('mandatory-field', 'individual or receiving company name (positions 55-76) is empty');
          if (e.addendaRecordIndicator > 1) problem('addenda-indicator', `addenda record indicator must be 0 or 1, got ${e.addendaRecordIndicator}`);
          b.count++;
          b.hash += Number(e.rdfiIdentification) || 0;
          const amount = Number.isNaN(e.amount) ? 0 : e.amount;
          if (b.adv) {
            if (isAdvCredit(e.transactionCode)) b.credit += amount;
            else if (isAdvTransactionCode(e.transactionCode)) b.debit += amount;
          } else if (isCredit(e.transactionCode)) b.credit += amount;
          else if (isDebit(e.transactionCode)) b.debit += amount;
          if (b.header.serviceClassCode === 220 && isDebit(e.transactionCode)) problem('service-class', 'a debit entry in a credits-only batch (service class 220)');
          if (b.header.serviceClassCode === 225 && isCredit(e.transactionCode)) problem('service-class', 'a credit entry in a debits-only batch (service class 225)');
          summary.entries++;
          if (keep) b.entries.push(e);
          lastEntry = Object.assign(e, { line: lineNo, addendaSeen: 0 });
          break;
        }
        case '7': {
          if (!lastEntry) problem('record-order', 'addenda (record type 7) must follow an entry detail (record type 6)', true);
          if (lastEntry!.addendaRecordIndicator !== 1) problem('addenda-indicator', `addenda follows an entry whose addenda record indicator is 0 (line ${lastEntry!.line})`);
          const a = fields(line, addendaLayout) as { addendaTypeCode: string; body: string };
          if (a.addendaTypeCode === '98' || a.addendaTypeCode === '99') {
            const r = readReturnOrChange(line);
            for (const p of r.problems) problem(p.rule, p.message);
            if (r.value) returns.push({ ...r.value, line: lineNo });
          }
          lastEntry!.addendaSeen++;
          lastEntry!.addenda.push(a);
          batch!.count++;
          summary.addenda++;
          break;
        }
        case '8': {
          if (!batch) problem('record-order', 'batch control (record type 8) without a batch header', true);
          closeEntry();
          const b = batch!;
          const c = fields(line, b.adv ? advBatchControlLayout : batchControlLayout);
          const hash = b.hash % HASH_MOD;
          if (c.serviceClassCode !== b.header.serviceClassCode)
            problem('batch-control', `service class code ${c.serviceClassCode} differs from the batch header's ${b.header.serviceClassCode}`);
          if (c.entryAddendaCount !== b.count) problem('batch-count', `entry/addenda count is ${c.entryAddendaCount}, the batch has ${b.count}`);
          if (c.entryHash !== hash) problem('batch-hash', `entry hash is ${c.entryHash}, the entries add up to ${hash}`);
          if (c.totalDebit !== b.debit) problem('batch-totals', `total debit is ${c.totalDebit}, the entries add up to ${b.debit}`);
          if (c.totalCredit !== b.credit) problem('batch-totals', `total credit is ${c.totalCredit}, the entries add up to ${b.credit}`);
          if (!b.adv && c.companyIdentification !== b.header.companyIdentification)
            problem('batch-control', `company identification "${c.companyIdentification}" differs from the batch header's "${b.header.companyIdentification}"`);
          if (c.odfiIdentification !== b.header.odfiIdentification)
            problem('batch-control', `ODFI "${c.odfiIdentification}" differs from the batch header's "${b.header.odfiIdentification}"`);
          if (c.batchNumber !== b.header.batchNumber) problem('batch-control', `batch number ${c.batchNumber} differs from the batch header's ${b.header.batchNumber}`);
          summary.batches++;
          summary.entryHash += hash;
          summary.totalDebitCents += b.debit;
          summary.totalCreditCents += b.credit;
          if (b.count === 0) problem('batch-entries', `the batch that starts on line ${b.line} has no entries`);
          if (keep) batches.push({ header: b.header, entries: b.entries, control: c } as Batch | AdvBatch);
          batch = undefined;
          break;
        }
        case '9': {
          if (batch) problem('record-order', `file control (record type 9) inside the batch that starts on line ${batch.line}`, true);
          control = fields(line, kind === 'adv' ? advFileControlLayout : fileControlLayout);
          break;
        }
        default:
          problem('record-type', `unknown record type "${type}"`, true);
      }
    }
    if (!control) {
      lineNo = lines.length;
      problem('record-order', 'the file ends without a file control record (record type 9)', true);
    }
    summary.records = lines.length;
    summary.blocks = Math.ceil(lines.length / BLOCKING_FACTOR);
    summary.entryHash %= HASH_MOD;
    lineNo = lines.length - paddingLines;
    const c = control!;
    if (c.batchCount !== summary.batches) problem('file-count', `batch count is ${c.batchCount}, the file has ${summary.batches}`);
    if (c.entryAddendaCount !== summary.entries + summary.addenda)
      problem('file-count', `entry/addenda count is ${c.entryAddendaCount}, the file has ${summary.entries + summary.addenda}`);
    if (c.entryHash !== summary.entryHash) problem('file-hash', `entry hash is ${c.entryHash}, the batches add up to ${summary.entryHash}`);
    if (c.totalDebit !== summary.totalDebitCents) problem('file-totals', `total debit is ${c.totalDebit}, the batches add up to ${summary.totalDebitCents}`);
    if (c.totalCredit !== summary.totalCreditCents) problem('file-totals', `total credit is ${c.totalCredit}, the batches add up to ${summary.totalCreditCents}`);
    if (lines.length % BLOCKING_FACTOR !== 0) problem('padding', `${lines.length} records is not a multiple of ${BLOCKING_FACTOR}; pad with all-9 records`);
    else if (paddingLines >= BLOCKING_FACTOR) problem('padding', `${paddingLines} padding records: more than a block`);
    // Not a rule here: files accepted by other readers (moov's txp-debit.ach) carry a wrong block count.
    if (c.blockCount !== summary.blocks) warnings.push({ line: lineNo, rule: 'block-count', message: `block count is ${c.blockCount}, the file has ${summary.blocks} blocks` });
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  }
  const ok = problems.length === 0;
  summary.kind = kind ?? 'payments';
  const layout = { lineEnding: lineEnding || '', trailer };
  const parsed = ok && keep;
  return {
    ok,
    problems,
    warnings,
    summary,
    returns,
    file: parsed && kind !== 'adv' ? { header: header!, batches: batches as Batch[], control: control as NachaFile['control'], layout } : undefined,
    advFile: parsed && kind === 'adv' ? { kind: 'adv', header: header!, batches: batches as AdvBatch[], control: control as NachaFile['control'], layout } : undefined,
  };
}
