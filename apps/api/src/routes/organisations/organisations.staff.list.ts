import { z } from '@hono/zod-openapi';
import { OrganisationStaffSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { organisationOf, organisationParams as params, staffView } from './organisations.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/organisations/{organisation}/staff',
  tags: ['organisations'],
  summary: '员工 / Staff',
  access: ['org:member'],
  request: { params },
  responses: { 200: json(z.object({ items: z.array(OrganisationStaffSchema) })) },
});

export const handler: Handler<typeof route> = async (c) => {
  const rows = await c.get('services').organisations.staff(organisationOf(c).id);
  return c.json({ items: rows.map(staffView) }, 200);
};
