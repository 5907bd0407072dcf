/**
 * A strict reader of HTTP/1.1 answers as a test sees them on a socket: the status line, header
 * lines, and a body framed by content-length (digits only, one), chunked (hex sizes, no
 * extensions, CRLF everywhere) or the connection's close. It takes only well-formed answers (what
 * node:http writes) and stops at the first byte it does not understand: a test's reference for
 * "what a client reads" stays node:http's client; this only splits what the gateway wrote.
 */

export interface Answer {
  status: number;
  versionMajor: number;
  rawHeaders: string[];
  body: string;
  complete: boolean;
}

export interface Reading {
  /** Final answers (1xx interim ones skipped), the last possibly incomplete. */
  answers: Answer[];
  /** Every byte read as whole answers, nothing left over and nothing refused. */
  clean: boolean;
}

const STATUS_LINE = /^HTTP\/(\d)\.(\d) (\d{3})(?: [\t\x20-\x7e\x80-\xff]*)?$/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([\t\x20-\x7e\x80-\xff]*?)[ \t]*$/;

/** Splits `bytes` (latin1) into answers; `requestMethods[i]` is the method of the i-th request (HEAD answers have no body). */
export function readAnswers(bytes: Buffer, requestMethods: string[] = [], ended = true): Reading {
  const text = bytes.toString('latin1');
  const answers: Answer[] = [];
  let at = 0;
  const incomplete = (a: Answer): Reading => ({ answers: [...answers, a], clean: false });
  while (at < text.length) {
    const headEnd = text.indexOf('\r\n\r\n', at);
    if (headEnd < 0) return { answers, clean: false };
    const lines = text.slice(at, headEnd).split('\r\n');
    const status = STATUS_LINE.exec(lines[0]!);
    if (!status) return { answers, clean: false };
    const rawHeaders: string[] = [];
    for (const line of lines.slice(1)) {
      const h = HEADER_LINE.exec(line);
      if (!h) return { answers, clean: false };
      rawHeaders.push(h[1]!, h[2]!);
    }
    const code = Number(status[3]);
    const answer: Answer = { status: code, versionMajor: Number(status[1]), rawHeaders, body: '', complete: false };
    at = headEnd + 4;
    if (code < 200) continue; // interim: the final answer follows
    const values = (name: string) => rawHeaders.filter((_, i) => i % 2 === 1 && rawHeaders[i - 1]!.toLowerCase() === name);
    const lengths = values('content-length');
    const codings = values('transfer-encoding');
    if (requestMethods[answers.length] === 'HEAD' || code === 204 || code === 304) {
      answer.complete = true;
    } else if (codings.length) {
      if (codings.join(',').toLowerCase() !== 'chunked' || lengths.length) return { answers, clean: false };
      let body = '';
      for (;;) {
        const sizeEnd = text.indexOf('\r\n', at);
        if (sizeEnd < 0) return incomplete({ ...answer, body });
        const sizeText = text.slice(at, sizeEnd);
        if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) return { answers, clean: false };
        const size = parseInt(sizeText, 16);
        at = sizeEnd + 2;
        if (size === 0) {
          if (text.startsWith('\r\n', at)) at += 2;
          else if (text.length - at < 2) return incomplete({ ...answer, body });
          else return { answers, clean: false }; // trailers are not written by node:http here
          break;
        }
        if (text.length < at + size + 2) return incomplete({ ...answer, body: body + text.slice(at) });
        body += text.slice(at, at + size);
        if (!text.startsWith('\r\n', at + size)) return { answers, clean: false };
        at += size + 2;
      }
      answer.body = body;
      answer.complete = true;
    } else if (lengths.length) {
      if (lengths.length > 1 || !/^\d{1,15}$/.test(lengths[0]!)) return { answers, clean: false };
      const n = Number(lengths[0]);
      if (text.length < at + n) return incomplete({ ...answer, body: text.slice(at) });
      answer.body = text.slice(at, at + n);
      answer.complete = true;
      at += n;
    } else {
      // Delimited by the close: whole only once the connection has ended.
      answer.body = text.slice(at);
      answer.complete = ended;
      answers.push(answer);
      return { answers, clean: false };
    }
    answers.push(answer);
  }
  return { answers, clean: true };
}
