import { z } from '@hono/zod-openapi';
import {
  FeedbackDetailWithNeighbourhoodSchema,
  BusinessFeedbackQuerySchema,
  FeedbackReportWithNeighbourhoodSchema,
  FeedbackActionSchema,
  IdSchema,
} from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { BusinessStaff } from '@city/core';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { file } from '../../lib/files.ts';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { photoResponse } from './feedback.common.ts';
import { photoBody, uploadedPhoto } from './feedback.photos.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { organisationParams } from '../organisations/organisations.common.ts';

const reportParams = organisationParams.extend({ ...tenantParams.shape, reportId: IdSchema });

const staffOf = (c: Context<AppEnv>): BusinessStaff => {
  const actor = actorOf(c);
  return { organisationId: c.get('organisation').id, userId: actor.id, displayName: actor.displayName };
};

export const businessListRoute = defineRoute({
  method: 'get',
  path: '/api/v1/organisations/{organisation}/feedback',
  tags: ['organisations'],
  summary: '交办给本商户的码上提反映（各小区）/ 码上提 reports neighbourhoods assigned to this business',
  access: ['org:member'],
  request: { params: organisationParams, query: BusinessFeedbackQuerySchema },
  responses: { 200: json(z.object({ items: z.array(FeedbackReportWithNeighbourhoodSchema) })) },
});

export const businessListHandler: Handler<typeof businessListRoute> = async (c) => {
  const items = await c.get('services').businessFeedback.list(staffOf(c), c.req.valid('query').status);
  return c.json(serialize({ items }), 200);
};

export const businessGetRoute = defineRoute({
  method: 'get',
  path: '/api/v1/organisations/{organisation}/feedback/{tenant}/{reportId}',
  tags: ['organisations'],
  summary: '交办给本商户的一条反映 / One report assigned to this business',
  access: ['org:member'],
  request: { params: reportParams },
  responses: { 200: json(FeedbackDetailWithNeighbourhoodSchema) },
});

export const businessGetHandler: Handler<typeof businessGetRoute> = async (c) => {
  const { tenant, reportId } = c.req.valid('param');
  return c.json(serialize(await c.get('services').businessFeedback.get(staffOf(c), tenant, reportId)), 200);
};

export const businessActRoute = defineRoute({
  method: 'post',
  path: '/api/v1/organisations/{organisation}/feedback/{tenant}/{reportId}/actions',
  tags: ['organisations'],
  summary: '承办：进展、答复或退回 / Progress, answer or hand back',
  access: ['org:member'],
  request: { params: reportParams, body: jsonBody(FeedbackActionSchema) },
  errors: [409],
  responses: { 200: json(FeedbackDetailWithNeighbourhoodSchema) },
});

export const businessActHandler: Handler<typeof businessActRoute> = async (c) => {
  const { tenant, reportId } = c.req.valid('param');
  const report = await c.get('services').businessFeedback.act(staffOf(c), tenant, reportId, c.req.valid('json'));
  return c.json(serialize(report), 200);
};

export const businessPhotoRoute = defineRoute({
  method: 'get',
  path: '/api/v1/organisations/{organisation}/feedback/{tenant}/{reportId}/photos/{photoId}',
  tags: ['organisations'],
  summary: '交办给本商户的反映的照片 / A photo of a report assigned to this business',
  access: ['org:member'],
  request: { params: reportParams.extend({ photoId: IdSchema }) },
  responses: { 200: file('image/jpeg', 'JPEG, PNG or WebP') },
});

export const businessPhotoHandler: Handler<typeof businessPhotoRoute> = async (c) => {
  const { tenant, reportId, photoId } = c.req.valid('param');
  const photo = await c.get('services').businessFeedback.photo(staffOf(c), tenant, reportId, photoId);
  return photoResponse(c, photoId, photo);
};

export const businessAddPhotoRoute = defineRoute({
  method: 'post',
  path: '/api/v1/organisations/{organisation}/feedback/{tenant}/{reportId}/photos',
  tags: ['organisations'],
  summary: '承办商户上传办理照片（最多 6 张）/ The business adds a photo of what it did (6 at most)',
  access: ['org:member'],
  request: { params: reportParams, body: photoBody },
  errors: [409],
  responses: { 201: json(z.object({ id: IdSchema, side: z.enum(['reporter', 'handler']) })) },
});

export const businessAddPhotoHandler: Handler<typeof businessAddPhotoRoute> = async (c) => {
  const { tenant, reportId } = c.req.valid('param');
  const added = await c.get('services').businessFeedback.addPhoto(staffOf(c), tenant, reportId, () => uploadedPhoto(c));
  return c.json(added, 201);
};
