import type { Clock } from '@city/auth';
import { schema, withSupervision, type Database } from '@city/db';
import { inArray } from 'drizzle-orm';
import type { Principal } from '../applications.ts';
import { beijingDate, type WorkingCalendars } from '../calendar/index.ts';
import { AppError } from '../errors.ts';
import type { Supervision } from '../supervision.ts';
import { feedbackMetrics, overdueReports, type MetricsPeriod } from './metrics.ts';
import type { FeedbackReports } from './reports.ts';

/**
 * 码上提 for 社区/街道 staff (督办) over their branch, read only (withSupervision): what is overdue now, one report's
 * history (never who reported it, unless they agreed to be named), and the metrics rolled up the tree.
 */
export class FeedbackSupervision {
  private readonly deps: {
    db: Database;
    clock: Clock;
    supervision: Supervision;
    reports: FeedbackReports;
    calendars: WorkingCalendars;
  };

  constructor(deps: FeedbackSupervision['deps']) {
    this.deps = deps;
  }

  /** The regions the caller may read metrics for, by name (a 社区 or 街道's staff: theirs; operators: each 区). */
  async regions(actor: Principal) {
    const ids = await this.deps.supervision.branches(actor);
    if (!ids.length) return [];
    return this.deps.db
      .select({ id: schema.regions.id, name: schema.regions.name, kind: schema.regions.kind })
      .from(schema.regions)
      .where(inArray(schema.regions.id, ids))
      .orderBy(schema.regions.name);
  }

  /** Overdue reports across the caller's branch, with working days past the deadline. */
  async overdue(actor: Principal) {
    const now = this.deps.clock.now();
    const today = beijingDate(now);
    const calendar = await this.deps.calendars.current();
    const rows = [];
    for (const regionId of await this.deps.supervision.branches(actor)) {
      rows.push(...(await withSupervision(this.deps.db, regionId, (tx) => overdueReports(tx, today))));
    }
    return [...new Map(rows.map((row) => [row.id, row])).values()]
      .sort((a, b) => a.due_on.localeCompare(b.due_on) || a.number - b.number)
      .map((row) => ({
        id: row.id,
        number: Number(row.number),
        category: row.category,
        dueOn: row.due_on,
        workingDaysOverdue: calendar.workingDaysBetween(row.due_on, today),
        escalation: row.escalation,
        building: row.building,
        handlingUnit: row.unit,
        neighbourhood: { slug: row.slug, name: row.tenant },
      }));
  }

  /** One report of a supervised neighbourhood, read only. */
  async report(actor: Principal, slug: string, reportId: string) {
    const { tenant, regionId } = await this.deps.supervision.locate(actor, slug);
    const report = await withSupervision(this.deps.db, regionId, (tx) =>
      this.deps.reports.get(tx, { userId: actor.id, roles: [], supervisor: true }, reportId, this.deps.clock.now()),
    );
    return { ...report, neighbourhood: { slug: tenant.slug, name: tenant.name } };
  }

  async photo(actor: Principal, slug: string, reportId: string, photoId: string) {
    const { regionId } = await this.deps.supervision.locate(actor, slug);
    return withSupervision(this.deps.db, regionId, (tx) =>
      this.deps.reports.photo(tx, { userId: actor.id, roles: [], supervisor: true }, reportId, photoId),
    );
  }

  /** The metrics of one region of the caller's branch (the first when none is named), for a period. */
  async metrics(actor: Principal, period: MetricsPeriod, regionId?: string) {
    const regions = await this.regions(actor);
    const region = regionId ? regions.find((r) => r.id === regionId) : regions[0];
    if (!region) throw new AppError('not_found');
    const today = beijingDate(this.deps.clock.now());
    const figures = await withSupervision(this.deps.db, region.id, (tx) => feedbackMetrics(tx, period, today));
    return { region, regions, ...figures };
  }
}
