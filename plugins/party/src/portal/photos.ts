import type { ActionResult, PortalContext } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import { done, refused, refusedHere, text } from './forms.ts';
import { messages } from './messages/index.ts';

type Context = PortalContext<PartyApi> & { form: FormData };

/** What the typed client's photo routes take besides their path: the bytes as picked (scaled in the browser). */
type PhotoRequest = { headers: Record<string, string>; init: { body: ArrayBuffer } };

/** The photo a form carries in its one file input, `photo`; null when none was picked. */
export function photoIn(form: FormData) {
  const file = form.get('photo');
  return file instanceof File && file.size > 0 ? file : null;
}

/** The API checks what the bytes really are; the type sent only chooses among the body types it takes. */
export const photoRequest = async (file: File): Promise<PhotoRequest> => ({
  headers: { 'content-type': file.type || 'application/octet-stream' },
  init: { body: await file.arrayBuffer() },
});

/**
 * Adds the photo of a form about one row (`id`: an activity, a commitment, a duty) through that row's photo route;
 * without a photo picked, says so next to the file input.
 */
export async function sendPhoto(
  { form, locale }: Context,
  post: (id: string, request: PhotoRequest) => Promise<Response>,
): Promise<ActionResult> {
  const id = text(form, 'id');
  const file = photoIn(form);
  if (!file) return refusedHere(messages[locale]['photo.required'], 'photo', 'addPhoto', id);
  const res = await post(id, await photoRequest(file));
  return res.ok ? done('addPhoto', id) : refused(res, 'addPhoto', id);
}

/** Takes a photo away (the branch; a member from their own commitment). */
export async function removePhoto({ client, form }: Context): Promise<ActionResult> {
  const partyPhotoId = text(form, 'photoId');
  const res = await client.photos[':partyPhotoId'].$delete({ param: { partyPhotoId } });
  return res.ok ? done('removePhoto') : refused(res, 'removePhoto', partyPhotoId);
}
