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

/** The loop's counts over a group of reports; medians apart (see `medianOf`). */
const COUNTS = (today: string) => sql`
  count(*)::int as received,
  (count(*) filter (where r.responded_on_time))::int as responded_on_time,
  (count(*) filter (where r.responded_on_time is not null
    or (r.status = 'assigned' and r.first_response_at is null and r.due_on < ${today}::date)))::int as response_due,
  (count(*) filter (where r.status = 'closed'))::int as resolved,
  (count(*) filter (where r.rating in ('satisfied', 'basically_satisfied')))::int as satisfied,
  (count(*) filter (where r.rating is not null))::int as rated,
  (count(*) filter (where r.status = 'assigned' and r.due_on < ${today}::date))::int as overdue_now`;

/** The same counts over groups counted already (`c`): their sums. */
const SUMS = sql`
  sum(c.received)::int as received, sum(c.responded_on_time)::int as responded_on_time,
  sum(c.response_due)::int as response_due, sum(c.resolved)::int as resolved, sum(c.satisfied)::int as satisfied,
  sum(c.rated)::int as rated, sum(c.overdue_now)::int as overdue_now`;

const COUNTED = sql`c.received, c.responded_on_time, c.response_due, c.resolved, c.satisfied, c.rated, c.overdue_now`;

/** Reports received in the period, merged duplicates left out (they count once, as the report they joined). */
const RECEIVED = (period: MetricsPeriod) => sql`
  r.status <> 'merged'
  and r.created_at >= (${period.from}::date)::timestamp at time zone 'Asia/Shanghai'
  and r.created_at < (${period.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;

/** One row of the metrics statement: a group of one of the lists, `part`. */
type MetricsRow = {
  part: 'rollup' | 'category' | 'kind' | 'trend';
  /** A rollup row's region and neighbourhood: null above the row's level. */
  street_id: string | null;
  community_id: string | null;
  tenant_id: string | null;
  district: string | null;
  street: string | null;
  community: string | null;
  slug: string | null;
  tenant: string | null;
  /** The category, the kind of handling unit or the month (YYYY-MM), by part. */
  key: string | null;
  received: number;
  responded_on_time: number;
  response_due: number;
  resolved: number;
  satisfied: number;
  rated: number;
  overdue_now: number;
  /** The numbers of working days the group's answered reports took (each once, in no order), and how many took each. */
  days: number[] | null;
  answered: number[] | null;
};

/**
 * The median of the working days the reports took, as percentile_cont(0.5) takes it (the mean of the two middle
 * values when there is an even number of them), from the distinct numbers of days and how many reports took each;
 * null where none was answered.
 */
function medianOf(days: readonly number[], reports: readonly number[]): number | null {
  const counted = days.map((d, i) => [Number(d), Number(reports[i])] as const).sort((a, b) => a[0] - b[0]);
  const total = counted.reduce((n, [, r]) => n + r, 0);
  if (!total) return null;
  /** The days of the report at `index` (from 0) in ascending order. */
  const at = (index: number) => {
    let seen = 0;
    for (const [d, r] of counted) {
      seen += r;
      if (index < seen) return d;
    }
    throw new Error(`no report at ${index} of ${total}`);
  };
  const position = 0.5 * (total - 1);
  const lower = Math.floor(position);
  const low = at(lower);
  return position === lower ? low : low + (at(Math.ceil(position)) - low) * (position - lower);
}

/** A rollup row's level: the finest of its region and neighbourhood that it names. */
const levelOf = (row: MetricsRow): FeedbackRollupRow['level'] =>
  row.tenant_id ? 'neighbourhood' : row.community_id ? 'community' : row.street_id ? 'street' : 'district';

const figures = (row: MetricsRow): FeedbackFigures => ({
  received: Number(row.received),
  respondedOnTime: Number(row.responded_on_time),
  responseDue: Number(row.response_due),
  resolved: Number(row.resolved),
  satisfied: Number(row.satisfied),
  rated: Number(row.rated),
  overdueNow: Number(row.overdue_now),
  medianWorkingDays: medianOf(row.days ?? [], row.answered ?? []),
});

/**
 * 码上提 metrics over the reports the transaction may read (a supervisor's branch under its policies, or one
 * neighbourhood): rolled up 区 → 街道 → 社区 → neighbourhood, so every level's median is its own, and by category,
 * by kind of handling unit and by month.
 *
 * One statement and one scan of the reports (a district's year is 100,000 of them). `cells` counts them by
 * neighbourhood, by kind of handling unit, by category, each also by the working days they took, and by month, all
 * at once (grouping sets, hashed): a few thousand rows. `by_days` rolls the neighbourhoods' cells up the tree; each
 * group of each list is then one row, with its counts by working days, from which its median is taken here exactly
 * as percentile_cont would take it (as an ordered aggregate it sorted every report once per level). Names are joined
 * to the few hundred groups last; a report's month is found among the period's month starts (Beijing time) rather
 * than by converting its time.
 */
export async function feedbackMetrics(tx: Tx, period: MetricsPeriod, today: string) {
  const { rows } = await tx.execute<MetricsRow>(sql`
    with months as (
      select array_agg(m at time zone 'Asia/Shanghai' order by m) as starts,
        array_agg(to_char(m, 'YYYY-MM') order by m) as labels
      from generate_series(date_trunc('month', ${period.from}::timestamp), ${period.to}::timestamp, interval '1 month') m),
    cells as (
      -- grouping() sets a bit for each of its arguments left out of the row's set, the first the highest
      select case grouping(r.tenant_id, u.kind, r.category)
          when 3 then 'rollup' when 5 then 'kind' when 6 then 'category' else 'trend' end as part,
        r.tenant_id, u.kind, r.category, width_bucket(r.created_at, months.starts) as month,
        r.working_days_taken as days, ${COUNTS(today)}
      from feedback_reports r left join feedback_units u on u.id = r.handling_unit_id, months
      where ${RECEIVED(period)}
      group by grouping sets ((r.tenant_id, r.working_days_taken), (u.kind, r.working_days_taken),
        (r.category, r.working_days_taken), (width_bucket(r.created_at, months.starts)))),
    by_days as (
      select 'rollup' as part, t.district_id, t.street_id, t.community_id, t.id as tenant_id, null as key, c.days, ${SUMS}
      from cells c join tenants t on t.id = c.tenant_id
      where c.part = 'rollup'
      group by grouping sets ((t.district_id, c.days), (t.district_id, t.street_id, c.days),
        (t.district_id, t.street_id, t.community_id, c.days), (t.district_id, t.street_id, t.community_id, t.id, c.days))
      union all
      select c.part, null, null, null, null, case c.part when 'kind' then c.kind else c.category end, c.days,
        ${COUNTED}
      from cells c where c.part in ('category', 'kind')
      union all
      select c.part, null, null, null, null, months.labels[c.month], null, ${COUNTED}
      from cells c, months where c.part = 'trend'),
    groups as (
      select c.part, c.district_id, c.street_id, c.community_id, c.tenant_id, c.key, ${SUMS},
        array_agg(c.days) filter (where c.days is not null) as days,
        array_agg(c.received) filter (where c.days is not null) as answered
      from by_days c
      group by c.part, c.district_id, c.street_id, c.community_id, c.tenant_id, c.key)
    select g.*, d.name as district, st.name as street, cm.name as community, t.slug, t.name as tenant
    from groups g
    left join regions d on d.id = g.district_id
    left join regions st on st.id = g.street_id
    left join regions cm on cm.id = g.community_id
    left join tenants t on t.id = g.tenant_id
    order by g.part, case when g.part in ('category', 'kind') then g.received end desc, d.name, st.name nulls first,
      cm.name nulls first, t.name nulls first, g.key`);
  const part = (name: MetricsRow['part']) => rows.filter((row) => row.part === name);
  return {
    period,
    rollup: part('rollup').map((row): FeedbackRollupRow => ({
      level: levelOf(row),
      district: row.district!,
      street: row.street,
      community: row.community,
      neighbourhood: row.tenant_id ? { slug: row.slug!, name: row.tenant! } : null,
      ...figures(row),
    })),
    byCategory: part('category').map((row) => ({ category: row.key!, ...figures(row) })),
    byUnitKind: part('kind').map((row) => ({ kind: row.key as FeedbackUnitKind | null, ...figures(row) })),
    trend: part('trend').map((row) => ({
      month: row.key!,
      received: Number(row.received),
      resolved: Number(row.resolved),
    })),
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
