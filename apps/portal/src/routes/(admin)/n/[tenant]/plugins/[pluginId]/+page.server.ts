import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { routes } from '#lib/routes.ts';
import { settingsFromForm } from '#lib/plugin-settings.ts';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ tenant: string; pluginId: string }>;
const plugin = (event: Event) => apiFor(event).api.v1.t[':tenant'].plugins[':pluginId'];
const param = (event: Event) => ({ tenant: event.params.tenant, pluginId: event.params.pluginId });

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const q = event.url.searchParams.get('q')?.trim() ?? '';
  const [summary, detail] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param: { tenant: event.params.tenant } }),
    plugin(event).$get({ param: param(event) }),
  ]);
  if (!summary.ok || !detail.ok) error(detail.status === 403 ? 403 : 404, 'not found');
  const found = await detail.json();
  const managesRoles = found.roles.length > 0 && found.install !== null && found.install.status !== 'uninstalled';
  const [holders, candidates] = managesRoles
    ? await Promise.all([
        plugin(event).roles.$get({ param: param(event) }),
        q
          ? api.api.v1.t[':tenant'].members.$get({ param: { tenant: event.params.tenant }, query: { q, limit: '20' } })
          : null,
      ])
    : [null, null];
  return {
    neighbourhood: await summary.json(),
    plugin: found,
    holders: holders?.ok ? (await holders.json()).items : [],
    q,
    candidates: candidates?.ok ? (await candidates.json()).items : [],
  };
}) satisfies PageServerLoad;

const granted = (form: FormData) => form.getAll('grantedScopes').map(String);

/** The plugin's settings schema, to read the settings form by its types. */
async function settingsSchema(event: Event) {
  const res = await plugin(event).$get({ param: param(event) });
  if (!res.ok) error(404, 'not found');
  return (await res.json()).settingsSchema;
}

export const actions = {
  install: async (event) => {
    const form = await event.request.formData();
    const settings = settingsFromForm(await settingsSchema(event), form);
    const res = await plugin(event).install.$post({
      param: param(event),
      json: { grantedScopes: granted(form), settings },
    });
    return res.ok ? { done: 'installed' } : failFrom(res);
  },
  settings: async (event) => {
    const form = await event.request.formData();
    const res = await plugin(event).settings.$put({
      param: param(event),
      json: { settings: settingsFromForm(await settingsSchema(event), form) },
    });
    return res.ok ? { done: 'settings.saved' } : failFrom(res);
  },
  enable: async (event) => {
    const res = await plugin(event).enable.$post({ param: param(event) });
    return res.ok ? { done: 'enabled' } : failFrom(res);
  },
  disable: async (event) => {
    const res = await plugin(event).disable.$post({ param: param(event) });
    return res.ok ? { done: 'disabled' } : failFrom(res);
  },
  upgrade: async (event) => {
    const res = await plugin(event).upgrade.$post({
      param: param(event),
      json: { grantedScopes: granted(await event.request.formData()) },
    });
    return res.ok ? { done: 'upgraded' } : failFrom(res);
  },
  uninstall: async (event) => {
    const res = await plugin(event).uninstall.$post({ param: param(event) });
    return res.ok ? { done: 'uninstalled' } : failFrom(res);
  },
  purge: async (event) => {
    const confirm = String((await event.request.formData()).get('confirm') ?? '').trim();
    const res = await plugin(event).purge.$post({ param: param(event), json: { confirm } });
    if (!res.ok) return failFrom(res, { confirm });
    redirect(303, routes.plugins(event.params.tenant));
  },
  roles: async (event) => {
    const form = await event.request.formData();
    const memberId = String(form.get('memberId') ?? '');
    const res = await plugin(event).roles[':memberId'].$put({
      param: { ...param(event), memberId },
      json: { roles: form.getAll('roles').map(String) },
    });
    return res.ok ? { done: 'roles.saved' } : failFrom(res, { memberId });
  },
  retry: async (event) => {
    const deliveryId = String((await event.request.formData()).get('deliveryId') ?? '');
    const res = await plugin(event).deliveries[':deliveryId'].retry.$post({ param: { ...param(event), deliveryId } });
    return res.ok ? { done: 'deliveries.retried' } : failFrom(res);
  },
} satisfies Actions;
