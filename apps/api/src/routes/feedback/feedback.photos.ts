import { z } from '@hono/zod-openapi';
import { IdSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import { AppError } from '@city/core';
import { cleanUpload } from '@city/plugin-sdk/server';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { file } from '../../lib/files.ts';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { photoResponse, reportParams, viewerOf } from './feedback.common.ts';

/** The upload rules of an offering's photos: JPEG, PNG or WebP, kept re-encoded (the API's 1 MB body limit applies). */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const binary = z.string().openapi({ format: 'binary' });

/** The request body of a photo upload, for the OpenAPI document. */
export const photoBody = {
  required: true,
  content: Object.fromEntries(PHOTO_TYPES.map((t) => [t, { schema: binary }])),
} as const;

export const addPhotoRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/feedback/{reportId}/photos',
  tags: ['neighbourhood'],
  summary:
    '为反映添加照片（反映人或承办方各最多 6 张；JPEG/PNG/WebP，≤1 MB）/ Add a photo (6 per side; JPEG, PNG or WebP, 1 MB)',
  description:
    '请求体为图片本身；图片重新编码后保存，不保留位置等元数据。The body is the image itself; it is kept re-encoded, without its metadata.',
  access: ['tenant:member'],
  request: {
    params: reportParams,
    body: photoBody,
  },
  errors: [409],
  responses: { 201: json(z.object({ id: IdSchema, side: z.enum(['reporter', 'handler']) })) },
});

/** The request's body as a photo to keep: recognised by its bytes and re-encoded, or a localised 400. */
export async function uploadedPhoto(c: Context<AppEnv>) {
  const photo = await cleanUpload(new Uint8Array(await c.req.arrayBuffer()), PHOTO_TYPES);
  if (!photo) throw new AppError('photo_invalid');
  return photo;
}

export const addPhotoHandler: Handler<typeof addPhotoRoute> = async (c) => {
  const added = await c
    .get('services')
    .feedback.addPhoto(c.get('tx'), auditContext(c), viewerOf(c), c.req.valid('param').reportId, () =>
      uploadedPhoto(c),
    );
  return c.json(added, 201);
};

export const photoRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/feedback/{reportId}/photos/{photoId}',
  tags: ['neighbourhood'],
  summary: '反映的照片 / A photo of a report',
  access: ['tenant:member'],
  request: { params: reportParams.extend({ photoId: IdSchema }) },
  responses: { 200: file('image/jpeg', 'JPEG, PNG or WebP') },
});

export const photoHandler: Handler<typeof photoRoute> = async (c) => {
  const { reportId, photoId } = c.req.valid('param');
  const photo = await c.get('services').feedback.photo(c.get('tx'), viewerOf(c), reportId, photoId);
  return photoResponse(c, photoId, photo);
};
