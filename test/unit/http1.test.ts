import { describe, expect, it } from 'vitest';
import { FramingError, HeaderCursor } from '../../src/gateway/http1.js';

/** Every line's name and value, as the cursor reads them: [name, value, ...]. */
const parseHeaderLines = (lines: string[], from: number) => {
  const cursor = new HeaderCursor(lines.slice(from).map((l) => `${l}\r\n`).join(''), 0);
  const out: string[] = [];
  while (cursor.next()) out.push(cursor.name(), cursor.value());
  return out;
};

// RFC 9110 section 5 as a regular expression: what the hand-written parser must agree with.
const REFERENCE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([^\x00-\x08\x0a-\x1f\x7f]*?)[ \t]*$/;
const reference = (line: string) => {
  const m = REFERENCE.exec(line);
  return m ? [m[1], m[2]] : 'refused';
};
const parsed = (line: string) => {
  try {
    return parseHeaderLines([line], 0);
  } catch (err) {
    expect(err).toBeInstanceOf(FramingError);
    return 'refused';
  }
};

describe('HeaderCursor', () => {
  it('splits names and values, trimming spaces and tabs around the value', () => {
    expect(parseHeaderLines(['GET / HTTP/1.1', 'Host: a:1', 'X-Empty:', "X-Tab:\t v \t", 'Accept: */*'], 1)).toEqual(['Host', 'a:1', 'X-Empty', '', 'X-Tab', 'v', 'Accept', '*/*']);
  });

  it('marks whole lines, so that a run of them can be copied on as received', () => {
    const head = 'GET / HTTP/1.1\r\nHost: a\r\nX-A:  1 \r\nX-B: 2\r\n';
    const cursor = new HeaderCursor(head, head.indexOf('\r\n') + 2);
    const lines: string[] = [];
    while (cursor.next()) lines.push(head.slice(cursor.lineStart, cursor.lineEnd));
    expect(lines).toEqual(['Host: a\r\n', 'X-A:  1 \r\n', 'X-B: 2\r\n']);
    expect(cursor.next()).toBe(false);
  });

  it('refuses what RFC 9110 does not allow, naming the line', () => {
    for (const line of ['no colon', ': no name', 'Sp ace: x', 'Host : x', 'X: a\u0000b', 'X: a\u007fb', 'Ünicode: x', ' Folded: x'])
      expect(() => parseHeaderLines([line], 0), line).toThrow(/malformed header line/);
  });

  it('agrees with the RFC grammar on 20,000 random lines', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const alphabet = ['a', 'Z', '0', '-', '_', '~', ':', ' ', '\t', '"', '(', 'é', '\u0001', '\u007f', '\u0009', 'x', '/', ';', '=', '\u00ff'];
    for (let i = 0; i < 20_000; i++) {
      let line = '';
      const n = Math.floor(rand() * 12);
      for (let k = 0; k < n; k++) line += alphabet[Math.floor(rand() * alphabet.length)];
      expect(parsed(line), JSON.stringify(line)).toEqual(reference(line));
    }
  });
});
