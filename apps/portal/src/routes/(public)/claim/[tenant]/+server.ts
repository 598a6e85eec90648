import { redirect } from '@sveltejs/kit';
import { routes } from '#lib/routes.ts';
import type { RequestHandler } from './$types';

/**
 * Where a letter's QR code leads. Signed-in people go straight to the claim form with the code filled in; others
 * sign up (or sign in) first and come back to it.
 */
export const GET: RequestHandler = (event) => {
  const target = routes.myUnits(event.params.tenant, event.url.searchParams.get('code') ?? undefined);
  redirect(303, event.locals.me ? target : routes.signUp(target));
};
