import { error } from '@sveltejs/kit';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@city/contracts/values';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.me['notification-settings'].$get();
  if (!res.ok) error(500, 'notification settings');
  return { settings: await res.json() };
}) satisfies PageServerLoad;

/** `HH:MM` → minutes after midnight; anything else is left for the API to refuse. */
const minutes = (value: FormDataEntryValue | null) => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(String(value ?? ''));
  return match ? Number(match[1]) * 60 + Number(match[2]) : -1;
};

export const actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const kinds = form.getAll('kind').map(String);
    const channels: Record<string, NotificationChannel[]> = {};
    for (const kind of kinds) {
      channels[kind] = NOTIFICATION_CHANNELS.filter((channel) => form.get(`${kind}:${channel}`) === 'on');
    }
    const quietOff = form.get('quietOff') === 'on';
    const res = await apiFor(event).api.v1.me['notification-settings'].$put({
      json: {
        channels,
        quietHours: quietOff
          ? { start: 0, end: 0 }
          : { start: minutes(form.get('quietStart')), end: minutes(form.get('quietEnd')) },
        digest: form.get('digest') === 'on',
      },
    });
    if (!res.ok) return failFrom(res);
    return { saved: true };
  },
  unbindWechat: async (event) => {
    const res = await apiFor(event).api.v1.me.wechat.$delete();
    if (!res.ok) return failFrom(res);
    return { unbound: true };
  },
} satisfies Actions;
