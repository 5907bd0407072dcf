/**
 * Request and answer shapes of the fleet's APIs as the SDK sees them: the Static<> types of the
 * very schemas the services validate, document and serialize with (src/api/), never written twice.
 */
export type {
  AchFile,
  Approval,
  ApprovalRequest,
  BatchItemResult,
  BatchResult,
  FetchResult,
  FileTransmission,
  GrantSummary,
  InboundImport,
  NoFile,
  Prenote,
  ReturnedAccount,
  ReturnRates,
  ReturnRecord,
  SendResult,
  Transfer,
  TransferRequest,
  TransmissionList,
  UploadTransmission,
} from '../api/ach.js';
export type { AnalyticsEvent, GrantReport, Ingested, SummaryReport } from '../api/analytics.js';
export type { CreateUserRequest, LoginResult, User } from '../api/auth.js';
export type { Message, MessageWithRaw } from '../api/mail-sink.js';
export type { Email, EmailBatchResult, EmailList, EmailRequest } from '../api/messaging.js';
export type { AuditEntry } from '../api/shared.js';
