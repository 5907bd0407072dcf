/**
 * The ACH service's API, one schema per shape: Fastify validates with it (where the domain rules
 * do not), documents it (OpenAPI), serializes answers by it, and the SDK's types are its Static<>.
 */
import { type Static, Type } from 'typebox';
import { ItemErrorBody, Nullable, StringEnum } from './shared.js';

const AccountType = StringEnum(['checking', 'savings']);
const SecCode = StringEnum(['CCD', 'PPD']);

/**
 * A credit transfer as requested. Its shape is documented here; the domain rules
 * (src/domain/payment-rules.ts) check it, so every problem, shape or check digit, is reported in one answer.
 */
export const TransferRequest = Type.Object({
  grantId: Type.String(),
  recipientId: Type.String(),
  name: Type.String({ maxLength: 100, description: 'kept whole (at most 100 characters); the NACHA record carries it folded to upper-case ASCII and cut to 22 characters' }),
  routing: Type.String({ pattern: '^\\d{9}$' }),
  account: Type.String({ pattern: '^[0-9A-Za-z-]{1,17}$' }),
  accountType: AccountType,
  amountCents: Type.Integer({ minimum: 1, maximum: 9999999999 }),
  secCode: SecCode,
  originator: Type.Object({ name: Type.String(), companyId: Type.String(), odfiRouting: Type.String() }),
  effectiveDate: Type.Optional(Type.String({ format: 'date' })),
  approval: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: "a grant over approvals.over: the approved grant file's SHA-256" })),
  prenote: Type.Optional(
    Type.Boolean({
      description:
        'an account (routing, number, type) the ledger never paid gets a zero-dollar prenote first, and the payment waits three banking days after it settles (answered 202 with the prenote)',
    }),
  ),
});
export type TransferRequest = Static<typeof TransferRequest>;

/** A request for the approval of one grant file (the CLI's `disburse` of a grant over `approvals.over`). */
export const ApprovalRequest = Type.Object(
  {
    grantId: Type.String({ pattern: '^[A-Za-z0-9._:-]{1,64}$' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: "the grant file's SHA-256: the approval is of this content" }),
    program: Type.String({ maxLength: 200 }),
    agency: Type.String({ maxLength: 200 }),
    recipients: Type.Integer({ minimum: 1 }),
    totalCents: Type.Integer({ minimum: 1 }),
    maxCents: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type ApprovalRequest = Static<typeof ApprovalRequest>;

export const Approval = Type.Object({
  id: Type.String(),
  grantId: Type.String(),
  sha256: Type.String(),
  program: Type.String(),
  agency: Type.String(),
  recipients: Type.Integer(),
  totalCents: Type.Integer(),
  maxCents: Type.Integer(),
  status: StringEnum(['pending', 'approved', 'rejected']),
  requestedBy: Type.String(),
  requestedAt: Type.String(),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});
export type Approval = Static<typeof Approval>;
export const ApprovalList = Type.Object({ approvals: Type.Array(Approval), limitCents: Nullable(Type.Integer()) });
export const ApprovalQuery = Type.Object(
  { grantId: Type.Optional(Type.String()), status: Type.Optional(StringEnum(['pending', 'approved', 'rejected'])) },
  { additionalProperties: false },
);
export const Decision = Type.Object({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }, { additionalProperties: false });

/**
 * A prenote: the zero-dollar entry sent to an account before its first payment. `state`: waiting
 * (the payment waits until `payableFrom`), payable, or held (the bank returned it, or sent a
 * change for it: `answer` says which; the account must change in the grant file).
 */
export const Prenote = Type.Object({
  id: Type.String(),
  grantId: Type.String(),
  recipientId: Type.String(),
  routing: Type.String(),
  accountLast4: Type.String(),
  accountType: AccountType,
  traceNumber: Type.String(),
  status: StringEnum(['queued', 'filed']),
  fileId: Nullable(Type.String()),
  effectiveDate: Type.String(),
  payableFrom: Type.String({ description: 'the third banking day after the prenote settles: the first day its payment is sent' }),
  state: StringEnum(['waiting', 'payable', 'held']),
  answer: Nullable(
    Type.Object({ kind: StringEnum(['returned', 'corrected', 'dishonored']), code: Type.String(), description: Type.String(), correctedData: Nullable(Type.String()) }),
  ),
  createdAt: Type.String(),
});
export type Prenote = Static<typeof Prenote>;
export const PrenoteQuery = Type.Object({ grantId: Type.Optional(Type.String()) }, { additionalProperties: false });
export const PrenoteList = Type.Object({ prenotes: Type.Array(Prenote) });

/** A transfer as the API shows it: never the full account number. */
export const Transfer = Type.Object({
  id: Type.String(),
  status: StringEnum(['queued', 'filed']),
  traceNumber: Type.String(),
  grantId: Type.String(),
  recipientId: Type.String(),
  name: Type.String(),
  routing: Type.String(),
  accountLast4: Type.String(),
  accountType: AccountType,
  amountCents: Type.Integer(),
  secCode: SecCode,
  effectiveDate: Type.String(),
  fileId: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Transfer = Static<typeof Transfer>;

/** Items are checked one by one by the domain rules (a bad item is reported by its index). */
export const BatchRequest = Type.Object(
  { atomic: Type.Optional(Type.Boolean()), transfers: Type.Array(Type.Record(Type.String(), Type.Unknown()), { minItems: 1, maxItems: 10_000 }) },
  { additionalProperties: false },
);

export const BatchItemResult = Type.Object({
  index: Type.Integer(),
  status: Type.Integer(),
  transfer: Type.Optional(Transfer),
  /** 202: no transfer yet; the account's prenote, which the payment waits for. */
  prenote: Type.Optional(Prenote),
  replayed: Type.Optional(Type.Boolean()),
  error: Type.Optional(ItemErrorBody),
});
export type BatchItemResult = Static<typeof BatchItemResult>;

export const BatchResult = Type.Object({
  results: Type.Array(BatchItemResult),
  created: Type.Integer(),
  replayed: Type.Integer(),
  waiting: Type.Optional(Type.Integer({ description: 'items answered 202: waiting for their prenote' })),
  failed: Type.Integer(),
});
export type BatchResult = Static<typeof BatchResult>;

/** An atomic batch with a failed item (422 BATCH_REJECTED): nothing was stored; each item says why. */
export const BatchRejected = Type.Object({ error: ItemErrorBody, results: Type.Array(BatchItemResult) });

export const TransferQuery = Type.Object({ grantId: Type.Optional(Type.String()), status: Type.Optional(StringEnum(['queued', 'filed'])) }, { additionalProperties: false });
export const TransferList = Type.Object({ transfers: Type.Array(Transfer) });

export const CutFileRequest = Nullable(
  Type.Object(
    {
      grantId: Type.Optional(Type.String()),
      effectiveDate: Type.Optional(Type.String()),
      maxEntries: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 100_000, description: 'at most this many entries in the file (default 20,000, at most 100,000); cut again for the rest' }),
      ),
    },
    { additionalProperties: false },
  ),
);

export const AchFile = Type.Object({
  fileId: Type.String(),
  path: Type.String(),
  grantId: Nullable(Type.String()),
  entries: Type.Integer(),
  totalCreditCents: Type.Integer(),
  totalDebitCents: Type.Integer(),
  entryHash: Type.Integer(),
  createdAt: Type.String(),
});
export type AchFile = Static<typeof AchFile>;

/** A cut with nothing queued. */
export const NoFile = Type.Object({ fileId: Type.Null(), entries: Type.Literal(0), message: Type.String() });
export type NoFile = Static<typeof NoFile>;

export const FileQuery = Type.Object({ grantId: Type.Optional(Type.String()) });
export const FileList = Type.Object({ files: Type.Array(AchFile) });

export const GrantSummary = Type.Object({
  grantId: Type.String(),
  transfers: Type.Integer(),
  amountCents: Type.Integer(),
  queued: Type.Integer(),
  filed: Type.Integer(),
  files: Type.Integer(),
  firstAt: Type.String(),
  lastAt: Type.String(),
});
export type GrantSummary = Static<typeof GrantSummary>;
export const GrantList = Type.Object({ grants: Type.Array(GrantSummary) });
export const GrantParams = Type.Object({ grantId: Type.String() });

/** A file an RDFI sent back (returns, notifications of change), as its NACHA text. */
export const InboundFileRequest = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }), text: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export type InboundFileRequest = Static<typeof InboundFileRequest>;

/** One return or notification of change, and the transfer it answers (null fields: no transfer has that trace). */
export const ReturnRecord = Type.Object({
  line: Type.Integer(),
  kind: StringEnum(['returned', 'corrected', 'dishonored']),
  code: Type.String(),
  description: Type.String(),
  originalTrace: Type.String(),
  dateOfDeath: Nullable(Type.String()),
  correctedData: Nullable(Type.String()),
  transferId: Nullable(Type.String()),
  /** The prenote it answers (then transferId is null and amountCents 0). */
  prenoteId: Nullable(Type.String()),
  grantId: Nullable(Type.String()),
  recipientId: Nullable(Type.String()),
  amountCents: Nullable(Type.Integer()),
  at: Type.String(),
});
export type ReturnRecord = Static<typeof ReturnRecord>;

export const InboundImport = Type.Object({
  fileId: Type.String(),
  name: Type.String(),
  sha256: Type.String(),
  alreadyImported: Type.Boolean(),
  importedAt: Type.String(),
  records: Type.Array(ReturnRecord),
  /** A file with no batches: the ODFI's acknowledgement of the file sent with its header (fileId null: none). */
  acknowledgement: Nullable(Type.Object({ fileId: Nullable(Type.String()) })),
});
export type InboundImport = Static<typeof InboundImport>;
export const ReturnList = Type.Object({ returns: Type.Array(ReturnRecord) });

/** The rolling window of the return watch, in days (NACHA's is 60). */
export const ReturnWindowQuery = Type.Object(
  { days: Type.Optional(Type.String({ pattern: '^([1-9]|[1-9][0-9]|[12][0-9]{2}|3[0-5][0-9]|36[0-6])$', description: 'a whole number of days, 1-366 (default 60)' })) },
  { additionalProperties: false },
);

/** One return rate of an originator against NACHA's threshold (rate null: no entries in the window). */
export const ReturnRate = Type.Object({
  category: StringEnum(['unauthorized', 'administrative', 'overall']),
  returns: Type.Integer(),
  rate: Nullable(Type.Number()),
  threshold: Type.Number(),
  over: Type.Boolean(),
});

export const ReturnRates = Type.Object({
  windowDays: Type.Integer(),
  since: Type.String(),
  originators: Type.Array(Type.Object({ companyId: Type.String(), originatorName: Type.String(), entries: Type.Integer(), rates: Type.Array(ReturnRate) })),
  unmatched: Type.Integer({ description: 'returns in the window that match no transfer, so no originator' }),
});
export type ReturnRates = Static<typeof ReturnRates>;

/** An account an administrative return (R02, R03, R04) came back from; the number itself is never shown. */
export const ReturnedAccount = Type.Object({
  accountKey: Type.String({ description: 'SHA-256 of routing:account, to match without showing the number' }),
  routing: Type.String(),
  accountLast4: Type.String(),
  accountType: AccountType,
  code: Type.String(),
  description: Type.String(),
  grantId: Type.String(),
  recipientId: Type.String(),
  idempotencyKey: Type.String(),
  returnedAt: Type.String(),
});
export type ReturnedAccount = Static<typeof ReturnedAccount>;
export const ReturnedAccountList = Type.Object({ accounts: Type.Array(ReturnedAccount) });

/** A file cut, and where it stands with the ODFI. */
export const FileTransmission = Type.Object({
  fileId: Type.String(),
  name: Type.String(),
  grantId: Nullable(Type.String()),
  entries: Type.Integer(),
  cutAt: Type.String(),
  state: StringEnum(['cut', 'sent', 'acknowledged']),
  sentAt: Nullable(Type.String()),
  acknowledgedAt: Nullable(Type.String()),
  remotePath: Nullable(Type.String()),
  cutoff: Type.String(),
  late: Type.Boolean(),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  /** With merging per window (ach.odfi.merge): the upload (merged file) it went into or is in; null while it waits for its window. */
  upload: Nullable(Type.String()),
  /** The windows it missed (an upload of it not on the bank's server by the cutoff), oldest first. */
  missedWindows: Type.Array(Type.String()),
});
export type FileTransmission = Static<typeof FileTransmission>;

/** A merged file for one of the bank's windows (ach.odfi.merge). */
export const UploadTransmission = Type.Object({
  uploadId: Type.String(),
  name: Type.String(),
  window: Type.String(),
  state: StringEnum(['merged', 'sent', 'acknowledged', 'missed']),
  entries: Type.Integer(),
  lines: Type.Integer(),
  totalCreditCents: Type.Integer(),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
  remotePath: Nullable(Type.String()),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  /** The cut files it holds. */
  files: Type.Array(Type.String()),
});
export type UploadTransmission = Static<typeof UploadTransmission>;
export const TransmissionList = Type.Object({
  /** true: files go to the bank merged per window; false: each as soon as it is cut. */
  merge: Type.Boolean(),
  /** The window files waiting now go in, and when they go up. */
  nextWindow: Nullable(Type.Object({ cutoff: Type.String(), uploadAt: Type.String() })),
  files: Type.Array(FileTransmission),
  uploads: Type.Array(UploadTransmission),
});
export type TransmissionList = Static<typeof TransmissionList>;
export const SendRequest = Nullable(Type.Object({ fileId: Type.Optional(Type.String({ minLength: 1 })) }, { additionalProperties: false }));
export const SendResult = Type.Object({
  /** False when another instance was sending at that moment (it sends what waits). */
  sending: Type.Boolean(),
  /** Per file sent (fileId), or per upload with merging (fileId: the upload's id, name: its file name). */
  results: Type.Array(Type.Object({ fileId: Type.String(), name: Type.Optional(Type.String()), outcome: Type.String() })),
  ...TransmissionList.properties,
});
export type SendResult = Static<typeof SendResult>;
export const FetchResult = Type.Object({
  fetched: Type.Array(Type.Object({ name: Type.String(), imported: Type.Optional(InboundImport), error: Type.Optional(Type.String()) })),
});
export type FetchResult = Static<typeof FetchResult>;
