import { describe, expect, it } from 'vitest';
import { shouldCollect } from '../../src/cli/heap-governor.js';

describe('heap governor', () => {
  const MB = 1024 * 1024;
  it('collects only once the heap is well past what was live after the last collection', () => {
    expect(shouldCollect(100 * MB, 80 * MB)).toBe(false); // 1.25x exactly
    expect(shouldCollect(101 * MB, 80 * MB)).toBe(true); // past 1.25x
    expect(shouldCollect(25 * MB, 10 * MB)).toBe(false); // 2.5x, but only 15 MB more
    expect(shouldCollect(27 * MB, 10 * MB)).toBe(true);
  });
});
