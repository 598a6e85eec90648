import autocannon from 'autocannon';
import { feedbackMetrics } from '@city/core';
import { createDatabase } from '@city/db/connect';
import { withSupervision } from '@city/db';
import { buildWorld, createTestApp } from '@city/testing';
import { sql } from 'drizzle-orm';
import { benchTargets, CONNECTIONS, insertRate, perSecond, quantile, startServer, API_SERVER } from './harness.ts';

const NEIGHBOURHOODS = Number(process.env.BENCH_FEEDBACK_NEIGHBOURHOODS ?? 200);
const REPORTS = Number(process.env.BENCH_FEEDBACK_REPORTS ?? 100_000);
const INTAKE = Number(process.env.BENCH_FEEDBACK_INTAKE ?? 5_000);
const METRICS_TARGET_MS = 200;
const RUNS = 20;
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

/**
 * A district of NEIGHBOURHOODS neighbourhoods (10 streets, 4 社区 each, three handling units each) with REPORTS 码上提
 * reports spread over a year, written straight into the database as its owner (set-up, not measured). Each
 * neighbourhood has reports in every state and category, handled by each of its units, answered in 0 to 20 working
 * days, as real ones are: the metrics count by neighbourhood, unit and working days, and a seed that gave each
 * neighbourhood one state, one unit and three numbers of days made those counts fewer than they are.
 */
async function seedDistrict(owner: Awaited<ReturnType<typeof createDatabase>>) {
  const { rows } = await owner.db.execute<{ id: string }>(sql`
    insert into regions (id, kind, parent_id, name) values (gen_random_uuid(), 'district', null, ${`基准区-${Date.now()}`})
    returning id`);
  const district = rows[0]!.id;
  await owner.db.execute(sql`
    with streets as (
      insert into regions (id, kind, parent_id, name)
      select gen_random_uuid(), 'street', ${district}, '街道' || s from generate_series(1, 10) s returning id),
    communities as (
      insert into regions (id, kind, parent_id, name)
      select gen_random_uuid(), 'community', streets.id, '社区' || c || '-' || left(streets.id::text, 4)
      from streets, generate_series(1, 4) c returning id, parent_id)
    insert into tenants (id, slug, name, address, community_id, street_id, district_id)
    select gen_random_uuid(), 'bench-' || left(gen_random_uuid()::text, 12), '小区' || row_number() over (), '基准路',
      communities.id, communities.parent_id, ${district}
    from communities, generate_series(1, ${Math.ceil(NEIGHBOURHOODS / 40)}) n`);
  await owner.db.execute(sql`
    insert into feedback_units (id, tenant_id, kind, name)
    select gen_random_uuid(), tenants.id, unit.kind, unit.name
    from tenants, (values ('property', '物业服务中心'), ('committee', '业主委员会'), ('community', '社区居委会')) unit (kind, name)
    where district_id = ${district}`);
  await owner.db.execute(sql`
    with t as (
      select array_agg(tenants.id order by tenants.id) as tenants, count(*)::int as c from tenants
      where tenants.district_id = ${district}),
    u as (
      select array_agg(feedback_units.id order by tenants.id, feedback_units.kind) as units
      from tenants join feedback_units on feedback_units.tenant_id = tenants.id where tenants.district_id = ${district})
    insert into feedback_reports (id, tenant_id, category, body, place_kind, channel, status, handling_unit_id,
      due_on, responded_on_time, working_days_taken, rating, created_at, updated_at)
    select gen_random_uuid(), t.tenants[1 + i % t.c],
      (array['环境卫生','设施维修','安全隐患','邻里纠纷','物业服务','停车','噪音','建议','其他'])[1 + q % 9],
      '基准反映', 'public', 'portal',
      (array['closed','closed','closed','closed','closed','closed','assigned','assigned','answered','received'])[1 + q % 10],
      case when q % 10 = 9 then null else u.units[1 + (i % t.c) * 3 + (q / 10) % 3] end,
      case when q % 10 in (6, 7) then date '2026-01-01' + (i % 330) + 14 end,
      case when q % 10 < 9 then q % 4 <> 0 end,
      case when q % 10 < 6 or q % 10 = 8 then ((q / 30) % 21)::smallint end,
      case when q % 10 < 6 and q % 7 <> 0 then (array['satisfied','basically_satisfied','unsatisfied'])[1 + q % 3] end,
      timestamptz '2026-01-01 08:00+08' + make_interval(days => i % 330, mins => i % 600),
      now()
    -- q: the report's place among its neighbourhood's, so that each neighbourhood has reports of every kind
    from generate_series(0, ${REPORTS - 1}) i, t, u, lateral (select i / t.c as q) n`);
  await owner.db.execute(sql`analyze`);
  return district;
}

/**
 * 码上提 at district scale: the rolled-up metrics of NEIGHBOURHOODS neighbourhoods and REPORTS reports (target under
 * METRICS_TARGET_MS), in the supervisor's read-only scope and through the route; and intake throughput — residents
 * reporting over HTTP — against plain single-row inserts in the same database and run. Postgres only.
 */
export async function run() {
  const targets = benchTargets();
  for (const t of targets) if (!t.label.startsWith('Postgres')) t.cleanup?.();
  const target = targets.find((t) => t.label.startsWith('Postgres'));
  if (!target) {
    console.log('\nfeedback: SKIPPED — needs a reachable Postgres server (set DATABASE_URL)');
    return;
  }
  const url = target.env.DATABASE_URL!;
  const owner = await createDatabase({ url, driver: 'pg', asOwner: true, poolSize: 1 });
  const h = await createTestApp({ database: await createDatabase({ url, driver: 'pg' }) });
  const server = await startServer(API_SERVER, target.env);
  try {
    const started = performance.now();
    const world = await buildWorld(h);
    const district = await seedDistrict(owner);
    console.log(
      `\n码上提 — ${target.label}: ${NEIGHBOURHOODS} neighbourhoods, ${REPORTS} reports seeded in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const timed = async (task: () => Promise<unknown>) => {
      await task();
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await task();
        ms.push(performance.now() - t0);
      }
      return ms.sort((a, b) => a - b);
    };
    const today = new Date().toISOString().slice(0, 10);
    let rows = 0;
    const inScope = await timed(async () => {
      const metrics = await withSupervision(h.services.db, district, (tx) => feedbackMetrics(tx, PERIOD, today));
      rows = metrics.rollup.length;
    });
    const query = `region=${district}&from=${PERIOD.from}&to=${PERIOD.to}`;
    const overRoute = await timed(async () => {
      const res = await h.call('GET', `/api/v1/supervision/feedback/metrics?${query}`, {
        token: world.tokens.operator,
      });
      if (res.status !== 200) throw new Error(`metrics: ${res.status} ${JSON.stringify(res.body)}`);
    });
    const row = (name: string, ms: number[]) => ({
      case: name,
      'p50 ms': quantile(ms, 0.5).toFixed(1),
      'p95 ms': quantile(ms, 0.95).toFixed(1),
      'max ms': ms.at(-1)!.toFixed(1),
      target: `< ${METRICS_TARGET_MS} ms`,
      met: quantile(ms, 0.95) < METRICS_TARGET_MS ? 'yes' : 'NO',
    });
    console.log(`rolled-up metrics, one year, ${rows} rows (区, 街道, 社区, neighbourhoods), ${RUNS} runs each:`);
    console.table([
      row('feedbackMetrics in the supervisor scope', inScope),
      row('GET …/supervision/feedback/metrics', overRoute),
    ]);

    // Intake: a resident of the world's neighbourhood reports over HTTP, CONNECTIONS at a time.
    const path = `${server.url}/api/v1/t/${world.tenantA.slug}/feedback`;
    const body = JSON.stringify({
      category: '环境卫生',
      body: '楼道垃圾没有清运',
      place: { kind: 'public', note: '北门' },
    });
    let refused = 0;
    const intake = await autocannon({
      url: path,
      connections: CONNECTIONS,
      amount: INTAKE,
      timeout: 60,
      requests: [
        {
          method: 'POST',
          headers: { authorization: `Bearer ${world.tokens.residentA}`, 'content-type': 'application/json' },
          body,
          onResponse: (status) => {
            if (status !== 201) refused++;
          },
        },
      ],
    });
    const intakeRate = perSecond(intake.requests.sent, intake.duration * 1000);
    await owner.db.execute(
      sql`create table if not exists bench_feedback_insert (id uuid primary key, body jsonb not null, created_at timestamptz not null)`,
    );
    await insertRate(h.services.db, 'bench_feedback_insert', 1_000, body);
    const baseline = await insertRate(h.services.db, 'bench_feedback_insert', INTAKE, body);
    console.log(`intake, ${INTAKE} reports, ${CONNECTIONS} in flight (${refused} refused):`);
    console.table([
      {
        case: 'POST …/feedback (HTTP: session, validation, report, step, audit, staff notified)',
        'per s': intakeRate,
        'p50 ms': intake.latency.p50,
        'p99 ms': intake.latency.p99,
        'vs baseline': `${((100 * intakeRate) / baseline.perSecond).toFixed(1)}%`,
      },
      {
        case: 'baseline: insert one row',
        'per s': baseline.perSecond,
        'p50 ms': baseline.p50.toFixed(1),
        'p99 ms': baseline.p99.toFixed(1),
        'vs baseline': '100.0%',
      },
    ]);
  } finally {
    await server.stop();
    await h.close();
    await owner.close();
    target.cleanup?.();
  }
}
