import { redirect } from '@sveltejs/kit';
import { apiFor, setSession } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { safeNext } from '#lib/routes.ts';
import type { Actions } from './$types';

export const actions = {
  default: async (event) => {
    const values = fields(await event.request.formData(), ['phone', 'password', 'next'] as const);
    const res = await apiFor(event).api.v1.auth['sign-in'].$post({
      json: { phone: values.phone, password: values.password },
    });
    if (!res.ok) return failFrom(res, { phone: values.phone });
    const session = await res.json();
    setSession(event.cookies, session.token, session.expiresAt, event.url.protocol === 'https:');
    redirect(303, safeNext(values.next));
  },
} satisfies Actions;
