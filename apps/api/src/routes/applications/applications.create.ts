import { ApplicationCreateSchema, ApplicationSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/applications',
  tags: ['applications'],
  summary: '申请开通小区 / Apply to open a neighbourhood',
  description: '同一社区内同名小区（忽略空格与标点）只能有一个待审核或已通过的申请。',
  access: ['user'],
  request: { body: jsonBody(ApplicationCreateSchema) },
  errors: [409],
  responses: {
    201: json(ApplicationSchema, 'Submitted'),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const application = await c.get('services').applications.create(actorOf(c), c.req.valid('json'));
  return c.json(serialize(application), 201);
};
