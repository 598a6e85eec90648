import type { Schema } from 'hono';
import { z } from '@hono/zod-openapi';
import { coreError } from '@city/plugin-sdk';
import {
  anyOf,
  cleanUpload,
  fileResponse,
  pluginRoute,
  uploadHeaders,
  type PluginRouter,
} from '@city/plugin-sdk/server';
import { and, asc, count, eq } from 'drizzle-orm';
import { photos } from '../schema.ts';
import type { PhotoSubject } from '../values.ts';
import { runsBranch, type Ctx, type Settings } from './access.ts';
import { fail } from './errors.ts';

/** Photos as offerings take them: JPEG, PNG or WebP, at most 1 MB (the portal scales them down first), six a subject. */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const MAX_PHOTO_BYTES = 1024 * 1024;
const MAX_PHOTOS = 6;
const binary = z.string().openapi({ format: 'binary' });

export const photoBody = {
  required: true,
  content: Object.fromEntries(PHOTO_TYPES.map((t) => [t, { schema: binary }])),
};

/** Keeps an uploaded photo of a subject, re-encoded (no metadata, nothing hidden after the image). */
export async function addPhoto(ctx: Ctx, subject: PhotoSubject, subjectId: string, body: ArrayBuffer) {
  const [{ n }] = (await ctx.db
    .select({ n: count() })
    .from(photos)
    .where(and(eq(photos.subject, subject), eq(photos.subjectId, subjectId)))) as [{ n: number }];
  if (n >= MAX_PHOTOS) throw fail('too_many_photos');
  const bytes = new Uint8Array(body);
  if (bytes.length > MAX_PHOTO_BYTES) throw fail('photo_too_large');
  const image = await cleanUpload(bytes, PHOTO_TYPES);
  if (!image) throw fail('photo_invalid');
  const [row] = await ctx.db
    .insert(photos)
    .values({
      tenantId: ctx.tenant.id,
      subject,
      subjectId,
      contentType: image.type,
      bytes: image.bytes,
      createdAt: ctx.now(),
    })
    .returning({ id: photos.id });
  return row!.id;
}

/** The ids of these subjects' photos, in upload order, by subject id. */
export async function photoIdsOf(ctx: Ctx, subject: PhotoSubject, subjectIds: readonly string[]) {
  const rows = subjectIds.length
    ? await ctx.db
        .select({ id: photos.id, subjectId: photos.subjectId })
        .from(photos)
        .where(and(eq(photos.subject, subject), anyOf(photos.subjectId, [...subjectIds])))
        .orderBy(asc(photos.createdAt), asc(photos.id))
    : [];
  const bySubject = Map.groupBy(rows, (r) => r.subjectId);
  return (subjectId: string) => (bySubject.get(subjectId) ?? []).map((r) => r.id);
}

/**
 * Who may see a subject's photos, asked of the module that owns the subject: an activity's by whoever may see the
 * activity, a commitment's by its member and the branch, a duty's by the branch.
 */
export type PhotoReaders = Record<PhotoSubject, (ctx: Ctx, subjectId: string) => Promise<boolean>>;

const photoParams = z.object({ partyPhotoId: z.uuid({ error: 'invalid_format' }) });

const show = pluginRoute({
  method: 'get',
  path: '/photos/{partyPhotoId}',
  access: ['tenant:member'],
  summary: '照片 / A photo of an activity, a commitment or a duty',
  request: { params: photoParams },
  responses: { 200: fileResponse('image/jpeg', 'The photo (JPEG, PNG or WebP)') },
});
const remove = pluginRoute({
  method: 'delete',
  path: '/photos/{partyPhotoId}',
  access: ['tenant:member'],
  summary: '删除照片 / Remove a photo (the branch, or the member whose commitment it shows)',
  request: { params: photoParams },
  responses: { 204: { description: 'Removed' } },
});

async function visiblePhoto(ctx: Ctx, readers: PhotoReaders, photoId: string) {
  const [row] = await ctx.db.select().from(photos).where(eq(photos.id, photoId));
  if (!row || !(await readers[row.subject](ctx, row.subjectId))) throw fail('photo_missing');
  return row;
}

export const photoRoutes =
  (readers: PhotoReaders, writers: PhotoReaders) =>
  <S extends Schema>(router: PluginRouter<Settings, S>) =>
    router
      .openapi(show, async (c) => {
        const row = await visiblePhoto(c.get('plugin'), readers, c.req.valid('param').partyPhotoId);
        // Copied into a plain ArrayBuffer: drivers hand bytea back as views of their own buffers.
        return c.body(new Uint8Array(row.bytes), 200, uploadHeaders(row.contentType, `party-photo-${row.id}`));
      })
      .openapi(remove, async (c) => {
        const ctx = c.get('plugin');
        const row = await visiblePhoto(ctx, readers, c.req.valid('param').partyPhotoId);
        if (!runsBranch(ctx) && !(await writers[row.subject](ctx, row.subjectId))) throw coreError('forbidden');
        await ctx.db.delete(photos).where(eq(photos.id, row.id));
        return c.body(null, 204);
      });
