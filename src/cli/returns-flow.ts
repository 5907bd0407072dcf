/**
 * What `ach import`, `reconcile` and `smoke` share: a bank's file imported with its follow-ups
 * (analytics, the returned recipients' notices), and a grant's facts gathered and compared.
 */
import { chunk, emailKey, returnNoticeKey } from '../disburse/plan.js';
import { type Reconciliation, reconcile } from '../disburse/reconcile.js';
import { formatCents } from '../money.js';
import { readNachaFile } from '../nacha/index.js';
import { HmsopsApiError, type HmsopsClient } from '../sdk/index.js';
import type { InboundImport } from '../sdk/types.js';
import { isUnavailable, softRead } from './soft-read.js';

/** Steps 2 and 3: the file recorded by the ACH service, then analytics and the notices; what is still pending. */
export async function importInbound(client: HmsopsClient, name: string, text: string): Promise<{ result: InboundImport; pending: string[] }> {
  const result = await client.payments.importInbound(name, text);
  return { result, pending: await followUps(client, result) };
}

/** Analytics events and recipients' notices for the matched records; what could not be done yet. */
export async function followUps(client: HmsopsClient, result: InboundImport): Promise<string[]> {
  const matched = result.records.filter((r) => r.transferId && r.grantId);
  if (!matched.length) return [];
  const pending: string[] = [];
  // Analytics and the notices go at the same time: two services, each its own work.
  const analytics = (async () => {
    try {
      for (const batch of chunk(matched, 10_000))
        await client.analytics.trackEvents(
          batch.map((r) => ({
            id: `${r.kind}:${result.sha256.slice(0, 16)}:${r.line}`,
            type: `disbursement.${r.kind}`,
            at: result.importedAt,
            grantId: r.grantId!,
            amountCents: r.amountCents ?? 0,
            status: r.code,
            attributes: { recipientId: r.recipientId, transferId: r.transferId, description: r.description, originalTrace: r.originalTrace },
          })),
        );
    } catch (err) {
      pending.push(`analytics events: ${(err as Error).message}`);
    }
  })();
  // Each returned recipient is told at the address their payment's notice went to (looked up
  // 10,000 keys a request), the notices queued 5,000 a request.
  const returned = matched.filter((x) => x.kind === 'returned');
  try {
    const to = new Map<string, string>();
    for (const keys of chunk([...new Set(returned.map((r) => emailKey(r.grantId!, r.recipientId!)))], 10_000))
      for (const e of (await client.messaging.lookup(keys)).emails) to.set(e.key, e.email.to);
    const addresses = returned.map((r) => to.get(emailKey(r.grantId!, r.recipientId!)));
    const notices = returned.flatMap((r, i) => {
      const to = addresses[i];
      if (!to) return [];
      const dollars = formatCents(r.amountCents ?? 0);
      return [
        {
          idempotencyKey: returnNoticeKey(r.grantId!, r.recipientId!, r.originalTrace),
          to,
          subject: `Your payment of ${dollars} was returned`,
          text: [
            `Your payment of ${dollars} (grant ${r.grantId}) was returned by your bank: ${r.description} (${r.code}).`,
            'It has not been paid again. Please contact the agency that sent it to give correct account details.',
            '',
            'This message was sent by hmsops.',
          ].join('\n'),
        },
      ];
    });
    for (const batch of chunk(notices, 5000)) await client.messaging.sendEmails(batch);
  } catch (err) {
    pending.push(`notices to returned recipients: ${(err as Error).message}`);
  }
  await analytics;
  return pending;
}

/** A read that may go without an answer: undefined when the service is down (compared as unknown, said as not checked). */
const soft = async <T>(p: Promise<T>): Promise<T | undefined> => {
  const r = await softRead(p);
  return isUnavailable(r) ? undefined : r;
};

/** Analytics' report of a grant; one it has no event of answers 404, which is an answer: no events (compared as such). */
const grantReport = async (client: HmsopsClient, grantId: string) => {
  try {
    return await client.analytics.grantReport(grantId);
  } catch (err) {
    if (err instanceof HmsopsApiError && err.code === 'NOT_FOUND') return { byType: [] };
    return soft(Promise.reject(err));
  }
};

/** Steps 1 and 2: the facts gathered through the gateway, compared. */
export async function reconcileGrant(client: HmsopsClient, grantId: string): Promise<Reconciliation> {
  // step 1
  const [transfers, prenotes, files, returns, report, allNotices, returnNotices] = await Promise.all([
    client.payments.list({ grantId }),
    client.payments.prenotes(grantId),
    client.payments.files({ grantId }),
    client.payments.returns(grantId),
    grantReport(client, grantId),
    soft(client.messaging.list({ keyPrefix: `${grantId}:`, countsOnly: true })),
    soft(client.messaging.list({ keyPrefix: `${grantId}:returned:`, countsOnly: true })),
  ]);
  const read = [];
  for (const f of files.files) {
    const r = readNachaFile(await client.payments.downloadFile(f.fileId));
    read.push({ fileId: f.fileId, valid: r.ok, entries: (r.file?.batches ?? []).flatMap((b) => b.entries.map((e) => ({ traceNumber: e.traceNumber, amountCents: e.amount }))) });
  }
  // Analytics counts by type and status: added up by type.
  const analytics: Record<string, { count: number; amountCents: number }> | undefined = report && {};
  for (const t of report?.byType ?? []) {
    const a = (analytics![t.type] ??= { count: 0, amountCents: 0 });
    a.count += t.count;
    a.amountCents += t.amountCents;
  }
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((n, c) => n + c, 0);
  // step 2
  return reconcile({
    grantId,
    transfers: transfers.transfers.map((t) => ({ id: t.id, recipientId: t.recipientId, traceNumber: t.traceNumber, amountCents: t.amountCents, status: t.status })),
    files: read,
    returns: returns.returns,
    prenotes: prenotes.prenotes.map((p) => ({ id: p.id, recipientId: p.recipientId, traceNumber: p.traceNumber, status: p.status })),
    analytics,
    notices: allNotices && returnNotices ? { payments: total(allNotices.counts) - total(returnNotices.counts), returns: total(returnNotices.counts) } : undefined,
  });
}
