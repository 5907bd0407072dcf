// Rewrites docs/errors.md's "Error codes" table from src/errors/catalog.ts (run `npm run build` first; `npm run docs:errors` does).
import fs from 'node:fs';
import { withErrorTable } from '../dist/src/errors/table.js';

const file = new URL('../docs/errors.md', import.meta.url);
const next = withErrorTable(fs.readFileSync(file, 'utf8'));
if (next === undefined) {
  console.error('docs/errors.md has no error-codes markers');
  process.exit(1);
}
fs.writeFileSync(file, next);
console.log('docs/errors.md: error table written from the catalog');
