/** The reader's stricter rules (NACHA Operating Rules): each broken one named with its line. */
import { describe, expect, it } from 'vitest';
import {
  abaCheckDigit,
  advBatchControlLayout,
  advEntryDetailLayout,
  advFileControlLayout,
  batchHeaderLayout,
  buildNachaFile,
  fileHeaderLayout,
  formatRecord,
  readNachaFile,
  serializeNachaFile,
} from '../../src/nacha/index.js';

const lines = () =>
  serializeNachaFile(
    buildNachaFile({
      immediateDestination: '021000021',
      immediateDestinationName: 'BANK',
      immediateOrigin: '1234567890',
      immediateOriginName: 'US DEPT OF LABOR',
      createdAt: new Date('2026-12-01T10:00:00Z'),
      batches: [
        {
          companyName: 'US DEPT OF LABOR',
          companyId: '1234567890',
          secCode: 'PPD',
          entryDescription: 'GRANT',
          effectiveDate: '261202',
          odfi: '02100002',
          entries: [{ transactionCode: 22, routing: '011000015', account: '123456789', amountCents: 100, idNumber: 'R-1', name: 'ADA LOVELACE' }],
        },
      ],
    }),
  ).split('\n');

const put = (line: string, at: number, text: string) => `${line.slice(0, at - 1)}${text}${line.slice(at - 1 + text.length)}`;
const firstProblem = (ls: string[]) => readNachaFile(ls.join('\n')).problems[0];

describe('the strict NACHA reader', () => {
  it('accepts the file as written', () => {
    expect(readNachaFile(lines().join('\n')).problems).toEqual([]);
  });

  it.each([
    ['a character outside 0x20-0x7E', 3, (l: string) => put(l, 60, 'é'), 'character', 'position 60 holds character 0xe9: NACHA records carry 0x20-0x7E only'],
    ['a blank company name', 2, (l: string) => put(l, 5, ' '.repeat(16)), 'mandatory-field', 'company name (positions 5-20) is empty'],
    ['an entry description of zeros', 2, (l: string) => put(l, 54, '0'.repeat(10)), 'mandatory-field', 'company entry description (positions 54-63) is empty'],
    ['an individual name of zeros', 3, (l: string) => put(l, 55, '0'.repeat(22)), 'mandatory-field', 'individual or receiving company name (positions 55-76) is empty'],
    ['a trace number of another bank', 3, (l: string) => put(l, 80, '09100001'), 'trace-number', "must start with the batch's ODFI routing 02100002"],
  ])('refuses %s, naming its line and rule', (_what, line, mutate, rule, message) => {
    const ls = lines();
    ls[line - 1] = mutate(ls[line - 1]!);
    const p = firstProblem(ls);
    expect(p).toMatchObject({ line, rule });
    expect(p!.message).toContain(message);
  });
});

describe('the immediate destination', () => {
  it.each([
    [' 021000021', 'a space and 9 digits'],
    ['021000021 ', '9 digits and a space'],
    ['0021000021', '0 and 9 digits'],
  ])('is read in the form "%s" (%s)', (dest) => {
    const ls = lines();
    ls[0] = put(ls[0]!, 4, dest);
    expect(readNachaFile(ls.join('\n')).problems).toEqual([]);
  });

  it.each([
    ['  21000021', 'immediate-destination'],
    ['ABCDEFGHIJ', 'immediate-destination'],
    ['          ', 'immediate-destination'],
    ['1021000021', 'immediate-destination'],
    [' 021000022', 'check-digit'],
    ['021000022 ', 'check-digit'],
  ])('"%s" is refused on line 1 (rule %s)', (dest, rule) => {
    const ls = lines();
    ls[0] = put(ls[0]!, 4, dest);
    expect(firstProblem(ls)).toMatchObject({ line: 1, rule });
  });
});

/** An ADV file of two advices (81 credit, 84 debit), written from the layouts. */
function advFile(mutate: (records: string[]) => void = () => undefined): string {
  const rdfi = ['09100001', '02100002'];
  const entries = [
    { transactionCode: 81, amount: 1_250_000_00 },
    { transactionCode: 84, amount: 7_500_00 },
  ].map((e, i) => ({
    ...e,
    rdfiIdentification: rdfi[i],
    checkDigit: String(abaCheckDigit(rdfi[i]!)),
    dfiAccountNumber: `44-${i + 1}`,
    adviceRoutingNumber: '011000015',
    fileIdentification: `F${i + 1}`,
    achOperatorData: '',
    individualName: `SETTLEMENT ${i + 1}`,
    discretionaryData: '',
    addendaRecordIndicator: 0,
    achOperatorRoutingNumber: '01100001',
    julianDay: 336,
    sequenceNumber: i + 1,
  }));
  const hash = Number(rdfi[0]) + Number(rdfi[1]);
  const records = [
    formatRecord('1', fileHeaderLayout, {
      priorityCode: 1,
      immediateDestination: ' 021000021',
      immediateOrigin: ' 011000015',
      fileCreationDate: '261202',
      fileCreationTime: '0900',
      fileIdModifier: 'A',
      recordSize: 94,
      blockingFactor: 10,
      formatCode: '1',
      immediateDestinationName: 'FEDERAL RESERVE',
      immediateOriginName: 'A BANK',
    }),
    formatRecord('5', batchHeaderLayout, {
      serviceClassCode: 280,
      companyName: 'A BANK',
      companyIdentification: '1234567890',
      secCode: 'ADV',
      companyEntryDescription: 'SETTLEMENT',
      effectiveEntryDate: '261202',
      originatorStatusCode: '0',
      odfiIdentification: '02100002',
      batchNumber: 1,
    }),
    ...entries.map((e) => formatRecord('6', advEntryDetailLayout, e)),
    formatRecord('8', advBatchControlLayout, {
      serviceClassCode: 280,
      entryAddendaCount: 2,
      entryHash: hash,
      totalDebit: 7_500_00,
      totalCredit: 1_250_000_00,
      odfiIdentification: '02100002',
      batchNumber: 1,
    }),
    formatRecord('9', advFileControlLayout, { batchCount: 1, blockCount: 1, entryAddendaCount: 2, entryHash: hash, totalDebit: 7_500_00, totalCredit: 1_250_000_00 }),
  ];
  mutate(records);
  while (records.length % 10) records.push('9'.repeat(94));
  return `${records.join('\n')}\n`;
}

describe('ADV files (service class 280, codes 81-88)', () => {
  it('are read with their own layouts, odd codes credits and even codes debits, and written back byte for byte', () => {
    const text = advFile();
    const r = readNachaFile(text);
    expect(r.problems).toEqual([]);
    expect(r.summary).toMatchObject({ kind: 'adv', batches: 1, entries: 2, totalCreditCents: 1_250_000_00, totalDebitCents: 7_500_00 });
    expect(r.file).toBeUndefined();
    expect(r.advFile!.batches[0]!.entries.map((e) => [e.transactionCode, e.amount, e.adviceRoutingNumber, e.sequenceNumber])).toEqual([
      [81, 1_250_000_00, '011000015', 1],
      [84, 7_500_00, '011000015', 2],
    ]);
    expect(serializeNachaFile(r.advFile!)).toBe(text);
  });

  it.each([
    ['a payment code in an ADV batch', 3, (rs: string[]) => (rs[2] = put(rs[2]!, 2, '22')), 'transaction-code', 'is not an ADV code (81-88)'],
    ['an ADV batch whose SEC code is not ADV', 2, (rs: string[]) => (rs[1] = put(rs[1]!, 51, 'PPD')), 'sec-code', 'must have SEC code ADV'],
    ['an ADV total that disagrees', 5, (rs: string[]) => (rs[4] = put(rs[4]!, 41, '1'.padStart(20, '0'))), 'batch-totals', 'total credit is 1'],
    ['an ADV batch without entries', 3, (rs: string[]) => rs.splice(2, 2), 'batch-count', 'entry/addenda count is 2'],
  ])('refuse %s, naming its line and rule', (_what, line, mutate, rule, message) => {
    const p = readNachaFile(advFile(mutate)).problems.find((x) => x.rule === rule);
    expect(p).toMatchObject({ line, rule });
    expect(p!.message).toContain(message);
  });

  it('an empty batch is refused in any file, and an ADV code in a payment batch or an ADV batch among payment batches is named', () => {
    const empty = readNachaFile(advFile((rs) => rs.splice(2, 2))).problems.map((p) => p.rule);
    expect(empty).toContain('batch-entries');
    const ls = lines();
    ls[2] = put(ls[2]!, 2, '81');
    expect(firstProblem(ls)).toMatchObject({ line: 3, rule: 'transaction-code', message: expect.stringContaining('outside an ADV batch') });
    const payments = lines().slice(1, 4);
    const mixed = readNachaFile(advFile((rs) => rs.splice(5, 0, ...payments)));
    expect(mixed.problems[0]).toMatchObject({ line: 6, rule: 'service-class', message: 'a payment batch in an ADV file (its batches are all service class 280)' });
  });
});
