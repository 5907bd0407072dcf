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
 * Splits `name: value` lines (CRLF between them) into a flat [name, value, ...] list; throws on
 * anything malformed: token ":" OWS field-value OWS, no control characters but HTAB (RFC 9110
 * section 5). A loop rather than a regular expression: it runs for every header of every request
 * and answer, and is a third quicker.
 */
export function parseHeaderLines(lines: string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const n = line.length;
    let colon = 0;
    for (; colon < n; colon++) {
      const ch = line.charCodeAt(colon);
      if (ch === 58) break;
      if (ch > 127 || TCHAR[ch] === 0) throw malformed(line);
    }
    if (colon === 0 || colon === n) throw malformed(line);
    let start = colon + 1;
    while (start < n && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
    let end = n;
    while (end > start && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
    for (let k = start; k < end; k++) {
      const ch = line.charCodeAt(k);
      if ((ch < 32 && ch !== 9) || ch === 127) throw malformed(line);
    }
    out.push(line.slice(0, colon), line.slice(start, end));
  }
  return out;
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
