import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import { metricsQuery } from '#lib/server/feedback-metrics.ts';
import type { RequestHandler } from './$types';

/** The metrics shown on the page, as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
  const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
  const res = await apiFor(event).api.v1.supervision.feedback.metrics.export.$get({
    query: { ...metricsQuery(event.url), format },
  });
  return passFile(res);
};
