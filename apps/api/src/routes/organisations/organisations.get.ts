import { OrganisationSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { organisationOf, organisationParams as params } from './organisations.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/organisations/{organisation}',
  tags: ['organisations'],
  summary: '服务单位资料 / A business profile',
  access: ['org:member'],
  request: { params },
  responses: { 200: json(OrganisationSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { id, role } = organisationOf(c);
  return c.json(serialize(await c.get('services').organisations.get(id, role)), 200);
};
