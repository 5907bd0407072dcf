import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledApiSource, compiledValidatorsSource } from '../../src/build/validator-source.js';

describe('the compiled validators', () => {
  it('are those of the definitions as they are now (run npm run gen:validators after changing one)', () => {
    const committed = fs.readFileSync(new URL('../../src/generated/validators.ts', import.meta.url), 'utf8');
    expect(committed === compiledValidatorsSource(), 'src/generated/validators.ts is out of date: run npm run gen:validators').toBe(true);
  });

  it('and the API schemas the services load are those of src/api as it is now', () => {
    const committed = fs.readFileSync(new URL('../../src/generated/api-schemas.ts', import.meta.url), 'utf8');
    expect(committed === compiledApiSource(), 'src/generated/api-schemas.ts is out of date: run npm run gen:validators').toBe(true);
  });
});
