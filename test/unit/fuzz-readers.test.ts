// The three readers of operator input, fuzzed: grant files, config files and NACHA files, each
// from valid ones mutated at random (bytes flipped, lines dropped, doubled or swapped, YAML and
// NACHA tokens spliced in). Whatever comes in: never a crash, a hang or a stack trace; either a
// result, or problems that each name the file and line and give one reason on one line.
// The seed is printed on failure; HMSOPS_FUZZ_SEED=N replays a run, HMSOPS_FUZZ_RUNS=N sizes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { generateGrant } from '../../src/disburse/generate.js';
import { parseGrant } from '../../src/disburse/grant-file.js';
import { formatProblem, HmsopsError, ValidationError } from '../../src/errors/index.js';
import { formatNachaProblem, readNachaFile } from '../../src/nacha/index.js';
import { nachaText } from '../helpers/nacha.js';
import { findConformanceCorpus } from '../helpers/conformance.js';
import { repoRoot } from '../helpers/fleet.js';

const SEED = Number(process.env.HMSOPS_FUZZ_SEED ?? Date.now() % 1_000_000);
// 1,000 in `npm test`; the drills run 5,000 (test/drills/fuzz-deep.test.ts).
const RUNS = Number(process.env.HMSOPS_FUZZ_RUNS ?? 1000);
/** A reader taking this long on one small input has hung. */
const HANG_MS = 2000;
const settings = { seed: SEED, numRuns: RUNS, endOnFailure: true };

// Made when the tests run, not when the file is read (`vitest list` reads it and runs no hook).
let dir: string;
const cleanups: string[] = [];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-fuzz-'));
  cleanups.push(dir);
});
afterAll(() => cleanups.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate-line' | 'drop-line'; at: number }
  | { kind: 'swap-lines'; a: number; b: number };

function mutate(base: string, mutations: Mutation[]): string {
  let text = base;
  for (const m of mutations) {
    const lines = text.split('\n');
    const pos = (n: number) => (text.length ? n % (text.length + 1) : 0);
    if (m.kind === 'flip') {
      const at = pos(m.at);
      text = text.slice(0, at) + String.fromCharCode(m.byte) + text.slice(at + 1);
    } else if (m.kind === 'delete') text = text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.length);
    else if (m.kind === 'insert') text = text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at));
    else if (m.kind === 'duplicate-line') {
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      text = lines.join('\n');
    } else if (m.kind === 'drop-line') {
      lines.splice(m.at % lines.length, 1);
      text = lines.join('\n');
    } else {
      const [a, b] = [m.a % lines.length, m.b % lines.length];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      text = lines.join('\n');
    }
  }
  return text;
}

const mutations = (tokens: string[]) =>
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...tokens)) }),
      fc.record({ kind: fc.constantFrom('duplicate-line' as const, 'drop-line' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
    ),
    { minLength: 1, maxLength: 6 },
  );

const YAML_TOKENS = [
  '&a [*a]',
  '*undefined_alias',
  '!!binary',
  '!!js/function "x"',
  '? ',
  '{',
  '}',
  '[',
  '- ',
  ': ',
  '"',
  "'",
  '#',
  '\t',
  '\r',
  '\r\n',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '---\n',
  '...\n',
  '<<: *x',
  '9'.repeat(400),
  '-0.0',
  '.nan',
  '1e400',
  '0x1F',
  'null',
  '~',
  'yes',
  '2026-13-45',
  '"\\u0000"',
  '|\n  block',
  '>-\n  folded',
  'a: &b [x, x, x, x]\nc: &c [*b, *b, *b, *b]\nd: &d [*c, *c, *c, *c]\ne: [*d, *d, *d, *d]\n',
  `${'  '.repeat(60)}deep: 1`,
  '北京',
  '\u202e',
];

/** Everything a reader's refusal must be: the file and line of each problem, one reason each, no stack. */
function expectReadableRefusal(err: unknown, file: string) {
  expect(err, String((err as Error)?.stack)).toBeInstanceOf(HmsopsError);
  const e = err as HmsopsError;
  expect(e.exitCode).toBe(2);
  expect(e.message).not.toMatch(/\n\s+at /);
  if (e instanceof ValidationError) {
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      expect(p.file).toBe(file);
      expect(p.line, JSON.stringify(p)).toBeGreaterThan(0);
      expect(p.message.length).toBeGreaterThan(0);
      expect(formatProblem(p), JSON.stringify(p)).not.toContain('\n');
      expect(formatProblem(p).length, formatProblem(p).slice(0, 600)).toBeLessThan(1000);
    }
  }
}

const grantBases = () => [
  stringify(generateGrant({ recipients: 3, seed: 1, id: 'G-FUZZ' })),
  fs.readFileSync(path.join(repoRoot, 'fixtures', 'grants', 'dol-training.yaml'), 'utf8'),
];

describe('fuzzed readers', () => {
  it(`the grant reader refuses any mutation of a valid grant with file:line and one reason per problem (seed ${SEED})`, () => {
    const today = '2026-11-24';
    const bases = grantBases();
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...bases), mutations(YAML_TOKENS), (base, ms) => {
        const text = mutate(base, ms);
        const t0 = performance.now();
        try {
          parseGrant('fuzz.yaml', text, today);
        } catch (err) {
          refused++;
          expectReadableRefusal(err, 'fuzz.yaml');
        }
        expect(performance.now() - t0).toBeLessThan(HANG_MS);
      }),
      settings,
    );
    expect(refused).toBeGreaterThan(RUNS / 2); // the mutations do break most files
  });

  it(`the config loader refuses any mutation of a valid config with file:line and one reason per problem (seed ${SEED})`, async () => {
    const bases = [
      fs.readFileSync(path.join(repoRoot, 'hmsops.config.yaml'), 'utf8'),
      'version: 1\ngateway: { port: 8080, workers: 2, bodyLimit: 10mb }\nlogs: { maxSize: 1mb }\nservices:\n  ach: { instances: 2, stopTimeout: 5s, rateLimit: { requests: 5, per: 1s } }\n  web:\n    command: node web.js\n    env: { A: "1" }\n    health: { path: /healthz }\n',
    ];
    const file = path.join(dir, 'hmsops.config.yaml');
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bases), mutations(YAML_TOKENS), async (base, ms) => {
        fs.writeFileSync(file, mutate(base, ms));
        const t0 = performance.now();
        try {
          await loadConfig({ file, cwd: dir });
        } catch (err) {
          refused++;
          expectReadableRefusal(err, file);
        }
        expect(performance.now() - t0).toBeLessThan(HANG_MS);
      }),
      { ...settings, numRuns: Math.ceil(RUNS / 2) },
    );
    expect(refused).toBeGreaterThan(RUNS / 8);
  });

  it(`the NACHA reader never throws on any mutation of a valid file, and names a line and a rule for each problem (seed ${SEED})`, () => {
    const written = nachaText([
      {
        companyName: 'US DEPT OF LABOR',
        companyId: '1234567890',
        secCode: 'CCD',
        entryDescription: 'GRANT',
        effectiveDate: '261201',
        odfi: '02100002',
        entries: [1, 2, 3].map((i) => ({ transactionCode: 22, routing: '011000015', account: `12345${i}`, amountCents: i * 1000, idNumber: `R-${i}`, name: `RECIPIENT ${i}` })),
      },
    ]);
    const corpus = findConformanceCorpus(repoRoot);
    const bases = [written, ...('dir' in corpus ? fs.readdirSync(path.join(corpus.dir, 'valid')).map((f) => fs.readFileSync(path.join(corpus.dir, 'valid', f), 'latin1')) : [])];
    const NACHA_TOKENS = ['1', '5', '6', '7', '8', '9', '9'.repeat(94), ' '.repeat(94), '\r', '\r\n', '\u0000', '\u00e9', '0'.repeat(10), 'X', '\n\n', '101 0210000211234567890'];
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...bases), mutations(NACHA_TOKENS), (base, ms) => {
        const text = mutate(base, ms);
        const t0 = performance.now();
        const r = readNachaFile(text);
        expect(performance.now() - t0).toBeLessThan(HANG_MS);
        expect(r.ok).toBe(r.problems.length === 0);
        if (!r.ok) refused++;
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(formatNachaProblem(p)).toMatch(/^line \d+: [^\n]+ \(rule: [a-z-]+\)$/);
        }
      }),
      settings,
    );
    expect(refused).toBeGreaterThan(RUNS / 2);
  });

  it(`through the CLI, fuzzed grant files exit 2 and broken NACHA files exit 1, with file:line and no stack trace (seed ${SEED})`, async () => {
    const { execa } = await import('execa');
    const cli = path.join(repoRoot, 'bin', 'hmsops');
    // A directory of its own, with a valid config (the config fuzzer leaves a broken one in `dir`).
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-fuzz-cli-'));
    cleanups.push(cwd);
    fs.writeFileSync(path.join(cwd, 'hmsops.config.yaml'), 'version: 1\n');
    const samples = fc.sample(fc.tuple(fc.constantFrom(...grantBases()), mutations(YAML_TOKENS)), { seed: SEED, numRuns: 40 });
    const broken = samples
      .map(([base, ms]) => mutate(base, ms))
      .filter((text) => {
        try {
          parseGrant('x.yaml', text, new Date().toISOString().slice(0, 10));
          return false;
        } catch {
          return true;
        }
      })
      .slice(0, 6);
    expect(broken.length).toBeGreaterThan(0);
    for (const [i, text] of broken.entries()) {
      const file = path.join(cwd, `grant-${i}.yaml`);
      fs.writeFileSync(file, text);
      const r = await execa(process.execPath, [cli, 'disburse', '--grant', file, '--dry-run'], { cwd, reject: false, env: { NO_COLOR: '1' } });
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${file}:`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    const nacha = path.join(cwd, 'broken.ach');
    fs.writeFileSync(nacha, '101 021000021 12345678902611241300A094101FED                    DOL                           \n5200');
    const verify = await execa(process.execPath, [cli, 'ach', 'verify', nacha], { cwd, reject: false, env: { NO_COLOR: '1' } });
    expect(verify.exitCode, verify.stderr).toBe(1);
    // FILE:LINE: as compilers and linters say it, so an editor or a terminal jumps there.
    expect(verify.stderr).toContain(`${nacha}:2: `);
    expect(verify.stderr).not.toContain(`${nacha}:line`);
    expect(verify.stdout + verify.stderr).not.toMatch(/\n\s+at /);
  });
});
