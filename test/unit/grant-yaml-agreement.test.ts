/**
 * The grant reader's fast path (recipients read a line at a time without the YAML library) earns
 * its keep only if it means what YAML means: on generated grants written in many ways (quoting,
 * comments, unicode, CRLF, odd indentation, scalars YAML reads as something else), the reader
 * gives exactly what reading the whole document with the `yaml` library gives: the same grant,
 * or the same problems at the same lines and columns.
 * The seed is printed; HMSOPS_FUZZ_SEED=N replays a run, HMSOPS_FUZZ_RUNS=N sizes it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGrant } from '../../src/disburse/grant-file.js';

const SEED = Number(process.env.HMSOPS_FUZZ_SEED ?? Date.now() % 1_000_000);
const RUNS = Number(process.env.HMSOPS_FUZZ_RUNS ?? 1500);
const today = '2026-11-24';

/** A scalar as YAML text: plain, single- or double-quoted, with what may follow it on the line. */
const scalar = (value: string) =>
  fc
    .tuple(fc.constantFrom('plain', 'single', 'double', 'double-escaped'), fc.constantFrom('', '', ' # a comment', '  #x', ' ', '\t'), fc.constantFrom(' ', ' ', '  ', '\t', ' \t'))
    .map(([quote, trailer, gap]) => {
      const text =
        quote === 'plain'
          ? value
          : quote === 'single'
            ? `'${value.replace(/'/g, "''")}'`
            : quote === 'double'
              ? JSON.stringify(value)
              : JSON.stringify(value).replace(/A/g, '\\x41');
      return `${gap}${text}${trailer}`;
    });

/**
 * Values a recipient's fields take: valid ones (most of the time, so that whole grants are valid
 * often) and odd ones, including scalars YAML reads as something other than a string.
 */
const fieldValues: Record<string, { valid: string[]; odd: string[] }> = {
  id: { valid: ['R-0001', 'r.3', 'R_7'], odd: ['true', 'null', '~', 'A#1', 'a:b', 'R 5', ''] },
  name: { valid: ['ACME CORP', 'José Núñez', 'Zoë Ångström', "O'Brien LLC", 'A  B', 'Ann: the Builder'], odd: ['株式会社', 'Yes', 'null', '.inf', 'x'.repeat(101)] },
  email: { valid: ['ann@example.org', 'b@x.io'], odd: ['José@example.org', 'not-an-email'] },
  routing: { valid: ['011000015', '021000021'], odd: ['011000016', '12345678', 'abcdefghi'] },
  account: { valid: ['1234567890', '00001234', 'ACC-1', 'Ab-9'], odd: ['123456789012345678'] },
  accountType: { valid: ['checking', 'savings'], odd: ['Checking', 'loan'] },
  amount: { valid: ['50000.00', '0.10', '12', '12.5'], odd: ['0', '1.999', '100000000.00'] },
  secCode: { valid: ['CCD', 'PPD'], odd: ['WEB'] },
  color: { valid: [], odd: ['blue'] },
};
const REQUIRED = ['id', 'name', 'email', 'routing', 'account', 'accountType', 'amount'];

const fieldValue = (key: string, index: number) => {
  const { valid, odd } = fieldValues[key]!;
  // Ids are made unique per item when valid: a repeated id is a problem of its own.
  const good = key === 'id' ? valid.map((v) => `${v}-${index}`) : valid;
  return good.length ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...odd) }) : fc.constantFrom(...odd);
};

/** The keys of one item, in any order: the required ones (now and then one missing), maybe secCode, rarely an unknown one. */
const itemKeys = fc
  .tuple(
    fc.shuffledSubarray(REQUIRED, { minLength: REQUIRED.length - 1 }),
    fc.boolean(),
    fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  )
  .chain(([keys, sec, unknown]) =>
    fc.shuffledSubarray([...keys, ...(sec ? ['secCode'] : []), ...(unknown ? ['color'] : [])], { minLength: keys.length + Number(sec) + Number(unknown) }),
  );

/** One recipient in the list's layout (`listCol`, `listGap`); now and then one that breaks it, which is not valid YAML. */
const recipient = (listCol: number, listGap: number, index: number) =>
  fc
    .tuple(
      fc.oneof({ weight: 9, arbitrary: itemKeys.filter((k) => REQUIRED.every((r) => k.includes(r))) }, { weight: 1, arbitrary: itemKeys }),
      fc.oneof({ weight: 29, arbitrary: fc.constant(listCol) }, { weight: 1, arbitrary: fc.constant(listCol === 0 ? 2 : 0) }),
      fc.oneof({ weight: 29, arbitrary: fc.constant(listGap) }, { weight: 1, arbitrary: fc.constant(listGap + 1) }),
      fc.boolean(),
    )
    .chain(([keys, dashCol, keyGap, blankBetween]) =>
      fc.tuple(...keys.map((k) => fieldValue(k, index).chain((v) => scalar(v).map((s) => [k, s] as const)))).map((pairs) => {
        const lines = pairs.map(([k, s], i) => `${' '.repeat(i === 0 ? dashCol : dashCol + keyGap)}${i === 0 ? `-${' '.repeat(keyGap - 1)}` : ''}${k}:${s}`);
        if (blankBetween) lines.splice(1, 0, '', `${' '.repeat(dashCol + keyGap)}# between keys`);
        return lines.join('\n');
      }),
    );

const grantText = fc
  .tuple(
    fc
      .tuple(fc.constantFrom(0, 2), fc.constantFrom(2, 4), fc.integer({ min: 1, max: 6 }))
      .chain(([dashCol, keyGap, n]) => fc.tuple(...Array.from({ length: n }, (_, i) => recipient(dashCol, keyGap, i)))),
    fc.boolean(),
    fc.constantFrom('', 'effectiveDate: "2026-12-01"\n', 'secCode: PPD\n'),
    fc.boolean(),
  )
  .map(([items, crlf, extraHead, trailingKey]) => {
    const text = [
      'apiVersion: hmsops/v1',
      'kind: Grant',
      'id: G-2026-Y',
      'program: Workforce Training',
      'agency: US Department of Labor',
      'originator:',
      '  name: DEPT OF LABOR',
      '  companyId: "1234567890"',
      '  odfiRouting: "011000015"',
      `${extraHead}recipients: # the list`,
      ...items,
      ...(trailingKey ? ['note: after the list'] : []),
      '',
    ].join('\n');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/**
 * What reading a grant gives: the grant, or its problems. A document that is not valid YAML is
 * refused by both with a syntax problem (path ''), each naming where its parse stopped; then only
 * that is compared, not every follow-on complaint of the parser.
 */
function outcome(text: string, wholeDocument: boolean) {
  try {
    // As JSON: the recipients are a column store, compared by what they hold.
    return { grant: JSON.parse(JSON.stringify(parseGrant('g.yaml', text, today, { wholeDocument }))) };
  } catch (err) {
    const e = err as Error & { problems?: { path: string }[] };
    if (!e.problems) return { error: e.constructor.name, message: e.message };
    if (e.problems.some((p) => p.path === '')) return { error: e.constructor.name, syntax: 'not valid YAML' };
    return { error: e.constructor.name, problems: e.problems };
  }
}

describe('the grant reader and the yaml library', () => {
  it(`agree on generated grants, valid and not (seed ${SEED})`, () => {
    let fast = 0;
    fc.assert(
      fc.property(grantText, (text) => {
        const a = outcome(text, false);
        if ('grant' in a) fast++;
        expect(a).toEqual(outcome(text, true));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Not vacuous: some generated grants are valid and go through the fast path.
    expect(fast).toBeGreaterThan(0);
  });
});
