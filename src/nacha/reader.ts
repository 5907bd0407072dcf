/**
 * Strict NACHA reader and validator. Rules: every record 94 characters; record order
 * 1 (5 (6 7*)* 8)* 9; digits where digits belong; ABA check digits; batch and file control
 * counts, entry hashes and totals that match; record count a multiple of 10 padded with all-9
 * records. Every problem names its line and rule. Pure: text in, result out.
 *
 * One parse function per record type (as moov-io/ach's reader has), each reading its fields
 * through the record's layout (layout.ts): a position is written down once, there, and the
 * messages say it from there.
 */
import { abaCheckDigit } from './aba.js';
import type { NachaProblem } from './problems.js';
import { readReturnOrChange, type ReturnOrChange } from './returns.js';
import { batchDescriptionProblem, secCodeEntryProblems, unknownSecCodeProblem } from './sec-codes.js';
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
  fieldsByName,
  fieldText,
  positions,
} from './layout.js';

// biome-ignore lint/suspicious/noExplicitAny: a record's fields as read, by the layout's names; the checks below give each its meaning before it is trusted
type RecordFields = Record<string, any>;

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

export { formatNachaProblem, type NachaProblem, nachaProblemAt } from './problems.js';

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

const FILE_HEADER = fieldsByName(fileHeaderLayout);
const BATCH_HEADER = fieldsByName(batchHeaderLayout);
const ENTRY = fieldsByName(entryDetailLayout);
const ADV_ENTRY = fieldsByName(advEntryDetailLayout);
const rawOf = fieldText;
const where = positions;
/** The trace number's first 8 digits: the ODFI's routing number. */
const TRACE_ODFI: Field = { name: 'traceOdfi', start: ENTRY.traceNumber!.start, length: 8, kind: 'alpha' };

/**
 * The routing number in an immediate destination, in each form files carry it: a space and 9
 * digits (NACHA's bTTTTAAAAC), 9 digits and a space, or 0 and 9 digits; undefined in any other.
 */
export function destinationRouting(field: string): string | undefined {
  const m = /^(?: (\d{9})|(\d{9}) |0(\d{9}))$/.exec(field);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

type OpenBatch = { header: BatchHeader; adv: boolean; entries: (EntryDetail | AdvEntryDetail)[]; count: number; hash: number; debit: number; credit: number; line: number };
type OpenEntry = (EntryDetail | AdvEntryDetail) & { line: number; addendaSeen: number };

/** One reading of a file: the records in order, each by the parse function of its type. */
class Reader {
  readonly problems: NachaProblem[] = [];
  readonly warnings: NachaProblem[] = [];
  readonly summary: NachaSummary = {
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
  readonly returns: ReadResult['returns'] = [];
  readonly batches: (Batch | AdvBatch)[] = [];
  lineNo = 0;
  header: FileHeader | undefined;
  kind: NachaSummary['kind'] | undefined;
  control: RecordFields | undefined;
  paddingLines = 0;
  #batch: OpenBatch | undefined;
  #lastEntry: OpenEntry | undefined;

  constructor(
    private readonly keep: boolean,
    private readonly maxProblems: number,
  ) {}

  problem(rule: string, message: string, fatal = false) {
    this.problems.push({ line: this.lineNo, rule, message });
    if (fatal || this.problems.length >= this.maxProblems) throw new Stop();
  }

  /** The record's fields by its layout: numeric ones as numbers (a problem when not digits), alpha ones without trailing spaces. */
  fields(line: string, layout: Field[]): RecordFields {
    const out: RecordFields = {};
    for (const fd of layout) {
      const raw = rawOf(line, fd);
      if (fd.kind === 'numeric') {
        if (!isDigits(raw)) this.problem('field-format', `${fd.name} (${where(fd)}) must be digits, got "${raw}"`);
        out[fd.name] = Number(raw);
      } else out[fd.name] = raw.trimEnd();
    }
    return out;
  }

  /** One record: its length and characters, then what its type says (padding once the file control is read). */
  record(line: string) {
    if (line.length !== RECORD_LENGTH) this.problem('record-length', `record is ${line.length} characters long, expected ${RECORD_LENGTH}`, true);
    const odd = NOT_PRINTABLE.exec(line);
    if (odd) this.problem('character', `position ${odd.index + 1} holds character 0x${odd[0].charCodeAt(0).toString(16).padStart(2, '0')}: NACHA records carry 0x20-0x7E only`);
    const type = line[0];
    if (this.control) {
      if (line !== PADDING) this.problem('padding', 'only all-9 padding records may follow the file control record', true);
      this.paddingLines++;
      return;
    }
    if (!this.header) {
      if (type !== '1') this.problem('record-order', `expected a file header (record type 1) first, got record type "${type}"`, true);
      this.fileHeader(line);
      return;
    }
    switch (type) {
      case '5':
        return this.batchHeader(line);
      case '6':
        return this.entryDetail(line);
      case '7':
        return this.addenda(line);
      case '8':
        return this.batchControl(line);
      case '9':
        return this.fileControl(line);
      default:
        this.problem('record-type', `unknown record type "${type}"`, true);
    }
  }

  fileHeader(line: string) {
    const header = this.fields(line, fileHeaderLayout) as FileHeader;
    this.header = header;
    if (header.recordSize !== 94) this.problem('file-header', `record size must be 094, got "${rawOf(line, FILE_HEADER.recordSize!)}"`);
    if (header.blockingFactor !== 10) this.problem('file-header', `blocking factor must be 10, got "${rawOf(line, FILE_HEADER.blockingFactor!)}"`);
    if (header.formatCode !== '1') this.problem('file-header', `format code must be 1, got "${header.formatCode}"`);
    const destination = FILE_HEADER.immediateDestination!;
    const dest = destinationRouting(rawOf(line, destination));
    if (dest === undefined)
      this.problem('immediate-destination', `immediate destination (${where(destination)}) must be a routing number, a space and 9 digits, got "${rawOf(line, destination)}"`);
    else if (abaCheckDigit(dest.slice(0, 8)) !== Number(dest[8]))
      this.problem('check-digit', `immediate destination ${dest} has a wrong check digit (expected ${abaCheckDigit(dest.slice(0, 8))})`);
  }

  batchHeader(line: string) {
    if (this.#batch) this.problem('record-order', 'batch header inside a batch: the previous batch has no batch control (record type 8)', true);
    const bh = this.fields(line, batchHeaderLayout) as BatchHeader;
    const adv = bh.serviceClassCode === ADV_SERVICE_CLASS;
    if (![200, 220, 225, ADV_SERVICE_CLASS].includes(bh.serviceClassCode))
      this.problem('service-class', `service class code must be 200, 220, 225 or 280 (ADV), got ${rawOf(line, BATCH_HEADER.serviceClassCode!)}`);
    if (adv !== (bh.secCode === 'ADV'))
      this.problem('sec-code', adv ? `an ADV batch (service class 280) must have SEC code ADV, got "${bh.secCode}"` : 'SEC code ADV needs service class 280');
    this.kind ??= adv ? 'adv' : 'payments';
    if ((this.kind === 'adv') !== adv)
      this.problem(
        'service-class',
        adv ? 'an ADV batch (service class 280) in a file of payment batches' : 'a payment batch in an ADV file (its batches are all service class 280)',
      );
    this.mandatory(line, BATCH_HEADER.companyName!, 'company name');
    this.mandatory(line, BATCH_HEADER.companyEntryDescription!, 'company entry description');
    const unknown = unknownSecCodeProblem(bh.secCode);
    if (unknown) this.problem('sec-code', unknown);
    const description = adv ? undefined : batchDescriptionProblem(bh.secCode, bh.companyEntryDescription);
    if (description) this.problem(description.rule, description.message);
    this.#batch = { header: bh, adv, entries: [], count: 0, hash: 0, debit: 0, credit: 0, line: this.lineNo };
    if (!this.summary.effectiveEntryDates.includes(bh.effectiveEntryDate)) this.summary.effectiveEntryDates.push(bh.effectiveEntryDate);
  }

  entryDetail(line: string) {
    if (!this.#batch) this.problem('record-order', 'entry detail (record type 6) outside a batch', true);
    this.#closeEntry();
    const b = this.#batch!;
    const layout = b.adv ? ADV_ENTRY : ENTRY;
    const e = this.fields(line, b.adv ? advEntryDetailLayout : entryDetailLayout) as EntryDetail | AdvEntryDetail;
    e.addenda = [];
    const code = rawOf(line, layout.transactionCode!);
    if (b.adv) {
      if (!isAdvTransactionCode(e.transactionCode)) this.problem('transaction-code', `transaction code ${code} is not an ADV code (81-88)`);
    } else if (!VALID_TRANSACTION_CODES.has(e.transactionCode))
      this.problem('transaction-code', `transaction code ${code} is not a valid code${isAdvTransactionCode(e.transactionCode) ? ' outside an ADV batch' : ''}`);
    const rdfi = layout.rdfiIdentification!;
    if (!isDigits(e.rdfiIdentification) || e.rdfiIdentification.length !== 8)
      this.problem('field-format', `RDFI routing (${where(rdfi)}) must be 8 digits, got "${rawOf(line, rdfi)}"`);
    else if (String(abaCheckDigit(e.rdfiIdentification)) !== e.checkDigit)
      this.problem('check-digit', `check digit of routing ${e.rdfiIdentification} must be ${abaCheckDigit(e.rdfiIdentification)}, got "${e.checkDigit}"`);
    if (b.adv) {
      this.digits(line, ADV_ENTRY.adviceRoutingNumber!, 'advice routing number');
      this.digits(line, ADV_ENTRY.achOperatorRoutingNumber!, 'routing number of the ACH operator');
    } else if (this.digits(line, ENTRY.traceNumber!, 'trace number') && rawOf(line, TRACE_ODFI) !== b.header.odfiIdentification)
      this.problem('trace-number', `trace number ${rawOf(line, ENTRY.traceNumber!)} must start with the batch's ODFI routing ${b.header.odfiIdentification}`);
    this.mandatory(line, layout.individualName!, 'individual or receiving company name');
    if (e.addendaRecordIndicator > 1) this.problem('addenda-indicator', `addenda record indicator must be 0 or 1, got ${e.addendaRecordIndicator}`);
    b.count++;
    b.hash += Number(e.rdfiIdentification) || 0;
    const amount = Number.isNaN(e.amount) ? 0 : e.amount;
    if (b.adv) {
      if (isAdvCredit(e.transactionCode)) b.credit += amount;
      else if (isAdvTransactionCode(e.transactionCode)) b.debit += amount;
    } else if (isCredit(e.transactionCode)) b.credit += amount;
    else if (isDebit(e.transactionCode)) b.debit += amount;
    if (!b.adv && VALID_TRANSACTION_CODES.has(e.transactionCode) && !Number.isNaN(e.amount))
      for (const p of secCodeEntryProblems(b.header.secCode, b.header.companyEntryDescription, e.transactionCode, e.amount)) this.problem(p.rule, p.message);
    if (b.header.serviceClassCode === 220 && isDebit(e.transactionCode)) this.problem('service-class', 'a debit entry in a credits-only batch (service class 220)');
    if (b.header.serviceClassCode === 225 && isCredit(e.transactionCode)) this.problem('service-class', 'a credit entry in a debits-only batch (service class 225)');
    this.summary.entries++;
    if (this.keep) b.entries.push(e);
    this.#lastEntry = Object.assign(e, { line: this.lineNo, addendaSeen: 0 });
  }

  addenda(line: string) {
    const entry = this.#lastEntry;
    if (!entry) this.problem('record-order', 'addenda (record type 7) must follow an entry detail (record type 6)', true);
    if (entry!.addendaRecordIndicator !== 1) this.problem('addenda-indicator', `addenda follows an entry whose addenda record indicator is 0 (line ${entry!.line})`);
    const a = this.fields(line, addendaLayout) as { addendaTypeCode: string; body: string };
    if (a.addendaTypeCode === '98' || a.addendaTypeCode === '99') {
      const r = readReturnOrChange(line);
      for (const p of r.problems) this.problem(p.rule, p.message);
      if (r.value) this.returns.push({ ...r.value, line: this.lineNo });
    }
    entry!.addendaSeen++;
    entry!.addenda.push(a);
    this.#batch!.count++;
    this.summary.addenda++;
  }

  batchControl(line: string) {
    if (!this.#batch) this.problem('record-order', 'batch control (record type 8) without a batch header', true);
    this.#closeEntry();
    const b = this.#batch!;
    const c = this.fields(line, b.adv ? advBatchControlLayout : batchControlLayout);
    const hash = b.hash % HASH_MOD;
    if (c.serviceClassCode !== b.header.serviceClassCode)
      this.problem('batch-control', `service class code ${c.serviceClassCode} differs from the batch header's ${b.header.serviceClassCode}`);
    if (c.entryAddendaCount !== b.count) this.problem('batch-count', `entry/addenda count is ${c.entryAddendaCount}, the batch has ${b.count}`);
    if (c.entryHash !== hash) this.problem('batch-hash', `entry hash is ${c.entryHash}, the entries add up to ${hash}`);
    if (c.totalDebit !== b.debit) this.problem('batch-totals', `total debit is ${c.totalDebit}, the entries add up to ${b.debit}`);
    if (c.totalCredit !== b.credit) this.problem('batch-totals', `total credit is ${c.totalCredit}, the entries add up to ${b.credit}`);
    if (!b.adv && c.companyIdentification !== b.header.companyIdentification)
      this.problem('batch-control', `company identification "${c.companyIdentification}" differs from the batch header's "${b.header.companyIdentification}"`);
    if (c.odfiIdentification !== b.header.odfiIdentification)
      this.problem('batch-control', `ODFI "${c.odfiIdentification}" differs from the batch header's "${b.header.odfiIdentification}"`);
    if (c.batchNumber !== b.header.batchNumber) this.problem('batch-control', `batch number ${c.batchNumber} differs from the batch header's ${b.header.batchNumber}`);
    this.summary.batches++;
    this.summary.entryHash += hash;
    this.summary.totalDebitCents += b.debit;
    this.summary.totalCreditCents += b.credit;
    if (b.count === 0) this.problem('batch-entries', `the batch that starts on line ${b.line} has no entries`);
    if (this.keep) this.batches.push({ header: b.header, entries: b.entries, control: c } as Batch | AdvBatch);
    this.#batch = undefined;
  }

  fileControl(line: string) {
    if (this.#batch) this.problem('record-order', `file control (record type 9) inside the batch that starts on line ${this.#batch.line}`, true);
    this.control = this.fields(line, this.kind === 'adv' ? advFileControlLayout : fileControlLayout);
  }

  /** After the last record: the file control's counts, hash and totals against what was read, and the blocking. */
  finish(records: number) {
    const { summary } = this;
    if (!this.control) {
      this.lineNo = records;
      this.problem('record-order', 'the file ends without a file control record (record type 9)', true);
    }
    summary.records = records;
    summary.blocks = Math.ceil(records / BLOCKING_FACTOR);
    summary.entryHash %= HASH_MOD;
    this.lineNo = records - this.paddingLines;
    const c = this.control!;
    if (c.batchCount !== summary.batches) this.problem('file-count', `batch count is ${c.batchCount}, the file has ${summary.batches}`);
    if (c.entryAddendaCount !== summary.entries + summary.addenda)
      this.problem('file-count', `entry/addenda count is ${c.entryAddendaCount}, the file has ${summary.entries + summary.addenda}`);
    if (c.entryHash !== summary.entryHash) this.problem('file-hash', `entry hash is ${c.entryHash}, the batches add up to ${summary.entryHash}`);
    if (c.totalDebit !== summary.totalDebitCents) this.problem('file-totals', `total debit is ${c.totalDebit}, the batches add up to ${summary.totalDebitCents}`);
    if (c.totalCredit !== summary.totalCreditCents) this.problem('file-totals', `total credit is ${c.totalCredit}, the batches add up to ${summary.totalCreditCents}`);
    if (records % BLOCKING_FACTOR !== 0) this.problem('padding', `${records} records is not a multiple of ${BLOCKING_FACTOR}; pad with all-9 records`);
    else if (this.paddingLines >= BLOCKING_FACTOR) this.problem('padding', `${this.paddingLines} padding records: more than a block`);
    // Not a rule here: files accepted by other readers (moov's txp-debit.ach) carry a wrong block count.
    if (c.blockCount !== summary.blocks)
      this.warnings.push({ line: this.lineNo, rule: 'block-count', message: `block count is ${c.blockCount}, the file has ${summary.blocks} blocks` });
  }

  /** A field that must be digits: false (and a problem) when it is not. */
  digits(line: string, fd: Field, label: string): boolean {
    const raw = rawOf(line, fd);
    if (isDigits(raw)) return true;
    this.problem('field-format', `${label} (${where(fd)}) must be digits, got "${raw}"`);
    return false;
  }

  /** A mandatory field: a problem when it is empty. */
  mandatory(line: string, fd: Field, label: string) {
    if (emptyField(rawOf(line, fd))) this.problem('mandatory-field', `${label} (${where(fd)}) is empty`);
  }

  /** An entry that says it has an addenda record and had none: its line is the problem's. */
  #closeEntry() {
    const entry = this.#lastEntry;
    if (entry && entry.addendaRecordIndicator === 1 && entry.addendaSeen === 0) {
      const l = this.lineNo;
      this.lineNo = entry.line;
      this.problem('addenda-indicator', 'addenda record indicator is 1 but no addenda record follows');
      this.lineNo = l;
    }
    this.#lastEntry = undefined;
  }
}

export function readNachaFile(text: string, opts: { keepEntries?: boolean; maxProblems?: number } = {}): ReadResult {
  const reader = new Reader(opts.keepEntries !== false, opts.maxProblems ?? 50);
  // Split into records, remembering the separator and what trails the last record.
  const trailer = /[\r\n]*$/.exec(text)![0];
  const body = text.slice(0, text.length - trailer.length);
  const lineEnding = body.includes('\r\n') ? '\r\n' : body.includes('\n') ? '\n' : '';
  const lines = lineEnding
    ? body.split(lineEnding)
    : body.length === 0
      ? []
      : Array.from({ length: Math.ceil(body.length / RECORD_LENGTH) }, (_, i) => body.slice(i * RECORD_LENGTH, (i + 1) * RECORD_LENGTH));
  try {
    if (lines.length === 0) {
      reader.lineNo = 1;
      reader.problem('record-order', 'the file is empty; expected a file header (record type 1)', true);
    }
    for (const line of lines) {
      reader.lineNo++;
      reader.record(line);
    }
    reader.finish(lines.length);
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  }
  const { problems, warnings, summary, returns, header, batches, control, kind } = reader;
  const ok = problems.length === 0;
  summary.kind = kind ?? 'payments';
  const layout = { lineEnding: lineEnding || '', trailer };
  const parsed = ok && opts.keepEntries !== false;
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
