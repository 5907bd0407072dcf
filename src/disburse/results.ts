/**
 * What became of each recipient of a run, in the grant's order, stored by column (columns.ts):
 * `at(i)` gives one as the receipt shows it. Name, id and amount are read from the grant's list.
 */
import { IdColumn } from './columns.js';
import type { RecipientList } from './recipient-list.js';

/**
 * `waiting`: no payment yet, its account's prenote goes first (`--resume` pays it once payable);
 * `held`: the bank answered that prenote with a return or a change, nothing is paid until the
 * grant gives the account the bank says.
 */
export type RecipientStatus = 'paid' | 'already-disbursed' | 'refused' | 'not-sent' | 'waiting' | 'held';

/** Where a recipient's payment stands with its account's prenote. */
export interface PrenoteStanding {
  traceNumber: string;
  payableFrom: string;
  /** What the bank answered, when it did: `R03 No Account/Unable to Locate Account`. */
  answer: string | null;
}

export interface RecipientResult {
  id: string;
  name: string;
  amountCents: number;
  status: RecipientStatus;
  transferId: string | null;
  traceNumber: string | null;
  error: string | null;
  /** For `waiting` and `held`: the account's prenote. */
  prenote: PrenoteStanding | null;
  analytics: 'recorded' | 'pending';
  email: 'queued' | 'pending';
}

const STATUSES: RecipientStatus[] = ['not-sent', 'paid', 'already-disbursed', 'refused', 'waiting', 'held'];
const PAID = 1;
const ALREADY = 2;

export class RecipientResults implements Iterable<RecipientResult> {
  readonly #status: Uint8Array;
  readonly #transferId: IdColumn;
  /** Trace numbers are 15 digits: exact as a double. NaN: none. */
  readonly #trace: Float64Array;
  readonly #otherTrace = new Map<number, string>();
  /** When the ACH service stored the transfer (ms; NaN: none), for the analytics event. */
  readonly #createdAt: Float64Array;
  readonly #errors = new Map<number, string>();
  readonly #prenotes = new Map<number, PrenoteStanding>();
  readonly #analytics: Uint8Array;
  readonly #email: Uint8Array;

  constructor(private readonly recipients: RecipientList) {
    const n = recipients.length;
    this.#status = new Uint8Array(n);
    this.#transferId = new IdColumn(n);
    this.#trace = new Float64Array(n).fill(Number.NaN);
    this.#createdAt = new Float64Array(n).fill(Number.NaN);
    this.#analytics = new Uint8Array(n);
    this.#email = new Uint8Array(n);
  }

  get length(): number {
    return this.recipients.length;
  }

  /** The transfer exists: made now (`paid`) or by an earlier run (`already-disbursed`). */
  transferred(i: number, status: 'paid' | 'already-disbursed', t: { id: string; traceNumber: string; createdAt: string }): void {
    this.#status[i] = STATUSES.indexOf(status);
    this.#transferId.set(i, t.id);
    if (/^\d{15}$/.test(t.traceNumber)) this.#trace[i] = Number(t.traceNumber);
    else this.#otherTrace.set(i, t.traceNumber);
    this.#createdAt[i] = Date.parse(t.createdAt);
    this.#errors.delete(i);
    this.#prenotes.delete(i);
  }

  refused(i: number, error: string): void {
    this.#status[i] = STATUSES.indexOf('refused');
    this.#errors.set(i, error);
  }

  /** No payment yet: it waits for its account's prenote (`waiting`), or the bank answered that prenote (`held`, with why). */
  prenoted(i: number, status: 'waiting' | 'held', prenote: PrenoteStanding, error?: string): void {
    this.#status[i] = STATUSES.indexOf(status);
    this.#prenotes.set(i, prenote);
    if (error) this.#errors.set(i, error);
  }

  /** The recipients whose payment waits for a prenote, in the grant's order. */
  *waiting(): Generator<RecipientResult> {
    for (const i of [...this.#prenotes.keys()].sort((a, b) => a - b)) if (this.status(i) === 'waiting') yield this.at(i);
  }

  status(i: number): RecipientStatus {
    return STATUSES[this.#status[i]!]!;
  }

  /** The recipients whose transfer exists (made now or before), in the grant's order. */
  withTransfer(): Uint32Array {
    let n = 0;
    for (let i = 0; i < this.#status.length; i++) if (this.#status[i] === PAID || this.#status[i] === ALREADY) n++;
    const out = new Uint32Array(n);
    for (let i = 0, k = 0; i < this.#status.length; i++) if (this.#status[i] === PAID || this.#status[i] === ALREADY) out[k++] = i;
    return out;
  }

  traceNumber(i: number): string | null {
    const t = this.#trace[i]!;
    if (!Number.isNaN(t)) return String(t).padStart(15, '0');
    return this.#otherTrace.get(i) ?? null;
  }

  createdAt(i: number): string | null {
    const ms = this.#createdAt[i]!;
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }

  analyticsRecorded(i: number): void {
    this.#analytics[i] = 1;
  }

  emailQueued(i: number): void {
    this.#email[i] = 1;
  }

  /** Recipients with this status. */
  count(status: RecipientStatus): number {
    const code = STATUSES.indexOf(status);
    let n = 0;
    for (let i = 0; i < this.#status.length; i++) if (this.#status[i] === code) n++;
    return n;
  }

  /** Sum of the amounts of recipients with one of these statuses. */
  cents(...statuses: RecipientStatus[]): number {
    const codes = statuses.map((s) => STATUSES.indexOf(s));
    let sum = 0;
    for (let i = 0; i < this.#status.length; i++) if (codes.includes(this.#status[i]!)) sum += this.recipients.amountCents(i);
    return sum;
  }

  /** Transfers whose analytics event (or notice) is still to be sent. */
  pending(kind: 'analytics' | 'email'): number {
    const flags = kind === 'analytics' ? this.#analytics : this.#email;
    let n = 0;
    for (let i = 0; i < flags.length; i++) if (!flags[i] && (this.#status[i] === PAID || this.#status[i] === ALREADY)) n++;
    return n;
  }

  at(i: number): RecipientResult {
    return {
      id: this.recipients.id(i),
      name: this.recipients.name(i),
      amountCents: this.recipients.amountCents(i),
      status: this.status(i),
      transferId: this.#transferId.at(i),
      traceNumber: this.traceNumber(i),
      error: this.#errors.get(i) ?? null,
      prenote: this.#prenotes.get(i) ?? null,
      analytics: this.#analytics[i] ? 'recorded' : 'pending',
      email: this.#email[i] ? 'queued' : 'pending',
    };
  }

  /** The refused and the held, in the grant's order. */
  *refusals(): Generator<RecipientResult> {
    for (const i of [...this.#errors.keys()].sort((a, b) => a - b)) yield this.at(i);
  }

  *[Symbol.iterator](): Iterator<RecipientResult> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  toJSON(): RecipientResult[] {
    return [...this];
  }
}
