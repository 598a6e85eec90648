import { OrganisationSchema } from '@city/contracts';
import { defineRoute, json, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';
import { organisationErrors, organisationOf, organisationParams as params } from './organisations.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/organisations/{organisation}',
  tags: ['organisations'],
  summary: '服务单位资料 / A business profile',
  access: ['org:member'],
  request: { params },
  responses: { 200: json(OrganisationSchema), ...organisationErrors },
});

export const handler: Handler<typeof route> = async (c) => {
  const { id, role } = organisationOf(c);
  return c.json(serialize(await c.get('services').organisations.get(id, role)), 200);
};
