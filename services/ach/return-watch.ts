/**
 * What the returns recorded say about each originator (company ID) over a rolling window: its
 * return rates against NACHA's thresholds (src/domain/return-rates.ts), and the accounts an
 * administrative return (R02, R03, R04) says cannot take a payment. A return counts for the
 * originator of the transfer it answers; one that matches no transfer is counted apart. Returns
 * of prenotes are left out: the rates are of payments (a prenote's return holds its payment:
 * services/ach/prenotes.ts).
 */
import type { ReturnedAccount, ReturnRates } from '../../src/api/ach.js';
import { ADMINISTRATIVE_RETURN_CODES, accountKey, originatorRates, RETURN_RATE_WINDOW_DAYS } from '../../src/domain/return-rates.js';
import type { Store } from '../kit/store.js';

export class ReturnWatch {
  constructor(private readonly db: Store) {}

  async rates(windowDays = RETURN_RATE_WINDOW_DAYS, now = new Date()): Promise<ReturnRates> {
    const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
    const entries = await this.db.all<{ company_id: string; originator_name: string; n: number }>(
      'SELECT company_id, MAX(originator_name) AS originator_name, COUNT(*) AS n FROM transfers WHERE created_at >= ? GROUP BY company_id',
      [since],
    );
    const returns = await this.db.all<{ company_id: string | null; originator_name: string | null; code: string; n: number }>(
      `SELECT t.company_id, MAX(t.originator_name) AS originator_name, r.code, COUNT(*) AS n
         FROM returns r LEFT JOIN transfers t ON t.id = r.transfer_id
        WHERE r.kind = 'returned' AND r.prenote_id IS NULL AND r.at >= ? GROUP BY t.company_id, r.code`,
      [since],
    );
    const byCompany = new Map<string, { name: string; entries: number; codes: Record<string, number> }>();
    for (const e of entries) byCompany.set(e.company_id, { name: e.originator_name, entries: Number(e.n), codes: {} });
    let unmatched = 0;
    for (const r of returns) {
      if (r.company_id === null) {
        unmatched += Number(r.n);
        continue;
      }
      let o = byCompany.get(r.company_id);
      if (!o) byCompany.set(r.company_id, (o = { name: r.originator_name ?? '', entries: 0, codes: {} }));
      o.codes[r.code] = (o.codes[r.code] ?? 0) + Number(r.n);
    }
    const originators = [...byCompany].sort(([a], [b]) => a.localeCompare(b)).map(([companyId, o]) => originatorRates(companyId, o.name, o.entries, o.codes));
    return { windowDays, since, originators, unmatched };
  }

  /** Every account an administrative return came back from, newest first. */
  async returnedAccounts(): Promise<ReturnedAccount[]> {
    const rows = await this.db.all<{
      routing: string;
      account: string;
      account_type: 'checking' | 'savings';
      code: string;
      description: string;
      grant_id: string;
      recipient_id: string;
      idempotency_key: string;
      at: string;
    }>(
      `SELECT t.routing, t.account, t.account_type, r.code, r.description, t.grant_id, t.recipient_id, t.idempotency_key, r.at
         FROM returns r JOIN transfers t ON t.id = r.transfer_id
        WHERE r.kind = 'returned' AND ${this.db.in('r.code')}
        ORDER BY r.seq DESC`,
      [[...ADMINISTRATIVE_RETURN_CODES]],
    );
    return rows.map((r) => ({
      accountKey: accountKey(r.routing, r.account),
      routing: r.routing,
      accountLast4: r.account.slice(-4),
      accountType: r.account_type,
      code: r.code,
      description: r.description,
      grantId: r.grant_id,
      recipientId: r.recipient_id,
      idempotencyKey: r.idempotency_key,
      returnedAt: r.at,
    }));
  }
}
