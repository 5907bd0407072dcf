/** What the ACH routes are given: the ledger, the inbound files, the ODFI sender when configured, metrics. */
import type { Metrics } from '../../../src/metrics.js';
import type { InboundFiles } from '../inbound.js';
import type { Ledger } from '../ledger.js';
import type { OdfiSender } from '../odfi-sender.js';

export interface AchDeps {
  ledger: Ledger;
  inbound: InboundFiles;
  /** The sender to the bank; throws ODFI_NOT_CONFIGURED without ach.odfi. */
  odfi: () => OdfiSender;
  metrics: Metrics;
}
