/**
 * Grant files (fixtures/grants/*.yaml): read, check every rule, and report every problem at once
 * with file:line:column and the field path, before anything is sent. Pure apart from reading the file.
 */
import fs from 'node:fs';
import { formatPath, parseWithPositions } from '../config/load.js';
import { validate, type PathProblem, type Schema } from '../config/schema-dsl.js';
import { HmsopsError, ValidationError, ExitCode } from '../errors.js';
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
  (Array.isArray(raw?.recipients) ? raw.recipients : []).forEach((r: any, i: number) => {
    if (!r || typeof r !== 'object') return;
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
  });
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

export function parseGrant(file: string, text: string, today: string): Grant {
  const { value, syntax, locate } = parseWithPositions(file, text);
  if (syntax.length) throw new ValidationError(`invalid grant file ${file}`, syntax);
  // Amounts written as bare YAML numbers are reported by the rules, not as type errors.
  const shape = validate(grantSchema, value).filter((p) => !(p.path[0] === 'recipients' && p.path[2] === 'amount' && typeof (value as any)?.recipients?.[p.path[1] as number]?.amount === 'number'));
  const problems = [...shape, ...grantRuleProblems(value, today)];
  if (problems.length) {
    const located = problems.map(locate).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw new ValidationError(`invalid grant file ${file}; nothing was sent`, located);
  }
  const g = value as any;
  return {
    id: g.id,
    program: g.program,
    agency: g.agency,
    originator: { name: foldToNacha(g.originator.name), companyId: g.originator.companyId, odfiRouting: g.originator.odfiRouting },
    effectiveDate: g.effectiveDate,
    recipients: g.recipients.map((r: any) => ({
      id: r.id,
      name: r.name,
      nachaName: foldToNacha(r.name),
      email: r.email,
      routing: r.routing,
      account: r.account,
      accountType: r.accountType,
      amountCents: parseAmount(r.amount)!,
      secCode: r.secCode ?? g.secCode ?? 'CCD',
    })),
  };
}

export { formatPath };
