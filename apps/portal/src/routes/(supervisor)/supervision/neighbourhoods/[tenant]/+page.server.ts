import { error } from '@sveltejs/kit';
import { bySupervisionUrgency } from '#lib/governance.ts';
import { beijingToday } from '#lib/ledger.ts';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

type Api = ReturnType<typeof apiFor>['api']['v1'];

/**
 * One supervised neighbourhood at a glance (404 outside the branch), from what the API already tells supervisors
 * about their area: who it is, its 码上提 figures this year and what is overdue, its owners' committee, the latest
 * public notices, and the apps that offer read-only views.
 */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1;
  const tenant = event.params.tenant;
  const apps = await api.supervision.neighbourhoods[':tenant'].plugins.$get({ param: { tenant } });
  if (!apps.ok) error(apps.status === 403 ? 403 : 404, 'not found');
  const [area, committees, overdue, board, feedback] = await Promise.all([
    api.supervision.neighbourhoods.$get(),
    api.supervision.committees.$get(),
    api.supervision.feedback.overdue.$get(),
    api.public.n[':tenant'].notices.$get({ param: { tenant }, query: {} }),
    feedbackFigures(api, tenant),
  ]);
  const today = beijingToday();
  const committee = committees.ok
    ? bySupervisionUrgency((await committees.json()).items, today).find((row) => row.neighbourhood.slug === tenant)
    : undefined;
  return {
    ...(await apps.json()),
    neighbourhood: area.ok ? ((await area.json()).items.find((n) => n.slug === tenant) ?? null) : null,
    feedback,
    overdue: overdue.ok ? (await overdue.json()).items.filter((r) => r.neighbourhood.slug === tenant) : [],
    committee: committee ?? null,
    notices: board.ok ? (await board.json()).items.slice(0, 5) : null,
    today,
  };
}) satisfies PageServerLoad;

/**
 * The neighbourhood's row of the 码上提 metrics (this year so far). The metrics come one region at a time, the
 * caller's first by default; the neighbourhood may sit under another of their regions.
 */
async function feedbackFigures(api: Api, slug: string) {
  const metricsOf = async (region?: string) => {
    const res = await api.supervision.feedback.metrics.$get({ query: region ? { region } : {} });
    return res.ok ? await res.json() : null;
  };
  const rowOf = (metrics: NonNullable<Awaited<ReturnType<typeof metricsOf>>>) =>
    metrics.rollup.find((row) => row.level === 'neighbourhood' && row.neighbourhood?.slug === slug);
  const first = await metricsOf();
  if (!first) return null;
  let row = rowOf(first);
  for (const region of first.regions) {
    if (row) break;
    if (region.id === first.region.id) continue;
    const other = await metricsOf(region.id);
    row = other ? rowOf(other) : undefined;
  }
  return { period: first.period, row: row ?? null };
}
