import { OrganisationCreateSchema, OrganisationSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/organisations',
  tags: ['organisations'],
  summary: '注册服务单位 / Register a business',
  description: '统一社会信用代码按 GB 32100 校验，每个代码只能注册一次；注册人成为负责人。',
  access: ['user'],
  request: { body: jsonBody(OrganisationCreateSchema) },
  errors: [409],
  responses: {
    201: json(OrganisationSchema, 'Registered'),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const created = await c.get('services').organisations.create(actorOf(c).id, c.req.valid('json'));
  return c.json(serialize(created), 201);
};
