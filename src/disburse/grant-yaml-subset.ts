/**
 * The grant reader's fast path: the recipients list read a line at a time, without building the
 * whole YAML document (100,000 recipients would cost the parser over a gigabyte). It reads only a
 * subset it knows means what YAML means (`key: value` lines, plain or simply quoted scalars) and
 * hands anything else to the yaml library; test/unit/grant-yaml-agreement.test.ts holds the two
 * to the same answers on generated grants.
 */
import { formatPath } from '../config/load.js';
import type { PathProblem } from '../config/schema-check.js';
import type { SourceProblem } from '../errors/index.js';
import type { TextLines } from './text-lines.js';

/**
 * Where the recipients list is, when it is written as the usual block sequence
 * (`recipients:` at column 0, then `- ` items). Undefined for any other layout.
 */
export function recipientBlock(lines: TextLines): { start: number; end: number; items: number[] } | undefined {
  let start = -1;
  for (let n = 0; n < lines.length && start < 0; n++) if (lines.startsWith(n, 'recipients:') && /^recipients:\s*(#.*)?$/.test(lines.at(n))) start = n;
  if (start < 0) return undefined;
  let end = start + 1;
  let indent: number | undefined;
  const items: number[] = [];
  const HASH = 35;
  const DASH = 45;
  for (; end < lines.length; end++) {
    // Byte by byte: this runs over every line of the list.
    const { indent: col, first, second } = lines.shape(end);
    if (first === -1 || first === HASH) continue; // blank or comment
    if (first === DASH && (second === -1 || second === 32 || (second >= 9 && second <= 13)) && (indent === undefined || col === indent)) {
      indent ??= col;
      items.push(end);
      continue;
    }
    if (indent === undefined || col === 0) break;
    if (col <= indent) return undefined; // not the layout we know
  }
  return items.length ? { start, end, items } : undefined;
}

/** Plain scalars that YAML's core schema reads as something other than a string. */
const NON_STRING = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|~|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/;

/**
 * The common case, read without the YAML library: an item whose lines are all `key: value` with
 * a plain scalar starting with a letter, or a quoted string without escapes. It means exactly
 * what YAML says it means; any other item returns undefined and goes to the YAML parser.
 */
export function simpleItem(file: string, lines: TextLines, startLine: number, endLine: number) {
  const value: Record<string, string> = {};
  let keyIndent = -1;
  for (let n = startLine; n < endLine; n++) {
    const parsed = simpleLine(lines.at(n), n === startLine, keyIndent);
    if (parsed === null) continue;
    if (parsed === undefined || parsed.key in value) return undefined;
    keyIndent = parsed.keyCol;
    value[parsed.key] = parsed.value;
  }
  // Positions are worked out again only when a problem needs one: 100,000 items, few problems.
  const locate = (p: PathProblem): SourceProblem => {
    const key = p.path[1] as string | undefined;
    const path = formatPath(p.path.slice(1));
    let indent = -1;
    for (let n = startLine; key !== undefined && n < endLine; n++) {
      const parsed = simpleLine(lines.at(n), n === startLine, indent);
      if (!parsed) continue;
      indent = parsed.keyCol;
      if (parsed.key === key) return { file, line: n + 1, column: (/unknown key/.test(p.message) ? parsed.keyCol : parsed.valueCol) + 1, path, message: p.message };
    }
    // A problem of the item as a whole (a missing key) is where its mapping starts, after "- ", as YAML says.
    const dash = /^\s*-\s+/.exec(lines.at(startLine));
    return { file, line: startLine + 1, column: (dash?.[0].length ?? 0) + 1, path, message: p.message };
  };
  return { value: [value], syntax: [] as SourceProblem[], locate };
}

/** One `key: value` line of a simple item; null for blank and comment lines, undefined for anything else. */
function simpleLine(raw: string, first: boolean, keyIndent: number): { key: string; value: string; keyCol: number; valueCol: number } | null | undefined {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (/^\s*(#.*)?$/.test(line)) return null;
  let col: number;
  if (first) {
    const m = /^\s*-\s+/.exec(line);
    if (!m) return undefined;
    col = m[0].length;
  } else {
    col = line.length - line.trimStart().length;
    if (col !== keyIndent) return undefined;
  }
  const colon = line.indexOf(':', col);
  if (colon < 0 || !/^[A-Za-z][A-Za-z0-9_]*$/.test(line.slice(col, colon))) return undefined;
  let v = colon + 1;
  if (line[v] !== ' ' && line[v] !== '\t') return undefined;
  while (line[v] === ' ' || line[v] === '\t') v++;
  const rawValue = line.slice(v);
  let value: string;
  const q = rawValue[0];
  if (q === '"' || q === "'") {
    const close = rawValue.indexOf(q, 1);
    if (close < 0 || (q === '"' && rawValue.slice(1, close).includes('\\'))) return undefined;
    if (!/^\s*(#.*)?$/.test(rawValue.slice(close + 1))) return undefined;
    if (q === "'" && rawValue[close + 1] === "'") return undefined; // '' escape: leave it to YAML
    value = rawValue.slice(1, close);
  } else {
    // Block context: a plain scalar ends at ' #' and may not hold ': '.
    const hash = rawValue.search(/\s#/);
    value = (hash >= 0 ? rawValue.slice(0, hash) : rawValue).trimEnd();
    if (!/^[A-Za-z]/.test(value) || /: |:$/.test(value) || NON_STRING.test(value)) return undefined;
  }
  return { key: line.slice(col, colon), value, keyCol: col, valueCol: v };
}
