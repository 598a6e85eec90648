import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/** The import template and the registry export, as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
  const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
  const registry = apiFor(event).api.v1.t[':tenant'].registry;
  const param = { tenant: event.params.tenant };
  if (event.params.kind === 'template') return passFile(await registry.template.$get({ param, query: { format } }));
  if (event.params.kind === 'export') return passFile(await registry.export.$get({ param, query: { format } }));
  error(404, 'not found');
};
