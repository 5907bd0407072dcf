/**
 * One disbursement through the gateway. Every step is idempotent, so running it again (or with
 * --resume) pays no one twice and completes whatever is missing.
 *   step 1: the grant is already read and checked (grant-file.ts)
 *   step 2: the client is logged in (session.ts)
 *   step 3: submit transfers in batches, keys `<grantId>:<recipientId>`; stop between batches when asked
 *   step 4: cut the grant's NACHA files, download and verify every file of the grant
 *   step 5 (beside step 4): record analytics events and queue notices; when those services are
 *           down, mark them pending
 */
import { foldToNacha, formatNachaProblem, NACHA_NAME_WIDTH, nachaFieldText, readNachaFile } from '../nacha/index.js';
import { mayRetry } from '../retry.js';
import type { CallOptions, HmsopsClient } from '../sdk/index.js';
import type { Grant } from './grant-file.js';
import type { SameDayWindow } from '../domain/same-day.js';
import { type PrenoteStanding, RecipientResults } from './results.js';
import type { Prenote } from '../api/ach.js';
import { emailKey, eventId, noticeEmail, transferRequest } from './plan.js';

export type { RecipientResult, RecipientStatus } from './results.js';

export interface Receipt {
  grantId: string;
  program: string;
  agency: string;
  /** `waiting`: payments to new accounts wait for their prenotes (nothing else left to do now). */
  status: 'complete' | 'follow-ups-pending' | 'interrupted' | 'refusals' | 'waiting';
  recipients: RecipientResults;
  totals: {
    recipients: number;
    paidNow: number;
    alreadyDisbursed: number;
    refused: number;
    notSent: number;
    /** Payments waiting for their account's prenote, and held by the bank's answer to it. */
    waiting: number;
    held: number;
    paidNowCents: number;
    disbursedCents: number;
  };
  /** The first day `--resume` pays a waiting payment (null: none waits). */
  payableFrom: string | null;
  files: {
    fileId: string;
    path: string;
    entries: number;
    totalCreditCents: number;
    entryHash: number;
    /** The effective entry dates its batch headers carry (YYYY-MM-DD): when the money settles. */
    effectiveDates: string[];
    valid: boolean;
    problems: string[];
  }[];
  pending: { analytics: number; email: number; reason: string[] };
  /** When the money settles (the files' effective entry date), and for Same Day ACH the bank's window it was sent for. */
  settlement: { date: string | null; sameDay: boolean; window: string | null };
  /** Names longer than the NACHA Individual Name field (22): the file carries them cut; everything else keeps them whole. */
  shortenedNames: { id: string; name: string; nachaName: string }[];
  durationMs: number;
}

export type Progress = { phase: 'transfers' | 'analytics' | 'email' | 'file'; done: number; total: number };

export interface RunOptions {
  batchSize?: number;
  /** Transfer batches sent at once (default 2). */
  batchesInFlight?: number;
  onProgress?: (p: Progress) => void;
  /** Checked between batches: Ctrl-C stops after the batches in flight. */
  shouldStop?: () => boolean;
  /**
   * How long one batch is sent again while the ACH service cannot answer (no instance, an
   * instance that timed out or went away, its store busy) or another request still holds some of
   * its keys. Default 2 minutes; then the run fails and `--resume` finishes it.
   */
  retryForMs?: number;
  /** At most this many entries per NACHA file (the ACH service's default, 20,000, when not given). */
  maxFileEntries?: number;
  /** Told each time a batch (or part of it) is sent again, and why. */
  onRetry?: (notice: string) => void;
  /** A Same Day ACH grant: the window it is sent for (src/domain/same-day.ts). */
  sameDay?: SameDayWindow;
}

/** How long a follow-up batch is sent again while its service cannot answer, before the rest is left pending. */
const FOLLOW_UP_GRACE_MS = 5000;

/**
 * Works through `count` batches (`batchAt(k)` makes the k-th when it is its turn) with up to `n`
 * at once. `work` answers false to start no more (a stop asked for, a service gone); a batch that
 * fails does the same, and is thrown once those still in flight are done.
 */
async function inFlight(count: number, batchAt: (k: number) => number[], n: number, work: (batch: number[]) => Promise<boolean>): Promise<void> {
  let next = 0;
  let more = true;
  const worker = async () => {
    while (more && next < count) {
      try {
        more = (await work(batchAt(next++))) && more;
      } catch (err) {
        more = false;
        throw err;
      }
    }
  };
  for (const o of await Promise.allSettled(Array.from({ length: Math.min(n, count) }, worker))) if (o.status === 'rejected') throw o.reason;
}

/**
 * One run of a grant, its phases in order: the transfers in batches (step 3), then the files cut
 * and checked (step 4) beside the follow-ups (step 5), then the receipt. Each phase is a method;
 * what they share (the results by recipient, the files, why follow-ups are pending) is here.
 */
class Disbursement {
  readonly #t0 = Date.now();
  // One result per recipient, in the grant's order (index i is grant.recipients.at(i)), stored by
  // column: a 1,000,000-recipient grant must fit in the CLI's memory budget.
  readonly results: RecipientResults;
  readonly #pendingReasons = new Set<string>();
  readonly #files: Receipt['files'] = [];
  #interrupted = false;
  readonly #retryForMs: number;

  constructor(
    private readonly client: HmsopsClient,
    private readonly grant: Grant,
    private readonly opts: RunOptions,
  ) {
    this.results = new RecipientResults(grant.recipients);
    this.#retryForMs = opts.retryForMs ?? 120_000;
  }

  /** What the SDK says before it sends a call again, as the run's notice. */
  #retried(what: string) {
    return (why: string, waitMs: number) => this.opts.onRetry?.(`${why}; sending ${what} again in ${(waitMs / 1000).toFixed(1)} s`);
  }

  /**
   * Step 3: two batches in flight, so one ACH instance checks its batch while the other writes
   * (the gateway spreads them); every transfer carries its key, so the order does not matter.
   */
  async submitTransfers() {
    const { client, grant, opts, results } = this;
    const n = grant.recipients.length;
    const batchSize = opts.batchSize ?? 5000;
    const retryForMs = this.#retryForMs;
    // Batches are made when their turn comes: a million indices in chunks, all made up front, are
    // tens of megabytes the CLI does not need to hold.
    const batchAt = (k: number) => Array.from({ length: Math.min(n, (k + 1) * batchSize) - k * batchSize }, (_, j) => k * batchSize + j);
    let done = 0;
    await inFlight(Math.ceil(n / batchSize), batchAt, opts.batchesInFlight ?? 2, async (batch) => {
      if (opts.shouldStop?.()) {
        this.#interrupted = true;
        return false;
      }
      // Every transfer carries its key: the SDK sends the batch again while the answer is "not now"
      // (an instance that froze or died with it half done has its work replayed), and the keys
      // another request still holds once they are free; never a recipient twice.
      const { results: answers } = await client.payments.transferBatch(
        batch.map((i) => transferRequest(grant, grant.recipients.at(i))),
        { retryForMs, onRetry: this.#retried(`the batch of ${batch.length}`) },
      );
      for (const item of answers) {
        const i = batch[item.index]!;
        if (item.transfer) results.transferred(i, item.status === 201 ? 'paid' : 'already-disbursed', item.transfer);
        else if (item.prenote) results.prenoted(i, 'waiting', standing(item.prenote));
        else if (item.error?.code === 'PRENOTE_ANSWERED' && isPrenote(answeredPrenote(item.error)))
          results.prenoted(i, 'held', standing(answeredPrenote(item.error) as Prenote), item.error.message);
        else if (item.error?.code === 'IDEMPOTENCY_KEY_REUSED') results.refused(i, 'already disbursed with other details (amount, account...); not paid again');
        else results.refused(i, `${item.error?.message ?? 'refused'}${item.error?.fields?.length ? `: ${item.error.fields.map((f) => `${f.field} ${f.reason}`).join('; ')}` : ''}`);
      }
      done += batch.length;
      opts.onProgress?.({ phase: 'transfers', done, total: n });
      return true;
    });
  }

  /**
   * Step 4: one cut takes what fits in one file (20,000 entries, $9,999,999,999.99): cut until none
   * is left. Each file is downloaded and checked while the next is cut; only its problems are kept.
   */
  async cutAndVerify() {
    if (this.#interrupted) return;
    const { client, grant, opts, results } = this;
    const retryForMs = this.#retryForMs;
    const checks = new Map<string, Promise<{ problems: string[]; effectiveDates: string[] } | { error: unknown }>>();
    // Each count once: the last cut's and the final count are often the same (file: 1/1).
    let said = '';
    const fileProgress = (done: number, total: number) => {
      if (`${done}/${total}` === said) return;
      said = `${done}/${total}`;
      opts.onProgress?.({ phase: 'file', done, total });
    };
    const check = (fileId: string) =>
      client.payments.downloadFile(fileId, { retryForMs, onRetry: this.#retried(`file ${fileId}`) }).then(
        (text) => {
          const read = readNachaFile(text, { keepEntries: false });
          return { problems: read.problems.map(formatNachaProblem), effectiveDates: read.summary.effectiveEntryDates.map(yymmddToIso).sort() };
        },
        (error: unknown) => ({ error }),
      );
    // How many files this run cuts in all, guessed from what it paid (the list below says).
    const expected = Math.ceil((results.count('paid') + results.count('already-disbursed')) / (opts.maxFileEntries ?? 20_000));
    for (;;) {
      const cut = await client.payments.cutFile({ grantId: grant.id, maxEntries: opts.maxFileEntries }, { retryForMs, onRetry: this.#retried("the grant's file cut") });
      if (cut.fileId === null) break;
      checks.set(cut.fileId, check(cut.fileId));
      fileProgress(checks.size, Math.max(expected, checks.size));
    }
    const { files: all } = await client.payments.files({ grantId: grant.id }, { retryForMs, onRetry: this.#retried("the grant's file list") });
    for (const f of all) {
      const checked = await (checks.get(f.fileId) ?? check(f.fileId));
      checks.delete(f.fileId);
      if ('error' in checked) throw checked.error;
      this.#files.push({
        fileId: f.fileId,
        path: f.path,
        entries: f.entries,
        totalCreditCents: f.totalCreditCents,
        entryHash: f.entryHash,
        effectiveDates: checked.effectiveDates,
        valid: checked.problems.length === 0,
        problems: checked.problems,
      });
    }
    if (all.length > 0) fileProgress(all.length, all.length);
  }

  /**
   * Step 5, for recipients whose transfer exists: a non-critical follow-up in batches, two in
   * flight; when its service is unavailable, the rest stays pending. A service that is only busy
   * for a moment (unready for a probe or two under load) is given a few seconds first: every event
   * and notice carries its key, so sending one again is safe.
   */
  async #followUp(phase: 'analytics' | 'email', service: string, size: number, send: (batch: number[], call: CallOptions) => Promise<void>) {
    const withTransfer = this.results.withTransfer();
    let done = 0;
    const batchAt = (k: number) => Array.from(withTransfer.subarray(k * size, (k + 1) * size));
    await inFlight(Math.ceil(withTransfer.length / size), batchAt, 2, async (batch) => {
      try {
        await send(batch, { retryForMs: FOLLOW_UP_GRACE_MS, onRetry: this.#retried(`${phase === 'email' ? 'notices' : 'analytics events'} of ${batch.length}`) });
      } catch (err) {
        // Still "not now" after the grace: left pending for --resume. Anything else is the run's.
        if (!mayRetry(err, true)) throw err;
        this.#pendingReasons.add(`${service}: ${(err as Error).message}`);
        return false;
      }
      done += batch.length;
      this.opts.onProgress?.({ phase, done, total: withTransfer.length });
      return true;
    });
  }

  /** Step 5: an analytics event and a notice for each recipient paid. */
  async followUps() {
    const { client, grant, results } = this;
    await this.#followUp('analytics', 'analytics', 2500, async (batch, call) => {
      await client.analytics.trackEvents(
        batch.map((i) => {
          const r = grant.recipients.at(i);
          return {
            id: eventId(grant.id, r.id),
            type: 'disbursement.transfer',
            at: results.createdAt(i)!,
            grantId: grant.id,
            amountCents: r.amountCents,
            status: 'queued',
            attributes: { recipientId: r.id, traceNumber: results.traceNumber(i), secCode: r.secCode },
          };
        }),
        call,
      );
      for (const i of batch) results.analyticsRecorded(i);
    });
    // Notices in batches of 1,000: one batch is one write transaction in the messaging service.
    await this.#followUp('email', 'messaging', 1000, async (batch, call) => {
      const r = await client.messaging.sendEmails(
        batch.map((i) => {
          const r = grant.recipients.at(i);
          return { idempotencyKey: emailKey(grant.id, r.id), ...noticeEmail(grant, r, results.traceNumber(i)!) };
        }),
        call,
      );
      for (const item of r.results) if (item.status < 400) results.emailQueued(batch[item.index]!);
    });
  }

  receipt(): Receipt {
    const { grant, results } = this;
    const files = this.#files;
    const pending = { analytics: results.pending('analytics'), email: results.pending('email'), reason: [...this.#pendingReasons] };
    const totals = {
      recipients: results.length,
      paidNow: results.count('paid'),
      alreadyDisbursed: results.count('already-disbursed'),
      refused: results.count('refused'),
      notSent: results.count('not-sent'),
      waiting: results.count('waiting'),
      held: results.count('held'),
      paidNowCents: results.cents('paid'),
      disbursedCents: results.cents('paid', 'already-disbursed'),
    };
    const status: Receipt['status'] = this.#interrupted
      ? 'interrupted'
      : totals.refused + totals.held > 0
        ? 'refusals'
        : pending.analytics + pending.email > 0
          ? 'follow-ups-pending'
          : totals.waiting > 0
            ? 'waiting'
            : 'complete';
    let payableFrom: string | null = null;
    for (const w of results.waiting()) if (!payableFrom || w.prenote!.payableFrom < payableFrom) payableFrom = w.prenote!.payableFrom;
    const width = NACHA_NAME_WIDTH.individualName;
    const shortenedNames: Receipt['shortenedNames'] = [];
    for (let i = 0; i < grant.recipients.length; i++) {
      const name = grant.recipients.name(i);
      if (name.length > width && foldToNacha(name).length > width) shortenedNames.push({ id: grant.recipients.id(i), name, nachaName: nachaFieldText(name, width) });
    }
    const { sameDay } = this.opts;
    const settlement = { date: sameDay?.date ?? grant.effectiveDate ?? files[0]?.effectiveDates[0] ?? null, sameDay: Boolean(sameDay), window: sameDay?.cutoff ?? null };
    return {
      grantId: grant.id,
      program: grant.program,
      agency: grant.agency,
      status,
      recipients: results,
      totals,
      payableFrom,
      files,
      pending,
      settlement,
      shortenedNames,
      durationMs: Date.now() - this.#t0,
    };
  }
}

export async function runDisbursement(client: HmsopsClient, grant: Grant, opts: RunOptions = {}): Promise<Receipt> {
  const run = new Disbursement(client, grant, opts);
  await run.submitTransfers();
  // Steps 4 and 5 side by side: the ACH service cuts (one instance, the write lock) while the CLI,
  // analytics and messaging record the follow-ups; messaging delivers few while notices arrive.
  // Both run to their end; then the first failure (the files' before the follow-ups') is thrown.
  for (const o of await Promise.allSettled([run.cutAndVerify(), run.followUps()])) if (o.status === 'rejected') throw o.reason;
  return run.receipt();
}

/** The prenote a PRENOTE_ANSWERED item error carries (its body's further fields). */
const answeredPrenote = (error: object): unknown => (error as { prenote?: unknown }).prenote;
const isPrenote = (p: unknown): p is Prenote => typeof p === 'object' && p !== null && typeof (p as Prenote).payableFrom === 'string';

/** What the receipt keeps of a recipient's prenote. */
const standing = (p: Prenote): PrenoteStanding => ({
  traceNumber: p.traceNumber,
  payableFrom: p.payableFrom,
  answer: p.answer ? `${p.answer.code} ${p.answer.description}${p.answer.correctedData ? `: ${p.answer.correctedData.trim()}` : ''}` : null,
});

/** A NACHA date (YYMMDD, this century) as YYYY-MM-DD. */
const yymmddToIso = (d: string) => `20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
