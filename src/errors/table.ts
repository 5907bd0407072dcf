/** The "Error codes" table of docs/errors.md, written from the catalog (`npm run docs:errors`) and read back by a test. */
import { errorCatalog, type ErrorSpec } from './catalog.js';

export const TABLE_BEGIN = '<!-- error-codes: written by `npm run docs:errors` from src/errors/catalog.ts -->';
export const TABLE_END = '<!-- /error-codes -->';

const cell = (s: string) => s.replace(/\|/g, '\\|');
const RETRY: Record<ErrorSpec['retry'], string> = { yes: 'yes', repeatable: 'if safe to repeat', no: '-' };

export function errorTable(): string {
  const rows = Object.entries(errorCatalog).map(
    ([code, s]: [string, ErrorSpec]) => `| \`${code}\` | ${s.status ?? '-'} | ${s.exit} | ${RETRY[s.retry]} | ${s.from} | ${cell(s.when)} |`,
  );
  return ['| code | HTTP | exit | retry | from | when |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with its table replaced by the catalog's; undefined when the markers are missing. */
export function withErrorTable(readme: string): string | undefined {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin) return undefined;
  return `${readme.slice(0, begin + TABLE_BEGIN.length)}\n${errorTable()}\n${readme.slice(end)}`;
}
