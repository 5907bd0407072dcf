/** Returns (addenda 99) and notifications of change (addenda 98): written with the project's own writer, read back and checked against NACHA's code tables. */
import { describe, expect, it } from 'vitest';
import {
  buildNachaFile,
  changeAddendaBody,
  formatNachaProblem,
  readNachaFile,
  readReturnOrChange,
  returnAddendaBody,
  serializeNachaFile,
  type EntryInput,
} from '../../src/nacha/index.js';

const RDFI = '02100002';
const ODFI = '07640125';

/** A file an RDFI sends back: its entries answer ours (their trace numbers are ours, their own are the RDFI's). */
function bankFile(entries: EntryInput[], secCode = 'PPD') {
  return serializeNachaFile(
    buildNachaFile({
      immediateDestination: '076401251',
      immediateDestinationName: 'ODFI',
      immediateOrigin: '021000021',
      immediateOriginName: 'RDFI',
      createdAt: new Date('2026-12-03T10:00:00Z'),
      batches: [{ companyName: 'DOL GRANTS', companyId: '1234567890', secCode, entryDescription: 'RETURN', effectiveDate: '261203', odfi: RDFI, entries }],
    }),
  );
}

const returned = (code: string, original: string, seq: number, extra: { dateOfDeath?: string } = {}): EntryInput => ({
  transactionCode: 21,
  routing: '076401251',
  account: '000123456789',
  amountCents: 125_000,
  idNumber: 'R-0001',
  name: 'ADA LOVELACE',
  traceNumber: `${RDFI}${String(seq).padStart(7, '0')}`,
  addenda: [
    { addendaTypeCode: '99', body: returnAddendaBody({ code, originalTrace: original, originalRdfi: RDFI, traceNumber: `${RDFI}${String(seq).padStart(7, '0')}`, ...extra }) },
  ],
});

describe('returns and notifications of change', () => {
  it('reads each return and change the bank sent, with its code, what it means, the entry it answers and its line', () => {
    const text = bankFile([
      returned('R03', `${ODFI}0000001`, 1),
      returned('R15', `${ODFI}0000002`, 2, { dateOfDeath: '261120' }),
      {
        transactionCode: 21,
        routing: '076401251',
        account: '000123456789',
        amountCents: 0,
        idNumber: 'R-0003',
        name: 'GRACE HOPPER',
        traceNumber: `${RDFI}0000003`,
        addenda: [
          {
            addendaTypeCode: '98',
            body: changeAddendaBody({ code: 'C01', originalTrace: `${ODFI}0000003`, originalRdfi: RDFI, correctedData: '99887766', traceNumber: `${RDFI}0000003` }),
          },
        ],
      },
    ]);
    const r = readNachaFile(text);
    expect(r.problems.map(formatNachaProblem)).toEqual([]);
    expect(r.returns).toEqual([
      expect.objectContaining({ kind: 'return', code: 'R03', description: 'No Account/Unable to Locate Account', originalTrace: '076401250000001', line: 4 }),
      expect.objectContaining({ kind: 'return', code: 'R15', dateOfDeath: '261120', originalTrace: '076401250000002', line: 6 }),
      expect.objectContaining({ kind: 'change', code: 'C01', description: 'Incorrect DFI Account Number', correctedData: '99887766', originalTrace: '076401250000003', line: 8 }),
    ]);
    // Written by our writer, read by our reader, written again: the same bytes.
    expect(serializeNachaFile(r.file!)).toBe(text);
  });

  it.each([
    [
      'a return reason code NACHA does not have',
      (l: string) => `${l.slice(0, 3)}R99${l.slice(6)}`,
      'return-code',
      'return reason code "R99" (positions 4-6) is not one of NACHA\'s',
    ],
    [
      'an original trace number that is not 15 digits',
      (l: string) => `${l.slice(0, 6)}07640125000000X${l.slice(21)}`,
      'return-field',
      'original entry trace number (positions 7-21) must be 15 digits',
    ],
    [
      'a date of death that is no date',
      (l: string) => `${l.slice(0, 21)}261340${l.slice(27)}`,
      'return-field',
      'date of death (positions 22-27) must be YYMMDD or blank, got "261340"',
    ],
  ])('refuses %s, naming the addenda line and the rule', (_what, mutate, rule, message) => {
    const lines = bankFile([returned('R15', `${ODFI}0000001`, 1, { dateOfDeath: '261120' })]).split('\n');
    lines[3] = mutate(lines[3]!);
    const r = readNachaFile(lines.join('\n'));
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ line: 4, rule });
    expect(r.problems[0]!.message).toContain(message);
  });

  it('refuses R14 and R15 without the date of death, and a change code past C13', () => {
    const noDate = readNachaFile(bankFile([returned('R15', `${ODFI}0000001`, 1)]));
    expect(noDate.problems[0]).toMatchObject({
      line: 4,
      rule: 'return-field',
      message: 'R15 (Beneficiary or Account Holder (Other Than a Representative Payee) Deceased) needs the date of death (positions 22-27)',
    });
    const change = bankFile([
      {
        transactionCode: 21,
        routing: '076401251',
        account: '1',
        amountCents: 0,
        idNumber: '',
        name: 'X',
        traceNumber: `${RDFI}0000001`,
        addenda: [
          {
            addendaTypeCode: '98',
            body: changeAddendaBody({ code: 'C14', originalTrace: `${ODFI}0000001`, originalRdfi: RDFI, correctedData: '1', traceNumber: `${RDFI}0000001` }),
          },
        ],
      },
    ]);
    expect(readNachaFile(change).problems[0]).toMatchObject({ line: 4, rule: 'change-code' });
  });

  it.each([
    ['C02', '011000015', undefined],
    ['C02', '011000016', 'must hold a routing number with its check digit at 1-9, got "011000016"'],
    ['C03', '011000015   12345', undefined],
    ['C03', 'ABC', 'must hold a routing number'],
    ['C05', '32', undefined],
    ['C05', '99', 'must hold a transaction code at 1-2, got "99"'],
    ['C06', `${'12345'.padEnd(17)}   37`, undefined],
    ['C06', '12345', 'must hold a transaction code at 21-22, got "  "'],
    ['C07', '011000015123456789        22', undefined],
    ['C07', '011000015123456789        2X', 'must hold a transaction code at 27-28'],
    ['C01', 'anything', undefined],
  ])('checks the corrected data of %s ("%s") against what the code corrects', (code, correctedData, problem) => {
    const line = `798${changeAddendaBody({ code, originalTrace: `${ODFI}0000001`, originalRdfi: RDFI, correctedData, traceNumber: `${RDFI}0000001` })}`;
    expect(line).toHaveLength(94);
    const r = readReturnOrChange(line);
    if (problem === undefined) expect(r.problems).toEqual([]);
    else expect(r.problems).toEqual([{ rule: 'return-field', message: expect.stringContaining(problem) }]);
  });

  it('reads a dishonored return with the return it answers and that return’s reason', () => {
    const line = `799R68${ODFI}0000301      ${RDFI}   ${RDFI}0000001179` + `01${'Untimely Return'.padEnd(21)}${RDFI}0000009`;
    expect(line).toHaveLength(94);
    const lines = bankFile([returned('R03', `${ODFI}0000301`, 9)]).split('\n');
    lines[3] = line;
    const r = readNachaFile(lines.join('\n'));
    expect(r.problems).toEqual([]);
    expect(r.returns[0]).toMatchObject({
      code: 'R68',
      description: 'Untimely Return',
      originalTrace: `${ODFI}0000301`,
      information: 'Untimely Return',
      dishonored: { returnTrace: `${RDFI}0000001`, returnReasonCode: 'R01', settlementDate: '179' },
    });
  });
});
