/** Pure: queued transfers -> the NACHA file's batches (by originator, ODFI, SEC code and effective date). */
import { buildNachaFile, NACHA_NAME_WIDTH, nachaFieldText, type BatchInput, type NachaFile } from '../../src/nacha/index.js';
import { prenoteCodeFor, transactionCodeFor } from './transfer-rules.js';

export interface QueuedTransfer {
  traceNumber: string;
  recipientId: string;
  name: string;
  routing: string;
  account: string;
  accountType: 'checking' | 'savings';
  amountCents: number;
  secCode: string;
  effectiveDate: string;
  originatorName: string;
  companyId: string;
  odfiRouting: string;
  /** A zero-dollar prenote (23 or 33) rather than a payment. */
  prenote?: boolean;
}

const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

export function planNachaFile(transfers: QueuedTransfer[], createdAt: Date, fileIdModifier: string): NachaFile {
  const groups = new Map<string, QueuedTransfer[]>();
  for (const t of [...transfers].sort((a, b) => a.traceNumber.localeCompare(b.traceNumber))) {
    const key = [t.companyId, t.originatorName, t.odfiRouting, t.secCode, t.effectiveDate].join('|');
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(t);
  }
  const batches: BatchInput[] = [...groups.values()].map((ts) => {
    const t0 = ts[0]!;
    return {
      companyName: t0.originatorName,
      companyId: t0.companyId,
      secCode: t0.secCode,
      entryDescription: 'GRANT',
      effectiveDate: yymmdd(t0.effectiveDate),
      odfi: t0.odfiRouting.slice(0, 8),
      entries: ts.map((t) => ({
        transactionCode: t.prenote ? prenoteCodeFor(t.accountType) : transactionCodeFor(t.accountType),
        routing: t.routing,
        account: t.account,
        amountCents: t.amountCents,
        idNumber: t.recipientId.slice(0, 15),
        name: nachaFieldText(t.name, NACHA_NAME_WIDTH.individualName),
        traceNumber: t.traceNumber,
      })),
    };
  });
  const first = transfers[0]!;
  return buildNachaFile({
    immediateDestination: first.odfiRouting,
    immediateDestinationName: 'ODFI',
    immediateOrigin: first.companyId,
    immediateOriginName: first.originatorName,
    createdAt,
    fileIdModifier,
    batches,
  });
}
