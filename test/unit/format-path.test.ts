import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/config/load.js';

describe('a problem path', () => {
  it('shows plain names as they are and list indexes in brackets', () => {
    expect(formatPath(['services', 'ach', 'health', 'liveness'])).toBe('services.ach.health.liveness');
    expect(formatPath(['recipients', 3, 'routing'])).toBe('recipients[3].routing');
  });

  it('quotes a key that is not a plain name, and shortens a long one (a fuzzed config had an 800-digit key)', () => {
    expect(formatPath(['services', 'a b'])).toBe('services."a b"');
    const long = formatPath(['9'.repeat(800), 'x']);
    expect(long.length).toBeLessThan(70);
    expect(long).toMatch(/^"9+\.\.\.\.x$/);
  });
});
