import { describe, expect, it } from 'vitest';
import { orderedId } from '../../services/kit/ordered-id.js';

describe('orderedId', () => {
  it('is 32 hex digits laid out as a UUIDv7, carrying the time it was made', () => {
    const before = Date.now();
    const id = orderedId();
    expect(id).toMatch(/^[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
    expect(Number.parseInt(id.slice(0, 12), 16)).toBeGreaterThanOrEqual(before);
    expect(Number.parseInt(id.slice(0, 12), 16)).toBeLessThanOrEqual(Date.now() + 1);
  });
  it('sorts in the order made, also past 4,096 in one millisecond, and never repeats', () => {
    const ids = Array.from({ length: 20_000 }, () => orderedId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
