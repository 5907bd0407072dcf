/** What the ACH routes are given: the ledger, the inbound files and what their returns say, the ODFI sender when configured, metrics. */
import type { Metrics } from '../../../src/metrics.js';
import type { Store } from '../../kit/store.js';
import type { Approvals } from '../approvals.js';
import type { InboundFiles } from '../inbound.js';
import type { Ledger } from '../ledger.js';
import type { OdfiSender } from '../odfi-sender.js';
import type { ReturnWatch } from '../return-watch.js';

export interface AchDeps {
  /** The service's store (the audit log's reads). */
  db: Store;
  ledger: Ledger;
  inbound: InboundFiles;
  returnWatch: ReturnWatch;
  /** Dual approval of grants over approvals.over. */
  approvals: Approvals;
  /** The sender to the bank; throws ODFI_NOT_CONFIGURED without ach.odfi. */
  odfi: () => OdfiSender;
  metrics: Metrics;
}
