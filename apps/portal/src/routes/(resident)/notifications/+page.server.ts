import { error, redirect } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { safeNext } from '#lib/routes.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const cursor = event.url.searchParams.get('cursor') ?? undefined;
  const unread = event.url.searchParams.get('unread') === 'true' ? 'true' : undefined;
  const res = await apiFor(event).api.v1.me.notifications.$get({ query: { cursor, unread } });
  if (!res.ok) error(res.status === 400 ? 400 : 500, 'notifications');
  return { page: await res.json(), unreadOnly: !!unread };
}) satisfies PageServerLoad;

export const actions = {
  // Following an item marks it read, then opens the page it is about (without JavaScript too).
  open: async (event) => {
    const form = await event.request.formData();
    const notificationId = String(form.get('notificationId') ?? '');
    const res = await apiFor(event).api.v1.me.notifications[':notificationId'].read.$post({
      param: { notificationId },
    });
    if (!res.ok) return failFrom(res);
    redirect(303, safeNext(String(form.get('link') ?? '')));
  },
  readAll: async (event) => {
    const res = await apiFor(event).api.v1.me.notifications['read-all'].$post();
    if (!res.ok) return failFrom(res);
    return { allRead: true };
  },
} satisfies Actions;
