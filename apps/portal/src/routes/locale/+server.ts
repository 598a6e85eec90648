import { LOCALES, type Locale } from '@city/contracts';
import { redirect } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { routes, safeNext } from '#lib/routes.ts';
import type { RequestHandler } from './$types';

/** The language switch: a plain form post, so it works without JavaScript. Signed-in people keep the choice. */
export const POST: RequestHandler = async (event) => {
  const form = await event.request.formData();
  const requested = String(form.get('locale'));
  const locale: Locale = (LOCALES as readonly string[]).includes(requested) ? (requested as Locale) : 'zh-CN';
  event.cookies.set('locale', locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  if (event.locals.me) await apiFor(event).api.v1.me.locale.$put({ json: { locale } });
  redirect(303, safeNext(String(form.get('back') ?? ''), routes.landing()));
};
