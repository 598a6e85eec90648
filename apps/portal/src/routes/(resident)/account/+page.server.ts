import { redirect } from '@sveltejs/kit';
import { apiFor, clearSession } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { routes } from '#lib/routes.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.auth.sessions.$get();
  return { sessions: res.ok ? (await res.json()).items : [] };
}) satisfies PageServerLoad;

export const actions = {
  revoke: async (event) => {
    const sessionId = String((await event.request.formData()).get('sessionId') ?? '');
    const res = await apiFor(event).api.v1.auth.sessions[':sessionId'].$delete({ param: { sessionId } });
    if (!res.ok) return failFrom(res);
    return { revoked: true };
  },
  signOutEverywhere: async (event) => {
    await apiFor(event).api.v1.auth['sign-out'].$post({ query: { all: 'true' } });
    clearSession(event.cookies);
    redirect(303, routes.signIn());
  },
} satisfies Actions;
