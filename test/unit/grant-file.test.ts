import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateGrant } from '../../src/disburse/generate.js';
import { parseGrant } from '../../src/disburse/grant-file.js';
import { planDisbursement } from '../../src/disburse/plan.js';
import { ValidationError } from '../../src/errors/index.js';
import { formatCents, parseAmount } from '../../src/money.js';
import { NACHA_NAME_WIDTH, nachaFieldText, nachaNameProblem } from '../../src/nacha/index.js';

const today = '2026-11-24';

describe('generated grants', () => {
  it('are valid and the same for the same seed', () => {
    const a = stringify(generateGrant({ recipients: 500, seed: 42 }));
    expect(a).toBe(stringify(generateGrant({ recipients: 500, seed: 42 })));
    expect(a).not.toBe(stringify(generateGrant({ recipients: 500, seed: 43 })));
    const grant = parseGrant('gen.yaml', a, today);
    expect(grant.recipients).toHaveLength(500);
    expect(new Set(grant.recipients.map((r) => r.id)).size).toBe(500);
  });
});

describe('grant files', () => {
  const base = stringify(generateGrant({ recipients: 2, seed: 1, id: 'G-1' }));

  it('reads amounts as exact cents and fills the SEC code', () => {
    const g = parseGrant('g.yaml', base.replace(/amount: .*/, 'amount: "0.10"'), today);
    expect(g.recipients.at(0).amountCents).toBe(10);
    expect(planDisbursement(g).recipients).toBe(2);
  });

  it('says a negative amount is negative, not that it has too many decimals', () => {
    try {
      parseGrant('g.yaml', base.replace(/amount: .*/, 'amount: "-5.00"'), today);
      expect.unreachable();
    } catch (err) {
      expect((err as ValidationError).problems.map((p) => p.message)).toEqual(['"-5.00" is negative: a grant pays each recipient more than $0.00']);
    }
  });

  it('points at the line and column of each problem', () => {
    const text = base.replace(/routing: "(\d+)"/, 'routing: "011000016"').replace('kind: Grant', 'kind: Grant\nextra: 1');
    try {
      parseGrant('g.yaml', text, today);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      const problems = (err as ValidationError).problems;
      expect(problems.map((p) => p.path)).toEqual(['extra', 'recipients[0].routing']);
      const line = text.split('\n').findIndex((l) => l.includes('011000016')) + 1;
      expect(problems[1]).toMatchObject({ file: 'g.yaml', line, message: 'check digit is wrong for 011000016' });
    }
  });

  it('keeps a recipient name longer than the NACHA field whole (the file cuts it)', () => {
    const g = parseGrant('g.yaml', base.replace(/(- id: [^\n]+\n\s+name: )[^\n]*/, '$1Lakeview Community College Foundation'), today);
    expect(g.recipients.map((r) => r.name)).toContain('Lakeview Community College Foundation');
    expect(nachaFieldText('Lakeview Community College Foundation', NACHA_NAME_WIDTH.individualName)).toBe('LAKEVIEW COMMUNITY COL');
    expect(nachaFieldText('Ana María Núñez-Gutiérrez de la Vega', 22)).toBe('ANA MARIA NUNEZ-GUTIER');
  });

  it('still refuses, naming the line: a name with nothing NACHA can carry, one over 100 characters, and an originator name over 16', () => {
    const recipientName = /(- id: [^\n]+\n\s+name: )[^\n]*/;
    const cases: Array<[string, RegExp]> = [
      [base.replace(recipientName, '$1北京培训中心'), /has characters NACHA cannot carry/],
      [base.replace(recipientName, `$1${'A'.repeat(101)}`), /is 101 characters; at most 100/],
      [base.replace('name: DEPT OF EXAMPLES', 'name: US Department of Labor ETA'), /is 26 characters as NACHA text \("US DEPARTMENT OF LABOR ETA"\); at most 16/],
    ];
    for (const [text, message] of cases) {
      try {
        parseGrant('g.yaml', text, today);
        expect.unreachable();
      } catch (err) {
        const [problem] = (err as ValidationError).problems;
        expect(problem!.message).toMatch(message);
        expect(text.split('\n')[problem!.line! - 1]).toContain('name:');
      }
    }
    expect(nachaNameProblem('\u200b\u200b')).toMatch(/cannot carry/);
    expect(nachaNameProblem('  ')).toBe('has nothing NACHA can carry once folded to upper-case ASCII');
  });

  it('refuses an effective date in the past, or on a day ACH does not settle, naming the line', () => {
    expect(() => parseGrant('g.yaml', base.replace('kind: Grant', 'kind: Grant\neffectiveDate: 2020-01-01'), today)).toThrow(ValidationError);
    const text = base.replace('kind: Grant', 'kind: Grant\neffectiveDate: 2099-12-25');
    try {
      parseGrant('g.yaml', text, today);
      expect.unreachable();
    } catch (err) {
      const line = text.split('\n').findIndex((l) => l.startsWith('effectiveDate')) + 1;
      expect((err as ValidationError).problems).toEqual([
        expect.objectContaining({ path: 'effectiveDate', line, message: '2099-12-25 is a Federal Reserve holiday, when ACH does not settle; the next banking day is 2099-12-28' }),
      ]);
    }
  });
});

describe('money', () => {
  it('parses decimal strings to integer cents without floating point', () => {
    expect(parseAmount('0.29')).toBe(29);
    expect(parseAmount('1.1')).toBe(110);
    expect(parseAmount('99999999.99')).toBe(9_999_999_999);
    for (const bad of ['1.234', '-1', '1e5', '', ' 1', '1,000.00']) expect(parseAmount(bad)).toBeUndefined();
  });
  it('formats cents as dollars', () => {
    expect(formatCents(42_517_650)).toBe('$425,176.50');
    expect(formatCents(5)).toBe('$0.05');
    expect(formatCents(-123_456_789_01)).toBe('-$123,456,789.01');
    // The same text as the en-US currency formatter, for every digit count up to NACHA's 12.
    for (const cents of [0, 99, 100, 99_999, 100_000, 123_456_78, 999_999_999_999, 5_003_655_849_582])
      expect(formatCents(cents)).toBe((cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' }));
  });
});
