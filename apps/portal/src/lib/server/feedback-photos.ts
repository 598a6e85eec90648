import type { RequestEvent } from '@sveltejs/kit';
import { apiFor } from './api.ts';

/** The photos a form sent (empty file inputs send one empty file). */
export const photosOf = (form: FormData) =>
  form.getAll('photos').filter((file): file is File => file instanceof File && file.size > 0);

/**
 * Sends a form's photos to a report, one by one (the API cleans each and keeps six per side); the titles of those it
 * refused, so the page can say which did not go and the rest are kept.
 */
export async function uploadPhotos(
  event: RequestEvent<{ tenant: string }>,
  reportId: string,
  photos: readonly File[],
): Promise<string[]> {
  const refused: string[] = [];
  for (const photo of photos) {
    const res = await apiFor(event).api.v1.t[':tenant'].feedback[':reportId'].photos.$post(
      { param: { tenant: event.params.tenant, reportId } },
      // `headers` merge with the client's own (session, language); headers inside `init` would replace them.
      {
        headers: { 'content-type': photo.type || 'application/octet-stream' },
        init: { body: await photo.arrayBuffer() },
      },
    );
    if (!res.ok) {
      const problem = (await res.json().catch(() => null)) as { title?: string } | null;
      refused.push(`${photo.name}：${problem?.title ?? res.status}`);
    }
  }
  return refused;
}
