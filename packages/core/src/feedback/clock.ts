import type { Clock } from '@city/auth';
import { tenantsWithRunningFeedback, withTenant, type Database } from '@city/db';
import type { Notifier } from '../notifications/notifier.ts';
import { TenantRuns } from '../tenant-runs.ts';
import type { FeedbackReports } from './reports.ts';

/**
 * Runs the loop's clock (督办: reminders, escalation, unrated answers closing) in every neighbourhood with reports
 * running, each in its own transaction, and hands what it announced to the notifier once committed.
 */
export class FeedbackClock {
  private readonly runs: TenantRuns;

  constructor(deps: { db: Database; clock: Clock; reports: FeedbackReports; notifier: Notifier }) {
    this.runs = new TenantRuns(
      'feedback',
      async (tenantId) => {
        await withTenant(deps.db, tenantId, (tx) => deps.reports.tick(tx, tenantId, deps.clock.now()));
        await deps.notifier.afterCommit(tenantId);
      },
      () => tenantsWithRunningFeedback(deps.db),
    );
  }

  /** One neighbourhood's clock now (what a sweep does for each neighbourhood with reports running). */
  run(tenantId: string) {
    return this.runs.run(tenantId);
  }

  sweep() {
    return this.runs.sweep();
  }

  /** Deadlines are days: a sweep every quarter hour is on time. */
  start(intervalMs = 15 * 60_000) {
    this.runs.start(intervalMs);
  }

  stop() {
    this.runs.stop();
  }

  idle() {
    return this.runs.idle();
  }
}
