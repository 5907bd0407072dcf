import { isAscii } from 'node:buffer';
import fs from 'node:fs';

/**
 * A text's lines, decoded one at a time from its bytes. A 100,000-recipient grant is ~900,000
 * lines and 19 MB; splitting it into strings up front held both the text and every line at once.
 * A file (`TextLines.ofFile`) is not even held whole: a 1,000,000-recipient grant is 190 MB and
 * 9,000,000 lines, more than the CLI may hold, so its lines are read through a window of a few MB
 * that moves down the file with the reader, and where lines start is kept for every 16th line
 * only (the lines between are found again from there; reading in order, as the grant reader does,
 * finds each once). Lines keep a trailing '\r' as `text.split('\n')` would.
 */
export class TextLines {
  readonly length: number;
  /** Where line k * MARK_EVERY starts. */
  readonly #marks: Uint32Array;
  /** The text's size in bytes. */
  readonly #size: number;
  /** Plain ASCII (the usual grant) decodes faster as latin1, to the same text. */
  readonly #encoding: 'latin1' | 'utf8';
  readonly #source: ByteSource;
  /** The last line whose start was found, and that start: the next line starts after its end. */
  #known = { line: 0, start: 0 };

  constructor(bytes: Buffer | { source: ByteSource; size: number; ascii: boolean; inPieces: InPieces }) {
    if (Buffer.isBuffer(bytes)) {
      const all = bytes;
      bytes = { source: memorySource(all), size: all.length, ascii: isAscii(all), inPieces: (visit) => visit(all, 0) };
    }
    this.#source = bytes.source;
    this.#size = bytes.size;
    this.#encoding = bytes.ascii ? 'latin1' : 'utf8';
    const { marks, count } = lineMarks(bytes.inPieces);
    this.#marks = marks;
    this.length = count;
  }

  /** A file's lines: marked in two passes over it in pieces, then read through a window. */
  static ofFile(file: string): TextLines {
    const fd = fs.openSync(file, 'r');
    let handedOver = false;
    try {
      const size = fs.fstatSync(fd).size;
      if (size >= 2 ** 32 - 1) throw new RangeError(`${file} is 4 GB or more`);
      const chunk = Buffer.allocUnsafe(Math.min(WINDOW, size));
      let ascii = true;
      const inPieces: InPieces = (visit) => {
        for (let at = 0; at < size; ) {
          const got = fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
          if (got === 0) break;
          visit(chunk.subarray(0, got), at);
          at += got;
        }
      };
      inPieces((piece) => {
        ascii &&= isAscii(piece);
      });
      const lines = new TextLines({ source: fileSource(fd, size), size, ascii, inPieces });
      handedOver = true;
      return lines;
    } finally {
      if (!handedOver) fs.closeSync(fd);
    }
  }

  /** Lets go of the file (lines outside the last window read cannot be read after). */
  close(): void {
    this.#source.close();
  }

  at(n: number): string {
    const start = this.#start(n);
    return this.#decode(start, this.#end(start));
  }

  /** Lines a (inclusive) to b (exclusive), joined with '\n'. */
  text(a: number, b = this.length): string {
    if (a >= b) return '';
    return this.#decode(this.#start(a), this.#end(this.#start(b - 1)));
  }

  /**
   * Line n's layout without decoding it: how many whitespace bytes it starts with, and the byte
   * after them (-1 for a blank line) and the one after that (-1 at the end of the line).
   */
  shape(n: number): { indent: number; first: number; second: number } {
    const s = this.#start(n);
    const e = this.#end(s);
    const { buf, offset } = this.#source.bytes(s, e);
    let i = s;
    while (i < e && isSpace(buf[i - offset]!)) i++;
    return { indent: i - s, first: i < e ? buf[i - offset]! : -1, second: i + 1 < e ? buf[i + 1 - offset]! : -1 };
  }

  /** Whether line n starts with `prefix` (ASCII), without decoding it. */
  startsWith(n: number, prefix: string): boolean {
    const s = this.#start(n);
    if (this.#end(s) - s < prefix.length) return false;
    const { buf, offset } = this.#source.bytes(s, s + prefix.length);
    for (let i = 0; i < prefix.length; i++) if (buf[s + i - offset] !== prefix.charCodeAt(i)) return false;
    return true;
  }

  /** Where line n starts: from the nearest mark or the last line found before it, line by line. */
  #start(n: number): number {
    if (!(n >= 0 && n < this.length)) throw new RangeError(`no line ${n} of ${this.length}`);
    const mark = n - (n % MARK_EVERY);
    let { line, start } = this.#known;
    if (line > n || line < mark) {
      line = mark;
      start = this.#marks[mark / MARK_EVERY]!;
    }
    for (; line < n; line++) start = this.#end(start) + 1;
    this.#known = { line, start };
    return start;
  }

  /** Where the line starting at `start` ends (its '\n', or the end of the text). */
  #end(start: number): number {
    for (let from = start; from < this.#size; ) {
      const { buf, offset } = this.#source.bytes(from, Math.min(from + 1, this.#size));
      const i = buf.indexOf(10, from - offset);
      if (i >= 0) return offset + i;
      from = offset + buf.length;
    }
    return this.#size;
  }

  #decode(start: number, end: number): string {
    const { buf, offset } = this.#source.bytes(start, end);
    return buf.toString(this.#encoding, start - offset, end - offset);
  }
}

/** How much of a file is read at once. */
const WINDOW = 4 * 1024 * 1024;
/** Every how many lines the start is kept. */
const MARK_EVERY = 16;

type InPieces = (visit: (piece: Buffer, at: number) => void) => void;

/** Bytes [start, end) of the text, found in `buf` at `start - offset` (and maybe more after). */
interface ByteSource {
  bytes(start: number, end: number): { buf: Buffer; offset: number };
  close(): void;
}

function memorySource(all: Buffer): ByteSource {
  const whole = { buf: all, offset: 0 };
  return { bytes: () => whole, close: () => undefined };
}

/** A file read through a window that moves forward with the reader (or to wherever it is asked). */
function fileSource(fd: number, size: number): ByteSource {
  let backing = Buffer.alloc(0);
  let window = { buf: backing, offset: 0 };
  let open = true;
  return {
    bytes(start, end) {
      if (start >= window.offset && end <= window.offset + window.buf.length) return window;
      if (!open) throw new Error('the file was closed');
      const length = Math.min(Math.max(WINDOW, end - start), size - start);
      if (backing.length < length) backing = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const n = fs.readSync(fd, backing, got, length - got, start + got);
        if (n === 0) break;
        got += n;
      }
      window = { buf: backing.subarray(0, got), offset: start };
      return window;
    },
    close() {
      if (open) fs.closeSync(fd);
      open = false;
    },
  };
}

/** How many lines, and where every MARK_EVERY-th starts: newlines counted in one pass, marked in a second. */
function lineMarks(inPieces: InPieces): { marks: Uint32Array; count: number } {
  let count = 1;
  inPieces((piece) => {
    for (let i = piece.indexOf(10); i >= 0; i = piece.indexOf(10, i + 1)) count++;
  });
  const marks = new Uint32Array(Math.ceil(count / MARK_EVERY));
  let line = 1;
  inPieces((piece, at) => {
    for (let i = piece.indexOf(10); i >= 0; i = piece.indexOf(10, i + 1), line++) if (line % MARK_EVERY === 0) marks[line / MARK_EVERY] = at + i + 1;
  });
  return { marks, count };
}

/** JavaScript's \s within ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
const isSpace = (b: number) => b === 32 || (b >= 9 && b <= 13);
