/** The reader's stricter rules (NACHA Operating Rules): each broken one named with its line. */
import { describe, expect, it } from 'vitest';
import { buildNachaFile, readNachaFile, serializeNachaFile } from '../../src/nacha/index.js';

const lines = () =>
  serializeNachaFile(
    buildNachaFile({
      immediateDestination: '021000021',
      immediateDestinationName: 'BANK',
      immediateOrigin: '1234567890',
      immediateOriginName: 'US DEPT OF LABOR',
      createdAt: new Date('2026-12-01T10:00:00Z'),
      batches: [
        {
          companyName: 'US DEPT OF LABOR',
          companyId: '1234567890',
          secCode: 'PPD',
          entryDescription: 'GRANT',
          effectiveDate: '261202',
          odfi: '02100002',
          entries: [{ transactionCode: 22, routing: '011000015', account: '123456789', amountCents: 100, idNumber: 'R-1', name: 'ADA LOVELACE' }],
        },
      ],
    }),
  ).split('\n');

const put = (line: string, at: number, text: string) => `${line.slice(0, at - 1)}${text}${line.slice(at - 1 + text.length)}`;
const firstProblem = (ls: string[]) => readNachaFile(ls.join('\n')).problems[0];

describe('the strict NACHA reader', () => {
  it('accepts the file as written', () => {
    expect(readNachaFile(lines().join('\n')).problems).toEqual([]);
  });

  it.each([
    ['a character outside 0x20-0x7E', 3, (l: string) => put(l, 60, 'é'), 'character', 'position 60 holds character 0xe9: NACHA records carry 0x20-0x7E only'],
    ['a blank company name', 2, (l: string) => put(l, 5, ' '.repeat(16)), 'mandatory-field', 'company name (positions 5-20) is empty'],
    ['an entry description of zeros', 2, (l: string) => put(l, 54, '0'.repeat(10)), 'mandatory-field', 'company entry description (positions 54-63) is empty'],
    ['an individual name of zeros', 3, (l: string) => put(l, 55, '0'.repeat(22)), 'mandatory-field', 'individual or receiving company name (positions 55-76) is empty'],
    ['a trace number of another bank', 3, (l: string) => put(l, 80, '09100001'), 'trace-number', "must start with the batch's ODFI routing 02100002"],
  ])('refuses %s, naming its line and rule', (_what, line, mutate, rule, message) => {
    const ls = lines();
    ls[line - 1] = mutate(ls[line - 1]!);
    const p = firstProblem(ls);
    expect(p).toMatchObject({ line, rule });
    expect(p!.message).toContain(message);
  });
});
