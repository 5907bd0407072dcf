/**
 * Files merged for one of the bank's windows, as moov-io/achgateway merges them: the entries of
 * batches with the same header (originator, SEC code, description, effective date, ODFI: every
 * field but the batch number) go into one batch, in trace-number order, and files with the same
 * file header parties (destination and origin) into one file. A file is split only where the
 * bank's limits say (lines, entries, or the File Control's 12-digit totals). Entries are kept
 * as they were cut: trace numbers, addenda, every field. Pure.
 */
import { BLOCKING_FACTOR, type EntryDetail, type FileHeader, isCredit, isDebit, type NachaFile } from './layout.js';
import { assembleNachaFile, type BatchHeaderFields } from './writer.js';

export interface MergeLimits {
  /** Records a file may have, padding included (default 10,000). */
  maxLines: number;
  /** Entries and addenda a file may have (default: no limit but the lines). */
  maxEntries?: number;
}

export const DEFAULT_MERGE_LIMITS: MergeLimits = { maxLines: 10_000 };

/** The File Control's total fields: 12 digits of cents. */
const MAX_FILE_TOTAL_CENTS = 999_999_999_999;

/** The header fields that say which batches are one (all but service class and batch number). */
const batchKey = (h: BatchHeaderFields) =>
  [
    h.companyName,
    h.companyDiscretionaryData,
    h.companyIdentification,
    h.secCode,
    h.companyEntryDescription,
    h.companyDescriptiveDate,
    h.effectiveEntryDate,
    h.settlementDate,
    h.originatorStatusCode,
    h.odfiIdentification,
  ].join('\u0000');

const partiesKey = (h: FileHeader) => [h.immediateDestination, h.immediateOrigin, h.immediateDestinationName, h.immediateOriginName, h.referenceCode].join('\u0000');

const padded = (records: number) => Math.ceil(records / BLOCKING_FACTOR) * BLOCKING_FACTOR;

interface Group {
  header: FileHeader;
  batches: Map<string, { header: BatchHeaderFields; entries: EntryDetail[] }>;
}

/**
 * `files` merged into as few files as the limits allow. `header(i)` gives the i-th output file's
 * creation date, time and file ID modifier (each file sent the same day needs its own modifier).
 */
export function mergeNachaFiles(
  files: NachaFile[],
  limits: MergeLimits,
  header: (i: number) => Pick<FileHeader, 'fileCreationDate' | 'fileCreationTime' | 'fileIdModifier'>,
): NachaFile[] {
  if (limits.maxLines < 2 * BLOCKING_FACTOR) throw new RangeError(`a file of ${limits.maxLines} lines cannot hold a batch: at least ${2 * BLOCKING_FACTOR}`);
  const groups = new Map<string, Group>();
  for (const f of files) {
    const key = partiesKey(f.header);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { header: f.header, batches: new Map() }));
    for (const b of f.batches) {
      const { serviceClassCode: _s, batchNumber: _n, ...fields } = b.header;
      const k = batchKey(fields);
      let into = g.batches.get(k);
      if (!into) g.batches.set(k, (into = { header: fields, entries: [] }));
      into.entries.push(...b.entries);
    }
  }
  const out: NachaFile[] = [];
  for (const g of groups.values()) {
    // One output file's batches, filled entry by entry until a limit would be passed.
    let batches: { header: BatchHeaderFields; entries: EntryDetail[] }[] = [];
    let records = 2;
    let entries = 0;
    let credit = 0;
    let debit = 0;
    const close = () => {
      if (batches.length) out.push(assembleNachaFile({ ...g.header, ...header(out.length) }, batches));
      batches = [];
      records = 2;
      entries = 0;
      credit = 0;
      debit = 0;
    };
    for (const b of g.batches.values()) {
      const sorted = [...b.entries].sort((x, y) => (x.traceNumber < y.traceNumber ? -1 : x.traceNumber > y.traceNumber ? 1 : 0));
      let open: { header: BatchHeaderFields; entries: EntryDetail[] } | undefined;
      for (const e of sorted) {
        const lines = 1 + e.addenda.length;
        const credits = isCredit(e.transactionCode);
        const fits = (extra: number) =>
          padded(records + extra) <= limits.maxLines &&
          (limits.maxEntries === undefined || entries + lines <= limits.maxEntries) &&
          (credits ? credit : debit) + e.amount <= MAX_FILE_TOTAL_CENTS;
        if (!(open ? fits(lines) : fits(2 + lines))) {
          close();
          open = undefined;
          if (!fits(2 + lines))
            throw new RangeError(`entry ${e.traceNumber} does not fit a file of ${limits.maxLines} lines${limits.maxEntries ? ` and ${limits.maxEntries} entries` : ''}`);
        }
        if (!open) {
          open = { header: b.header, entries: [] };
          batches.push(open);
          records += 2;
        }
        open.entries.push(e);
        records += lines;
        entries += lines;
        if (credits) credit += e.amount;
        else if (isDebit(e.transactionCode)) debit += e.amount;
      }
    }
    close();
  }
  return out;
}
