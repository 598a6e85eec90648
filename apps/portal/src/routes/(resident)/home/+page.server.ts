import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1;
  const q = event.url.searchParams.get('q')?.trim() ?? '';
  const supervises = me.regions.length > 0 || me.user.isPlatformOperator;
  const [todo, found, organisations, area] = await Promise.all([
    api.me.todo.$get(),
    q ? api.neighbourhoods.$get({ query: { q } }) : null,
    api.organisations.$get(),
    supervises ? areaAtAGlance(api) : null,
  ]);
  return {
    me,
    todo: todo.ok ? (await todo.json()).items : [],
    search: { q, found: found?.ok ? (await found.json()).items : null },
    organisations: organisations.ok ? (await organisations.json()).items : [],
    area,
  };
}) satisfies PageServerLoad;

/** 街道/社区 staff and operators start from their area: how many neighbourhoods, what waits for them. */
async function areaAtAGlance(api: ReturnType<typeof apiFor>['api']['v1']) {
  const [neighbourhoods, pending, overdue] = await Promise.all([
    api.supervision.neighbourhoods.$get(),
    api.applications.$get({ query: { status: 'pending' } }),
    api.supervision.feedback.overdue.$get(),
  ]);
  return {
    neighbourhoods: neighbourhoods.ok ? (await neighbourhoods.json()).items.length : null,
    pending: pending.ok ? (await pending.json()).items.length : null,
    overdue: overdue.ok ? (await overdue.json()).items.length : null,
  };
}

export const actions = {
  accept: async (event) => {
    requireMe(event.locals, event.url);
    const invitationId = String((await event.request.formData()).get('invitationId') ?? '');
    const res = await apiFor(event).api.v1.me.invitations[':invitationId'].accept.$post({ param: { invitationId } });
    if (!res.ok) return failFrom(res);
    const joined = await res.json();
    return { joined: joined.tenant.name };
  },
} satisfies Actions;
