import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abaCheckDigit, buildNachaFile, foldToNacha, isValidRouting, readNachaFile, serializeNachaFile, type BatchInput } from '../../src/nacha/index.js';
import { nachaText } from '../helpers/nacha.js';

const routing8 = fc.stringMatching(/^[0-9]{8}$/);
const routing = routing8.map((r) => r + abaCheckDigit(r));
const entry = fc.record({
  transactionCode: fc.constantFrom(22, 32, 27, 37),
  routing,
  account: fc.stringMatching(/^[0-9A-Z]{1,17}$/),
  amountCents: fc.integer({ min: 1, max: 9_999_999_999 }),
  idNumber: fc.stringMatching(/^[0-9A-Z-]{0,15}$/),
  // A name of zeros is an empty one to NACHA: the domain rules refuse it before any file.
  name: fc.stringMatching(/^[A-Z0-9 ,.&-]{1,22}$/).map((s) => (/^[0 ]*$/.test(s) ? 'X' : s.trimEnd())),
});
const batch: fc.Arbitrary<BatchInput> = fc.record({
  companyName: fc.constant('US DEPT OF LABOR'),
  companyId: fc.constant('1234567890'),
  secCode: fc.constantFrom('CCD', 'PPD'),
  entryDescription: fc.constant('GRANT'),
  effectiveDate: fc.constant('261201'),
  odfi: fc.constant('02100002'),
  entries: fc.array(entry, { minLength: 1, maxLength: 30 }),
});

describe('NACHA writer', () => {
  it('writes files the strict reader accepts, and reading gives back the same transfers', () => {
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 4 }), (batches) => {
        const text = nachaText(batches);
        const r = readNachaFile(text);
        expect(r.problems).toEqual([]);
        expect(
          text
            .split('\n')
            .filter(Boolean)
            .every((l) => l.length === 94),
        ).toBe(true);
        const back = r.file!.batches.flatMap((b) => b.entries.map((e) => [e.transactionCode, e.rdfiIdentification + e.checkDigit, e.dfiAccountNumber, e.amount, e.individualName]));
        const sent = batches.flatMap((b) => b.entries.map((e) => [e.transactionCode, e.routing, e.account, e.amountCents, e.name]));
        expect(back).toEqual(sent);
        // Trace numbers ascend from the ODFI's 8 digits.
        const traces = r.file!.batches.flatMap((b) => b.entries.map((e) => e.traceNumber));
        expect(traces).toEqual([...traces].sort());
        expect(traces.every((t) => t.startsWith('02100002'))).toBe(true);
        expect(serializeNachaFile(r.file!)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('computes the entry hash as the sum of 8-digit routing numbers modulo 10^10', () => {
    const entries = Array.from({ length: 200 }, () => ({ transactionCode: 22, routing: '999999998', account: '1', amountCents: 1, idNumber: '', name: 'A' }));
    const file = buildNachaFile({
      immediateDestination: '021000021',
      immediateDestinationName: '',
      immediateOrigin: '1234567890',
      immediateOriginName: '',
      createdAt: new Date(),
      batches: [{ companyName: 'X', companyId: '1', secCode: 'CCD', entryDescription: 'G', effectiveDate: '261201', odfi: '02100002', entries }],
    });
    expect(file.batches[0]!.control.entryHash).toBe((99999999 * 200) % 10_000_000_000);
    expect(readNachaFile(serializeNachaFile(file)).ok).toBe(true);
  });

  it('notices a single changed digit anywhere in the totals', () => {
    const text = serializeNachaFile(
      buildNachaFile({
        immediateDestination: '021000021',
        immediateDestinationName: '',
        immediateOrigin: '1234567890',
        immediateOriginName: '',
        createdAt: new Date(),
        batches: [
          {
            companyName: 'X',
            companyId: '1',
            secCode: 'CCD',
            entryDescription: 'G',
            effectiveDate: '261201',
            odfi: '02100002',
            entries: [{ transactionCode: 22, routing: '011000015', account: '123', amountCents: 5000, idNumber: 'R1', name: 'ACME' }],
          },
        ],
      }),
    );
    const tampered = text.replace('0000005000', '0000005001');
    const r = readNachaFile(tampered);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ line: 4, rule: 'batch-totals' });
  });
});

describe('ABA routing numbers and NACHA text', () => {
  it('checks routing check digits', () => {
    expect(isValidRouting('011000015')).toBe(true);
    expect(isValidRouting('021000021')).toBe(true);
    expect(isValidRouting('011000016')).toBe(false);
    expect(isValidRouting('01100001')).toBe(false);
  });
  it('folds names to upper-case ASCII', () => {
    expect(foldToNacha('José Núñez\tTraining')).toBe('JOSE NUNEZ TRAINING');
  });
  it('folds printable ASCII (its quick path) as the full folding would', () => {
    const full = (t: string) => t.normalize('NFKD').replace(/\s+/g, ' ').toUpperCase().replace(/\s+/g, ' ').trim();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: next() % 30 }, () => (next() % 4 === 0 ? ' ' : String.fromCharCode(0x20 + (next() % 95)))).join('');
      expect(foldToNacha(text), JSON.stringify(text)).toBe(full(text));
    }
    expect(foldToNacha("  ann   o'neil  ")).toBe("ANN O'NEIL");
  });
});
