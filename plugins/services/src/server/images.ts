import { anyOf, uploadHeaders, type PluginDb } from '@city/plugin-sdk/server';
import { asc, eq } from 'drizzle-orm';
import { images } from '../schema.ts';
import { fail } from './errors.ts';

/** An image is at most 1 MB (the API's body limit; the portal scales photos down before they are sent). */
export const MAX_IMAGE_BYTES = 1024 * 1024;
export const MAX_IMAGES = 6;

/** The ids of these offerings' photos, in upload order (only the ids: the bytes are served one by one). */
export async function imageIdsOf(db: PluginDb, offeringIds: readonly string[]) {
  const rows = offeringIds.length
    ? await db
        .select({ id: images.id, offeringId: images.offeringId })
        .from(images)
        .where(anyOf(images.offeringId, [...offeringIds]))
        .orderBy(asc(images.createdAt), asc(images.id))
    : [];
  const byOffering = Map.groupBy(rows, (r) => r.offeringId);
  return (offeringId: string) => (byOffering.get(offeringId) ?? []).map((r) => r.id);
}

/** One photo, as the caller's policies let them see it (a vendor its own; a neighbourhood those of vendors it admitted). */
export async function imageFile(db: PluginDb, imageId: string) {
  const [row] = await db
    .select({ bytes: images.bytes, contentType: images.contentType })
    .from(images)
    .where(eq(images.id, imageId));
  if (!row) throw fail('image_missing');
  // Copied into a plain ArrayBuffer: drivers hand bytea back as views of their own buffers.
  return { bytes: new Uint8Array(row.bytes), headers: uploadHeaders(row.contentType, `service-photo-${imageId}`) };
}
