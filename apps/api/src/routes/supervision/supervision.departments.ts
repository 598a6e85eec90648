import { z } from '@hono/zod-openapi';
import {
  FeedbackDepartmentInputSchema,
  FeedbackDepartmentSchema,
  FeedbackDepartmentsSchema,
  IdSchema,
  MyFeedbackDepartmentsSchema,
} from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { AppError } from '@city/core';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../env.ts';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';

/** Staff of the route's 街道 only, checked before the body is read: another street is not found. */
const onStreetStaff = createMiddleware<AppEnv>(async (c, next) => {
  const regionId = c.req.param('regionId');
  if (!IdSchema.safeParse(regionId).success) throw new AppError('not_found');
  await c.get('services').feedbackDepartments.street(actorOf(c).id, regionId!);
  await next();
});

const streetParams = z.object({ regionId: IdSchema });
const departmentParams = streetParams.extend({ departmentId: IdSchema });

export const mineRoute = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/departments',
  tags: ['supervision'],
  summary: '我可设置部门的街道，以及我所在的街道部门 / Streets I set departments up for, and departments I act for',
  access: ['region-staff'],
  responses: { 200: json(MyFeedbackDepartmentsSchema) },
});

export const mineHandler: Handler<typeof mineRoute> = async (c) =>
  c.json(await c.get('services').feedbackDepartments.mine(actorOf(c).id), 200);

export const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/regions/{regionId}/feedback-departments',
  tags: ['supervision'],
  summary: '街道的码上提承办部门及其承办人 / The street’s departments that handle reports, and who acts for each',
  access: ['region-staff'],
  middleware: onStreetStaff,
  request: { params: streetParams },
  responses: { 200: json(FeedbackDepartmentsSchema) },
});

export const listHandler: Handler<typeof listRoute> = async (c) =>
  c.json(await c.get('services').feedbackDepartments.list(actorOf(c).id, c.req.valid('param').regionId), 200);

export const addRoute = defineRoute({
  method: 'post',
  path: '/api/v1/supervision/regions/{regionId}/feedback-departments',
  tags: ['supervision'],
  summary: '添加街道承办部门 / Add a street department',
  access: ['region-staff'],
  middleware: onStreetStaff,
  request: { params: streetParams, body: jsonBody(FeedbackDepartmentInputSchema) },
  errors: [409],
  responses: { 201: json(FeedbackDepartmentSchema) },
});

export const addHandler: Handler<typeof addRoute> = async (c) => {
  const { regionId } = c.req.valid('param');
  const saved = await c.get('services').feedbackDepartments.save(actorOf(c).id, regionId, null, c.req.valid('json'));
  return c.json(saved, 201);
};

export const updateRoute = defineRoute({
  method: 'put',
  path: '/api/v1/supervision/regions/{regionId}/feedback-departments/{departmentId}',
  tags: ['supervision'],
  summary: '修改街道承办部门及其承办人 / Change a street department and who acts for it',
  access: ['region-staff'],
  middleware: onStreetStaff,
  request: { params: departmentParams, body: jsonBody(FeedbackDepartmentInputSchema) },
  errors: [409],
  responses: { 200: json(FeedbackDepartmentSchema) },
});

export const updateHandler: Handler<typeof updateRoute> = async (c) => {
  const { regionId, departmentId } = c.req.valid('param');
  const saved = await c
    .get('services')
    .feedbackDepartments.save(actorOf(c).id, regionId, departmentId, c.req.valid('json'));
  return c.json(saved, 200);
};
