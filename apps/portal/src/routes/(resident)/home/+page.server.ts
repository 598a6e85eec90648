import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireMe(event.locals, event.url);
  const api = apiFor(event);
  const q = event.url.searchParams.get('q')?.trim() ?? '';
  const [todo, found] = await Promise.all([
    api.api.v1.me.todo.$get(),
    q ? api.api.v1.neighbourhoods.$get({ query: { q } }) : null,
  ]);
  return {
    me,
    todo: todo.ok ? (await todo.json()).items : [],
    search: { q, found: found?.ok ? (await found.json()).items : null },
  };
}) satisfies PageServerLoad;

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
