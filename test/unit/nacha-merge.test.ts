/** Files merged for a window (src/nacha/merge.ts): batches by header, entries kept as cut, split only at the bank's limits. */
import { describe, expect, it } from 'vitest';
import { type BatchInput, buildNachaFile, type EntryDetail, mergeNachaFiles, type NachaFile, readNachaFile, serializeNachaFile } from '../../src/nacha/index.js';

let trace = 0;
const entries = (n: number, amountCents = 1000) =>
  Array.from({ length: n }, () => ({
    transactionCode: 22,
    routing: '011000015',
    account: String(100000 + trace),
    amountCents,
    idNumber: `R-${trace}`,
    name: `RECIPIENT ${trace}`,
    traceNumber: `02100002${String(++trace).padStart(7, '0')}`,
  }));
const batch = (over: Partial<BatchInput>, n: number): BatchInput => ({
  companyName: 'US DEPT OF LABOR',
  companyId: '1234567890',
  secCode: 'CCD',
  entryDescription: 'GRANT',
  effectiveDate: '261207',
  odfi: '02100002',
  entries: entries(n),
  ...over,
});
const cut = (batches: BatchInput[], origin = '1234567890'): NachaFile =>
  buildNachaFile({
    immediateDestination: '021000021',
    immediateDestinationName: 'ODFI',
    immediateOrigin: origin,
    immediateOriginName: 'US DEPT OF LABOR',
    createdAt: new Date('2026-12-07T14:00:00Z'),
    batches,
  });
const header = (i: number) => ({ fileCreationDate: '261207', fileCreationTime: '1415', fileIdModifier: 'ABCDEFGHIJ'[i]! });
const byTrace = (files: NachaFile[]) => files.flatMap((f) => f.batches.flatMap((b) => b.entries)).sort((a, b) => a.traceNumber.localeCompare(b.traceNumber));
const valid = (f: NachaFile) => {
  const text = serializeNachaFile(f);
  const read = readNachaFile(text);
  expect(read.problems).toEqual([]);
  return { text, read };
};

describe('merging files for a window', () => {
  it("puts two disbursements' batches with the same header in one batch of one file, entries as cut, in trace order", () => {
    const a = cut([batch({}, 3)]);
    const b = cut([batch({}, 2)]);
    // The later grant's file was cut first: the merged batch still runs in trace order.
    const [merged, ...rest] = mergeNachaFiles([b, a], { maxLines: 10_000 }, header);
    expect(rest).toEqual([]);
    const { read } = valid(merged!);
    expect(read.summary).toMatchObject({ batches: 1, entries: 5, totalCreditCents: 5000 });
    expect(merged!.batches[0]!.entries.map((e) => e.traceNumber)).toEqual(byTrace([a, b]).map((e) => e.traceNumber));
    expect(byTrace([merged!])).toEqual(byTrace([a, b]) as EntryDetail[]);
    expect(merged!.header).toMatchObject({ immediateDestination: ' 021000021', immediateOrigin: '1234567890', fileIdModifier: 'A', fileCreationTime: '1415' });
  });

  it('keeps batches whose headers differ (SEC code, effective date, originator) apart, in one file', () => {
    const files = [cut([batch({}, 2), batch({ secCode: 'PPD' }, 2)]), cut([batch({ effectiveDate: '261208' }, 1), batch({}, 1), batch({ secCode: 'PPD' }, 1)])];
    const [merged, ...rest] = mergeNachaFiles(files, { maxLines: 10_000 }, header);
    expect(rest).toEqual([]);
    valid(merged!);
    expect(merged!.batches.map((b) => [b.header.secCode, b.header.effectiveEntryDate, b.entries.length, b.header.batchNumber])).toEqual([
      ['CCD', '261207', 3, 1],
      ['PPD', '261207', 3, 2],
      ['CCD', '261208', 1, 3],
    ]);
  });

  it("splits only where the bank's limits say: lines (padding included) and entries", () => {
    const files = [cut([batch({}, 30)]), cut([batch({}, 25)])];
    const byLines = mergeNachaFiles(files, { maxLines: 40 }, header);
    expect(byLines.length).toBeGreaterThan(1);
    for (const f of byLines) expect(valid(f).read.summary.records).toBeLessThanOrEqual(40);
    expect(byLines.map((f) => f.header.fileIdModifier)).toEqual('ABCDEFGHIJ'.slice(0, byLines.length).split(''));
    expect(byTrace(byLines)).toEqual(byTrace(files));
    // 36 entries fit 40 lines (header, batch header and control, file control): 55 entries need two files.
    expect(byLines.map((f) => f.batches[0]!.entries.length)).toEqual([36, 19]);
    const byEntries = mergeNachaFiles(files, { maxLines: 10_000, maxEntries: 20 }, header);
    expect(byEntries.map((f) => valid(f).read.summary.entries)).toEqual([20, 20, 15]);
  });

  it('keeps files of different parties (another immediate origin) apart', () => {
    const merged = mergeNachaFiles([cut([batch({}, 1)]), cut([batch({ companyId: '9876543210' }, 1)], '9876543210')], { maxLines: 10_000 }, header);
    expect(merged.map((f) => f.header.immediateOrigin)).toEqual(['1234567890', '9876543210']);
  });
});
