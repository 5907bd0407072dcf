/**
 * SEC-code rules (NACHA Operating Rules, as moov-io/ach's batch types keep them): which transaction
 * codes and amounts each SEC code allows, refused with line and rule by the reader (so `ach verify`
 * and `ach import`) and by the writer alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNachaFile, NachaRuleError, readNachaFile, SEC_CODES, serializeNachaFile, type BatchInput, type EntryInput } from '../../src/nacha/index.js';

const entry = (transactionCode: number, amountCents = 100): EntryInput => ({
  transactionCode,
  routing: '011000015',
  account: '123456789',
  amountCents,
  idNumber: 'R-1',
  name: 'ADA LOVELACE',
});

const batch = (secCode: string, entries: EntryInput[], entryDescription = 'GRANT'): BatchInput => ({
  companyName: 'US DEPT OF LABOR',
  companyId: '1234567890',
  secCode,
  entryDescription,
  effectiveDate: '261202',
  odfi: '02100002',
  entries,
});

const fileOf = (batches: BatchInput[]) => ({
  immediateDestination: '021000021',
  immediateDestinationName: 'BANK',
  immediateOrigin: '1234567890',
  immediateOriginName: 'US DEPT OF LABOR',
  createdAt: new Date('2026-12-01T10:00:00Z'),
  batches,
});

/** The file written with the SEC-code check bypassed: a file from elsewhere that breaks the rules. */
const writtenElsewhere = (batches: BatchInput[]) => serializeNachaFile(buildNachaFile(fileOf(batches), { bypassSecCodeRules: true }));

/** What the writer refuses, as [line, rule, message]. */
function writerRefuses(batches: BatchInput[]) {
  try {
    buildNachaFile(fileOf(batches));
  } catch (err) {
    expect(err).toBeInstanceOf(NachaRuleError);
    return (err as NachaRuleError).problems.map((p) => [p.line, p.rule, p.message]);
  }
  return [];
}
const readerRefuses = (batches: BatchInput[]) => readNachaFile(writtenElsewhere(batches)).problems.map((p) => [p.line, p.rule, p.message]);

describe('SEC-code rules', () => {
  it('a reversal batch under a debits-only SEC code is refused by the reader and the writer, on the same line, by rule', () => {
    // TEL entries were debits; their reversal is credits under TEL, which TEL does not carry.
    const batches = [batch('PPD', [entry(22)]), batch('TEL', [entry(22, 500), entry(32, 700)], 'REVERSAL')];
    const read = readerRefuses(batches);
    expect(read.map(([line, rule]) => [line, rule])).toEqual([
      [6, 'sec-transaction-code'],
      [7, 'sec-transaction-code'],
    ]);
    expect(read[0]![2]).toBe('a REVERSAL batch under TEL carries 22 (checking credit), and reversing a debit gives a credit: TEL (Telephone-Initiated Entry) carries debits only');
    expect(writerRefuses(batches)).toEqual(read);
  });

  it.each(Object.entries(SEC_CODES).filter(([, r]) => r.carries === 'debits'))('%s carries debits only: a credit is refused, a debit accepted', (code, rule) => {
    const amount = Math.min(rule.maxAmountCents ?? 100, 100);
    const description = rule.description ?? 'PAYMENT';
    expect(readerRefuses([batch(code, [entry(22, amount)], description)]).map(([l, r]) => [l, r])).toEqual([[3, 'sec-transaction-code']]);
    expect(readerRefuses([batch(code, [entry(27, amount), entry(37, amount)], description)])).toEqual([]);
    expect(writerRefuses([batch(code, [entry(27, amount)], description)])).toEqual([]);
  });

  it('CIE carries credits only; ACK and ATX zero-dollar codes 24 and 34 only; COR notifications only', () => {
    expect(readerRefuses([batch('CIE', [entry(27)])])[0]).toEqual([
      3,
      'sec-transaction-code',
      'transaction code 27 (checking debit) is not allowed: CIE (Customer Initiated Entry) carries credits only',
    ]);
    expect(readerRefuses([batch('CIE', [entry(22)])])).toEqual([]);
    expect(readerRefuses([batch('ACK', [entry(22, 0)])])[0]).toEqual([
      3,
      'sec-transaction-code',
      'ACK (ACH Payment Acknowledgment) allows transaction codes 24, 34 only, got 22 (checking credit)',
    ]);
    expect(readerRefuses([batch('ATX', [entry(24, 0), entry(34, 0)])])).toEqual([]);
    expect(readerRefuses([batch('ATX', [entry(24, 100)])])[0]).toEqual([3, 'sec-amount', 'ATX entries carry no money: amount must be 0, got 100']);
    expect(readerRefuses([batch('COR', [entry(22, 0)])])[0]![1]).toBe('sec-transaction-code');
  });

  it('per-entry limits: ARC, BOC, POP at most $25,000; RCK and XCK at most $2,500', () => {
    expect(readerRefuses([batch('POP', [entry(27, 2_500_000)])])).toEqual([]);
    expect(readerRefuses([batch('POP', [entry(27, 2_500_001)])])).toEqual([[3, 'sec-amount', 'POP entries are at most $25,000.00, got $25,000.01']]);
    expect(writerRefuses([batch('XCK', [entry(27, 250_001)])])).toEqual([[3, 'sec-amount', 'XCK entries are at most $2,500.00, got $2,500.01']]);
  });

  it('prenotes carry no money and live entries carry some', () => {
    expect(readerRefuses([batch('PPD', [entry(23, 0), entry(33, 0), entry(28, 0)])])).toEqual([]);
    expect(readerRefuses([batch('PPD', [entry(23, 100)])])).toEqual([
      [3, 'prenote-amount', 'a prenote (transaction code 23 (checking prenote credit)) carries no money: amount must be 0, got 100'],
    ]);
    expect(writerRefuses([batch('CCD', [entry(22, 0)])])[0]![1]).toBe('zero-amount');
  });

  it('descriptions: ENR needs AUTOENROLL, RCK REDEPCHECK, a reversal REVERSAL in capitals; unknown SEC codes are named', () => {
    expect(readerRefuses([batch('ENR', [entry(22, 0)], 'ENROLL')])).toEqual([
      [2, 'entry-description', 'ENR batches must have the company entry description AUTOENROLL, got "ENROLL"'],
    ]);
    expect(readerRefuses([batch('ENR', [entry(22, 0)], 'AUTOENROLL')])).toEqual([]);
    expect(readerRefuses([batch('RCK', [entry(27)], 'REDEPCHECK')])).toEqual([]);
    expect(readerRefuses([batch('PPD', [entry(27)], 'Reversal')])).toEqual([
      [2, 'entry-description', `a reversal's company entry description must be REVERSAL in capitals, got "Reversal"`],
    ]);
    expect(readerRefuses([batch('ZZZ', [entry(22)])])[0]!.slice(0, 2)).toEqual([2, 'sec-code']);
    expect(writerRefuses([batch('IAT', [entry(22)])])[0]).toEqual([
      2,
      'sec-code',
      'SEC code IAT (international entries) has record layouts of its own, which this reader does not read',
    ]);
  });

  it('returns and notifications of change travel under any SEC code, whatever the direction', () => {
    expect(readerRefuses([batch('TEL', [entry(21, 500), entry(26, 0)])])).toEqual([]);
  });
});

describe('SEC-code rules through the CLI', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('ach verify and ach import refuse a TEL reversal with FILE:LINE and the rule, exit 1, nothing imported', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-sec-'));
    dirs.push(cwd);
    fs.writeFileSync(path.join(cwd, 'hmsops.config.yaml'), 'version: 1\n');
    const file = path.join(cwd, 'reversal.ach');
    fs.writeFileSync(file, writtenElsewhere([batch('TEL', [entry(22, 500)], 'REVERSAL')]));
    const cli = path.join(import.meta.dirname, '..', '..', 'bin', 'hmsops');
    for (const args of [
      ['ach', 'verify', file],
      ['ach', 'import', file],
    ]) {
      const r = await execa(process.execPath, [cli, ...args], { cwd, reject: false, env: { NO_COLOR: '1' } });
      expect(r.exitCode, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${file}:3: a REVERSAL batch under TEL carries 22 (checking credit)`);
      expect(r.stderr).toContain('(rule: sec-transaction-code)');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
