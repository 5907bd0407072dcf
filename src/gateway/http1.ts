/** HTTP/1.1 framing shared by the gateway's two sides: strict head parsing and chunked bodies. */

export class FramingError extends Error {}

/** Headers that describe one connection, never forwarded (RFC 9110 section 7.6.1). */
export const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect']);

export const CRLF2 = Buffer.from('\r\n\r\n');

// tchar (RFC 9110 section 5.6.2): the characters a header name may have.
const TCHAR = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~") TCHAR[c.charCodeAt(0)] = 1;
for (let c = 48; c < 58; c++) TCHAR[c] = 1;
for (let c = 65; c < 91; c++) TCHAR[c] = TCHAR[c + 32] = 1;

const malformed = (line: string) => new FramingError(`malformed header line "${line.slice(0, 40)}"`);

/**
 * Walks the header lines of a head, each ending in CRLF, and checks each as RFC 9110 section 5
 * says: token ":" OWS field-value OWS, no control characters but HTAB. Positions rather than
 * strings: the gateway reads every header of every request and answer, and most of them only
 * need to be copied on as they are, a run of whole lines at a time (`lineStart` to `lineEnd`).
 */
export class HeaderCursor {
  lineStart = 0;
  nameEnd = 0;
  valueStart = 0;
  valueEnd = 0;
  /** Just past the line's CRLF. */
  lineEnd = 0;

  /** `head`: from `from` on, header lines each ending in CRLF (the head's blank line left out). */
  constructor(readonly head: string, from: number) {
    this.lineEnd = from;
  }

  /** Moves to the next line; false at the end. Throws FramingError on a malformed line. */
  next(): boolean {
    const head = this.head;
    const start = this.lineEnd;
    if (start >= head.length) return false;
    let end = head.indexOf('\r\n', start);
    if (end < 0) end = head.length;
    let colon = start;
    for (; colon < end; colon++) {
      const ch = head.charCodeAt(colon);
      if (ch === 58) break;
      if (ch > 127 || TCHAR[ch] === 0) throw malformed(head.slice(start, end));
    }
    if (colon === start || colon === end) throw malformed(head.slice(start, end));
    let vs = colon + 1;
    while (vs < end && (head.charCodeAt(vs) === 32 || head.charCodeAt(vs) === 9)) vs++;
    let ve = end;
    while (ve > vs && (head.charCodeAt(ve - 1) === 32 || head.charCodeAt(ve - 1) === 9)) ve--;
    for (let k = vs; k < ve; k++) {
      const ch = head.charCodeAt(k);
      if ((ch < 32 && ch !== 9) || ch === 127) throw malformed(head.slice(start, end));
    }
    this.lineStart = start;
    this.nameEnd = colon;
    this.valueStart = vs;
    this.valueEnd = ve;
    this.lineEnd = end + 2;
    return true;
  }

  get nameLength(): number {
    return this.nameEnd - this.lineStart;
  }

  name(): string {
    return this.head.slice(this.lineStart, this.nameEnd);
  }

  value(): string {
    return this.head.slice(this.valueStart, this.valueEnd);
  }
}

/** Lengths of the names in `names`, for a quick "could this header be one of them" before lower-casing a name. */
export function nameLengths(names: Iterable<string>): Uint8Array {
  const lengths = new Uint8Array(256);
  for (const n of names) if (n.length < 256) lengths[n.length] = 1;
  return lengths;
}

/** A content-length value: digits only; a repeated header must repeat the same value. */
export function contentLength(value: string, previous: number | undefined): number {
  if (!/^\d{1,15}$/.test(value)) throw new FramingError(`invalid content-length "${value.slice(0, 20)}"`);
  const n = Number(value);
  if (previous !== undefined && previous !== n) throw new FramingError('conflicting content-length headers');
  return n;
}

/**
 * Decodes a chunked body incrementally: `decode` takes what arrived, hands the data to `out`,
 * and returns where it stopped (at the end of the input, or just past the body's last byte).
 */
export class ChunkedDecoder {
  done = false;
  /** false once `out` asked to slow down (its write returned false). */
  flowing = true;
  #phase: 'size' | 'data' | 'crlf' | 'trailers' = 'size';
  #remaining = 0;
  #line = '';

  decode(buf: Buffer, from: number, out: (b: Buffer) => boolean): number {
    let off = from;
    while (off < buf.length && !this.done) {
      if (this.#phase === 'data') {
        const n = Math.min(this.#remaining, buf.length - off);
        if (!out(buf.subarray(off, off + n))) this.flowing = false;
        this.#remaining -= n;
        off += n;
        if (this.#remaining === 0) this.#phase = 'crlf';
      } else if (this.#phase === 'crlf') {
        // The CRLF after a chunk's data, which may arrive split across reads: #remaining counts its bytes.
        if (buf[off] !== (this.#remaining === 0 ? 13 : 10)) throw new FramingError('malformed chunked body');
        off++;
        if (++this.#remaining === 2) {
          this.#remaining = 0;
          this.#phase = 'size';
        }
      } else {
        const nl = buf.indexOf(10, off);
        const end = nl < 0 ? buf.length : nl;
        this.#line += buf.toString('latin1', off, end);
        if (this.#line.length > 8192) throw new FramingError('a line in the chunked body is over 8 KiB');
        if (nl < 0) return buf.length;
        off = nl + 1;
        if (!this.#line.endsWith('\r')) throw new FramingError('a line in the chunked body does not end in CRLF');
        const line = this.#line.slice(0, -1);
        this.#line = '';
        if (this.#phase === 'trailers') {
          if (line === '') this.done = true; // trailer fields are dropped
          continue;
        }
        const hex = line.split(';', 1)[0]!.trim();
        if (!/^[0-9a-fA-F]{1,8}$/.test(hex)) throw new FramingError(`malformed chunk size "${hex.slice(0, 20)}"`);
        this.#remaining = parseInt(hex, 16);
        this.#phase = this.#remaining === 0 ? 'trailers' : 'data';
      }
    }
    return off;
  }
}

const REASONS: Record<number, string> = {
  100: 'Continue', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Content Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 423: 'Locked', 428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
};
export const reasonPhrase = (status: number) => REASONS[status] ?? 'Unknown';
