import { ORGANISATION_MANAGERS } from '@city/contracts/values';
import { z } from '@hono/zod-openapi';
import { cleanUpload, fileResponse, json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import type { ServicesSettings } from '../../manifest.ts';
import { and, eq } from 'drizzle-orm';
import { IMAGE_TYPES, images } from '../../schema.ts';
import { imageFile, MAX_IMAGE_BYTES, MAX_IMAGES } from '../images.ts';
import { fail } from '../errors.ts';
import { offeringParams, oneOffering } from '../vendor-offerings.ts';

const imageParams = z.object({ imageId: z.uuid() });
const binary = z.string().openapi({ format: 'binary' });

const addImage = pluginRoute({
  method: 'post',
  path: '/offerings/{offeringId}/images',
  summary: '上传服务图片（JPEG/PNG/WebP，≤1 MB，最多 6 张）/ Upload a photo (JPEG, PNG or WebP, 1 MB, 6 at most)',
  description:
    '请求体为图片本身；图片重新编码后保存，不保留位置等元数据。The body is the image itself; it is kept re-encoded, without its metadata (GPS position included).',
  access: ORGANISATION_MANAGERS,
  request: {
    params: offeringParams,
    body: { required: true, content: Object.fromEntries(IMAGE_TYPES.map((t) => [t, { schema: binary }])) },
  },
  responses: { 201: json(z.object({ id: z.uuid() }), 'Uploaded'), 409: { description: 'Six already' } },
});
const removeImage = pluginRoute({
  method: 'delete',
  path: '/offerings/{offeringId}/images/{imageId}',
  summary: '删除服务图片 / Remove a photo',
  access: ORGANISATION_MANAGERS,
  request: { params: offeringParams.extend(imageParams.shape) },
  responses: { 204: { description: 'Removed' } },
});
const showImage = pluginRoute({
  method: 'get',
  path: '/images/{imageId}',
  summary: '服务图片 / A photo',
  access: ['org:member'],
  request: { params: imageParams },
  responses: { 200: fileResponse('image/jpeg', 'The image (JPEG, PNG or WebP)') },
});

/**
 * An offering's photos: uploaded as the bytes themselves, recognised by those bytes (not the claimed type) and kept
 * only as encoded afresh (`cleanUpload`: no metadata, nothing hidden after the image).
 */
export const vendorImageRoutes = <R extends Schema>(router: PluginRouter<ServicesSettings, R>) =>
  router
    .openapi(addImage, async (c) => {
      const ctx = c.get('org');
      const { offeringId } = c.req.valid('param');
      const view = await oneOffering(ctx, offeringId);
      if (view.images.length >= MAX_IMAGES) throw fail('too_many_images');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > MAX_IMAGE_BYTES) throw fail('image_too_large');
      const image = await cleanUpload(bytes, IMAGE_TYPES);
      if (!image) throw fail('image_invalid');
      const [row] = await ctx.db
        .insert(images)
        .values({
          organisationId: ctx.organisation.id,
          offeringId,
          contentType: image.type,
          bytes: image.bytes,
          createdAt: ctx.now(),
        })
        .returning({ id: images.id });
      return c.json(row!, 201);
    })
    .openapi(removeImage, async (c) => {
      const ctx = c.get('org');
      const { offeringId, imageId } = c.req.valid('param');
      const removed = await ctx.db
        .delete(images)
        .where(and(eq(images.id, imageId), eq(images.offeringId, offeringId)))
        .returning({ id: images.id });
      if (!removed.length) throw fail('image_missing');
      return c.body(null, 204);
    })
    .openapi(showImage, async (c) => {
      const { bytes, headers } = await imageFile(c.get('org').db, c.req.valid('param').imageId);
      return c.body(bytes, 200, headers);
    });
