/** Request and response shapes of the fleet's APIs, as the SDK sees them. */
export interface User {
  id: string;
  username: string;
  email: string;
  roles: string[];
  disabled: boolean;
}
export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
}
export interface TransferRequest {
  grantId: string;
  recipientId: string;
  name: string;
  routing: string;
  account: string;
  accountType: 'checking' | 'savings';
  amountCents: number;
  secCode: 'CCD' | 'PPD';
  originator: { name: string; companyId: string; odfiRouting: string };
  effectiveDate?: string;
}
export interface Transfer {
  id: string;
  status: 'queued' | 'filed';
  traceNumber: string;
  grantId: string;
  recipientId: string;
  name: string;
  accountLast4: string;
  accountType: 'checking' | 'savings';
  routing: string;
  amountCents: number;
  secCode: 'CCD' | 'PPD';
  effectiveDate: string;
  fileId: string | null;
  createdAt: string;
}
export interface BatchItemResult {
  index: number;
  status: number;
  transfer?: Transfer;
  replayed?: boolean;
  error?: { code: string; message: string; fields?: { field: string; reason: string }[] };
}
export interface BatchResult {
  results: BatchItemResult[];
  created: number;
  replayed: number;
  failed: number;
}
export interface AchFile {
  fileId: string;
  path: string;
  entries: number;
  totalCreditCents: number;
  totalDebitCents: number;
  entryHash: number;
  createdAt: string;
}
export interface AnalyticsEvent {
  id: string;
  type: string;
  at: string;
  grantId?: string;
  amountCents?: number;
  status?: string;
  attributes?: Record<string, unknown>;
}
export interface GrantReport {
  grantId: string;
  byType: { type: string; status: string | null; count: number; amountCents: number }[];
  total: { count: number; amountCents: number };
}
export interface SummaryReport {
  since: string | null;
  byType: { type: string; count: number; amountCents: number }[];
  grants: number;
}
export interface EmailRequest {
  to: string;
  subject: string;
  text: string;
  html?: string;
}
export interface Email {
  id: string;
  status: 'queued' | 'sent' | 'failed';
  to: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: string;
  sentAt: string | null;
}
export interface EmailBatchResult {
  results: { index: number; status: number; email?: { id: string; status: string }; replayed?: boolean; error?: { code: string; message: string } }[];
  queued: number;
  replayed: number;
  failed: number;
}
export interface GrantSummary {
  grantId: string;
  transfers: number;
  amountCents: number;
  queued: number;
  filed: number;
  files: number;
  firstAt: string;
  lastAt: string;
}
