// Writes src/generated/validators.ts and src/generated/api-schemas.ts from the TypeBox definitions (compiled first: `npm run gen:validators` does).
import fs from 'node:fs';
import { compiledApiSource, compiledValidatorsSource } from '../dist/src/build/validator-source.js';

const file = new URL('../src/generated/validators.ts', import.meta.url);
fs.writeFileSync(file, compiledValidatorsSource());
fs.writeFileSync(new URL('../src/generated/api-schemas.ts', import.meta.url), compiledApiSource());
console.log('src/generated/validators.ts and src/generated/api-schemas.ts written from the definitions');
