import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { metricsQuery } from '#lib/server/feedback-metrics.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.supervision.feedback;
  const query = metricsQuery(event.url);
  const [metrics, overdue] = await Promise.all([api.metrics.$get({ query }), api.overdue.$get()]);
  if (metrics.status === 400) error(400, ((await metrics.json()) as unknown as { title: string }).title);
  if (!metrics.ok || !overdue.ok) error(metrics.status === 404 ? 404 : 403, 'forbidden');
  return { metrics: await metrics.json(), overdue: (await overdue.json()).items, query };
}) satisfies PageServerLoad;
