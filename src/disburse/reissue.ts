/**
 * Paying again a recipient whose payment the bank returned, only when the operator names them
 * (`disburse --grant FILE --reissue R-0003`), never on its own:
 *   step 1: each name is a recipient of the grant with a returned payment (else nothing is sent)
 *   step 2: one new transfer each, with the grant file's details as they are now (corrected after a
 *           notification of change, say), keyed `<grant>:<recipient>:reissue:<n>` for its n-th
 *           return: a new trace number, and running it again pays no one twice
 *   step 3: the analytics event and the notice, as for any payment
 *   step 4: the grant's file cut, read back
 */
import { HmsopsError, UsageError } from '../errors/index.js';
import { readNachaFile } from '../nacha/index.js';
import type { HmsopsClient } from '../sdk/index.js';
import type { Grant } from './grant-file.js';
import { noticeEmail, transferRequest } from './plan.js';
import { RecipientList } from './recipient-list.js';
import { accountsReturnedError, returnHistory } from './return-history.js';

export interface Reissued {
  recipientId: string;
  /** The returned transfer this pays again. */
  returnedTransferId: string;
  returnCode: string;
  transferId: string;
  traceNumber: string;
  amountCents: number;
  /** False when this reissue had been made before (the same key): nothing was paid again. */
  paidNow: boolean;
}

export interface ReissueReceipt {
  grantId: string;
  reissued: Reissued[];
  files: { fileId: string; entries: number; valid: boolean }[];
}

export const reissueKey = (grantId: string, recipientId: string, n: number) => `${grantId}:${recipientId}:reissue:${n}`;

export async function reissue(client: HmsopsClient, grant: Grant, ids: string[]): Promise<ReissueReceipt> {
  // step 1
  const index = new Map<string, number>();
  for (let i = 0; i < grant.recipients.length; i++) if (ids.includes(grant.recipients.id(i))) index.set(grant.recipients.id(i), i);
  const unknown = ids.filter((id) => !index.has(id));
  if (unknown.length) throw new UsageError(`not recipients of ${grant.id}: ${unknown.join(', ')}: nothing reissued`);
  const { returns } = await client.payments.returns(grant.id);
  const returnedOf = (id: string) => returns.filter((r) => r.kind === 'returned' && r.recipientId === id && r.transferId);
  const notReturned = ids.filter((id) => returnedOf(id).length === 0);
  if (notReturned.length)
    throw new UsageError(
      `no returned payment for ${notReturned.join(', ')} in ${grant.id}: only a returned payment is reissued (hmsops disbursements show ${grant.id}): nothing reissued`,
    );

  // An account an administrative return came back from is not paid again until the grant file gives another.
  const named = { ...grant, recipients: RecipientList.of(ids.map((id) => grant.recipients.at(index.get(id)!))) };
  const { refused } = await returnHistory(client, named, () => '');
  if (refused.length) throw accountsReturnedError(grant, refused);

  // step 2
  const items = ids.map((id) => {
    const back = returnedOf(id);
    const r = grant.recipients.at(index.get(id)!);
    return { id, last: back.at(-1)!, request: { ...transferRequest(grant, r), idempotencyKey: reissueKey(grant.id, id, back.length) }, recipient: r };
  });
  const batch = await client.payments.transferBatch(items.map((x) => x.request));
  const reissued: Reissued[] = items.map((x, i) => {
    const res = batch.results[i]!;
    if (!res.transfer) throw new HmsopsError('VALIDATION', `${x.id}: the reissue was refused: ${res.error?.message ?? 'no transfer'} (correct the grant file and run it again)`);
    return {
      recipientId: x.id,
      returnedTransferId: x.last.transferId!,
      returnCode: x.last.code,
      transferId: res.transfer.id,
      traceNumber: res.transfer.traceNumber,
      amountCents: res.transfer.amountCents,
      paidNow: !res.replayed,
    };
  });

  // step 3
  await client.analytics.trackEvents(
    reissued.map((x) => ({
      id: `${x.transferId}:disbursed`,
      type: 'disbursement.transfer',
      at: new Date().toISOString(),
      grantId: grant.id,
      amountCents: x.amountCents,
      status: 'queued',
      attributes: { recipientId: x.recipientId, traceNumber: x.traceNumber, reissueOf: x.returnedTransferId },
    })),
  );
  await client.messaging.sendEmails(items.map((x, i) => ({ idempotencyKey: `${x.request.idempotencyKey}:notice`, ...noticeEmail(grant, x.recipient, reissued[i]!.traceNumber) })));

  // step 4
  await client.payments.cutFile({ grantId: grant.id });
  const files = [];
  for (const f of (await client.payments.files({ grantId: grant.id })).files) {
    const read = readNachaFile(await client.payments.downloadFile(f.fileId), { keepEntries: false });
    files.push({ fileId: f.fileId, entries: read.summary.entries, valid: read.ok });
  }
  return { grantId: grant.id, reissued, files };
}
