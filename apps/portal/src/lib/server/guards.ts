import { redirect } from '@sveltejs/kit';
import { routes } from '#lib/routes.ts';

/** Sends visitors who are not signed in to the sign-in page, coming back here afterwards. */
export function requireMe(locals: App.Locals, url: URL) {
  if (!locals.me) redirect(303, routes.signIn(url.pathname + url.search));
  return locals.me;
}
