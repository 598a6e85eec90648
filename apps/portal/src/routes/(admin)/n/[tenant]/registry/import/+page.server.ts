import { error, fail, redirect } from '@sveltejs/kit';
import { translate } from '#lib/i18n/index.ts';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { routes } from '#lib/routes.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const param = { tenant: event.params.tenant };
  const [summary, recent] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param }),
    api.api.v1.t[':tenant'].registry.imports.$get({ param }),
  ]);
  if (!summary.ok || !recent.ok) error(recent.status === 403 ? 403 : 404, 'not found');
  return { neighbourhood: await summary.json(), recent: (await recent.json()).items };
}) satisfies PageServerLoad;

export const actions = {
  upload: async (event) => {
    const file = (await event.request.formData()).get('file');
    if (!(file instanceof File) || file.size === 0)
      return fail(400, { message: translate(event.locals.locale, 'import.fileRequired'), fieldErrors: {}, values: {} });
    const res = await apiFor(event).api.v1.t[':tenant'].registry.imports.$post(
      { param: { tenant: event.params.tenant }, query: { fileName: file.name } },
      // `headers` merge with the client's own (session, language); headers inside `init` would replace them.
      { headers: { 'content-type': 'application/octet-stream' }, init: { body: await file.arrayBuffer() } },
    );
    if (!res.ok) return failFrom(res);
    redirect(303, routes.registryImportResult(event.params.tenant, (await res.json()).id));
  },
} satisfies Actions;
