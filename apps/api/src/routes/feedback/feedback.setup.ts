import { z } from '@hono/zod-openapi';
import {
  FeedbackSettingsSchema,
  IdSchema,
  FeedbackUnitInputSchema,
  FeedbackUnitSchema,
  StreetDepartmentSchema,
} from '@city/contracts';
import {
  businessesReportedOn,
  feedbackPlaces,
  feedbackSettings,
  feedbackUnits,
  saveFeedbackSettings,
  saveFeedbackUnit,
  streetDepartments,
} from '@city/core';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { handlingUnitParams } from './feedback.common.ts';

export const settingsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/feedback-settings',
  tags: ['neighbourhood'],
  summary: '码上提的分类与办理时限 / Categories and the loop’s clock',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(FeedbackSettingsSchema) },
});

export const settingsHandler: Handler<typeof settingsRoute> = async (c) =>
  c.json(await feedbackSettings(c.get('tx')), 200);

export const saveSettingsRoute = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/feedback-settings',
  tags: ['neighbourhood'],
  summary: '设置码上提的分类与办理时限 / Set categories and the clock',
  access: ['tenant:admin'],
  request: { params: tenantParams, body: jsonBody(FeedbackSettingsSchema) },
  responses: { 200: json(FeedbackSettingsSchema) },
});

export const saveSettingsHandler: Handler<typeof saveSettingsRoute> = async (c) =>
  c.json(await saveFeedbackSettings(c.get('tx'), auditContext(c), c.req.valid('json')), 200);

export const placesRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/feedback-places',
  tags: ['neighbourhood'],
  summary: '反映可选的地点（楼栋）/ The buildings a report may name',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(z.object({ buildings: z.array(z.object({ id: IdSchema, name: z.string() })) })) },
});

export const placesHandler: Handler<typeof placesRoute> = async (c) => c.json(await feedbackPlaces(c.get('tx')), 200);

const UnitsSchema = z.object({
  items: z.array(FeedbackUnitSchema),
  /** Businesses reports were about (vendor complaints), which an admin may bind as a vendor unit. */
  businesses: z.array(z.object({ organisationId: IdSchema, name: z.string() })),
  /** The departments of the street above, assignable from here (bound as a unit on first use). */
  departments: z.array(StreetDepartmentSchema),
});

export const unitsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/feedback-units',
  tags: ['neighbourhood'],
  summary: '承办单位 / Handling units',
  access: ['tenant:admin', 'tenant:staff'],
  request: { params: tenantParams },
  responses: { 200: json(UnitsSchema) },
});

export const unitsHandler: Handler<typeof unitsRoute> = async (c) => {
  const tx = c.get('tx');
  return c.json(
    serialize({
      items: await feedbackUnits(tx),
      businesses: await businessesReportedOn(tx),
      departments: await streetDepartments(tx),
    }),
    200,
  );
};

export const addUnitRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/feedback-units',
  tags: ['neighbourhood'],
  summary: '添加承办单位 / Add a handling unit',
  access: ['tenant:admin'],
  request: { params: tenantParams, body: jsonBody(FeedbackUnitInputSchema) },
  errors: [409],
  responses: { 201: json(FeedbackUnitSchema) },
});

export const addUnitHandler: Handler<typeof addUnitRoute> = async (c) =>
  c.json(serialize(await saveFeedbackUnit(c.get('tx'), auditContext(c), null, c.req.valid('json'))), 201);

export const updateUnitRoute = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/feedback-units/{handlingUnitId}',
  tags: ['neighbourhood'],
  summary: '修改承办单位及其成员 / Change a handling unit and its members',
  access: ['tenant:admin'],
  request: { params: handlingUnitParams, body: jsonBody(FeedbackUnitInputSchema) },
  errors: [409],
  responses: { 200: json(FeedbackUnitSchema) },
});

export const updateUnitHandler: Handler<typeof updateUnitRoute> = async (c) =>
  c.json(
    serialize(
      await saveFeedbackUnit(c.get('tx'), auditContext(c), c.req.valid('param').handlingUnitId, c.req.valid('json')),
    ),
    200,
  );
