import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('reads a file in pieces to the same lines as the text in memory, across window edges, and lets it go', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-lines-'));
    try {
      // ~9 MB: more than two 4 MB windows, lines of every length, UTF-8 in the middle.
      const parts = Array.from({ length: 120_000 }, (_, i) => (i === 60_000 ? 'Müller – 北京\r' : 'x'.repeat(i % 150)));
      const text = parts.join('\n');
      const file = path.join(dir, 'g.yaml');
      fs.writeFileSync(file, text);
      const lines = TextLines.ofFile(file);
      expect(lines.length).toBe(parts.length);
      for (let i = 0; i < parts.length; i += 997) expect(lines.at(i)).toBe(parts[i]);
      expect(lines.at(60_000)).toBe('Müller – 北京\r');
      expect(lines.shape(119_999).indent).toBe(0);
      expect(lines.at(5)).toBe('xxxxx'); // going back re-reads
      lines.close();
      expect(() => lines.at(119_999)).toThrow('closed'); // outside the window it last read
      const again = TextLines.ofFile(file);
      expect(again.text(0)).toBe(text);
      again.close();
      fs.writeFileSync(file, '');
      const empty = TextLines.ofFile(file);
      expect([empty.length, empty.at(0)]).toEqual([1, '']);
      empty.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
