import { describe, expect, it } from 'vitest';
import { TextLines } from '../../src/disburse/text-lines.js';

describe('text lines', () => {
  it('gives the same lines as splitting the text, for ASCII, UTF-8, CRLF and a missing final newline', () => {
    for (const text of ['a\nbb\n\nccc', 'a\n', '', 'x\r\ny\r\n', 'Müller & Søn\nJosé Núñez\n€ 5', '\n\n']) {
      const lines = new TextLines(Buffer.from(text));
      const expected = text.split('\n');
      expect(lines.length).toBe(expected.length);
      expect(Array.from({ length: lines.length }, (_, i) => lines.at(i))).toEqual(expected);
      expect(lines.text(0)).toBe(text);
      if (expected.length > 2) expect(lines.text(1, 3)).toBe(expected.slice(1, 3).join('\n'));
    }
  });

  it("reads a line's indent and first bytes without decoding it", () => {
    const lines = new TextLines(Buffer.from('recipients:\n  - id: a\n    # note\n\t\r\n    name: b'));
    expect(lines.startsWith(0, 'recipients:')).toBe(true);
    expect(lines.startsWith(1, 'recipients:')).toBe(false);
    expect(lines.shape(1)).toEqual({ indent: 2, first: '-'.charCodeAt(0), second: 32 });
    expect(lines.shape(2).first).toBe('#'.charCodeAt(0));
    expect(lines.shape(3)).toEqual({ indent: 2, first: -1, second: -1 });
    expect(lines.shape(4)).toEqual({ indent: 4, first: 'n'.charCodeAt(0), second: 'a'.charCodeAt(0) });
  });
});
