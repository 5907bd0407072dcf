/**
 * Grant files (fixtures/grants/*.yaml): read, check every rule, and report every problem at once
 * with file:line:column and the field path, before anything is sent. Pure apart from reading the
 * file. The shape is grant-definition.ts, the payment rules src/domain/payment-rules.ts, the
 * line-by-line reading of big recipient lists grant-yaml-subset.ts; this joins them and converts.
 */
import { formatPath, parseWithPositions } from '../config/load.js';
import { validateGrant, validateRecipient } from '../generated/validators.js';
import { checkAgainst, shown, type PathProblem } from '../config/schema-check.js';
import { fileErrorText, HmsopsError, ValidationError, type SourceProblem } from '../errors/index.js';
import { amountCentsProblem, checkDigitProblem, effectiveDateProblem, originatorNameProblem, recipientNameProblem } from '../domain/payment-rules.js';
import { parseAmount } from '../money.js';
import { foldToNacha } from '../nacha/index.js';
import { recipientBlock, simpleItem } from './grant-yaml-subset.js';
import { FirstIndex } from './columns.js';
import { type GrantRecipient, RecipientList } from './recipient-list.js';
import { TextLines } from './text-lines.js';

/** A grant file as parsed, before and after the schema and the rules have checked it. */
// biome-ignore lint/suspicious/noExplicitAny: YAML as parsed; every use sits behind validate() and the rules below
type Yaml = any;

export type { GrantRecipient } from './recipient-list.js';

export interface Grant {
  id: string;
  program: string;
  agency: string;
  originator: { name: string; companyId: string; odfiRouting: string };
  effectiveDate?: string;
  /** Same Day ACH (`sameDay: true` or `disburse --same-day`): the effective date is today, in the bank's zone. */
  sameDay?: boolean;
  /** Prenotes to accounts never paid (`prenote` in the grant; else the config's `ach.prenote`). */
  prenote?: boolean;
  /** The grant file's SHA-256 (what an approval is of: approvals.over). */
  sha256?: string;
  /** Set when the grant needs an approval and has it: each transfer names it (the file's SHA-256). */
  approval?: string;
  recipients: RecipientList;
}

/** A rule's reason at a path, or nothing. */
const at = (path: (string | number)[], message: string | undefined): PathProblem[] => (message ? [{ path, message }] : []);

/** Rules beyond the shape (src/domain/payment-rules.ts): check digits, amounts, duplicate ids, NACHA names, dates. */
export function grantRuleProblems(raw: Yaml, today: string): PathProblem[] {
  const out: PathProblem[] = [];
  if (typeof raw?.originator?.odfiRouting === 'string') out.push(...at(['originator', 'odfiRouting'], checkDigitProblem(raw.originator.odfiRouting)));
  if (typeof raw?.originator?.name === 'string') out.push(...at(['originator', 'name'], originatorNameProblem(raw.originator.name)));
  if (typeof raw?.effectiveDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.effectiveDate)) {
    if (Number.isNaN(Date.parse(`${raw.effectiveDate}T00:00:00Z`))) out.push({ path: ['effectiveDate'], message: `"${raw.effectiveDate}" is not a real date` });
    else out.push(...at(['effectiveDate'], effectiveDateProblem(raw.effectiveDate, today)));
    if (raw.sameDay === true) out.push({ path: ['sameDay'], message: 'a same-day grant settles the day it is sent: leave effectiveDate out' });
  }
  if (raw?.sameDay === true && raw?.prenote === true)
    out.push({ path: ['prenote'], message: 'a same-day grant settles today, and a payment after a prenote waits three banking days: leave one out' });
  const seen = new FirstIndex();
  (Array.isArray(raw?.recipients) ? raw.recipients : []).forEach((r: Yaml, i: number) => out.push(...recipientRuleProblems(r, i, seen)));
  return out;
}

/** One recipient's rules; `seen` carries ids across recipients to find duplicates. */
export function recipientRuleProblems(r: Yaml, i: number, seen: FirstIndex): PathProblem[] {
  const out: PathProblem[] = [];
  if (!r || typeof r !== 'object') return out;
  {
    const field = (f: string) => ['recipients', i, f];
    if (typeof r.id === 'string') {
      if (seen.has(r.id)) out.push({ path: field('id'), message: `duplicate recipient id ${shown(r.id)} (first at recipients[${seen.get(r.id)}])` });
      else seen.set(r.id, i);
    }
    if (typeof r.routing === 'string') out.push(...at(field('routing'), checkDigitProblem(r.routing)));
    if (typeof r.name === 'string') out.push(...at(field('name'), recipientNameProblem(r.name)));
    if (typeof r.amount === 'number')
      out.push({ path: field('amount'), message: `write the amount as a quoted decimal string such as "${r.amount.toFixed(2)}" (YAML numbers lose cents)` });
    else if (typeof r.amount === 'string') {
      const cents = parseAmount(r.amount);
      if (cents === undefined)
        out.push({
          path: field('amount'),
          message: /^\s*-/.test(r.amount)
            ? `${shown(r.amount)} is negative: a grant pays each recipient more than $0.00`
            : `${shown(r.amount)} is not a USD amount with at most 2 decimals`,
        });
      else out.push(...at(field('amount'), amountCentsProblem(cents)));
    }
  }
  return out;
}

/** Reads and checks a grant file; throws ValidationError (exit 2) listing every problem. */
export function readGrantFile(file: string, today = new Date().toISOString().slice(0, 10), opts: { every10k?: () => void } = {}): Grant {
  let lines: TextLines;
  try {
    // Read in pieces: a 1,000,000-recipient grant is 190 MB, more than the CLI may hold at once.
    lines = TextLines.ofFile(file);
  } catch (err) {
    throw new HmsopsError('GRANT_UNREADABLE', `cannot read grant file ${file}: ${fileErrorText(err)}`);
  }
  try {
    return parseGrant(file, lines, today, opts);
  } finally {
    lines.close();
  }
}

/**
 * Parses a grant. Large grants are the norm (100,000 recipients), and a YAML document of that
 * size costs the parser over a gigabyte; so the recipients are parsed one item at a time (same
 * parser, same line and column numbers), and only an unusual layout falls back to parsing the
 * whole document at once. `wholeDocument` always does (the reference a test holds the fast path to).
 */
export function parseGrant(
  file: string,
  text: string | Buffer | TextLines,
  today: string,
  opts: { wholeDocument?: boolean /** Called every 10,000 recipients read (the CLI keeps its heap in check there). */; every10k?: () => void } = {},
): Grant {
  const lines = text instanceof TextLines ? text : new TextLines(typeof text === 'string' ? Buffer.from(text) : text);
  const block = opts.wholeDocument ? undefined : recipientBlock(lines);
  if (!block) return parseWhole(file, lines.text(0), today);
  // The rest of the file: what comes before the list, and whatever top-level keys follow it
  // (parsed with their line offset, so positions stay true).
  const before = parseWithPositions(file, lines.text(0, block.start + 1));
  const after = parseWithPositions(file, lines.text(block.end), [], block.end);
  if (before.syntax.length || after.syntax.length) throw new ValidationError(`invalid grant file ${file}`, [...before.syntax, ...after.syntax]);
  // What follows the list must be more top-level keys; anything else (a second list at column 0,
  // a bare scalar) is a layout the pieces cannot judge alone: the whole document decides.
  const isMap = (v: unknown) => v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v));
  if (!isMap(before.value) || !isMap(after.value)) return parseWhole(file, lines.text(0), today);
  const tail = (after.value && typeof after.value === 'object' ? after.value : {}) as Record<string, unknown>;
  const raw = { ...((before.value ?? {}) as Record<string, unknown>), ...tail, recipients: [] } as Yaml;
  const head = { locate: (p: PathProblem) => (typeof p.path[0] === 'string' && p.path[0] in tail ? after.locate(p) : before.locate(p)) };
  const located: SourceProblem[] = [];
  const headProblems = [...checkAgainst(validateGrant, raw), ...grantRuleProblems(raw, today)].filter((p) => !(p.path[0] === 'recipients' && p.path.length === 1));
  located.push(...headProblems.map(head.locate));
  const seen = new FirstIndex(block.items.length);
  const recipients = new RecipientList(block.items.length);
  block.items.forEach((startLine, i) => {
    if (i % 10_000 === 9_999) opts.every10k?.();
    const endLine = block.items[i + 1] ?? block.end;
    const item = simpleItem(file, lines, startLine, endLine) ?? parseWithPositions(file, lines.text(startLine, endLine), [], startLine);
    if (item.syntax.length) return void located.push(...item.syntax);
    const r = (item.value as Yaml[])?.[0];
    const problems = [...checkAgainst(validateRecipient, r).map((p) => ({ ...p, path: ['recipients', i, ...p.path] })), ...recipientRuleProblems(r, i, seen)].filter(
      (p) => !(p.path[2] === 'amount' && typeof r?.amount === 'number' && !/write the amount/.test(p.message)),
    );
    // The item's text is a one-element sequence: its own paths start at [0].
    located.push(...problems.map((p) => ({ ...item.locate({ path: [0, ...p.path.slice(2)], message: p.message }), path: formatPath(p.path) })));
    // Converted at once: a 100,000-recipient grant must not be held twice.
    if (problems.length === 0 && located.length === 0) recipients.push(toRecipient(r, raw?.secCode));
  });
  if (located.length) throw new ValidationError(`invalid grant file ${file}; nothing was sent`, sortProblems(located));
  return { ...toGrant({ ...raw, recipients: [] }), recipients };
}

function sortProblems(ps: SourceProblem[]) {
  return ps.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function parseWhole(file: string, text: string, today: string): Grant {
  const { value, syntax, locate } = parseWithPositions(file, text);
  if (syntax.length) throw new ValidationError(`invalid grant file ${file}`, syntax);
  // Amounts written as bare YAML numbers are reported by the rules, not as type errors.
  const shape = checkAgainst(validateGrant, value).filter(
    (p) => !(p.path[0] === 'recipients' && p.path[2] === 'amount' && typeof (value as Yaml)?.recipients?.[p.path[1] as number]?.amount === 'number'),
  );
  const problems = [...shape, ...grantRuleProblems(value, today)];
  if (problems.length) throw new ValidationError(`invalid grant file ${file}; nothing was sent`, sortProblems(problems.map(locate)));
  return toGrant(value as Yaml);
}

function toGrant(g: Yaml): Grant {
  return {
    id: g.id,
    program: g.program,
    agency: g.agency,
    originator: { name: foldToNacha(g.originator.name), companyId: g.originator.companyId, odfiRouting: g.originator.odfiRouting },
    effectiveDate: g.effectiveDate,
    ...(g.sameDay ? { sameDay: true } : {}),
    ...(typeof g.prenote === 'boolean' ? { prenote: g.prenote } : {}),
    recipients: RecipientList.of(g.recipients.map((r: Yaml) => toRecipient(r, g.secCode))),
  };
}

function toRecipient(r: Yaml, grantSecCode: 'CCD' | 'PPD' | undefined): GrantRecipient {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    routing: r.routing,
    account: r.account,
    accountType: r.accountType,
    amountCents: parseAmount(r.amount)!,
    secCode: r.secCode ?? grantSecCode ?? 'CCD',
  };
}

export { formatPath };
