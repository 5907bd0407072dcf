import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compiledValidatorsSource } from '../../src/build/validator-source.js';

describe('the compiled validators', () => {
  it('are those of the definitions as they are now (run npm run gen:validators after changing one)', () => {
    const committed = fs.readFileSync(new URL('../../src/config/compiled-validators.ts', import.meta.url), 'utf8');
    expect(committed === compiledValidatorsSource(), 'src/config/compiled-validators.ts is out of date: run npm run gen:validators').toBe(true);
  });
});
