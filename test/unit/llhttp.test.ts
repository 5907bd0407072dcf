// What the gateway relies on from Node's llhttp binding (src/gateway/llhttp.ts): a Node whose
// binding behaves otherwise fails here, not in front of payments.
import { describe, expect, it } from 'vitest';
import { isParseError, Llhttp, type ParsedHead } from '../../src/gateway/llhttp.js';

/** Everything the parser reports for `input` fed in the given pieces. */
function parse(kind: 'request' | 'response', pieces: string[], opts: { skipBody?: boolean } = {}) {
  const events: string[] = [];
  const heads: ParsedHead[] = [];
  const p = new Llhttp(kind, 16 * 1024, {
    headersComplete: (h) => {
      heads.push(h);
      events.push(`head ${h.method || h.statusCode} ${h.url}`);
      return opts.skipBody;
    },
    body: (b) => events.push(`body ${b.toString('latin1')}`),
    messageComplete: () => events.push('complete'),
  });
  let error: string | undefined;
  for (const piece of pieces) {
    const r = p.execute(Buffer.from(piece, 'latin1'));
    if (isParseError(r)) {
      error = r.code;
      break;
    }
  }
  p.close();
  return { events, heads, error };
}

describe('llhttp as the gateway drives it', () => {
  it('frames pipelined requests, chunked and by length, however the bytes are split', () => {
    const input =
      'POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n0\r\nX-T: 1\r\n\r\nPUT /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /c HTTP/1.1\r\nHost: x\r\n\r\n';
    const whole = parse('request', [input]);
    expect(whole.error).toBeUndefined();
    expect(whole.events).toEqual(['head POST /a', 'body Wiki', 'complete', 'head PUT /b', 'body abc', 'complete', 'head GET /c', 'complete']);
    for (let cut = 1; cut < input.length; cut++) {
      const split = parse('request', [input.slice(0, cut), input.slice(cut)]);
      expect(split.error).toBeUndefined();
      // Body bytes may come in two parts where the cut falls inside them.
      expect(split.events.join('|').replace(/body ([a-zA-Z]*)\|body /g, 'body $1')).toBe(whole.events.join('|'));
    }
  });

  it("drops a chunked message's trailers: nothing of them reaches the next message's head", () => {
    const { heads } = parse('request', ['POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n\r\nGET /b HTTP/1.1\r\nHost: y\r\n\r\n']);
    expect(heads.map((h) => [h.url, h.headers])).toEqual([
      ['/a', ['Host', 'x', 'Transfer-Encoding', 'chunked']],
      ['/b', ['Host', 'y']],
    ]);
    const answers = parse('response', ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n\r\nHTTP/1.1 204 No Content\r\nX-N: 2\r\n\r\n']).heads;
    expect(answers.map((h) => h.headers)).toEqual([
      ['Transfer-Encoding', 'chunked'],
      ['X-N', '2'],
    ]);
  });

  it('gives header names as sent and values without surrounding whitespace, more than 32 of them too', () => {
    const many = Array.from({ length: 40 }, (_, i) => `X-H${i}:  v${i}\t\r\n`).join('');
    const { heads } = parse('request', [`GET /p?q=1 HTTP/1.1\r\nHost: x\r\n${many}\r\n`]);
    expect(heads[0]!.headers.slice(0, 4)).toEqual(['Host', 'x', 'X-H0', 'v0']);
    expect(heads[0]!.headers).toHaveLength(82);
    expect(heads[0]!.headers.at(-1)).toBe('v39');
    expect([heads[0]!.url, heads[0]!.versionMinor, heads[0]!.keepAlive]).toEqual(['/p?q=1', 1, true]);
  });

  it('refuses what a request must not carry: two lengths, bad chunk syntax, unknown methods, bare LF, obs-fold', () => {
    const refused: Array<[string, string]> = [
      ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab', 'HPE_UNEXPECTED_CONTENT_LENGTH'],
      ['POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
      ['POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0x2\r\nab\r\n0\r\n\r\n', 'HPE_INVALID_CHUNK_SIZE'],
      ['POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2 \r\nab\r\n0\r\n\r\n', 'HPE_INVALID_CHUNK_SIZE'],
      ['POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;\r\nab\r\n0\r\n\r\n', 'HPE_STRICT'],
      ['POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n', 'HPE_STRICT'],
      ['FOO / HTTP/1.1\r\nHost: x\r\n\r\n', 'HPE_INVALID_METHOD'],
      ['GET / HTTP/1.1\r\nHost: x\nX: 1\r\n\r\n', 'HPE_CR_EXPECTED'],
      ['GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
    ];
    for (const [input, code] of refused) expect(parse('request', [input]).error, JSON.stringify(input)).toBe(code);
  });

  it('stops at a request head past the size limit', () => {
    expect(parse('request', [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`]).error).toBe('HPE_HEADER_OVERFLOW');
  });

  it('reads answers: interim ones, no body after HEAD when asked, until the close, and refuses two framings', () => {
    expect(parse('response', ['HTTP/1.1 103 Early\r\nLink: a\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok']).events).toEqual([
      'head 103 ',
      'complete',
      'head 200 ',
      'body ok',
      'complete',
    ]);
    expect(parse('response', ['HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n'], { skipBody: true }).events).toEqual(['head 200 ', 'complete']);
    const untilClose = parse('response', ['HTTP/1.1 200 OK\r\n\r\nto the end']);
    expect([untilClose.events.at(-1), untilClose.heads[0]!.keepAlive]).toEqual(['body to the end', false]);
    expect(parse('response', ['HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n']).error).toBe('HPE_INVALID_TRANSFER_ENCODING');
  });

  it('knows, without a callback, how long a head has been arriving and whether bytes followed a message', async () => {
    const p = new Llhttp('request', 16 * 1024, { headersComplete() {}, body() {}, messageComplete() {} });
    p.execute(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect([p.headInProgressMs(), p.messageStarted()]).toEqual([0, false]);
    p.execute(Buffer.from('GET /next HTT'));
    await new Promise((r) => setTimeout(r, 30));
    expect(p.headInProgressMs()).toBeGreaterThanOrEqual(25);
    expect(p.messageStarted()).toBe(true);
    p.close();
  });

  it('completes an answer delimited by the close when told the connection ended', () => {
    const events: string[] = [];
    const p = new Llhttp('response', 16 * 1024, { headersComplete() {}, body: (b) => events.push(b.toString()), messageComplete: () => events.push('complete') });
    p.execute(Buffer.from('HTTP/1.1 200 OK\r\n\r\nabc'));
    expect(p.finish()).toBeUndefined();
    expect(events).toEqual(['abc', 'complete']);
    p.close();
  });
});
