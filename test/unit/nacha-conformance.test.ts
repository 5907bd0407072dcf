import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatNachaProblem, readNachaFile, serializeNachaFile } from '../../src/nacha/index.js';
import { findConformanceCorpus } from '../helpers/conformance.js';
import { repoRoot } from '../helpers/fleet.js';

// Not part of this repository: CI puts shared/ beside the clone (and .ci/run fails if these did not run there).
const found = findConformanceCorpus(repoRoot);
const corpus = 'dir' in found ? found.dir : '';
const files = (dir: string) => fs.readdirSync(path.join(corpus, dir)).map((f) => path.join(corpus, dir, f));

if ('missing' in found) {
  console.warn(found.missing);
  it.skip(found.missing, () => undefined);
} else
  describe('NACHA reader on the moov-ach corpus', () => {
    it.each(files('valid'))('accepts %s and writes it back byte for byte', (file) => {
      const text = fs.readFileSync(file, 'latin1');
      const r = readNachaFile(text);
      expect(r.problems.map(formatNachaProblem)).toEqual([]);
      expect(r.ok).toBe(true);
      expect(serializeNachaFile(r.file!)).toBe(text);
    });

    it.each(files('invalid'))('rejects %s with a line number and a rule, without crashing', (file) => {
      const r = readNachaFile(fs.readFileSync(file, 'latin1'));
      expect(r.ok).toBe(false);
      expect(r.problems.length).toBeGreaterThan(0);
      const first = formatNachaProblem(r.problems[0]!);
      expect(first).toMatch(/^line \d+: .+ \(rule: [a-z-]+\)$/);
      expect(first).not.toContain('\n');
    });

    it('names the exact rule broken by the known-bad files', () => {
      const rule = (name: string) => readNachaFile(fs.readFileSync(path.join(corpus, 'invalid', name), 'latin1')).problems[0];
      expect(rule('short-line.ach')).toMatchObject({ rule: 'record-length' });
      expect(rule('long-line.ach')).toMatchObject({ rule: 'record-length' });
      expect(rule('return-no-file-header-control.ach')).toMatchObject({ line: 1, rule: 'record-order' });
      expect(rule('invalid-two-micro-deposits.ach')).toMatchObject({ line: 15, rule: 'field-format' });
    });

    it('reads the returns and notifications of change in returns/, each code with the entry it answers', () => {
      const read = (name: string) => readNachaFile(fs.readFileSync(path.join(corpus, 'returns', name), 'latin1'));
      const codes = (name: string) => {
        const r = read(name);
        expect(r.problems.map(formatNachaProblem)).toEqual([]);
        return r.returns.map((x) => `${x.kind} ${x.code} ${x.originalTrace}${x.kind === 'change' ? ` ${x.correctedData}` : ''}`);
      };
      expect(codes('issue1620_return.ach')).toEqual(['return R03 062000010000001']);
      expect(codes('cor-read.ach')).toEqual(['change C01 121042880000001 1918171614']);
      expect(codes('dishonored-return.ach')).toEqual(['return R68 059999990000301', 'return R68 059999990000301']);
      expect(read('dishonored-return.ach').returns[0]).toMatchObject({ dishonored: { returnReasonCode: 'R01' } });
    });

    it.each(files('large'))('accepts the large file %s', (file) => {
      const text = zlib.gunzipSync(fs.readFileSync(file)).toString('latin1');
      const r = readNachaFile(text, { keepEntries: false });
      expect(r.problems.slice(0, 3).map(formatNachaProblem)).toEqual([]);
      expect(r.summary.entries).toBeGreaterThanOrEqual(100_000);
    });
  });
