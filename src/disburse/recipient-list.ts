/**
 * A grant's recipients in the grant's order, stored by column (columns.ts): `at(i)` gives one as
 * an object, built when asked. 1,000,000 recipients take ~100 MB here instead of ~300 MB as objects.
 */
import { grow, NineDigitColumn, resized, StringColumn } from './columns.js';

/** One recipient of a grant, as the grant reader converts it. */
export interface GrantRecipient {
  id: string;
  name: string;
  email: string;
  routing: string;
  account: string;
  accountType: 'checking' | 'savings';
  amountCents: number;
  secCode: 'CCD' | 'PPD';
}

/** Recipients pushed before the columns are sized for the expected count. */
const SAMPLE = 1000;
const SAVINGS = 1;
const PPD = 2;

export class RecipientList implements Iterable<GrantRecipient> {
  readonly #id = new StringColumn();
  readonly #name = new StringColumn();
  readonly #email = new StringColumn();
  readonly #routing = new NineDigitColumn();
  readonly #account = new StringColumn();
  #amountCents = new Float64Array(256);
  #flags = new Uint8Array(256);
  #length = 0;

  readonly #expected: number;

  /** `expected`: how many recipients will be pushed, when known (the columns are sized once). */
  constructor(expected = 0) {
    this.#expected = expected;
  }

  static of(recipients: Iterable<GrantRecipient>): RecipientList {
    const list = new RecipientList();
    for (const r of recipients) list.push(r);
    return list;
  }

  get length(): number {
    return this.#length;
  }

  push(r: GrantRecipient): void {
    const i = this.#length++;
    if (i === SAMPLE && this.#expected > i) {
      // The first recipients tell how big the rest will be: size every column once.
      for (const c of [this.#id, this.#name, this.#email, this.#routing, this.#account]) c.reserve(this.#expected);
      this.#amountCents = resized(this.#amountCents, this.#expected);
      this.#flags = resized(this.#flags, this.#expected);
    }
    if (i === this.#flags.length) {
      this.#amountCents = grow(this.#amountCents);
      this.#flags = grow(this.#flags);
    }
    this.#id.push(r.id);
    this.#name.push(r.name);
    this.#email.push(r.email);
    this.#routing.push(r.routing);
    this.#account.push(r.account);
    this.#amountCents[i] = r.amountCents;
    this.#flags[i] = (r.accountType === 'savings' ? SAVINGS : 0) | (r.secCode === 'PPD' ? PPD : 0);
  }

  /**
   * Once every recipient is in: the room reserved for more is given back, a column at a time (each
   * is copied; `between` may collect the one it replaced before the next is copied).
   */
  trim(between: () => void = () => undefined): void {
    for (const c of [this.#id, this.#name, this.#email, this.#routing, this.#account]) {
      c.trim();
      between();
    }
    this.#amountCents = this.#amountCents.slice(0, this.#length);
    this.#flags = this.#flags.slice(0, this.#length);
  }

  at(i: number): GrantRecipient {
    if (!(i >= 0 && i < this.#length)) throw new RangeError(`no recipient ${i} of ${this.#length}`);
    const flags = this.#flags[i]!;
    return {
      id: this.#id.at(i),
      name: this.#name.at(i),
      email: this.#email.at(i),
      routing: this.#routing.at(i),
      account: this.#account.at(i),
      accountType: flags & SAVINGS ? 'savings' : 'checking',
      amountCents: this.#amountCents[i]!,
      secCode: flags & PPD ? 'PPD' : 'CCD',
    };
  }

  /** One field without building the recipient. */
  id(i: number): string {
    return this.#id.at(i);
  }

  name(i: number): string {
    return this.#name.at(i);
  }

  amountCents(i: number): number {
    return this.#amountCents[i]!;
  }

  routing(i: number): string {
    return this.#routing.at(i);
  }

  *[Symbol.iterator](): Iterator<GrantRecipient> {
    for (let i = 0; i < this.#length; i++) yield this.at(i);
  }

  map<T>(fn: (r: GrantRecipient, i: number) => T): T[] {
    const out: T[] = new Array(this.#length);
    for (let i = 0; i < this.#length; i++) out[i] = fn(this.at(i), i);
    return out;
  }

  /** As JSON: the plain array (for small grants; big ones are written a piece at a time). */
  toJSON(): GrantRecipient[] {
    return this.map((r) => r);
  }
}
