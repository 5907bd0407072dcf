/** The ACH service's tables, their rows, and what the API shows of them. */
import { auditTable } from '../kit/audit.js';
import { type ColumnTypes, COLUMN_TYPES, type Migrations, type Queries } from '../kit/store.js';

/** The ledger's tables, in either dialect (the first migration). */
const ledgerTables = (t: ColumnTypes) => `CREATE TABLE transfers (
     seq ${t.key},
     id TEXT NOT NULL UNIQUE,
     idempotency_key TEXT NOT NULL UNIQUE,
     fingerprint TEXT NOT NULL,
     grant_id TEXT NOT NULL,
     recipient_id TEXT NOT NULL,
     name TEXT NOT NULL,
     routing TEXT NOT NULL,
     account TEXT NOT NULL,
     account_type TEXT NOT NULL CHECK (account_type IN ('checking', 'savings')),
     amount_cents ${t.bigint} NOT NULL CHECK (amount_cents > 0 AND amount_cents <= 9999999999),
     sec_code TEXT NOT NULL CHECK (sec_code IN ('CCD', 'PPD')),
     originator_name TEXT NOT NULL,
     company_id TEXT NOT NULL,
     odfi_routing TEXT NOT NULL,
     effective_date TEXT NOT NULL,
     trace_number TEXT NOT NULL UNIQUE,
     status TEXT NOT NULL CHECK (status IN ('queued', 'filed')),
     file_id TEXT,
     created_at TEXT NOT NULL
   );
   CREATE INDEX transfers_by_grant ON transfers (grant_id, status);
   CREATE INDEX transfers_by_status ON transfers (status, seq);
   CREATE TABLE ledger (
     seq ${t.key},
     transfer_id TEXT NOT NULL REFERENCES transfers (id),
     event TEXT NOT NULL CHECK (event IN ('queued', 'filed')),
     amount_cents ${t.bigint} NOT NULL,
     file_id TEXT,
     at TEXT NOT NULL
   );
   CREATE TABLE files (
     id TEXT PRIMARY KEY,
     path TEXT NOT NULL,
     grant_id TEXT,
     entries INTEGER NOT NULL,
     total_credit_cents ${t.bigint} NOT NULL,
     total_debit_cents ${t.bigint} NOT NULL,
     entry_hash ${t.bigint} NOT NULL,
     created_at TEXT NOT NULL
   );`;

// A request holds its keys while it works; a second request with a held key gets 409. The lease
// ends a hold that a crashed instance never released.
const reservationsTable = (t: ColumnTypes) => `CREATE TABLE reservations (
     idempotency_key TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     lease_until ${t.bigint} NOT NULL
   );`;

// A file's bytes in the store: any instance (on any host, with PostgreSQL) serves GET /v1/files/:id.
const fileBodies = (t: ColumnTypes) => `ALTER TABLE files ADD COLUMN body ${t.bytes};`;

// What the RDFIs sent back: each file imported once (by its SHA-256), each return or
// notification of change in it, matched to its transfer by the original trace number or left
// unmatched (transfer_id NULL), never dropped. The transfer's own rows are not touched: a return
// is an event beside them.
const inboundTables = (t: ColumnTypes) => `CREATE TABLE inbound_files (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     sha256 TEXT NOT NULL UNIQUE,
     entries INTEGER NOT NULL,
     imported_at TEXT NOT NULL
   );
   CREATE TABLE returns (
     seq ${t.key},
     inbound_file_id TEXT NOT NULL REFERENCES inbound_files (id),
     line INTEGER NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('returned', 'corrected', 'dishonored')),
     code TEXT NOT NULL,
     description TEXT NOT NULL,
     original_trace TEXT NOT NULL,
     transfer_id TEXT REFERENCES transfers (id),
     date_of_death TEXT,
     corrected_data TEXT,
     at TEXT NOT NULL,
     UNIQUE (inbound_file_id, line)
   );
   CREATE INDEX returns_by_transfer ON returns (transfer_id);`;

// Files sent to the ODFI: one row when a file is on the bank's server under its name (recorded
// after the rename; a crash before the record is found out by listing the remote folder), the
// last failure of the ones not there yet, and a lease so one instance of any host sends at a time.
const sendTables = (t: ColumnTypes) => `CREATE TABLE file_sends (
     file_id TEXT PRIMARY KEY REFERENCES files (id),
     remote_path TEXT NOT NULL,
     sent_at TEXT NOT NULL,
     found_there INTEGER NOT NULL
   );
   CREATE TABLE file_send_failures (
     file_id TEXT PRIMARY KEY REFERENCES files (id),
     attempts INTEGER NOT NULL,
     last_error TEXT NOT NULL,
     last_at ${t.bigint} NOT NULL
   );
   CREATE TABLE leases (
     name TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     until_ms ${t.bigint} NOT NULL
   );`;

// The ODFI's acknowledgements: a file is known by its file header (header_key, positions 4-34),
// and an acknowledgement names the inbound file it came in.
const ackTables = () => `ALTER TABLE files ADD COLUMN header_key TEXT;
   CREATE INDEX files_header_key ON files (header_key);
   CREATE TABLE file_acks (
     file_id TEXT PRIMARY KEY REFERENCES files (id),
     inbound_file_id TEXT NOT NULL REFERENCES inbound_files (id),
     acknowledged_at TEXT NOT NULL
   );`;

// Uploads: the files cut for one of the bank's windows, merged (src/nacha/merge.ts) and sent as
// one (or a few, within the bank's limits: a cut file split across two is linked to both). An
// upload that missed its window unsent is kept, marked missed, its links no longer live, and its
// files wait for the next window. One instance merges at a time (the sender's lease).
const uploadTables = (t: ColumnTypes) => `CREATE TABLE uploads (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     window_at TEXT NOT NULL,
     header_key TEXT NOT NULL,
     body ${t.bytes} NOT NULL,
     entries INTEGER NOT NULL,
     lines INTEGER NOT NULL,
     total_credit_cents ${t.bigint} NOT NULL,
     total_debit_cents ${t.bigint} NOT NULL,
     created_at TEXT NOT NULL,
     missed_at TEXT
   );
   CREATE INDEX uploads_header_key ON uploads (header_key);
   CREATE TABLE upload_files (
     upload_id TEXT NOT NULL REFERENCES uploads (id),
     file_id TEXT NOT NULL REFERENCES files (id),
     live INTEGER NOT NULL,
     PRIMARY KEY (upload_id, file_id)
   );
   CREATE INDEX upload_files_by_file ON upload_files (file_id);
   CREATE TABLE upload_sends (
     upload_id TEXT PRIMARY KEY REFERENCES uploads (id),
     remote_path TEXT NOT NULL,
     sent_at TEXT NOT NULL,
     found_there INTEGER NOT NULL
   );
   CREATE TABLE upload_send_failures (
     upload_id TEXT PRIMARY KEY REFERENCES uploads (id),
     attempts INTEGER NOT NULL,
     last_error TEXT NOT NULL,
     last_at ${t.bigint} NOT NULL
   );`;

// Prenotes: a zero-dollar entry (transaction code 23 or 33) sent to an account (routing, number,
// type) the ledger has never paid, before its first payment, which waits three banking days after
// the prenote settles. Not money, so not a transfer and not in the ledger; cut into the same files,
// its trace number taken from the transfers' keys (one sequence: no trace twice in a file). A
// return or change for it is recorded against it (prenote_id). Transfers are looked up by account
// (was this account ever paid?).
const prenoteTables = (t: ColumnTypes) => `CREATE TABLE prenotes (
     seq ${t.key},
     id TEXT NOT NULL UNIQUE,
     routing TEXT NOT NULL,
     account TEXT NOT NULL,
     account_type TEXT NOT NULL CHECK (account_type IN ('checking', 'savings')),
     grant_id TEXT NOT NULL,
     recipient_id TEXT NOT NULL,
     name TEXT NOT NULL,
     sec_code TEXT NOT NULL CHECK (sec_code IN ('CCD', 'PPD')),
     originator_name TEXT NOT NULL,
     company_id TEXT NOT NULL,
     odfi_routing TEXT NOT NULL,
     effective_date TEXT NOT NULL,
     trace_number TEXT NOT NULL UNIQUE,
     status TEXT NOT NULL CHECK (status IN ('queued', 'filed')),
     file_id TEXT,
     created_at TEXT NOT NULL,
     UNIQUE (account, routing, account_type)
   );
   CREATE INDEX prenotes_by_grant ON prenotes (grant_id, status);
   CREATE INDEX prenotes_by_status ON prenotes (status, seq);
   CREATE INDEX transfers_by_account ON transfers (account, routing);
   ALTER TABLE returns ADD COLUMN prenote_id TEXT REFERENCES prenotes (id);
   CREATE INDEX returns_by_prenote ON returns (prenote_id);`;

// Approvals of grant files over approvals.over (services/ach/approvals.ts): one per grant and
// file content, asked by one user, decided once by another.
const approvalTables = (t: ColumnTypes) => `CREATE TABLE approvals (
     id TEXT PRIMARY KEY,
     grant_id TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     program TEXT NOT NULL,
     agency TEXT NOT NULL,
     recipients INTEGER NOT NULL,
     total_cents ${t.bigint} NOT NULL,
     max_cents ${t.bigint} NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
     requested_by TEXT NOT NULL,
     requested_at TEXT NOT NULL,
     decided_by TEXT,
     decided_at TEXT,
     reason TEXT,
     UNIQUE (grant_id, sha256)
   );`;

// With ach.odfi.pgp: a file's or an upload's bytes as encrypted for the bank, kept from the first
// try, so every try sends the same bytes (encryption is randomized).
const sealedTable = (t: ColumnTypes) => `CREATE TABLE sealed_files (
     id TEXT PRIMARY KEY,
     bytes ${t.bytes} NOT NULL
   );`;

const versions = [ledgerTables, reservationsTable, fileBodies, inboundTables, sendTables, ackTables, uploadTables, prenoteTables, approvalTables, auditTable, sealedTable];
// SQLite stores went through the versions one by one; PostgreSQL came in at the third: its first
// migration is the first three in one step, and later ones follow one by one.
const sqlite = versions.map((v) => v(COLUMN_TYPES.sqlite));
const postgres = [
  versions
    .slice(0, 3)
    .map((v) => v(COLUMN_TYPES.postgres))
    .join('\n'),
  ...versions.slice(3).map((v) => v(COLUMN_TYPES.postgres)),
];

export const migrations: Migrations = { sqlite, postgres };

export interface TransferRow {
  seq: number;
  id: string;
  idempotency_key: string;
  fingerprint: string;
  grant_id: string;
  recipient_id: string;
  name: string;
  routing: string;
  account: string;
  account_type: 'checking' | 'savings';
  amount_cents: number;
  sec_code: 'CCD' | 'PPD';
  originator_name: string;
  company_id: string;
  odfi_routing: string;
  effective_date: string;
  trace_number: string;
  status: 'queued' | 'filed';
  file_id: string | null;
  created_at: string;
}

/** What the API shows of a transfer: never the full account number. */
export function publicTransfer(r: TransferRow) {
  return {
    id: r.id,
    status: r.status,
    traceNumber: r.trace_number,
    grantId: r.grant_id,
    recipientId: r.recipient_id,
    name: r.name,
    routing: r.routing,
    accountLast4: r.account.slice(-4),
    accountType: r.account_type,
    amountCents: r.amount_cents,
    secCode: r.sec_code,
    effectiveDate: r.effective_date,
    fileId: r.file_id,
    createdAt: r.created_at,
  };
}
export type PublicTransfer = ReturnType<typeof publicTransfer>;

/** A files row as the store gives it (without its bytes). */
export interface FileRow {
  id: string;
  path: string;
  grant_id: string | null;
  entries: number;
  total_credit_cents: number;
  total_debit_cents: number;
  entry_hash: number;
  created_at: string;
}

export interface FileRecord {
  fileId: string;
  path: string;
  grantId: string | null;
  entries: number;
  totalCreditCents: number;
  totalDebitCents: number;
  entryHash: number;
  createdAt: string;
}

export const fileRecord = (r: FileRow): FileRecord => ({
  fileId: r.id,
  path: r.path,
  grantId: r.grant_id,
  entries: r.entries,
  totalCreditCents: r.total_credit_cents,
  totalDebitCents: r.total_debit_cents,
  entryHash: r.entry_hash,
  createdAt: r.created_at,
});

/** Appends to the ledger (queued, filed): one row per event, never updated. */
export const appendToLedger = (q: Queries, events: readonly (readonly [transferId: string, event: 'queued' | 'filed', amountCents: number, fileId: string | null, at: string])[]) =>
  q.insert('ledger', ['transfer_id', 'event', 'amount_cents', 'file_id', 'at'], events);

/** The columns of a files row a listing reads (the bytes only when downloaded). */
export const FILE_COLUMNS = 'id, path, grant_id, entries, total_credit_cents, total_debit_cents, entry_hash, created_at';
