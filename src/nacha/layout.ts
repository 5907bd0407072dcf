/**
 * NACHA record layouts: one table per record type (1-based start, length, kind). The reader
 * and the writer both work from these tables, so a field's position is written down once.
 * alpha: left-justified, space-padded (read with trailing spaces removed).
 * numeric: right-justified, zero-padded digits (read as a number).
 */
export type FieldKind = 'alpha' | 'numeric';
export interface Field {
  name: string;
  start: number;
  length: number;
  kind: FieldKind;
}

const f = (name: string, start: number, length: number, kind: FieldKind = 'alpha'): Field => ({ name, start, length, kind });

export const RECORD_LENGTH = 94;
export const BLOCKING_FACTOR = 10;

export const fileHeaderLayout: Field[] = [
  f('priorityCode', 2, 2, 'numeric'),
  f('immediateDestination', 4, 10),
  f('immediateOrigin', 14, 10),
  f('fileCreationDate', 24, 6),
  f('fileCreationTime', 30, 4),
  f('fileIdModifier', 34, 1),
  f('recordSize', 35, 3, 'numeric'),
  f('blockingFactor', 38, 2, 'numeric'),
  f('formatCode', 40, 1),
  f('immediateDestinationName', 41, 23),
  f('immediateOriginName', 64, 23),
  f('referenceCode', 87, 8),
];

export const batchHeaderLayout: Field[] = [
  f('serviceClassCode', 2, 3, 'numeric'),
  f('companyName', 5, 16),
  f('companyDiscretionaryData', 21, 20),
  f('companyIdentification', 41, 10),
  f('secCode', 51, 3),
  f('companyEntryDescription', 54, 10),
  f('companyDescriptiveDate', 64, 6),
  f('effectiveEntryDate', 70, 6),
  f('settlementDate', 76, 3),
  f('originatorStatusCode', 79, 1),
  f('odfiIdentification', 80, 8),
  f('batchNumber', 88, 7, 'numeric'),
];

export const entryDetailLayout: Field[] = [
  f('transactionCode', 2, 2, 'numeric'),
  f('rdfiIdentification', 4, 8),
  f('checkDigit', 12, 1),
  f('dfiAccountNumber', 13, 17),
  f('amount', 30, 10, 'numeric'),
  f('individualIdentificationNumber', 40, 15),
  f('individualName', 55, 22),
  f('discretionaryData', 77, 2),
  f('addendaRecordIndicator', 79, 1, 'numeric'),
  f('traceNumber', 80, 15),
];

/** Addenda bodies differ by type (05, 98, 99); positions 4-94 are kept whole. */
export const addendaLayout: Field[] = [f('addendaTypeCode', 2, 2), f('body', 4, 91)];

/** Addenda 99 of a return. */
export const returnAddendaLayout: Field[] = [
  f('addendaTypeCode', 2, 2),
  f('returnReasonCode', 4, 3),
  f('originalEntryTraceNumber', 7, 15),
  f('dateOfDeath', 22, 6),
  f('originalReceivingDfi', 28, 8),
  f('addendaInformation', 36, 44),
  f('traceNumber', 80, 15),
];

/** Addenda 99 of a dishonored return (R61, R67-R70): the return it dishonors in place of the date of death and information. */
export const dishonoredReturnAddendaLayout: Field[] = [
  f('addendaTypeCode', 2, 2),
  f('dishonoredReturnReasonCode', 4, 3),
  f('originalEntryTraceNumber', 7, 15),
  f('reserved', 22, 6),
  f('originalReceivingDfi', 28, 8),
  f('reserved2', 36, 3),
  f('returnTraceNumber', 39, 15),
  f('returnSettlementDate', 54, 3),
  f('returnReasonCode', 57, 2),
  f('addendaInformation', 59, 21),
  f('traceNumber', 80, 15),
];

/** Addenda 98 of a notification of change. */
export const changeAddendaLayout: Field[] = [
  f('addendaTypeCode', 2, 2),
  f('changeCode', 4, 3),
  f('originalEntryTraceNumber', 7, 15),
  f('reserved', 22, 6),
  f('originalReceivingDfi', 28, 8),
  f('correctedData', 36, 29),
  f('reserved2', 65, 15),
  f('traceNumber', 80, 15),
];

/** A layout's fields by name. */
export const fieldsByName = (layout: Field[]): Record<string, Field> => Object.fromEntries(layout.map((fd) => [fd.name, fd]));
/** A field's text in a record, as it stands. */
export const fieldText = (line: string, fd: Field) => line.slice(fd.start - 1, fd.start - 1 + fd.length);
/** Where a field is, as messages say it: `positions 4-13`. */
export const positions = (fd: Field) => `positions ${fd.start}-${fd.start + fd.length - 1}`;

export const batchControlLayout: Field[] = [
  f('serviceClassCode', 2, 3, 'numeric'),
  f('entryAddendaCount', 5, 6, 'numeric'),
  f('entryHash', 11, 10, 'numeric'),
  f('totalDebit', 21, 12, 'numeric'),
  f('totalCredit', 33, 12, 'numeric'),
  f('companyIdentification', 45, 10),
  f('messageAuthenticationCode', 55, 19),
  f('reserved', 74, 6),
  f('odfiIdentification', 80, 8),
  f('batchNumber', 88, 7, 'numeric'),
];

export const fileControlLayout: Field[] = [
  f('batchCount', 2, 6, 'numeric'),
  f('blockCount', 8, 6, 'numeric'),
  f('entryAddendaCount', 14, 8, 'numeric'),
  f('entryHash', 22, 10, 'numeric'),
  f('totalDebit', 32, 12, 'numeric'),
  f('totalCredit', 44, 12, 'numeric'),
  f('reserved', 56, 39),
];

/**
 * ADV (automated accounting advice) files: the ACH operator's advices of settlement activity,
 * service class 280, SEC code ADV, transaction codes 81-88. Their entry, batch control and file
 * control records have layouts of their own (12-digit amounts and 20-digit totals, no trace
 * number); the file and batch headers are the same as a payment file's.
 */
export const advEntryDetailLayout: Field[] = [
  f('transactionCode', 2, 2, 'numeric'),
  f('rdfiIdentification', 4, 8),
  f('checkDigit', 12, 1),
  f('dfiAccountNumber', 13, 15),
  f('amount', 28, 12, 'numeric'),
  f('adviceRoutingNumber', 40, 9),
  f('fileIdentification', 49, 5),
  f('achOperatorData', 54, 1),
  f('individualName', 55, 22),
  f('discretionaryData', 77, 2),
  f('addendaRecordIndicator', 79, 1, 'numeric'),
  f('achOperatorRoutingNumber', 80, 8),
  f('julianDay', 88, 3, 'numeric'),
  f('sequenceNumber', 91, 4, 'numeric'),
];

export const advBatchControlLayout: Field[] = [
  f('serviceClassCode', 2, 3, 'numeric'),
  f('entryAddendaCount', 5, 6, 'numeric'),
  f('entryHash', 11, 10, 'numeric'),
  f('totalDebit', 21, 20, 'numeric'),
  f('totalCredit', 41, 20, 'numeric'),
  f('achOperatorData', 61, 19),
  f('odfiIdentification', 80, 8),
  f('batchNumber', 88, 7, 'numeric'),
];

export const advFileControlLayout: Field[] = [
  f('batchCount', 2, 6, 'numeric'),
  f('blockCount', 8, 6, 'numeric'),
  f('entryAddendaCount', 14, 8, 'numeric'),
  f('entryHash', 22, 10, 'numeric'),
  f('totalDebit', 32, 20, 'numeric'),
  f('totalCredit', 52, 20, 'numeric'),
  f('reserved', 72, 23),
];

export const ADV_SERVICE_CLASS = 280;
/** 81-88: odd codes credit, even codes debit. */
export const isAdvTransactionCode = (code: number) => code >= 81 && code <= 88;
export const isAdvCredit = (code: number) => isAdvTransactionCode(code) && code % 2 === 1;

export interface AdvEntryDetail {
  transactionCode: number;
  rdfiIdentification: string;
  checkDigit: string;
  dfiAccountNumber: string;
  /** cents */
  amount: number;
  adviceRoutingNumber: string;
  fileIdentification: string;
  achOperatorData: string;
  individualName: string;
  discretionaryData: string;
  addendaRecordIndicator: number;
  achOperatorRoutingNumber: string;
  julianDay: number;
  sequenceNumber: number;
  addenda: Addenda[];
}

export interface AdvBatchControl {
  serviceClassCode: number;
  entryAddendaCount: number;
  entryHash: number;
  totalDebit: number;
  totalCredit: number;
  achOperatorData: string;
  odfiIdentification: string;
  batchNumber: number;
}

export interface AdvBatch {
  header: BatchHeader;
  entries: AdvEntryDetail[];
  control: AdvBatchControl;
}

/** An ADV file: ADV batches only (its file control has the ADV layout). */
export interface AdvNachaFile {
  kind: 'adv';
  header: FileHeader;
  batches: AdvBatch[];
  control: FileControl;
  layout: { lineEnding: string; trailer: string };
}

export interface FileHeader {
  priorityCode: number;
  immediateDestination: string;
  immediateOrigin: string;
  fileCreationDate: string;
  fileCreationTime: string;
  fileIdModifier: string;
  recordSize: number;
  blockingFactor: number;
  formatCode: string;
  immediateDestinationName: string;
  immediateOriginName: string;
  referenceCode: string;
}

export interface BatchHeader {
  serviceClassCode: number;
  companyName: string;
  companyDiscretionaryData: string;
  companyIdentification: string;
  secCode: string;
  companyEntryDescription: string;
  companyDescriptiveDate: string;
  effectiveEntryDate: string;
  settlementDate: string;
  originatorStatusCode: string;
  odfiIdentification: string;
  batchNumber: number;
}

export interface Addenda {
  addendaTypeCode: string;
  body: string;
}

export interface EntryDetail {
  transactionCode: number;
  rdfiIdentification: string;
  checkDigit: string;
  dfiAccountNumber: string;
  /** cents */
  amount: number;
  individualIdentificationNumber: string;
  individualName: string;
  discretionaryData: string;
  addendaRecordIndicator: number;
  traceNumber: string;
  addenda: Addenda[];
}

export interface BatchControl {
  serviceClassCode: number;
  entryAddendaCount: number;
  entryHash: number;
  totalDebit: number;
  totalCredit: number;
  companyIdentification: string;
  messageAuthenticationCode: string;
  reserved: string;
  odfiIdentification: string;
  batchNumber: number;
}

export interface FileControl {
  batchCount: number;
  blockCount: number;
  entryAddendaCount: number;
  entryHash: number;
  totalDebit: number;
  totalCredit: number;
  reserved: string;
}

export interface Batch {
  header: BatchHeader;
  entries: EntryDetail[];
  control: BatchControl;
}

export interface NachaFile {
  header: FileHeader;
  batches: Batch[];
  control: FileControl;
  /** How the file separated records ("\n", "\r\n" or "" for none) and what followed the last one. */
  layout: { lineEnding: string; trailer: string };
}

/** Transaction codes whose second digit is 1-4 credit the receiver; 5-9 debit them (loans: 55 a reversal's debit, 56 a return's). */
export const isCredit = (code: number) => [1, 2, 3, 4].includes(code % 10) && code >= 21 && code <= 54;
export const isDebit = (code: number) => ([6, 7, 8, 9].includes(code % 10) && code >= 26 && code <= 49) || code === 55 || code === 56;
export const VALID_TRANSACTION_CODES = new Set([21, 22, 23, 24, 26, 27, 28, 29, 31, 32, 33, 34, 36, 37, 38, 39, 41, 42, 43, 44, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56]);

/** `values`: a record's fields by the layout's names (a FileHeader, an EntryDetail...). */
export function formatRecord(type: string, layout: Field[], values: object): string {
  let out = type;
  for (const field of layout) {
    const v = (values as Record<string, unknown>)[field.name];
    if (field.kind === 'numeric') {
      const s = String(v ?? 0);
      if (!/^\d+$/.test(s) || s.length > field.length) throw new RangeError(`${field.name}: ${s} does not fit ${field.length} digits`);
      out += s.padStart(field.length, '0');
    } else {
      const s = String(v ?? '');
      if (s.length > field.length) throw new RangeError(`${field.name}: "${s}" is longer than ${field.length}`);
      out += s.padEnd(field.length, ' ');
    }
  }
  return out;
}
