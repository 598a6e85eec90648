import { redirect } from '@sveltejs/kit';
import { apiFor, clearSession } from '#lib/server/api.ts';
import { routes } from '#lib/routes.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
  await apiFor(event).api.v1.auth['sign-out'].$post({ query: {} });
  clearSession(event.cookies);
  redirect(303, routes.landing());
};
