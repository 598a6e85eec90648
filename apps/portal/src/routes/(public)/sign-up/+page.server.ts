import { redirect } from '@sveltejs/kit';
import { apiFor, setSession } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { safeNext } from '#lib/routes.ts';
import type { Actions } from './$types';

export const actions = {
  /** Step 1: text a code to the number. */
  code: async (event) => {
    const values = fields(await event.request.formData(), ['phone'] as const);
    const res = await apiFor(event).api.v1.auth['phone-codes'].$post({
      json: { phone: values.phone, purpose: 'sign-up' },
    });
    if (!res.ok) return failFrom(res, values);
    return { codeSent: true, values };
  },
  /** Step 2: confirm the code, choose name and password, sign in. */
  register: async (event) => {
    const values = fields(await event.request.formData(), [
      'phone',
      'code',
      'displayName',
      'password',
      'next',
    ] as const);
    const res = await apiFor(event).api.v1.auth['sign-up'].$post({
      json: { phone: values.phone, code: values.code, displayName: values.displayName, password: values.password },
    });
    if (!res.ok) return failFrom(res, { phone: values.phone, displayName: values.displayName, step: 'register' });
    const session = await res.json();
    setSession(event.cookies, session.token, session.expiresAt, event.url.protocol === 'https:');
    redirect(303, safeNext(values.next));
  },
} satisfies Actions;
