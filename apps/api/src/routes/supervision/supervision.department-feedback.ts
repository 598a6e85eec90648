import { z } from '@hono/zod-openapi';
import {
  BusinessFeedbackQuerySchema,
  FeedbackActionSchema,
  FeedbackDetailWithNeighbourhoodSchema,
  FeedbackReportWithNeighbourhoodSchema,
  IdSchema,
} from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { AppError, type DepartmentStaff } from '@city/core';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../env.ts';
import { file } from '../../lib/files.ts';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { photoResponse } from '../feedback/feedback.common.ts';
import { photoBody, uploadedPhoto } from '../feedback/feedback.photos.ts';

/** Those who act for the route's department only, checked before the body is read: to anyone else it is not found. */
const onDepartment = createMiddleware<AppEnv>(async (c, next) => {
  const departmentId = c.req.param('departmentId');
  if (!IdSchema.safeParse(departmentId).success) throw new AppError('not_found');
  c.set('department', await c.get('services').departmentFeedback.department(actorOf(c).id, departmentId!));
  await next();
});

const departmentParams = z.object({ departmentId: IdSchema });
const reportParams = departmentParams.extend({ ...tenantParams.shape, reportId: IdSchema });

const staffOf = (c: Context<AppEnv>): DepartmentStaff => {
  const actor = actorOf(c);
  return { departmentId: c.get('department').id, userId: actor.id, displayName: actor.displayName };
};

const base = '/api/v1/supervision/departments/{departmentId}/feedback';

export const queueRoute = defineRoute({
  method: 'get',
  path: base,
  tags: ['supervision'],
  summary: '交办给本街道部门的码上提反映（各小区）/ Reports the street’s neighbourhoods assigned to this department',
  access: ['region-staff'],
  middleware: onDepartment,
  request: { params: departmentParams, query: BusinessFeedbackQuerySchema },
  responses: {
    200: json(
      z.object({
        department: z.object({ id: IdSchema, name: z.string(), street: z.string() }),
        items: z.array(FeedbackReportWithNeighbourhoodSchema),
      }),
    ),
  },
});

export const queueHandler: Handler<typeof queueRoute> = async (c) => {
  const items = await c.get('services').departmentFeedback.list(staffOf(c), c.req.valid('query').status);
  return c.json(serialize({ department: c.get('department'), items }), 200);
};

export const getRoute = defineRoute({
  method: 'get',
  path: `${base}/{tenant}/{reportId}`,
  tags: ['supervision'],
  summary: '交办给本部门的一条反映 / One report assigned to this department',
  access: ['region-staff'],
  middleware: onDepartment,
  request: { params: reportParams },
  responses: { 200: json(FeedbackDetailWithNeighbourhoodSchema) },
});

export const getHandler: Handler<typeof getRoute> = async (c) => {
  const { tenant, reportId } = c.req.valid('param');
  return c.json(serialize(await c.get('services').departmentFeedback.get(staffOf(c), tenant, reportId)), 200);
};

export const actRoute = defineRoute({
  method: 'post',
  path: `${base}/{tenant}/{reportId}/actions`,
  tags: ['supervision'],
  summary: '街道部门承办：进展、答复或退回 / The department’s progress, answer or hand-back',
  access: ['region-staff'],
  middleware: onDepartment,
  request: { params: reportParams, body: jsonBody(FeedbackActionSchema) },
  errors: [409],
  responses: { 200: json(FeedbackDetailWithNeighbourhoodSchema) },
});

export const actHandler: Handler<typeof actRoute> = async (c) => {
  const { tenant, reportId } = c.req.valid('param');
  const report = await c.get('services').departmentFeedback.act(staffOf(c), tenant, reportId, c.req.valid('json'));
  return c.json(serialize(report), 200);
};

export const photoRoute = defineRoute({
  method: 'get',
  path: `${base}/{tenant}/{reportId}/photos/{photoId}`,
  tags: ['supervision'],
  summary: '交办给本部门的反映的照片 / A photo of a report assigned to this department',
  access: ['region-staff'],
  middleware: onDepartment,
  request: { params: reportParams.extend({ photoId: IdSchema }) },
  responses: { 200: file('image/jpeg', 'JPEG, PNG or WebP') },
});

export const photoHandler: Handler<typeof photoRoute> = async (c) => {
  const { tenant, reportId, photoId } = c.req.valid('param');
  const photo = await c.get('services').departmentFeedback.photo(staffOf(c), tenant, reportId, photoId);
  return photoResponse(c, photoId, photo);
};

export const addPhotoRoute = defineRoute({
  method: 'post',
  path: `${base}/{tenant}/{reportId}/photos`,
  tags: ['supervision'],
  summary: '街道部门上传办理照片（最多 6 张）/ The department adds a photo of what it did (6 at most)',
  access: ['region-staff'],
  middleware: onDepartment,
  request: { params: reportParams, body: photoBody },
  errors: [409],
  responses: { 201: json(z.object({ id: IdSchema, side: z.enum(['reporter', 'handler']) })) },
});

export const addPhotoHandler: Handler<typeof addPhotoRoute> = async (c) => {
  const { tenant, reportId } = c.req.valid('param');
  const added = await c
    .get('services')
    .departmentFeedback.addPhoto(staffOf(c), tenant, reportId, () => uploadedPhoto(c));
  return c.json(added, 201);
};
