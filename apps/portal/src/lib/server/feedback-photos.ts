import { fail, type RequestEvent } from '@sveltejs/kit';
import { translate } from '#lib/i18n/index.ts';
import { apiFor } from './api.ts';

/** The photos a form sent (empty file inputs send one empty file). */
export const photosOf = (form: FormData) =>
  form.getAll('photos').filter((file): file is File => file instanceof File && file.size > 0);

/** How one photo reaches the API: the bytes and the type the browser named (the API trusts only the bytes). */
type Send = (options: { headers: Record<string, string>; init: { body: ArrayBuffer } }) => Promise<Response>;

/**
 * Sends photos one by one (the API cleans each and keeps six per side); the names of those it refused and why, so
 * the page can say which did not go while the rest are kept.
 */
export async function sendPhotos(photos: readonly File[], send: Send): Promise<string[]> {
  const refused: string[] = [];
  for (const photo of photos) {
    // `headers` merge with the client's own (session, language); headers inside `init` would replace them.
    const res = await send({
      headers: { 'content-type': photo.type || 'application/octet-stream' },
      init: { body: await photo.arrayBuffer() },
    });
    if (!res.ok) {
      const problem = (await res.json().catch(() => null)) as { title?: string } | null;
      refused.push(`${photo.name}：${problem?.title ?? res.status}`);
    }
  }
  return refused;
}

/** A neighbourhood member's photos for a report. */
export const uploadPhotos = (event: RequestEvent<{ tenant: string }>, reportId: string, photos: readonly File[]) =>
  sendPhotos(photos, (options) =>
    apiFor(event).api.v1.t[':tenant'].feedback[':reportId'].photos.$post(
      { param: { tenant: event.params.tenant, reportId } },
      options,
    ),
  );

/** Photos of a report made without an account, sent by its tracking link. */
export const uploadTrackedPhotos = (event: RequestEvent<{ tenant: string }>, token: string, photos: readonly File[]) =>
  sendPhotos(photos, (options) =>
    apiFor(event).api.v1.public.n[':tenant'].feedback.track[':token'].photos.$post(
      { param: { tenant: event.params.tenant, token } },
      options,
    ),
  );

/** A page's `?/photos` answer: done, or which photos did not go (the form's message). */
export function photosAnswer(event: RequestEvent, refused: readonly string[]) {
  if (!refused.length) return { done: 'photos' };
  return fail(400, {
    message: `${translate(event.locals.locale, 'feedback.photosRefused')} ${refused.join('；')}`,
    fieldErrors: {} as Record<string, string>,
    values: {} as Record<string, string>,
  });
}
