import { API_ORIGIN } from '$app/env/private';
import { error } from '@sveltejs/kit';
import { apiHeaders } from '#lib/server/api.ts';
import type { RequestHandler } from './$types';

/**
 * The API's stream of the visitor's new notifications, passed through on the portal's own origin (the session is a
 * cookie here, a bearer token there). It ends when the browser goes away.
 */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.me) error(401, 'sign in');
  const res = await fetch(`${API_ORIGIN}/api/v1/me/notifications/stream`, {
    headers: { ...apiHeaders(event), accept: 'text/event-stream' },
    signal: event.request.signal,
  });
  if (!res.ok || !res.body) error(res.status === 401 ? 401 : 502, 'stream unavailable');
  return new Response(res.body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // nginx and the like would otherwise hold the events back in their buffers.
      'x-accel-buffering': 'no',
    },
  });
};
