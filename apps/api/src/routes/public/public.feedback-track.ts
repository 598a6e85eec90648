import { z } from '@hono/zod-openapi';
import { FeedbackRatingSchema, IdSchema, TrackedFeedbackSchema, TrackingTokenSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { TenantContext } from '../../env.ts';
import { actPublicly, readPublicly } from '../../access/enter-tenant.ts';
import { file } from '../../lib/files.ts';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { photoBody, uploadedPhoto } from '../feedback/feedback.photos.ts';
import { photoResponse } from '../feedback/feedback.common.ts';

/** A tracking link names its report in its own neighbourhood only: another's slug finds nothing (404). */
const trackParams = tenantParams.extend({
  token: TrackingTokenSchema.openapi({ param: { name: 'token', in: 'path' } }),
});
const HOUR = 60 * 60 * 1000;
/** Steps by the link's holder: a few an hour is all a reporter needs. */
const TRACK_LIMIT = { max: 30, windowMs: HOUR };

const withNeighbourhood = <T extends object>(tenant: TenantContext, tracked: T) =>
  serialize({ neighbourhood: { slug: tenant.slug, name: tenant.name }, ...tracked });

export const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/public/n/{tenant}/feedback/track/{token}',
  tags: ['notices'],
  summary: '凭跟踪链接查看反映的办理进展 / The progress of a report, by its tracking link',
  access: ['public'],
  request: { params: trackParams },
  responses: { 200: json(TrackedFeedbackSchema) },
});

export const getHandler: Handler<typeof getRoute> = async (c) => {
  const { phoneFeedback, clock } = c.get('services');
  const tracked = await readPublicly(c, async (tx, tenant) =>
    withNeighbourhood(tenant, await phoneFeedback.tracked(tx, c.req.valid('param').token, clock.now())),
  );
  c.header('cache-control', 'private, no-store');
  return c.json(tracked, 200);
};

export const rateRoute = defineRoute({
  method: 'post',
  path: '/api/v1/public/n/{tenant}/feedback/track/{token}/rating',
  tags: ['notices'],
  summary: '凭跟踪链接评价答复：满意、基本满意、不满意 / Rate the answer by the tracking link',
  description: '不满意时重新交办一次。Unsatisfied reopens the report once.',
  access: ['public'],
  request: { params: trackParams, body: jsonBody(FeedbackRatingSchema) },
  limit: { bucket: 'feedback-track', ...TRACK_LIMIT },
  errors: [409],
  responses: { 200: json(TrackedFeedbackSchema) },
});

export const rateHandler: Handler<typeof rateRoute> = async (c) => {
  const { phoneFeedback, clock } = c.get('services');
  const rated = await actPublicly(c, async (tx, tenant) =>
    withNeighbourhood(
      tenant,
      await phoneFeedback.rate(tx, c.req.valid('param').token, clock.now(), c.req.valid('json')),
    ),
  );
  return c.json(rated, 200);
};

export const addPhotoRoute = defineRoute({
  method: 'post',
  path: '/api/v1/public/n/{tenant}/feedback/track/{token}/photos',
  tags: ['notices'],
  summary: '凭跟踪链接补充照片（最多 6 张；JPEG/PNG/WebP，≤1 MB）/ Add a photo by the tracking link (6 at most)',
  access: ['public'],
  request: { params: trackParams, body: photoBody },
  limit: { bucket: 'feedback-track', ...TRACK_LIMIT },
  errors: [409],
  responses: { 201: json(z.object({ id: IdSchema, side: z.enum(['reporter', 'handler']) })) },
});

export const addPhotoHandler: Handler<typeof addPhotoRoute> = async (c) => {
  const { phoneFeedback, clock } = c.get('services');
  // The body is read only once the token is known here (another neighbourhood's is a 404 whatever was sent).
  const added = await actPublicly(c, (tx) =>
    phoneFeedback.addPhoto(tx, c.req.valid('param').token, clock.now(), () => uploadedPhoto(c)),
  );
  return c.json(added, 201);
};

export const photoRoute = defineRoute({
  method: 'get',
  path: '/api/v1/public/n/{tenant}/feedback/track/{token}/photos/{photoId}',
  tags: ['notices'],
  summary: '凭跟踪链接查看反映的照片 / A photo of the report, by its tracking link',
  access: ['public'],
  request: { params: trackParams.extend({ photoId: IdSchema }) },
  responses: { 200: file('image/jpeg', 'JPEG, PNG or WebP') },
});

export const photoHandler: Handler<typeof photoRoute> = async (c) => {
  const { token, photoId } = c.req.valid('param');
  const photo = await readPublicly(c, (tx) => c.get('services').phoneFeedback.photo(tx, token, photoId));
  return photoResponse(c, photoId, photo);
};
