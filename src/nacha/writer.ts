/**
 * NACHA writer: `buildNachaFile` turns transfers into a complete file model (batches, trace
 * numbers ascending from the ODFI's 8 digits, controls, hashes); `serializeNachaFile` turns any
 * model (built here or read by the reader) into the 94-character records, padded to a block.
 */
import { abaCheckDigit } from './aba.js';
import {
  addendaLayout,
  advBatchControlLayout,
  advEntryDetailLayout,
  advFileControlLayout,
  type AdvNachaFile,
  batchControlLayout,
  batchHeaderLayout,
  BLOCKING_FACTOR,
  entryDetailLayout,
  fileControlLayout,
  fileHeaderLayout,
  formatRecord,
  isCredit,
  isDebit,
  RECORD_LENGTH,
  type Batch,
  type BatchHeader,
  type EntryDetail,
  type FileHeader,
  type NachaFile,
} from './layout.js';
import { formatNachaProblem, type NachaProblem } from './problems.js';
import { batchDescriptionProblem, secCodeEntryProblems, unknownSecCodeProblem } from './sec-codes.js';

/** What the writer refuses to write: each problem with the line it would have had and its rule, as the reader says them. */
export class NachaRuleError extends RangeError {
  constructor(readonly problems: NachaProblem[]) {
    super(`the file would break NACHA rules: ${problems.map(formatNachaProblem).join('; ')}`);
    this.name = 'NachaRuleError';
  }
}

/** The SEC-code rules, checked before anything is built: the lines are the ones the file would have. */
function secCodeProblems(batches: BatchInput[]): NachaProblem[] {
  const problems: NachaProblem[] = [];
  let line = 1;
  for (const b of batches) {
    line++;
    const unknown = unknownSecCodeProblem(b.secCode);
    if (unknown) problems.push({ line, rule: 'sec-code', message: unknown });
    const d = batchDescriptionProblem(b.secCode, b.entryDescription);
    if (d) problems.push({ line, ...d });
    for (const e of b.entries) {
      line++;
      for (const p of secCodeEntryProblems(b.secCode, b.entryDescription, e.transactionCode, e.amountCents)) problems.push({ line, ...p });
      line += e.addenda?.length ?? 0;
    }
    line++;
  }
  return problems;
}

/** A payment file, or an ADV file (its own entry and control layouts). */
export function serializeNachaFile(file: NachaFile | AdvNachaFile): string {
  const adv = 'kind' in file && file.kind === 'adv';
  const records: string[] = [formatRecord('1', fileHeaderLayout, file.header)];
  for (const b of file.batches) {
    records.push(formatRecord('5', batchHeaderLayout, b.header));
    for (const e of b.entries) {
      records.push(formatRecord('6', adv ? advEntryDetailLayout : entryDetailLayout, e));
      for (const a of e.addenda) records.push(formatRecord('7', addendaLayout, a));
    }
    records.push(formatRecord('8', adv ? advBatchControlLayout : batchControlLayout, b.control));
  }
  records.push(formatRecord('9', adv ? advFileControlLayout : fileControlLayout, file.control));
  while (records.length % BLOCKING_FACTOR !== 0) records.push('9'.repeat(RECORD_LENGTH));
  return records.join(file.layout.lineEnding) + file.layout.trailer;
}

export interface EntryInput {
  /** 22 (checking credit), 32 (savings credit), 27 / 37 for debits. */
  transactionCode: number;
  routing: string;
  account: string;
  amountCents: number;
  idNumber: string;
  name: string;
  discretionaryData?: string;
  /** Given by the ledger when the transfer was accepted; otherwise numbered here. */
  traceNumber?: string;
  /** Addenda records (type code and the 91 characters after it): a return's 99, a notification of change's 98. */
  addenda?: { addendaTypeCode: string; body: string }[];
}

export interface BatchInput {
  companyName: string;
  companyId: string;
  secCode: string;
  entryDescription: string;
  /** YYMMDD */
  effectiveDate: string;
  /** First 8 digits of the originating bank's routing number. */
  odfi: string;
  entries: EntryInput[];
  discretionaryData?: string;
  descriptiveDate?: string;
}

export interface FileInput {
  immediateDestination: string;
  immediateDestinationName: string;
  immediateOrigin: string;
  immediateOriginName: string;
  createdAt: Date;
  fileIdModifier?: string;
  referenceCode?: string;
  batches: BatchInput[];
}

const HASH_MOD = 10_000_000_000;
const pad2 = (n: number) => String(n).padStart(2, '0');
export const yymmdd = (d: Date) => `${pad2(d.getUTCFullYear() % 100)}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`;

/** Trace number: the ODFI's 8 digits, then a 7-digit sequence. */
export const traceNumber = (odfi: string, seq: number) => `${odfi}${String(seq).padStart(7, '0')}`;

export interface BuildOptions {
  /** Write entries whatever their SEC code allows, as another system might have (moov-io/ach's bypass option): for files a test hands to the reader. */
  bypassSecCodeRules?: boolean;
}

/** Throws NachaRuleError (each problem with its line and rule) when an entry breaks its SEC code's rules. */
export function buildNachaFile(input: FileInput, opts: BuildOptions = {}): NachaFile {
  const problems = opts.bypassSecCodeRules ? [] : secCodeProblems(input.batches);
  if (problems.length) throw new NachaRuleError(problems);
  let traceSeq = 0;
  const batches = input.batches.map((bi, idx) => {
    if (bi.entries.length === 0) throw new RangeError(`batch ${idx + 1} has no entries: NACHA batches hold at least one`);
    const entries: EntryDetail[] = bi.entries.map((ei) => {
      const rdfi = ei.routing.slice(0, 8);
      return {
        transactionCode: ei.transactionCode,
        rdfiIdentification: rdfi,
        checkDigit: String(abaCheckDigit(rdfi)),
        dfiAccountNumber: ei.account,
        amount: ei.amountCents,
        individualIdentificationNumber: ei.idNumber,
        individualName: ei.name,
        discretionaryData: ei.discretionaryData ?? '',
        addendaRecordIndicator: ei.addenda?.length ? 1 : 0,
        traceNumber: ei.traceNumber ?? traceNumber(bi.odfi, ++traceSeq),
        addenda: ei.addenda ?? [],
      };
    });
    const header: BatchHeaderFields = {
      companyName: bi.companyName,
      companyDiscretionaryData: bi.discretionaryData ?? '',
      companyIdentification: bi.companyId,
      secCode: bi.secCode,
      companyEntryDescription: bi.entryDescription,
      companyDescriptiveDate: bi.descriptiveDate ?? '',
      effectiveEntryDate: bi.effectiveDate,
      settlementDate: '',
      originatorStatusCode: '1',
      odfiIdentification: bi.odfi,
    };
    return { header, entries };
  });
  const d = input.createdAt;
  return assembleNachaFile(
    {
      priorityCode: 1,
      immediateDestination: ` ${input.immediateDestination}`,
      immediateOrigin: input.immediateOrigin.length === 9 ? ` ${input.immediateOrigin}` : input.immediateOrigin,
      fileCreationDate: yymmdd(d),
      fileCreationTime: `${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}`,
      fileIdModifier: input.fileIdModifier ?? 'A',
      recordSize: 94,
      blockingFactor: 10,
      formatCode: '1',
      immediateDestinationName: input.immediateDestinationName,
      immediateOriginName: input.immediateOriginName,
      referenceCode: input.referenceCode ?? '',
    },
    batches,
  );
}

/** A batch header as given: its service class and number are the assembled file's to set. */
export type BatchHeaderFields = Omit<BatchHeader, 'serviceClassCode' | 'batchNumber'>;

/**
 * Finished entries in batches -> the file model: each batch's service class (from its entries'
 * directions), number, control (count, hash, totals), and the file control. The entries are kept
 * as given (trace numbers, addenda), so files can be built from transfers or from other files.
 */
export function assembleNachaFile(header: FileHeader, input: { header: BatchHeaderFields; entries: EntryDetail[] }[]): NachaFile {
  const batches: Batch[] = input.map((b, idx) => {
    let debit = 0;
    let credit = 0;
    let hash = 0;
    let addenda = 0;
    let debits = false;
    let credits = false;
    for (const e of b.entries) {
      hash += Number(e.rdfiIdentification);
      addenda += e.addenda.length;
      if (isCredit(e.transactionCode)) {
        credit += e.amount;
        credits = true;
      } else if (isDebit(e.transactionCode)) {
        debit += e.amount;
        debits = true;
      }
    }
    const serviceClassCode = debits && credits ? 200 : debits ? 225 : 220;
    return {
      header: { serviceClassCode, ...b.header, batchNumber: idx + 1 },
      entries: b.entries,
      control: {
        serviceClassCode,
        entryAddendaCount: b.entries.length + addenda,
        entryHash: hash % HASH_MOD,
        totalDebit: debit,
        totalCredit: credit,
        companyIdentification: b.header.companyIdentification,
        messageAuthenticationCode: '',
        reserved: '',
        odfiIdentification: b.header.odfiIdentification,
        batchNumber: idx + 1,
      },
    };
  });
  const records = 2 + batches.reduce((n, b) => n + 2 + b.control.entryAddendaCount, 0);
  return {
    header,
    batches,
    control: {
      batchCount: batches.length,
      blockCount: Math.ceil(records / BLOCKING_FACTOR),
      entryAddendaCount: batches.reduce((n, b) => n + b.control.entryAddendaCount, 0),
      entryHash: batches.reduce((n, b) => n + b.control.entryHash, 0) % HASH_MOD,
      totalDebit: batches.reduce((n, b) => n + b.control.totalDebit, 0),
      totalCredit: batches.reduce((n, b) => n + b.control.totalCredit, 0),
      reserved: '',
    },
    layout: { lineEnding: '\n', trailer: '\n' },
  };
}
