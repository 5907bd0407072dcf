/**
 * Prenotes: before the first payment to an account the ledger has never paid, a zero-dollar entry
 * (transaction code 23 to checking, 33 to savings) tells the recipient's bank it is coming. The
 * payment waits until the third banking day after the prenote settles (NACHA's rule); a return of
 * the prenote, or a notification of change for it, holds the payment until the grant gives the
 * account the bank says (a new account, so a new prenote). An account's prenote holds every
 * payment to it, asked for with `prenote` or not: the rule is the account's.
 */
import { addBankingDays, nextBankingDay } from '../../src/banking-days.js';
import type { Prenote } from '../../src/api/ach.js';
import { orderedId } from '../kit/ordered-id.js';
import type { Queries } from '../kit/store.js';
import type { TransferRow } from './tables.js';
import type { NormalizedTransfer } from './transfer-rules.js';

/** Banking days a payment waits after its account's prenote settles. */
export const PRENOTE_WAIT_BANKING_DAYS = 3;

/** A prenote row: a transfer's, without an amount or a key of its own (one per account). */
export type PrenoteRow = Omit<TransferRow, 'idempotency_key' | 'fingerprint' | 'amount_cents'>;

const PRENOTE_COLUMNS = [
  'id',
  'routing',
  'account',
  'account_type',
  'grant_id',
  'recipient_id',
  'name',
  'sec_code',
  'originator_name',
  'company_id',
  'odfi_routing',
  'effective_date',
  'trace_number',
  'status',
  'file_id',
  'created_at',
] as const satisfies readonly (keyof PrenoteRow)[];

/** A prenote with what the bank answered to it (the first return, else the first change). */
type Answered = PrenoteRow & { kind: 'returned' | 'corrected' | 'dishonored' | null; code: string | null; description: string | null; corrected_data: string | null };

const SELECT_ANSWERED = `SELECT p.*, r.kind, r.code, r.description, r.corrected_data
  FROM prenotes p LEFT JOIN returns r ON r.prenote_id = p.id`;

/** One row per prenote: a return wins over a change, then the earliest. */
function firstAnswers(rows: Answered[]): Answered[] {
  const byId = new Map<string, Answered>();
  const rank = (r: Answered) => (r.kind === 'returned' ? 0 : r.kind ? 1 : 2);
  for (const r of rows) {
    const had = byId.get(r.id);
    if (!had || rank(r) < rank(had)) byId.set(r.id, r);
  }
  return [...byId.values()].sort((a, b) => Number(a.seq) - Number(b.seq));
}

export const accountOf = (x: { routing: string; account: string; account_type?: string; accountType?: string }) => `${x.routing}|${x.account}|${x.account_type ?? x.accountType}`;

/** What the API shows of a prenote (never the full account number), and where its payment stands on `today`. */
export function publicPrenote(p: Answered, today: string): Prenote {
  const payableFrom = addBankingDays(p.effective_date, PRENOTE_WAIT_BANKING_DAYS);
  const held = p.kind === 'returned' || p.kind === 'corrected' || p.kind === 'dishonored';
  return {
    id: p.id,
    grantId: p.grant_id,
    recipientId: p.recipient_id,
    routing: p.routing,
    accountLast4: p.account.slice(-4),
    accountType: p.account_type,
    traceNumber: p.trace_number,
    status: p.status,
    fileId: p.file_id,
    effectiveDate: p.effective_date,
    payableFrom,
    state: held ? 'held' : p.status === 'filed' && today >= payableFrom ? 'payable' : 'waiting',
    answer: p.kind ? { kind: p.kind, code: p.code!, description: p.description!, correctedData: p.corrected_data } : null,
    createdAt: p.created_at,
  };
}

/** What becomes of a payment to an account: paid now, or waiting for (or held by) its prenote. */
export type PrenoteVerdict = { pay: true; afterPrenote: boolean } | { pay: false; prenote: Prenote };

/**
 * Decides, inside a submission's transaction, for each transfer about to be stored: an account
 * with a prenote is paid only once the prenote is payable; an account without one, whose transfer
 * asks for it and that the ledger never paid, gets one now (one per account, however many
 * transfers name it) and waits.
 */
export async function prenoteVerdicts(
  q: Queries,
  transfers: NormalizedTransfer[],
  now: Date,
  /** Told each prenote made now (for the audit log). */
  made: { grantId: string; traceNumber: string }[] = [],
): Promise<PrenoteVerdict[]> {
  if (transfers.length === 0) return [];
  const today = now.toISOString().slice(0, 10);
  const accounts = [...new Set(transfers.map((t) => t.account))];
  const known = new Map(firstAnswers(await q.all<Answered>(`${SELECT_ANSWERED} WHERE ${q.in('p.account')}`, [accounts])).map((p) => [accountOf(p), p]));
  const asking = transfers.filter((t) => t.prenote && !known.has(accountOf(t)));
  if (asking.length) {
    const paidBefore = new Set(
      (
        await q.all<{ routing: string; account: string; account_type: string }>(`SELECT DISTINCT routing, account, account_type FROM transfers WHERE ${q.in('account')}`, [
          [...new Set(asking.map((t) => t.account))],
        ])
      ).map(accountOf),
    );
    const fresh = new Map<string, NormalizedTransfer>();
    for (const t of asking) if (!paidBefore.has(accountOf(t)) && !fresh.has(accountOf(t))) fresh.set(accountOf(t), t);
    if (fresh.size) {
      made.push(...(await createPrenotes(q, [...fresh.values()], now)));
      const stored = await q.all<Answered>(`${SELECT_ANSWERED} WHERE ${q.in('p.account')}`, [[...new Set([...fresh.values()].map((t) => t.account))]]);
      for (const p of firstAnswers(stored)) known.set(accountOf(p), p);
    }
  }
  return transfers.map((t) => {
    const p = known.get(accountOf(t));
    if (!p) return { pay: true, afterPrenote: false };
    const shown = publicPrenote(p, today);
    return shown.state === 'payable' ? { pay: true, afterPrenote: true } : { pay: false, prenote: shown };
  });
}

/**
 * One prenote per account, effective the next banking day (the sooner it settles, the sooner the
 * payment goes), its trace number from the transfers' keys. Another request that made the same
 * account's a moment ago wins: its row is the account's prenote.
 */
async function createPrenotes(q: Queries, transfers: NormalizedTransfer[], now: Date): Promise<{ grantId: string; traceNumber: string }[]> {
  const keys = await q.nextKeys('transfers', 'seq', transfers.length);
  const effective = nextBankingDay(now);
  const rows = transfers.map((t, i) => {
    const row: Omit<PrenoteRow, 'seq'> = {
      id: `pn_${orderedId()}`,
      routing: t.routing,
      account: t.account,
      account_type: t.accountType,
      grant_id: t.grantId,
      recipient_id: t.recipientId,
      name: t.name,
      sec_code: t.secCode,
      originator_name: t.originator.name,
      company_id: t.originator.companyId,
      odfi_routing: t.originator.odfiRouting,
      effective_date: effective,
      trace_number: `${t.originator.odfiRouting.slice(0, 8)}${String(keys[i]! % 10_000_000).padStart(7, '0')}`,
      status: 'queued',
      file_id: null,
      created_at: now.toISOString(),
    };
    return PRENOTE_COLUMNS.map((c) => row[c]);
  });
  const { rows: made } = await q.insert<{ grant_id: string; trace_number: string }>('prenotes', PRENOTE_COLUMNS, rows, {
    conflict: 'ON CONFLICT (account, routing, account_type) DO NOTHING',
    returning: 'grant_id, trace_number',
  });
  return made.map((r) => ({ grantId: r.grant_id, traceNumber: r.trace_number }));
}

/** A grant's prenotes (every one when no grant is named), oldest first, as they stand on `now`'s day. */
export async function listPrenotes(q: Queries, grantId: string | undefined, now = new Date()): Promise<Prenote[]> {
  const rows = grantId ? await q.all<Answered>(`${SELECT_ANSWERED} WHERE p.grant_id = ?`, [grantId]) : await q.all<Answered>(SELECT_ANSWERED);
  const today = now.toISOString().slice(0, 10);
  return firstAnswers(rows).map((p) => publicPrenote(p, today));
}
