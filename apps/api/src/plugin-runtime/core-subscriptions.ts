import { isElectionReport, recordReportedElection, type ReportedEvent, type Services } from '@city/core';
import type { Tx } from '@city/db';

export type CoreEventHandler = (tx: Tx, tenantId: string, event: ReportedEvent) => Promise<void>;

/**
 * The plugin events the core itself listens to. A plugin reports what the core keeps (an election's result) through
 * its outbox, so the core never reads a plugin's tables; delivery, retries and failures are the plugins' own.
 */
export function coreEventHandler(name: string, services: Services): CoreEventHandler | undefined {
  if (isElectionReport(name))
    return (tx, tenantId, event) => recordReportedElection(tx, tenantId, event, services.notifications);
  return undefined;
}
