// Writes src/config/compiled-validators.ts from the TypeBox definitions (compiled first: `npm run gen:validators` does).
import fs from 'node:fs';
import { compiledValidatorsSource } from '../dist/src/build/validator-source.js';

const file = new URL('../src/config/compiled-validators.ts', import.meta.url);
fs.writeFileSync(file, compiledValidatorsSource());
console.log('src/config/compiled-validators.ts written from the definitions');
