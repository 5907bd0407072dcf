import { describe, expect, it } from 'vitest';
import { numberedPlaceholders } from '../../services/kit/postgres-store.js';
import { redactUrl } from '../../services/kit/store.js';

describe('SQL written once for both stores', () => {
  it("numbers PostgreSQL's placeholders in order, leaving a ? inside quoted text alone", () => {
    expect(numberedPlaceholders("SELECT * FROM t WHERE a = ? AND b = '?' AND c IN (?, ?)")).toBe("SELECT * FROM t WHERE a = $1 AND b = '?' AND c IN ($2, $3)");
    expect(numberedPlaceholders("SELECT 'it''s ?' , ?")).toBe("SELECT 'it''s ?' , $1");
  });

  it('shows a database URL without its password', () => {
    expect(redactUrl('postgres://ach:s3cret@db:5432/hmsops')).toBe('postgres://ach:***@db:5432/hmsops');
    expect(redactUrl('postgres://ach@db:5432/hmsops')).toBe('postgres://ach@db:5432/hmsops');
  });
});
