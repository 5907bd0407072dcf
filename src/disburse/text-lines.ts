import { isAscii } from 'node:buffer';

/**
 * A file's lines, decoded one at a time from its bytes. A 100,000-recipient grant is ~900,000
 * lines and 19 MB; splitting it into strings up front held both the text and every line at once.
 * Lines keep a trailing '\r' as `text.split('\n')` would.
 */
export class TextLines {
  readonly length: number;
  readonly #starts: Uint32Array;
  /** Plain ASCII (the usual grant) decodes faster as latin1, to the same text. */
  readonly #encoding: 'latin1' | 'utf8';

  constructor(private readonly bytes: Buffer) {
    this.#encoding = isAscii(bytes) ? 'latin1' : 'utf8';
    let count = 1;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) count++;
    this.#starts = new Uint32Array(count + 1);
    let n = 1;
    for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) this.#starts[n++] = i + 1;
    this.#starts[count] = bytes.length + 1; // as if a '\n' followed the last line
    this.length = count;
  }

  at(n: number): string {
    return this.bytes.toString(this.#encoding, this.#starts[n]!, this.#starts[n + 1]! - 1);
  }

  /** Lines a (inclusive) to b (exclusive), joined with '\n'. */
  text(a: number, b = this.length): string {
    if (a >= b) return '';
    return this.bytes.toString(this.#encoding, this.#starts[a]!, this.#starts[b]! - 1);
  }

  /**
   * Line n's layout without decoding it: how many whitespace bytes it starts with, and the byte
   * after them (-1 for a blank line) and the one after that (-1 at the end of the line).
   */
  shape(n: number): { indent: number; first: number; second: number } {
    const s = this.#starts[n]!;
    const e = this.#starts[n + 1]! - 1;
    let i = s;
    while (i < e && isSpace(this.bytes[i]!)) i++;
    return { indent: i - s, first: i < e ? this.bytes[i]! : -1, second: i + 1 < e ? this.bytes[i + 1]! : -1 };
  }

  /** Whether line n starts with `prefix` (ASCII), without decoding it. */
  startsWith(n: number, prefix: string): boolean {
    const s = this.#starts[n]!;
    if (this.#starts[n + 1]! - 1 - s < prefix.length) return false;
    for (let i = 0; i < prefix.length; i++) if (this.bytes[s + i] !== prefix.charCodeAt(i)) return false;
    return true;
  }
}

/** JavaScript's \s within ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
const isSpace = (b: number) => b === 32 || (b >= 9 && b <= 13);
