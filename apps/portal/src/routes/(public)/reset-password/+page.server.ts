import { redirect } from '@sveltejs/kit';
import { apiFor, setSession } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { routes } from '#lib/routes.ts';
import type { Actions } from './$types';

export const actions = {
  code: async (event) => {
    const values = fields(await event.request.formData(), ['phone'] as const);
    const res = await apiFor(event).api.v1.auth['phone-codes'].$post({
      json: { phone: values.phone, purpose: 'password-reset' },
    });
    if (!res.ok) return failFrom(res, values);
    return { codeSent: true, values };
  },
  reset: async (event) => {
    const values = fields(await event.request.formData(), ['phone', 'code', 'password'] as const);
    const res = await apiFor(event).api.v1.auth['password-reset'].$post({ json: values });
    if (!res.ok) return failFrom(res, { phone: values.phone, step: 'reset' });
    const session = await res.json();
    setSession(event.cookies, session.token, session.expiresAt, event.url.protocol === 'https:');
    redirect(303, routes.home());
  },
} satisfies Actions;
