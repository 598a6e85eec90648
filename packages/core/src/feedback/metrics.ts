import type { FeedbackUnitKind } from '@city/contracts';
import type { Tx } from '@city/db';
import { sql } from 'drizzle-orm';

/** A period of reports received, as Beijing dates: `from` and `to` both included. */
export interface MetricsPeriod {
  from: string;
  to: string;
}

/** The loop's figures for a set of reports (those received in the period). */
export interface FeedbackFigures {
  received: number;
  /** Of the reports whose first response is due or came: those that came by the deadline. */
  respondedOnTime: number;
  responseDue: number;
  resolved: number;
  /** 满意 and 基本满意, of those rated (no rating is never counted as satisfied). */
  satisfied: number;
  rated: number;
  overdueNow: number;
  /** Median working days from report to answer; null where nothing was answered. */
  medianWorkingDays: number | null;
}

/** One row of the rollup: a neighbourhood, a 社区, a 街道 or a 区 (the coarser levels sum the finer ones). */
export interface FeedbackRollupRow extends FeedbackFigures {
  level: 'district' | 'street' | 'community' | 'neighbourhood';
  district: string;
  street: string | null;
  community: string | null;
  neighbourhood: { slug: string; name: string } | null;
}

const FIGURES = (today: string) => sql`
  count(*)::int as received,
  (count(*) filter (where r.responded_on_time))::int as responded_on_time,
  (count(*) filter (where r.responded_on_time is not null
    or (r.status = 'assigned' and r.first_response_at is null and r.due_on < ${today}::date)))::int as response_due,
  (count(*) filter (where r.status = 'closed'))::int as resolved,
  (count(*) filter (where r.rating in ('satisfied', 'basically_satisfied')))::int as satisfied,
  (count(*) filter (where r.rating is not null))::int as rated,
  (count(*) filter (where r.status = 'assigned' and r.due_on < ${today}::date))::int as overdue_now,
  percentile_cont(0.5) within group (order by r.working_days_taken) as median_days`;

/** Reports received in the period, merged duplicates left out (they count once, as the report they joined). */
const RECEIVED = (period: MetricsPeriod) => sql`
  r.status <> 'merged'
  and r.created_at >= (${period.from}::date)::timestamp at time zone 'Asia/Shanghai'
  and r.created_at < (${period.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;

type FigureRow = {
  received: number;
  responded_on_time: number;
  response_due: number;
  resolved: number;
  satisfied: number;
  rated: number;
  overdue_now: number;
  median_days: number | string | null;
};

const figures = (row: FigureRow): FeedbackFigures => ({
  received: Number(row.received),
  respondedOnTime: Number(row.responded_on_time),
  responseDue: Number(row.response_due),
  resolved: Number(row.resolved),
  satisfied: Number(row.satisfied),
  rated: Number(row.rated),
  overdueNow: Number(row.overdue_now),
  medianWorkingDays: row.median_days === null ? null : Number(row.median_days),
});

/**
 * 码上提 metrics over the reports the transaction may read (a supervisor's branch under its policies, or one
 * neighbourhood): rolled up 区 → 街道 → 社区 → neighbourhood in one grouping-sets query, so every level's median is
 * its own, and by category, by kind of handling unit and by month.
 */
export async function feedbackMetrics(tx: Tx, period: MetricsPeriod, today: string) {
  const rollup = (
    await tx.execute<
      FigureRow & {
        g_street: number;
        g_community: number;
        g_tenant: number;
        district: string;
        street: string | null;
        community: string | null;
        slug: string | null;
        tenant: string | null;
      }
    >(sql`
      select grouping(st.name) as g_street, grouping(cm.name) as g_community, grouping(t.id) as g_tenant,
        d.name as district, st.name as street, cm.name as community, t.slug, t.name as tenant, ${FIGURES(today)}
      from feedback_reports r
      join tenants t on t.id = r.tenant_id
      join regions d on d.id = t.district_id
      join regions st on st.id = t.street_id
      join regions cm on cm.id = t.community_id
      where ${RECEIVED(period)}
      group by grouping sets ((d.id, d.name), (d.id, d.name, st.id, st.name), (d.id, d.name, st.id, st.name, cm.id, cm.name),
        (d.id, d.name, st.id, st.name, cm.id, cm.name, t.id, t.slug, t.name))
      order by d.name, st.name nulls first, cm.name nulls first, t.name nulls first`)
  ).rows;
  const byCategory = (
    await tx.execute<FigureRow & { category: string }>(sql`
      select r.category, ${FIGURES(today)} from feedback_reports r
      where ${RECEIVED(period)} group by r.category order by count(*) desc, r.category`)
  ).rows;
  const byUnitKind = (
    await tx.execute<FigureRow & { kind: FeedbackUnitKind | null }>(sql`
      select u.kind, ${FIGURES(today)} from feedback_reports r
      left join feedback_units u on u.id = r.handling_unit_id
      where ${RECEIVED(period)} group by u.kind order by count(*) desc, u.kind`)
  ).rows;
  const trend = (
    await tx.execute<{ month: string; received: number; resolved: number }>(sql`
      select to_char(date_trunc('month', r.created_at at time zone 'Asia/Shanghai'), 'YYYY-MM') as month,
        count(*)::int as received, (count(*) filter (where r.status = 'closed'))::int as resolved
      from feedback_reports r where ${RECEIVED(period)} group by 1 order by 1`)
  ).rows;
  return {
    period,
    rollup: rollup.map((row): FeedbackRollupRow => ({
      level: row.g_street ? 'district' : row.g_community ? 'street' : row.g_tenant ? 'community' : 'neighbourhood',
      district: row.district,
      street: row.g_street ? null : row.street,
      community: row.g_community ? null : row.community,
      neighbourhood: row.g_tenant ? null : { slug: row.slug!, name: row.tenant! },
      ...figures(row),
    })),
    byCategory: byCategory.map((row) => ({ category: row.category, ...figures(row) })),
    byUnitKind: byUnitKind.map((row) => ({ kind: row.kind, ...figures(row) })),
    trend: trend.map((row) => ({ month: row.month, received: Number(row.received), resolved: Number(row.resolved) })),
  };
}

export type FeedbackMetrics = Awaited<ReturnType<typeof feedbackMetrics>>;

/** Reports past their deadline now, oldest deadline first: what a supervisor chases (督办). */
export async function overdueReports(tx: Tx, today: string, limit = 200) {
  return (
    await tx.execute<{
      id: string;
      number: number;
      category: string;
      due_on: string;
      escalation: 'none' | 'community' | 'street';
      building: string | null;
      unit: string | null;
      slug: string;
      tenant: string;
    }>(sql`
      select r.id, r.number, r.category, r.due_on::text as due_on, r.escalation, b.name as building, u.name as unit,
        t.slug, t.name as tenant
      from feedback_reports r
      join tenants t on t.id = r.tenant_id
      left join buildings b on b.id = r.building_id
      left join feedback_units u on u.id = r.handling_unit_id
      where r.status = 'assigned' and r.due_on < ${today}::date
      order by r.due_on, r.number
      limit ${limit}`)
  ).rows;
}

const LEVELS = { district: '区', street: '街道', community: '社区', neighbourhood: '小区' } as const;
const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : '');

/** The rollup as a table for CSV/XLSX: one row per level, rates in percent, in Chinese (a report for officials). */
export function metricsTable(metrics: FeedbackMetrics) {
  return {
    header: [
      '层级',
      '区',
      '街道',
      '社区',
      '小区',
      '收到',
      '应响应',
      '按时响应',
      '按时响应率%',
      '办结',
      '已评价',
      '满意及基本满意',
      '满意率%',
      '当前逾期',
      '答复中位工作日',
    ],
    rows: metrics.rollup.map((row) => [
      LEVELS[row.level],
      row.district,
      row.street ?? '',
      row.community ?? '',
      row.neighbourhood?.name ?? '',
      row.received,
      row.responseDue,
      row.respondedOnTime,
      rate(row.respondedOnTime, row.responseDue),
      row.resolved,
      row.rated,
      row.satisfied,
      rate(row.satisfied, row.rated),
      row.overdueNow,
      row.medianWorkingDays ?? '',
    ]),
  };
}
