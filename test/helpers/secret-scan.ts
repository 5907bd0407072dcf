/**
 * The whole-run secret scan: when a test fleet is torn down, every log it wrote and every output
 * of the CLI during the test are searched for the secrets that fleet held (the operator's
 * password, the fleet token, the last session's bearer token, the full account numbers in its
 * ledger). A hit fails the test; the message names the kind of secret and where, never the secret.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StatePaths } from '../../src/state/paths.js';

const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The fleet's secrets, by kind. Account numbers shorter than 8 characters are left out: they match timestamps and ports. */
export function fleetSecrets(paths: StatePaths): Array<{ kind: string; value: string }> {
  const out: Array<{ kind: string; value: string }> = [];
  const credentials = read(paths.credentials);
  if (credentials) out.push({ kind: "the operator's password", value: JSON.parse(credentials).password });
  const fleetToken = read(paths.fleetToken)?.trim();
  if (fleetToken) out.push({ kind: 'the fleet token', value: fleetToken });
  const session = read(path.join(paths.run, 'session.json'));
  if (session) out.push({ kind: "a session's bearer token (its signature)", value: String(JSON.parse(session).token).split('.')[2] ?? '' });
  const ledger = path.join(paths.data, 'ach.sqlite');
  if (fs.existsSync(ledger)) {
    const db = new Database(ledger, { readonly: true, fileMustExist: true });
    try {
      for (const account of db.prepare('SELECT DISTINCT account FROM transfers WHERE length(account) >= 8').pluck().all() as string[])
        out.push({ kind: 'a full account number', value: account });
    } catch {
      // a ledger not migrated yet has no transfers table
    } finally {
      db.close();
    }
  }
  return out.filter((s) => s.value.length >= 8);
}

/**
 * An account number counts where it stands as a whole (not inside a longer run of digits or
 * letters): an 8-digit account otherwise turns up by chance inside trace numbers and file ids.
 * A text's runs of digits and letters are collected once, so thousands of accounts are looked up
 * in them instead of each searched for through every log.
 */
const WORD = /[0-9A-Za-z]+/g;
const isWord = (value: string) => /^[0-9A-Za-z]+$/.test(value);

function contains(text: string, words: () => Set<string>, s: { kind: string; value: string }): boolean {
  if (s.kind !== 'a full account number') return text.includes(s.value);
  if (isWord(s.value)) return words().has(s.value);
  for (let i = text.indexOf(s.value); i >= 0; i = text.indexOf(s.value, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + s.value.length] ?? ' ';
    if (!/[0-9A-Za-z]/.test(before) && !/[0-9A-Za-z]/.test(after)) return true;
  }
  return false;
}

/** Where each secret was found: "<kind> in <file or 'CLI output'>". */
export function findSecrets(paths: StatePaths, outputs: string[], more: Array<{ kind: string; value: string }> = []): string[] {
  const secrets = [...fleetSecrets(paths), ...more.filter((s) => s.value.length >= 8)];
  if (!secrets.length) return [];
  const texts: Array<[string, string]> = outputs.map((o) => ['the CLI output', o]);
  if (fs.existsSync(paths.logs)) for (const f of fs.readdirSync(paths.logs)) texts.push([`logs/${f}`, read(path.join(paths.logs, f)) ?? '']);
  const hits: string[] = [];
  const words = texts.map(([, text]) => {
    let set: Set<string> | undefined;
    return () => (set ??= new Set(text.match(WORD)));
  });
  for (const s of secrets) texts.forEach(([where, text], i) => contains(text, words[i]!, s) && hits.push(`${s.kind} in ${where}`));
  return [...new Set(hits)];
}
