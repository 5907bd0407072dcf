/**
 * Grant files (fixtures/grants/*.yaml): read, check every rule, and report every problem at once
 * with file:line:column and the field path, before anything is sent. Pure apart from reading the file.
 */
import fs from 'node:fs';
import { formatPath, parseWithPositions } from '../config/load.js';
import { validate, type PathProblem, type Schema } from '../config/schema-dsl.js';
import { HmsopsError, ValidationError, ExitCode, type SourceProblem } from '../errors.js';
import { parseAmount } from '../money.js';
import { foldToNacha, isValidRouting, unfoldableCharacters } from '../nacha/index.js';

export const MAX_AMOUNT_CENTS = 9_999_999_999;

const recipientSchema: Schema = {
  kind: 'object',
  required: ['id', 'name', 'email', 'routing', 'account', 'accountType', 'amount'],
  properties: {
    id: { kind: 'string', pattern: /^[A-Za-z0-9._-]{1,40}$/, patternHint: '1-40 letters, digits or . _ -' },
    name: { kind: 'string', minLength: 1 },
    email: { kind: 'string', pattern: /^[^@\s<>,]+@[^@\s<>,]+\.[^@\s<>,]+$/, patternHint: 'an email address' },
    routing: { kind: 'string', pattern: /^\d{9}$/, patternHint: 'a 9-digit routing number (quote it in YAML)' },
    account: { kind: 'string', pattern: /^[0-9A-Za-z-]{1,17}$/, patternHint: '1-17 digits, letters or hyphens (quote it in YAML)' },
    accountType: { kind: 'string', enum: ['checking', 'savings'] },
    amount: { kind: 'string', description: 'USD as a decimal string, at most 2 decimals: "50000.00"' },
    secCode: { kind: 'string', enum: ['CCD', 'PPD'] },
  },
};

export const grantSchema: Schema = {
  kind: 'object',
  required: ['apiVersion', 'kind', 'id', 'program', 'agency', 'originator', 'recipients'],
  properties: {
    apiVersion: { kind: 'string', enum: ['hmsops/v1'] },
    kind: { kind: 'string', enum: ['Grant'] },
    id: { kind: 'string', pattern: /^[A-Za-z0-9._-]{1,40}$/, patternHint: '1-40 letters, digits or . _ -' },
    program: { kind: 'string', minLength: 1 },
    agency: { kind: 'string', minLength: 1 },
    originator: {
      kind: 'object',
      required: ['name', 'companyId', 'odfiRouting'],
      properties: {
        name: { kind: 'string', minLength: 1 },
        companyId: { kind: 'string', pattern: /^[0-9A-Za-z ]{10}$/, patternHint: 'exactly 10 characters (quote it in YAML)' },
        odfiRouting: { kind: 'string', pattern: /^\d{9}$/, patternHint: 'a 9-digit routing number (quote it in YAML)' },
      },
    },
    effectiveDate: { kind: 'string', pattern: /^\d{4}-\d{2}-\d{2}$/, patternHint: 'a date YYYY-MM-DD' },
    secCode: { kind: 'string', enum: ['CCD', 'PPD'] },
    recipients: { kind: 'array', minItems: 1, items: recipientSchema },
  },
};

export interface GrantRecipient {
  id: string;
  name: string;
  /** The name as NACHA will carry it. */
  nachaName: string;
  email: string;
  routing: string;
  account: string;
  accountType: 'checking' | 'savings';
  amountCents: number;
  secCode: 'CCD' | 'PPD';
}

export interface Grant {
  id: string;
  program: string;
  agency: string;
  originator: { name: string; companyId: string; odfiRouting: string };
  effectiveDate?: string;
  recipients: GrantRecipient[];
}

function nameProblems(value: string, path: (string | number)[], max: number): PathProblem[] {
  const out: PathProblem[] = [];
  const bad = unfoldableCharacters(value);
  if (bad.length) out.push({ path, message: `has characters NACHA cannot carry: ${bad.map((c) => JSON.stringify(c)).join(' ')}` });
  const folded = foldToNacha(value);
  if (folded.length > max) out.push({ path, message: `is ${folded.length} characters as NACHA text ("${folded}"); at most ${max}` });
  return out;
}

/** Rules beyond the shape: check digits, amounts, duplicate ids, NACHA names, dates. */
export function grantRuleProblems(raw: any, today: string): PathProblem[] {
  const out: PathProblem[] = [];
  if (raw?.originator?.odfiRouting && /^\d{9}$/.test(raw.originator.odfiRouting) && !isValidRouting(raw.originator.odfiRouting))
    out.push({ path: ['originator', 'odfiRouting'], message: `check digit is wrong for ${raw.originator.odfiRouting}` });
  if (typeof raw?.originator?.name === 'string') out.push(...nameProblems(raw.originator.name, ['originator', 'name'], 16));
  if (typeof raw?.effectiveDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.effectiveDate)) {
    if (Number.isNaN(Date.parse(`${raw.effectiveDate}T00:00:00Z`))) out.push({ path: ['effectiveDate'], message: `"${raw.effectiveDate}" is not a real date` });
    else if (raw.effectiveDate < today) out.push({ path: ['effectiveDate'], message: `${raw.effectiveDate} is in the past` });
  }
  const seen = new Map<string, number>();
  (Array.isArray(raw?.recipients) ? raw.recipients : []).forEach((r: any, i: number) => out.push(...recipientRuleProblems(r, i, seen)));
  return out;
}

/** One recipient's rules; `seen` carries ids across recipients to find duplicates. */
export function recipientRuleProblems(r: any, i: number, seen: Map<string, number>): PathProblem[] {
  const out: PathProblem[] = [];
  if (!r || typeof r !== 'object') return out;
  {
    const at = (f: string) => ['recipients', i, f];
    if (typeof r.id === 'string') {
      if (seen.has(r.id)) out.push({ path: at('id'), message: `duplicate recipient id "${r.id}" (first at recipients[${seen.get(r.id)}])` });
      else seen.set(r.id, i);
    }
    if (typeof r.routing === 'string' && /^\d{9}$/.test(r.routing) && !isValidRouting(r.routing)) out.push({ path: at('routing'), message: `check digit is wrong for ${r.routing}` });
    if (typeof r.name === 'string') out.push(...nameProblems(r.name, at('name'), 22));
    if (typeof r.amount === 'number') out.push({ path: at('amount'), message: `write the amount as a quoted decimal string such as "${r.amount.toFixed(2)}" (YAML numbers lose cents)` });
    else if (typeof r.amount === 'string') {
      const cents = parseAmount(r.amount);
      if (cents === undefined) out.push({ path: at('amount'), message: `"${r.amount}" is not a USD amount with at most 2 decimals` });
      else if (cents === 0) out.push({ path: at('amount'), message: 'must be more than zero' });
      else if (cents > MAX_AMOUNT_CENTS) out.push({ path: at('amount'), message: `${r.amount} is over the $99,999,999.99 an ACH entry can carry` });
    }
  }
  return out;
}

/** Reads and checks a grant file; throws ValidationError (exit 2) listing every problem. */
export function readGrantFile(file: string, today = new Date().toISOString().slice(0, 10)): Grant {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new HmsopsError('GRANT_UNREADABLE', `cannot read grant file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { exitCode: ExitCode.usage });
  }
  return parseGrant(file, text, today);
}

/**
 * Where the recipients list is, when it is written as the usual block sequence
 * (`recipients:` at column 0, then `- ` items). Undefined for any other layout.
 */
function recipientBlock(lines: string[]): { start: number; end: number; items: number[] } | undefined {
  const start = lines.findIndex((l) => /^recipients:\s*(#.*)?$/.test(l));
  if (start < 0) return undefined;
  let end = start + 1;
  let indent: number | undefined;
  const items: number[] = [];
  for (; end < lines.length; end++) {
    const l = lines[end]!;
    if (/^\s*(#.*)?$/.test(l)) continue;
    const m = /^(\s*)-(\s|$)/.exec(l);
    if (m && (indent === undefined || m[1]!.length === indent)) {
      indent ??= m[1]!.length;
      items.push(end);
      continue;
    }
    if (indent === undefined || /^\S/.test(l)) break;
    if (l.length - l.trimStart().length <= indent) return undefined; // not the layout we know
  }
  return items.length ? { start, end, items } : undefined;
}

/**
 * Parses a grant. Large grants are the norm (100,000 recipients), and a YAML document of that
 * size costs the parser over a gigabyte; so the recipients are parsed one item at a time (same
 * parser, same line and column numbers), and only an unusual layout falls back to parsing the
 * whole document at once.
 */
export function parseGrant(file: string, text: string, today: string): Grant {
  const lines = text.split('\n');
  const block = recipientBlock(lines);
  if (!block) return parseWhole(file, text, today);
  // The head: the file with the recipients' lines blanked, so positions stay where they are.
  const headText = lines.map((l, i) => (i > block.start && i < block.end ? '' : l)).join('\n');
  const head = parseWithPositions(file, headText);
  if (head.syntax.length) throw new ValidationError(`invalid grant file ${file}`, head.syntax);
  const raw = (head.value ?? {}) as any;
  if (raw && typeof raw === 'object') raw.recipients = [];
  const located: SourceProblem[] = [];
  const headProblems = [...validate(grantSchema, raw), ...grantRuleProblems(raw, today)].filter((p) => !(p.path[0] === 'recipients' && p.path.length === 1));
  located.push(...headProblems.map(head.locate));
  const seen = new Map<string, number>();
  const recipients: any[] = [];
  block.items.forEach((startLine, i) => {
    const endLine = block.items[i + 1] ?? block.end;
    const item = simpleItem(file, lines, startLine, endLine) ?? parseWithPositions(file, lines.slice(startLine, endLine).join('\n'), [], startLine);
    if (item.syntax.length) return void located.push(...item.syntax);
    const r = (item.value as any[])?.[0];
    const problems = [
      ...validate(recipientSchema, r).map((p) => ({ ...p, path: ['recipients', i, ...p.path] })),
      ...recipientRuleProblems(r, i, seen),
    ].filter((p) => !(p.path[2] === 'amount' && typeof r?.amount === 'number' && !/write the amount/.test(p.message)));
    // The item's text is a one-element sequence: its own paths start at [0].
    located.push(...problems.map((p) => ({ ...item.locate({ path: [0, ...p.path.slice(2)], message: p.message }), path: formatPath(p.path) })));
    // Converted at once: a 100,000-recipient grant must not be held twice.
    if (problems.length === 0 && located.length === 0) recipients.push(toRecipient(r, raw?.secCode));
  });
  if (recipients.length === 0) located.push(head.locate({ path: ['recipients'], message: 'expected at least 1 item(s)' }));
  if (located.length) throw new ValidationError(`invalid grant file ${file}; nothing was sent`, sortProblems(located));
  return { ...toGrant({ ...raw, recipients: [] }), recipients };
}

/** Plain scalars that YAML's core schema reads as something other than a string. */
const NON_STRING = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|~|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;

/**
 * The common case, read without the YAML library: an item whose lines are all `key: value` with
 * a plain scalar starting with a letter, or a quoted string without escapes. It means exactly
 * what YAML says it means; any other item returns undefined and goes to the YAML parser.
 */
function simpleItem(file: string, lines: string[], startLine: number, endLine: number) {
  const value: Record<string, string> = {};
  const at: Record<string, { line: number; keyCol: number; valueCol: number }> = {};
  let keyIndent = -1;
  for (let n = startLine; n < endLine; n++) {
    let line = lines[n]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (/^\s*(#.*)?$/.test(line)) continue;
    let body = line;
    let col = 0;
    if (n === startLine) {
      const m = /^(\s*-\s+)/.exec(line);
      if (!m) return undefined;
      col = m[1]!.length;
      body = line.slice(col);
      keyIndent = col;
    } else {
      const indent = line.length - line.trimStart().length;
      if (indent !== keyIndent) return undefined;
      col = indent;
      body = line.slice(indent);
    }
    const m = /^([A-Za-z][A-Za-z0-9_]*):(\s+)(.*)$/.exec(body);
    if (!m || m[1]! in value) return undefined;
    const rawValue = m[3]!;
    const valueCol = col + m[1]!.length + 1 + m[2]!.length;
    let v: string;
    const dq = /^"([^"\\]*)"\s*(#.*)?$/.exec(rawValue);
    const sq = /^'([^']*)'\s*(#.*)?$/.exec(rawValue);
    if (dq) v = dq[1]!;
    else if (sq) v = sq[1]!;
    else {
      const plain = rawValue.replace(/\s+#.*$/, '').trimEnd();
      // Block context: a plain scalar ends at ' #' and may not hold ': '.
      if (!/^[A-Za-z]/.test(plain) || /: |:$/.test(plain) || NON_STRING.test(plain)) return undefined;
      v = plain;
    }
    value[m[1]!] = v;
    at[m[1]!] = { line: n + 1, keyCol: col + 1, valueCol: valueCol + 1 };
  }
  const dash = { line: startLine + 1, column: (lines[startLine]!.length - lines[startLine]!.trimStart().length) + 1 };
  const locate = (p: PathProblem): SourceProblem => {
    const key = p.path[1] as string | undefined;
    const pos = key !== undefined ? at[key] : undefined;
    if (!pos) return { file, line: dash.line, column: dash.column, path: formatPath(p.path.slice(1)), message: p.message };
    return { file, line: pos.line, column: /unknown key/.test(p.message) ? pos.keyCol : pos.valueCol, path: formatPath(p.path.slice(1)), message: p.message };
  };
  return { value: [value], syntax: [] as SourceProblem[], locate };
}

function sortProblems(ps: SourceProblem[]) {
  return ps.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function parseWhole(file: string, text: string, today: string): Grant {
  const { value, syntax, locate } = parseWithPositions(file, text);
  if (syntax.length) throw new ValidationError(`invalid grant file ${file}`, syntax);
  // Amounts written as bare YAML numbers are reported by the rules, not as type errors.
  const shape = validate(grantSchema, value).filter((p) => !(p.path[0] === 'recipients' && p.path[2] === 'amount' && typeof (value as any)?.recipients?.[p.path[1] as number]?.amount === 'number'));
  const problems = [...shape, ...grantRuleProblems(value, today)];
  if (problems.length) throw new ValidationError(`invalid grant file ${file}; nothing was sent`, sortProblems(problems.map(locate)));
  return toGrant(value as any);
}

function toGrant(g: any): Grant {
  return {
    id: g.id,
    program: g.program,
    agency: g.agency,
    originator: { name: foldToNacha(g.originator.name), companyId: g.originator.companyId, odfiRouting: g.originator.odfiRouting },
    effectiveDate: g.effectiveDate,
    recipients: g.recipients.map((r: any) => toRecipient(r, g.secCode)),
  };
}

function toRecipient(r: any, grantSecCode: 'CCD' | 'PPD' | undefined): GrantRecipient {
  return {
    id: r.id,
    name: r.name,
    nachaName: foldToNacha(r.name),
    email: r.email,
    routing: r.routing,
    account: r.account,
    accountType: r.accountType,
    amountCents: parseAmount(r.amount)!,
    secCode: r.secCode ?? grantSecCode ?? 'CCD',
  };
}

export { formatPath };
