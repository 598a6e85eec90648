import { allocateByArea, declareDividend, ledgerStatement } from '@city/core';
import { createDatabase } from '@city/db/connect';
import { withTenant } from '@city/db';
import { buildWorld, createTestApp, seedRegistry } from '@city/testing';
import { sql } from 'drizzle-orm';
import { benchTargets, quantile } from './harness.ts';

const ENTRIES = Number(process.env.BENCH_LEDGER_ENTRIES ?? 1_000_000);
const OWNERS = Number(process.env.BENCH_LEDGER_OWNERS ?? 20_000);
const STATEMENT_TARGET_MS = 500;
const DIVIDEND_TARGET_MS = 1_000;
const RUNS = 10;

async function timed(runs: number, task: () => Promise<unknown>) {
  await task();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await task();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

const row = (name: string, ms: number[], target?: number) => ({
  case: name,
  'p50 ms': quantile(ms, 0.5).toFixed(1),
  'p95 ms': quantile(ms, 0.95).toFixed(1),
  'max ms': ms.at(-1)!.toFixed(1),
  target: target ? `< ${target} ms` : '',
  met: target ? (quantile(ms, 0.95) < target ? 'yes' : 'NO') : '',
});

/**
 * The public-revenue ledger at scale, on Postgres: the three statements over a neighbourhood with ENTRIES journal
 * entries (two lines each, over a year; target under STATEMENT_TARGET_MS) against the trial balance summed from every line,
 * and a distribution to OWNERS owners by area (target under DIVIDEND_TARGET_MS, shares written and the entry posted)
 * against `allocateByArea` alone.
 */
export async function run() {
  const targets = benchTargets();
  for (const t of targets) if (!t.label.startsWith('Postgres')) t.cleanup?.();
  const target = targets.find((t) => t.label.startsWith('Postgres'));
  if (!target) {
    console.log('\nledger: SKIPPED — needs a reachable Postgres server (set DATABASE_URL)');
    return;
  }
  const url = target.env.DATABASE_URL!;
  const owner = await createDatabase({ url, driver: 'pg', asOwner: true, poolSize: 1 });
  const h = await createTestApp({ database: await createDatabase({ url, driver: 'pg' }) });
  try {
    const world = await buildWorld(h);
    const tenantA = world.tenantA.id;
    const started = performance.now();
    // Set-up written as the owner with triggers off (the balance check would re-read two million lines), so the
    // monthly balances the trigger keeps are summed here once. The rows are balanced by construction: each entry
    // debits an asset and credits an income.
    await owner.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
        insert into ledger_entries (id, tenant_id, number, occurred_on, period, kind, memo, posted_by)
        select gen_random_uuid(), ${tenantA}, i, d, to_char(d, 'YYYY-MM'), 'income', '基准收入', ${world.users.adminA.id}
        from generate_series(1, ${ENTRIES}) i, lateral (select date '2026-01-01' + (i % 365) as d) day`);
      await tx.execute(sql`
        with accounts as (
          select array_agg(id order by code) filter (where type = 'asset') as assets,
                 array_agg(id order by code) filter (where type = 'income') as incomes
          from ledger_accounts where tenant_id = ${tenantA})
        insert into ledger_lines (tenant_id, entry_id, line, period, account_id, amount_fen)
        select ${tenantA}, e.id, side.line, e.period,
          case side.line when 1 then a.assets[1 + e.number % 2] else a.incomes[1 + e.number % 4] end,
          case side.line when 1 then 1 else -1 end * (100 + e.number % 10000)
        from ledger_entries e, accounts a, (values (1), (2)) side (line)
        where e.tenant_id = ${tenantA}`);
      await tx.execute(sql`
        insert into ledger_balances (tenant_id, account_id, period, amount_fen)
        select tenant_id, account_id, period, sum(amount_fen) from ledger_lines where tenant_id = ${tenantA}
        group by tenant_id, account_id, period`);
    });
    await owner.db.execute(sql`vacuum analyze ledger_lines`);
    await owner.db.execute(sql`analyze ledger_entries`);
    console.log(
      `\n公共收益账目 — ${target.label}: ${ENTRIES} entries (${2 * ENTRIES} lines) seeded in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    let balanced = false;
    const statement = await timed(RUNS, async () => {
      const s = await withTenant(h.services.db, tenantA, (tx) => ledgerStatement(tx, '2026-01', '2026-12'));
      balanced = s.trialBalance.debitFen === s.trialBalance.creditFen && s.trialBalance.debitFen > 0;
    });
    const overRoute = await timed(RUNS, async () => {
      const res = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/ledger/statement?from=2026-01&to=2026-12`, {
        token: world.tokens.residentA,
      });
      if (res.status !== 200) throw new Error(`statement: ${res.status} ${JSON.stringify(res.body)}`);
    });
    const count = await timed(RUNS, () =>
      withTenant(h.services.db, tenantA, (tx) =>
        tx.execute(sql`select account_id, sum(amount_fen) from ledger_lines group by account_id`),
      ),
    );
    console.log(
      `statements of one year over ${ENTRIES} entries (trial balance ${balanced ? 'balances' : 'DOES NOT BALANCE'}), ${RUNS} runs each:`,
    );
    console.table([
      row('ledgerStatement (trial balance, income statement, balance sheet)', statement, STATEMENT_TARGET_MS),
      row('GET …/ledger/statement', overRoute, STATEMENT_TARGET_MS),
      row('baseline: the trial balance summed from every line', count),
    ]);
    const ratio = quantile(count, 0.5) / quantile(statement, 0.5);
    console.log(`the statements are ${ratio.toFixed(0)}× faster than summing every line (p50)`);

    // Distribution: OWNERS owners of one unit each in B, areas 50–150 m².
    const tenantB = world.tenantB.id;
    const ownersSpec = Object.fromEntries(Array.from({ length: OWNERS }, (_, i) => [`o${i}`, `业主${i}`]));
    await seedRegistry(h.services.db, tenantB, {
      owners: ownersSpec,
      units: Array.from({ length: OWNERS }, (_, i) => ({
        building: `${1 + Math.floor(i / 200)}栋`,
        room: String(100 + (i % 200)),
        area: 5_000 + ((i * 7919) % 10_000),
        owners: [`o${i}`],
      })),
    });
    const context = () => ({
      tenantId: tenantB,
      actor: { id: world.users.adminB.id, displayName: world.users.adminB.displayName },
      at: new Date(),
    });
    let shares = 0;
    const declare = await timed(5, async () => {
      const dividend = await withTenant(h.services.db, tenantB, (tx) =>
        declareDividend(tx, context(), { title: '基准分红', totalFen: 123_456_789, declaredOn: '2026-12-01' }),
      );
      shares = dividend.owners;
    });
    const areas = Array.from({ length: OWNERS }, (_, i) => ({ id: `o${i}`, area: 5_000 + ((i * 7919) % 10_000) }));
    const allocate = await timed(RUNS, async () => allocateByArea(123_456_789, areas));
    console.log(`a distribution to ${shares} owners by area:`);
    console.table([
      row(
        'declareDividend (registry read, counting owners, shares written, entry posted)',
        declare,
        DIVIDEND_TARGET_MS,
      ),
      row('allocateByArea alone', allocate),
    ]);
  } finally {
    await h.close();
    await owner.close();
    target.cleanup?.();
  }
}
