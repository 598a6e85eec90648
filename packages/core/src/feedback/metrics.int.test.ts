import { randomUUID } from 'node:crypto';
import { withSupervision, withTenantReadOnly, type Tx } from '@city/db';
import { asOwner, testDatabase } from '@city/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { feedbackMetrics, type MetricsPeriod } from './metrics.ts';

/**
 * The metrics as first written — one statement per list, percentile_cont for every median, the month of every report
 * converted — kept as the oracle: the one-scan statement must give exactly the same lists, in the same order.
 */
async function oracle(tx: Tx, period: MetricsPeriod, today: string) {
  const FIGURES = sql`
    count(*)::int as received,
    (count(*) filter (where r.responded_on_time))::int as responded_on_time,
    (count(*) filter (where r.responded_on_time is not null
      or (r.status = 'assigned' and r.first_response_at is null and r.due_on < ${today}::date)))::int as response_due,
    (count(*) filter (where r.status = 'closed'))::int as resolved,
    (count(*) filter (where r.rating in ('satisfied', 'basically_satisfied')))::int as satisfied,
    (count(*) filter (where r.rating is not null))::int as rated,
    (count(*) filter (where r.status = 'assigned' and r.due_on < ${today}::date))::int as overdue_now,
    percentile_cont(0.5) within group (order by r.working_days_taken) as median_days`;
  const RECEIVED = sql`
    r.status <> 'merged'
    and r.created_at >= (${period.from}::date)::timestamp at time zone 'Asia/Shanghai'
    and r.created_at < (${period.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
  type Row = Record<string, string | number | null>;
  const figures = (row: Row) => ({
    received: Number(row.received),
    respondedOnTime: Number(row.responded_on_time),
    responseDue: Number(row.response_due),
    resolved: Number(row.resolved),
    satisfied: Number(row.satisfied),
    rated: Number(row.rated),
    overdueNow: Number(row.overdue_now),
    medianWorkingDays: row.median_days === null ? null : Number(row.median_days),
  });
  const rollup = await tx.execute<Row>(sql`
    select grouping(st.name) as g_street, grouping(cm.name) as g_community, grouping(t.id) as g_tenant,
      d.name as district, st.name as street, cm.name as community, t.slug, t.name as tenant, ${FIGURES}
    from feedback_reports r
    join tenants t on t.id = r.tenant_id
    join regions d on d.id = t.district_id
    join regions st on st.id = t.street_id
    join regions cm on cm.id = t.community_id
    where ${RECEIVED}
    group by grouping sets ((d.id, d.name), (d.id, d.name, st.id, st.name), (d.id, d.name, st.id, st.name, cm.id, cm.name),
      (d.id, d.name, st.id, st.name, cm.id, cm.name, t.id, t.slug, t.name))
    order by d.name, st.name nulls first, cm.name nulls first, t.name nulls first`);
  const byCategory = await tx.execute<Row>(sql`
    select r.category, ${FIGURES} from feedback_reports r
    where ${RECEIVED} group by r.category order by count(*) desc, r.category`);
  const byUnitKind = await tx.execute<Row>(sql`
    select u.kind, ${FIGURES} from feedback_reports r
    left join feedback_units u on u.id = r.handling_unit_id
    where ${RECEIVED} group by u.kind order by count(*) desc, u.kind`);
  const trend = await tx.execute<Row>(sql`
    select to_char(date_trunc('month', r.created_at at time zone 'Asia/Shanghai'), 'YYYY-MM') as month,
      count(*)::int as received, (count(*) filter (where r.status = 'closed'))::int as resolved
    from feedback_reports r where ${RECEIVED} group by 1 order by 1`);
  return {
    period,
    rollup: rollup.rows.map((row) => ({
      level: row.g_street ? 'district' : row.g_community ? 'street' : row.g_tenant ? 'community' : 'neighbourhood',
      district: row.district,
      street: row.g_street ? null : row.street,
      community: row.g_community ? null : row.community,
      neighbourhood: row.g_tenant ? null : { slug: row.slug, name: row.tenant },
      ...figures(row),
    })),
    byCategory: byCategory.rows.map((row) => ({ category: row.category, ...figures(row) })),
    byUnitKind: byUnitKind.rows.map((row) => ({ kind: row.kind, ...figures(row) })),
    trend: trend.rows.map((row) => ({
      month: row.month,
      received: Number(row.received),
      resolved: Number(row.resolved),
    })),
  };
}

const ids = (n: number) => Array.from({ length: n }, () => randomUUID());

/**
 * Two districts; in the first, two streets of three 社区 and six neighbourhoods (their names sort apart from their ids),
 * in the second one neighbourhood. 900 reports in every state, answered in every number of working days or not at
 * all, rated or not, some at the period's and the months' very edges (Beijing time), some handled by a unit of a
 * neighbourhood the supervisor does not see.
 */
async function seed(handle: Awaited<ReturnType<typeof testDatabase>>) {
  const tag = randomUUID().slice(0, 8);
  const id = randomUUID;
  const [district, otherDistrict, s1, s2, s3, c1, c2, c3, c4] = [id(), id(), id(), id(), id(), id(), id(), id(), id()];
  const tenants = ids(7);
  const units = ids(14);
  // Neighbourhood i: its 社区, street, district and name (out of id order, and out of insertion order).
  const places = [
    [c1, s1, district, '丁苑'],
    [c1, s1, district, '甲苑'],
    [c2, s1, district, '乙苑'],
    [c3, s2, district, '丙苑'],
    [c3, s2, district, '戊苑'],
    [c3, s2, district, '己苑'],
    [c4, s3, otherDistrict, '庚苑'],
  ] as const;
  const list = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]::uuid[]`;
  await asOwner(
    handle,
    `insert into regions (id, kind, parent_id, name) values
      ('${district}', 'district', null, '甲区-${tag}'), ('${otherDistrict}', 'district', null, '乙区-${tag}'),
      ('${s1}', 'street', '${district}', '北街道-${tag}'), ('${s2}', 'street', '${district}', '东街道-${tag}'),
      ('${s3}', 'street', '${otherDistrict}', '南街道-${tag}'),
      ('${c1}', 'community', '${s1}', '一社区-${tag}'), ('${c2}', 'community', '${s1}', '二社区-${tag}'),
      ('${c3}', 'community', '${s2}', '三社区-${tag}'), ('${c4}', 'community', '${s3}', '四社区-${tag}');
     insert into tenants (id, slug, name, address, community_id, street_id, district_id) values
      ${places
        .map(([c, s, d, name], i) => `('${tenants[i]}', 'm-${tag}-${i}', '${name}', '路', '${c}', '${s}', '${d}')`)
        .join(', ')};
     insert into feedback_units (id, tenant_id, kind, name)
      select u, t, (array['property','committee','community'])[1 + (i - 1) % 3], '单位' || i
      from unnest(${list(units)}, ${list([...tenants, ...tenants])}) with ordinality as x(u, t, i);
     insert into feedback_reports (id, tenant_id, category, body, place_kind, channel, status, handling_unit_id,
       due_on, first_response_at, responded_on_time, working_days_taken, rating, created_at, updated_at)
     select gen_random_uuid(), t.tenants[1 + (i * 5) % 7],
       (array['环境卫生','设施维修','安全隐患','停车','噪音'])[1 + (i * i + i / 7) % 5],
       '反映', 'public', 'portal',
       (array['closed','closed','assigned','answered','received','merged','closed','rejected','assigned'])[1 + i % 9],
       case
         when i % 6 = 0 then null
         when i % 31 = 0 then t.units[1 + ((i * 5) % 7 + 3) % 7]  -- another neighbourhood's unit
         else t.units[1 + (i * 5) % 7 + 7 * (i % 2)]
       end,
       date '2026-03-20' + (i % 70),
       case when i % 3 = 0 then timestamptz '2026-03-01 12:00+08' + make_interval(days => i % 90) end,
       case when i % 5 = 0 then null else i % 5 <> 4 end,
       case when i % 4 = 0 then null else ((i * 7) % 23 + i % 2)::smallint end,
       case when i % 3 <> 2 then (array['satisfied','basically_satisfied','unsatisfied', null])[1 + i % 4] end,
       case i % 97
         when 1 then timestamptz '2026-02-15 00:00+08'
         when 2 then timestamptz '2026-02-14 23:59:59.999999+08'
         when 3 then timestamptz '2026-03-31 23:59:59.999999+08'
         when 4 then timestamptz '2026-04-01 00:00+08'
         when 5 then timestamptz '2026-06-10 23:59:59.999999+08'
         when 6 then timestamptz '2026-06-11 00:00+08'
         else timestamptz '2026-02-01 00:00+08' + make_interval(hours => (i * 7) % 3500, mins => i % 60)
       end,
       now()
     from generate_series(0, 899) i, (select ${list(tenants)} as tenants, ${list(units)} as units) t`,
  );
  return { district, street: s2, tenant: tenants[3]! };
}

describe('feedbackMetrics', () => {
  it('gives exactly what one statement per list with percentile_cont gave, at every scope and period', async () => {
    const handle = await testDatabase();
    try {
      const { district, street, tenant } = await seed(handle);
      const period = { from: '2026-02-15', to: '2026-06-10' };
      const cases: Array<[string, (fn: (tx: Tx) => Promise<unknown>) => Promise<unknown>, MetricsPeriod, string]> = [
        ['district', (fn) => withSupervision(handle.db, district, fn), period, '2026-04-20'],
        ['street', (fn) => withSupervision(handle.db, street, fn), period, '2026-04-20'],
        ['neighbourhood', (fn) => withTenantReadOnly(handle.db, tenant, fn), period, '2026-04-20'],
        [
          'district, all time',
          (fn) => withSupervision(handle.db, district, fn),
          { from: '2025-01-01', to: '2027-12-31' },
          '2026-12-01',
        ],
        [
          'district, one day',
          (fn) => withSupervision(handle.db, district, fn),
          { from: '2026-04-01', to: '2026-04-01' },
          '2026-04-20',
        ],
        [
          'district, nothing',
          (fn) => withSupervision(handle.db, district, fn),
          { from: '2020-01-01', to: '2020-01-31' },
          '2026-04-20',
        ],
      ];
      for (const [name, scope, p, today] of cases) {
        const actual = await scope((tx) => feedbackMetrics(tx, p, today));
        const expected = await scope((tx) => oracle(tx, p, today));
        expect(actual, name).toEqual(expected);
      }

      // Not a vacuous comparison: every level, medians between two values, months cut at their Beijing edges.
      const metrics = await withSupervision(handle.db, district, (tx) => feedbackMetrics(tx, period, '2026-04-20'));
      expect(new Set(metrics.rollup.map((row) => row.level))).toEqual(
        new Set(['district', 'street', 'community', 'neighbourhood']),
      );
      expect(metrics.rollup).toHaveLength(1 + 2 + 3 + 6);
      expect(metrics.rollup.some((row) => row.medianWorkingDays! % 1 === 0.5)).toBe(true);
      expect(metrics.byUnitKind.map((row) => row.kind)).toContain(null);
      expect(metrics.trend.map((row) => row.month)).toEqual(['2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    } finally {
      await handle.close();
    }
  });
});
