import type { TestApp } from '@city/testing';

/**
 * Tables whose job is to record refusals: a wrong code uses up the code's tries, a refused attempt counts towards its
 * limit, a paper sheet number entered twice is refused and the refusal kept for the count's reconciliation. Their
 * writes on a 4xx are the point.
 */
const RECORDS_REFUSALS = new Set(['rate_limits', 'phone_codes', 'voting_sheet_refusals']);

interface OwnerClient {
  exec(sql: string): Promise<Array<{ rows: Array<Record<string, unknown>> }>>;
}

/** The PGlite connection itself, to read every row as the owner (the app's role sees one neighbourhood at a time). */
function ownerClient(h: TestApp): OwnerClient {
  if (h.database.kind !== 'pglite') throw new Error('the write check reads the whole database: PGlite only');
  return (h.database.db as unknown as { $client: OwnerClient }).$client;
}

async function asOwner(h: TestApp, query: string) {
  const results = await ownerClient(h).exec(`RESET ROLE; ${query}; SET ROLE city_app;`);
  return results[1]!.rows;
}

/**
 * A fingerprint of everything the database holds: for every table, its row count and the newest transaction that
 * wrote a row still there (`xmin`: an insert or an update leaves its transaction's id on the row it wrote, a delete
 * lowers the count), and each neighbourhood's audit chain head. Equal fingerprints before and after a request mean
 * it changed nothing. One query, a few milliseconds on a world-sized database.
 */
export async function writeProbe(h: TestApp): Promise<() => Promise<string>> {
  const tables = (
    await asOwner(
      h,
      `select schemaname || '.' || tablename as name from pg_tables
       where schemaname not in ('pg_catalog', 'information_schema', 'drizzle') order by 1`,
    )
  )
    .map((row) => String(row.name))
    .filter((name) => !RECORDS_REFUSALS.has(name.split('.').pop()!));
  if (!tables.some((name) => name.endsWith('.audit_heads'))) throw new Error('no audit chain heads to watch');
  const perTable = tables.map(
    (name) =>
      `select '${name}' as t, count(*)::text || '/' || coalesce(max(xmin::text::bigint), 0)::text as f from ${name}`,
  );
  const heads = `select 'audit_chain_head' as t, coalesce(string_agg(tenant_id || ':' || seq || ':' || encode(hash, 'hex'), ',' order by tenant_id), '') as f from public.audit_heads`;
  const query = `select string_agg(t || '=' || f, ' ' order by t) as fingerprint from (${[...perTable, heads].join(' union all ')}) s`;
  return async () => String((await asOwner(h, query))[0]!.fingerprint);
}

/** The tables two fingerprints disagree on: what a request wrote. */
export function changedTables(before: string, after: string): string[] {
  const parse = (f: string) => new Map(f.split(' ').map((entry) => entry.split('=') as [string, string]));
  const a = parse(before);
  return [...parse(after)].filter(([table, value]) => a.get(table) !== value).map(([table]) => table);
}
