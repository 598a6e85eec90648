import type { Problem } from '@city/contracts';
import { AUDIT_FILTERS, type AuditAsked } from '#lib/audit/filters.ts';

/** One page of a trail: the newest 30 that pass the filters. */
const PAGE = '30';

/** The filters and the cursor in the address, and the API's query for them (what was not asked left out). */
export function auditAsked(url: URL) {
  const asked = Object.fromEntries(
    AUDIT_FILTERS.map((name) => [name, url.searchParams.get(name)?.trim() ?? '']),
  ) as AuditAsked;
  const cursor = url.searchParams.get('cursor') ?? '';
  const query = Object.fromEntries(Object.entries({ ...asked, cursor }).filter(([, value]) => value));
  return { asked, cursor, query: { limit: PAGE, ...query } };
}

/**
 * The filters the API refused (a malformed date, an end before the start), by field in its words, to show beside
 * each; null when it answered otherwise.
 */
export async function refusedFilters(res: { status: number; json(): Promise<unknown> }) {
  if (res.status !== 400) return null;
  const problem = (await res.json()) as Problem;
  return Object.fromEntries((problem.errors ?? []).map((e) => [e.path.replace(/^query\./, ''), e.message]));
}
