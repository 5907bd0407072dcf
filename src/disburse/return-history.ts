/**
 * What the ledger's returns say before a grant is paid: a warning for each of the originator's
 * return rates over NACHA's threshold (src/domain/return-rates.ts), and the recipients whose
 * account an administrative return (R02, R03, R04) came back from, refused until the grant file
 * gives another account. The payment that came back, sent again under its own key (a re-run of
 * the same grant), is not a new payment and is not refused.
 */
import { ADMINISTRATIVE_RETURN_CODES, accountKey, describeRate } from '../domain/return-rates.js';
import { HmsopsError } from '../errors/index.js';
import type { CallOptions, HmsopsClient, ReturnedAccount } from '../sdk/index.js';
import type { Grant } from './grant-file.js';

export interface ReturnHistory {
  /** One line per rate of the grant's originator above its threshold. */
  warnings: string[];
  refused: { recipientId: string; name: string; routing: string; accountLast4: string; code: string; description: string; returnedAt: string; grantId: string }[];
}

export async function returnHistory(client: HmsopsClient, grant: Grant, keyOf: (recipientId: string) => string, opts: CallOptions = {}): Promise<ReturnHistory> {
  const [rates, { accounts }] = await Promise.all([client.payments.returnRates(undefined, opts), client.payments.returnedAccounts(opts)]);
  const originator = rates.originators.find((o) => o.companyId === grant.originator.companyId);
  const warnings = (originator?.rates ?? [])
    .filter((r) => r.over)
    .map((r) => `originator ${originator!.companyId} (${originator!.originatorName}): ${describeRate(r, originator!.entries)} over the last ${rates.windowDays} days`);
  const refused: ReturnHistory['refused'] = [];
  if (accounts.length) {
    const byKey = new Map<string, ReturnedAccount>();
    for (const a of accounts) if (!byKey.has(a.accountKey)) byKey.set(a.accountKey, a); // newest first
    // Only a recipient at a bank an administrative return came from is looked at (hashed).
    const routings = new Set(accounts.map((a) => a.routing));
    for (let i = 0; i < grant.recipients.length; i++) {
      if (!routings.has(grant.recipients.routing(i))) continue;
      const r = grant.recipients.at(i);
      const back = byKey.get(accountKey(r.routing, r.account));
      if (back && back.idempotencyKey !== keyOf(r.id))
        refused.push({
          recipientId: r.id,
          name: r.name,
          routing: r.routing,
          accountLast4: back.accountLast4,
          code: back.code,
          description: back.description,
          returnedAt: back.returnedAt,
          grantId: back.grantId,
        });
    }
  }
  return { warnings, refused };
}

/** The refusal: exit 2, each recipient with the return that refuses them; nothing was sent. */
export function accountsReturnedError(grant: Grant, refused: ReturnHistory['refused']): HmsopsError {
  return new HmsopsError(
    'ACCOUNT_RETURNED',
    `${refused.length} recipient(s) of ${grant.id} would be paid to an account an administrative return (${ADMINISTRATIVE_RETURN_CODES.join(', ')}) came back from: nothing was sent; give another account in the grant file`,
    {
      details: refused.map(
        (x) =>
          `${x.recipientId} (${x.name}): routing ${x.routing}, account ending ${x.accountLast4}: ${x.code} ${x.description}, returned ${x.returnedAt.slice(0, 10)} (grant ${x.grantId})`,
      ),
    },
  );
}
