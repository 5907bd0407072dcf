import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalog, ExitCode, exitCodeMeaning, HmsopsError } from '../../src/errors/index.js';
import { TABLE_BEGIN, TABLE_END } from '../../src/errors/table.js';

const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const errorsDoc = fs.readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

/** The rows of the first markdown table after `from`, as arrays of cells. */
function tableAfter(text: string, from: number): string[][] {
  const lines = text.slice(from).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const l of lines.slice(first + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/\\\|/g, '|')),
    );
  }
  return rows;
}

describe('the error catalog, docs/errors.md and the README', () => {
  it('lists every catalog code in the docs/errors.md table with its status, exit code, whether it is retried, source and meaning, and no other', () => {
    const begin = errorsDoc.indexOf(TABLE_BEGIN);
    expect(begin, 'docs/errors.md has the error-codes markers').toBeGreaterThan(0);
    expect(errorsDoc.indexOf(TABLE_END)).toBeGreaterThan(begin);
    const inReadme = Object.fromEntries(
      tableAfter(errorsDoc, begin).map(([code, status, exit, retry, from, when]) => [
        code!.replace(/`/g, ''),
        { status: status === '-' ? null : Number(status), exit: Number(exit), from, when, retry: { yes: 'yes', 'if safe to repeat': 'repeatable', '-': 'no' }[retry!] },
      ]),
    );
    expect(Object.keys(inReadme).sort()).toEqual(Object.keys(errorCatalog).sort());
    expect(inReadme).toEqual(JSON.parse(JSON.stringify(errorCatalog)));
  });

  it('has the README exit-code table say exactly the exit codes the CLI uses', () => {
    const rows = tableAfter(readme, readme.indexOf('### Exit codes'));
    const inReadme = Object.fromEntries(rows.map(([code, meaning]) => [code, meaning]));
    expect(inReadme).toEqual(Object.fromEntries(Object.entries(exitCodeMeaning).map(([k, v]) => [k, v])));
    expect(
      Object.keys(inReadme)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(Object.values(ExitCode).sort((a, b) => a - b));
  });

  it('gives every code an exit code of the table and an HTTP error status or none', () => {
    const exits = new Set<number>(Object.values(ExitCode));
    for (const [code, spec] of Object.entries(errorCatalog)) {
      expect(exits.has(spec.exit), code).toBe(true);
      expect(spec.exit, `${code} must not exit 0`).not.toBe(ExitCode.ok);
      if (spec.status !== null) expect(spec.status >= 400 && spec.status < 600, code).toBe(true);
    }
  });
});

describe('HmsopsError', () => {
  it('takes its status and exit code from the catalog', () => {
    const e = new HmsopsError('UPSTREAM_TIMEOUT', 'ach-1 did not answer');
    expect([e.status, e.exitCode, e.code, e.message]).toEqual([504, 1, 'UPSTREAM_TIMEOUT', 'ach-1 did not answer']);
    expect(new HmsopsError('UNKNOWN_SERVICE').exitCode).toBe(2);
    expect(new HmsopsError('DAEMON_NOT_RUNNING').exitCode).toBe(4);
  });

  it('renders the JSON error body with its extra fields', () => {
    const e = new HmsopsError('RATE_LIMITED', 'slow down', { extra: { retryAfterSeconds: 3 }, headers: { 'retry-after': '3' } });
    expect(e.body({ requestId: 'r-1' })).toEqual({ error: { code: 'RATE_LIMITED', message: 'slow down', requestId: 'r-1', retryAfterSeconds: 3 } });
  });

  it('passes on a code from another process as received, with the exit code the catalog gives it', () => {
    expect(HmsopsError.passedOn('UNKNOWN_TARGET', 'x', { status: 400 }).exitCode).toBe(2);
    const foreign = HmsopsError.passedOn('FST_ERR_CTP_INVALID_MEDIA_TYPE', 'unsupported', { status: 415 });
    expect([foreign.code, foreign.status, foreign.exitCode]).toEqual(['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 1]);
  });
});
