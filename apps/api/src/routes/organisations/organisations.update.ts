import { ORGANISATION_MANAGERS, OrganisationSchema, OrganisationUpdateSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { organisationOf, organisationParams as params } from './organisations.common.ts';

export const route = defineRoute({
  method: 'patch',
  path: '/api/v1/organisations/{organisation}',
  tags: ['organisations'],
  summary: '修改服务单位资料 / Update a business profile',
  description: '统一社会信用代码注册后不可修改。',
  access: ORGANISATION_MANAGERS,
  request: { params, body: jsonBody(OrganisationUpdateSchema) },
  responses: { 200: json(OrganisationSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { id, role } = organisationOf(c);
  return c.json(serialize(await c.get('services').organisations.update(id, role, c.req.valid('json'))), 200);
};
