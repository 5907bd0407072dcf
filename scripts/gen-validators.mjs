// Writes src/config/compiled-validators.ts and src/api/compiled-schemas.ts from the TypeBox definitions (compiled first: `npm run gen:validators` does).
import fs from 'node:fs';
import { compiledApiSource, compiledValidatorsSource } from '../dist/src/build/validator-source.js';

const file = new URL('../src/config/compiled-validators.ts', import.meta.url);
fs.writeFileSync(file, compiledValidatorsSource());
fs.writeFileSync(new URL('../src/api/compiled-schemas.ts', import.meta.url), compiledApiSource());
console.log('src/config/compiled-validators.ts and src/api/compiled-schemas.ts written from the definitions');
