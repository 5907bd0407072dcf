/** The emails table (the outbox): its migrations, its row, and the row as the API shows it. */
import type * as types from '../../src/api/messaging.js';
import { COLUMN_TYPES } from '../kit/store.js';

const emailsTable = (bigint: string) => `CREATE TABLE emails (
     id TEXT PRIMARY KEY,
     idempotency_key TEXT NOT NULL UNIQUE,
     fingerprint TEXT NOT NULL,
     rcpt TEXT NOT NULL,
     subject TEXT NOT NULL,
     text TEXT NOT NULL,
     html TEXT,
     status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     next_attempt_at ${bigint} NOT NULL,
     claimed_until ${bigint} NOT NULL DEFAULT 0,
     message_id TEXT,
     created_at TEXT NOT NULL,
     sent_at TEXT
   );
   CREATE INDEX emails_due ON emails (status, next_attempt_at);`;
export const migrations = { sqlite: [emailsTable(COLUMN_TYPES.sqlite.bigint)], postgres: [emailsTable(COLUMN_TYPES.postgres.bigint)] };

/** An emails row as the store gives it. */
export interface EmailRow {
  id: string;
  idempotency_key: string;
  fingerprint: string;
  rcpt: string;
  subject: string;
  text: string;
  html: string | null;
  status: types.Email['status'];
  attempts: number;
  last_error: string | null;
  next_attempt_at: number;
  claimed_until: number;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
}

export const view = (r: EmailRow): types.Email => ({
  id: r.id,
  status: r.status,
  to: r.rcpt,
  subject: r.subject,
  attempts: r.attempts,
  lastError: r.last_error,
  messageId: r.message_id,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});
