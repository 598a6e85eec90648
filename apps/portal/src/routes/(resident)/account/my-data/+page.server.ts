import { fail } from '@sveltejs/kit';
import { apiFor, clearSession } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { translate } from '#lib/i18n/index.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  return {};
}) satisfies PageServerLoad;

export const actions = {
  code: async (event) => {
    requireMe(event.locals, event.url);
    const res = await apiFor(event).api.v1.me['account-deletion'].code.$post();
    if (!res.ok) return failFrom(res, { step: 'delete' });
    return { codeSent: true, values: { step: 'delete' } };
  },
  delete: async (event) => {
    requireMe(event.locals, event.url);
    const form = await event.request.formData();
    const values = fields(form, ['password', 'code'] as const);
    const kept = { step: 'delete', code: values.code };
    const say = (key: Parameters<typeof translate>[1]) => translate(event.locals.locale, key);
    if (form.get('understand') !== 'yes') {
      return fail(400, {
        message: '',
        fieldErrors: { understand: say('myData.delete.understandMissing') },
        values: kept,
      });
    }
    if (!values.password && !values.code) {
      return fail(400, { message: say('myData.delete.confirmationMissing'), fieldErrors: {}, values: kept });
    }
    const res = await apiFor(event).api.v1.me['account-deletion'].$post({
      json: values.password ? { method: 'password', password: values.password } : { method: 'code', code: values.code },
    });
    if (!res.ok) return failFrom(res, kept);
    clearSession(event.cookies);
    return { deleted: (await res.json()).pseudonym };
  },
} satisfies Actions;
