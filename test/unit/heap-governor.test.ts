import { describe, expect, it } from 'vitest';
import { shouldCollect } from '../../src/cli/heap-governor.js';

describe('heap governor', () => {
  const MB = 1024 * 1024;
  it('collects only once the heap is well past what was live after the last collection', () => {
    expect(shouldCollect(100 * MB, 80 * MB)).toBe(false); // 1.25x
    expect(shouldCollect(125 * MB, 80 * MB)).toBe(true); // past 1.5x
    expect(shouldCollect(30 * MB, 10 * MB)).toBe(false); // 3x, but only 20 MB more
    expect(shouldCollect(40 * MB, 10 * MB)).toBe(true);
  });
});
